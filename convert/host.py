"""The plugin host: builds a plugin manager and collects what plugins register.

`get_plugin_manager()` builds a fresh manager on every call (no module-level
global), registers the built-in plugins listed in `DEFAULT_PLUGINS` exactly
like external ones, then loads the `gongwen` entry-point group one plugin at a
time so that a broken plugin becomes a warning naming it, never a crash.

`GONGWEN_LOAD_PLUGINS` limits which external plugins load: unset loads all,
an empty string loads none, a comma-separated list loads only those names.
`disabled` (the CLI's `--disable-plugin NAME`, or `GONGWEN_DISABLE_PLUGINS`)
blocks plugins, built-in ones included.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import pluggy

from . import hookspecs
from .adapters import Extractor, Pass, Sink, SiteProfile, Source, SourceInfo
from .errors import PluginError

ENTRY_POINT_GROUP = "gongwen"

DEFAULT_PLUGINS: tuple[str, ...] = (
    "convert_plugins.text_source",
    "convert_plugins.json_format",
    "convert_plugins.markdown_sink",
    "convert_plugins.structure",
    "convert_plugins.docx_sink",
    "convert_plugins.markers",
    "convert_plugins.html_source",
    "convert_plugins.trafilatura_extractor",
    "convert.detect",
)


@dataclass(frozen=True, slots=True)
class PluginProblem:
    """A plugin that could not be loaded, and why."""

    name: str
    reason: str

    def __str__(self) -> str:
        return f"plugin {self.name!r} was skipped: {self.reason}"


@dataclass(slots=True)
class Host:
    """A plugin manager plus what its plugins registered, checked and ordered."""

    pm: pluggy.PluginManager
    problems: list[PluginProblem] = field(default_factory=list)
    _collected: dict[str, dict[str, Any]] = field(default_factory=dict)

    def sources(self) -> dict[str, Source]:
        """Return the enabled source adapters by name, each bound to this host."""
        if "sources" not in self._collected:
            found: dict[str, Source] = _unique(self, "gongwen_sources")
            self._collected["sources"] = {
                name: source.bind(self) if source.bind else source for name, source in found.items()
            }
        return self._collected["sources"]

    def extractors(self) -> dict[str, Extractor]:
        """Return the enabled HTML main-content extractors by name."""
        return self._collect("extractors")

    def site_profiles(self) -> dict[str, SiteProfile]:
        """Return the enabled site profiles by name."""
        return self._collect("site_profiles")

    def sinks(self) -> dict[str, Sink]:
        """Return the enabled sink adapters by name."""
        return self._collect("sinks")

    def passes(self, disabled: Iterable[str] = ()) -> list[Pass]:
        """Return the enabled passes sorted by (order, name)."""
        skip = set(disabled)
        found: dict[str, Pass] = self._collect("passes")
        return sorted(
            (p for p in found.values() if p.name not in skip), key=lambda p: (p.order, p.name)
        )

    def detect_source(self, info: SourceInfo, head: bytes) -> Source:
        """Return the source adapter that should read this input."""
        sources = sorted(self.sources().values(), key=lambda s: (s.priority, s.name))
        chosen: Source | None = self.pm.hook.gongwen_detect_source(
            info=info, head=head, sources=sources
        )
        if chosen is None:
            raise PluginError(f"{info.display_name}: no source adapter is enabled")
        return chosen

    def _collect(self, kind: str) -> dict[str, Any]:
        if kind not in self._collected:
            self._collected[kind] = _unique(self, f"gongwen_{kind}")
        return self._collected[kind]


def get_plugin_manager(
    *,
    load_entrypoints: bool = True,
    disabled: Sequence[str] = (),
    environ: Mapping[str, str] | None = None,
) -> Host:
    """Build a fresh host with the built-in plugins and, optionally, external ones."""
    env = os.environ if environ is None else environ
    pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    host = Host(pm=pm)
    blocked = set(disabled) | _split_names(env.get("GONGWEN_DISABLE_PLUGINS", ""))
    for name in blocked:
        pm.set_blocked(name)
    for module_name in DEFAULT_PLUGINS:
        _register(host, importlib.import_module(module_name), _short_name(module_name))
    if load_entrypoints:
        _load_entrypoints(host, env.get("GONGWEN_LOAD_PLUGINS"))
    pm.check_pending()
    return host


def _short_name(module_name: str) -> str:
    return module_name.rsplit(".", 1)[-1]


def _split_names(value: str) -> set[str]:
    return {name.strip() for name in value.split(",") if name.strip()}


def _load_entrypoints(host: Host, allow: str | None) -> None:
    allowed = None if allow is None else _split_names(allow)
    for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        if allowed is not None and entry_point.name not in allowed:
            continue
        if host.pm.is_blocked(entry_point.name) or host.pm.has_plugin(entry_point.name):
            continue
        try:
            plugin = entry_point.load()
        except Exception as error:
            _report(host, entry_point.name, f"import failed: {type(error).__name__}: {error}")
            continue
        _register(host, plugin, entry_point.name)


def _register(host: Host, plugin: object, name: str) -> None:
    if host.pm.is_blocked(name):
        return
    try:
        host.pm.register(plugin, name=name)
        host.pm.check_pending()
    except Exception as error:
        if host.pm.is_registered(plugin):
            host.pm.unregister(plugin)
        _report(host, name, f"registration failed: {error}")


def _report(host: Host, name: str, reason: str) -> None:
    problem = PluginProblem(name=name, reason=reason)
    host.problems.append(problem)
    print(f"gongwen: warning: {problem}", file=sys.stderr)


def _unique(host: Host, hook_name: str) -> dict[str, Any]:
    """Flatten a registration hook's results, refusing duplicate names.

    A plugin whose registration hook raises is reported and contributes nothing.
    """
    found: dict[str, Any] = {}
    owner: dict[str, str] = {}
    for impl in getattr(host.pm.hook, hook_name).get_hookimpls():
        try:
            items = list(impl.function() or ())
        except Exception as error:
            _report(host, impl.plugin_name, f"{hook_name} failed: {type(error).__name__}: {error}")
            continue
        for item in items:
            if item.name in found:
                raise PluginError(
                    f"{hook_name}: {item.name!r} is registered by both "
                    f"{owner[item.name]!r} and {impl.plugin_name!r}"
                )
            found[item.name] = item
            owner[item.name] = impl.plugin_name
    return found


def registrations(host: Host, plugin: object) -> dict[str, list[str]]:
    """Return what one plugin registers: {"sources": [...], "passes": [...], "sinks": [...]}."""
    result: dict[str, list[str]] = {}
    for kind in ("sources", "passes", "sinks", "extractors", "site_profiles"):
        function = getattr(plugin, f"gongwen_{kind}", None)
        if callable(function):
            result[kind] = sorted(item.name for item in function())
    return result


def plugin_version(plugin: object) -> str | None:
    """Return the installed distribution version a plugin module belongs to."""
    module = plugin if isinstance(plugin, ModuleType) else sys.modules.get(type(plugin).__module__)
    if module is None:
        return None
    top = module.__name__.split(".", 1)[0]
    packages = importlib.metadata.packages_distributions().get(top, [])
    for distribution in packages:
        try:
            return importlib.metadata.version(distribution)
        except importlib.metadata.PackageNotFoundError:
            continue
    return None
