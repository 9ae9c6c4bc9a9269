"""The hooks a gongwen plugin may implement. Each docstring is that hook's contract.

A plugin is a module or object with functions decorated by `convert.hookimpl`
and named like the specs below; it may accept fewer arguments than a spec
offers. Registration hooks return sequences; the host flattens them, refuses
two adapters with one name, and orders passes by (order, name), so the order
in which plugins were registered never reaches the output.
"""

from __future__ import annotations

from collections.abc import Sequence

import pluggy

from .adapters import Extractor, Pass, Sink, SiteProfile, Source, SourceInfo
from .config import Config

PROJECT_NAME = "gongwen"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def gongwen_sources() -> Sequence[Source]:
    """Return the source adapters this plugin provides.

    Called once per plugin manager. Names must be unique across all plugins;
    a clash is reported as a `PluginError` naming both plugins.
    """


@hookspec
def gongwen_passes() -> Sequence[Pass]:
    """Return the normalization passes this plugin provides.

    A pass must be pure: it returns a new `Document` (or the same one when it
    changed nothing) and appends a `Change` to the audit for every character it
    drops or rewrites, and a `Finding` for what it noticed but left alone.
    """


@hookspec
def gongwen_sinks() -> Sequence[Sink]:
    """Return the sink adapters this plugin provides (one per output format)."""


@hookspec
def gongwen_extractors() -> Sequence[Extractor]:
    """Return the HTML main-content extractors this plugin provides.

    The HTML source uses the one named by `Config.extractor` ("builtin" by
    default). Names must be unique across all plugins. A plugin whose library
    is missing should return an empty list rather than fail.
    """


@hookspec
def gongwen_site_profiles() -> Sequence[SiteProfile]:
    """Return site profiles: clean-up rules for families of HTML pages.

    Every profile whose `match` fits a page applies to it, in name order; their
    rules add up. Names must be unique across all plugins.
    """


@hookspec(firstresult=True)
def gongwen_detect_source(
    info: SourceInfo, head: bytes, sources: Sequence[Source]
) -> Source | None:
    """Choose the source adapter for an input, or return None to defer.

    `head` is the first 4 KiB of the input and `sources` the enabled adapters.
    The first non-None answer wins; the host's own fallback (registered
    `trylast`) picks by file extension, then by `Source.sniff`, then plain text.
    """


@hookspec
def gongwen_configure(config: Config) -> None:
    """Validate this plugin's settings before any input is read.

    Raise `ConfigError` with a message for the user when a setting in
    `config.plugin_settings[<plugin name>]` is wrong.
    """
