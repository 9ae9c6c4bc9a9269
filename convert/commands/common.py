"""Options and helpers that several sub-commands share."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..config import Config, load_config
from ..host import Host, get_plugin_manager
from ..pipeline import Converter


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """Add --config, --disable-plugin and --encoding."""
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="read settings from FILE instead of ./gongwen.toml",
    )
    parser.add_argument(
        "--disable-plugin",
        action="append",
        default=[],
        metavar="NAME",
        help="do not load plugin NAME (repeatable; built-ins too)",
    )
    parser.add_argument(
        "--encoding", metavar="CODEC", help="decode inputs with CODEC instead of detecting it"
    )


def add_normalization_options(parser: argparse.ArgumentParser) -> None:
    """Add the options that steer the passes."""
    group = parser.add_argument_group("normalization")
    group.add_argument(
        "--disable-pass",
        action="append",
        default=None,
        metavar="NAME",
        dest="disable_passes",
        help="skip pass NAME (repeatable)",
    )
    group.add_argument(
        "--no-repair",
        action="store_false",
        dest="repair",
        default=None,
        help="leave censorship substitutions (D for 党) as they are",
    )
    group.add_argument(
        "--no-punctuation",
        action="store_false",
        dest="punctuation",
        default=None,
        help="leave punctuation and spacing as they are",
    )
    group.add_argument(
        "--placeholders",
        choices=("keep", "unify", "mark", "fill"),
        help="render anonymization placeholders: keep as written, unify to ×, "
        "mark (unify and highlight), fill from --fill (default: unify)",
    )
    group.add_argument(
        "--fill",
        dest="fill_file",
        metavar="FILE",
        help="TOML file with values for --placeholders fill",
    )
    group.add_argument(
        "--labels",
        choices=("keep", "canonical", "renumber"),
        help="heading labels as written, in GB/T 9704 form, or renumbered "
        "sequentially (default: canonical)",
    )
    group.add_argument(
        "--renumber",
        action="store_const",
        const="renumber",
        dest="labels",
        help="the same as --labels renumber",
    )
    group.add_argument(
        "--split-run-in",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a run-in heading ('（一）标题。正文') as heading + paragraph "
        "in Markdown (default: on)",
    )


def config_from_args(args: argparse.Namespace) -> Config:
    """Build the effective config: file, environment, then these arguments."""
    overrides: dict[str, Any] = {}
    for name in (
        "encoding",
        "repair",
        "punctuation",
        "placeholders",
        "fill_file",
        "labels",
        "split_run_in",
        "profile",
        "profile_file",
        "reference_docx",
        "toc",
        "extractor",
    ):
        overrides[name] = getattr(args, name, None)
    passes = getattr(args, "disable_passes", None)
    if passes:
        overrides["disable_passes"] = tuple(passes)
    return load_config(config_file=args.config, overrides=overrides)


def host_from_args(args: argparse.Namespace) -> Host:
    """Build the plugin host, honouring --disable-plugin."""
    return get_plugin_manager(disabled=tuple(args.disable_plugin))


def converter_from_args(args: argparse.Namespace) -> Converter:
    """Build a converter from the command-line arguments."""
    return Converter(config=config_from_args(args), host=host_from_args(args))
