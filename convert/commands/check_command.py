"""`gongwen check`: report how DOCX files depart from a layout profile."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from typing import Any

from ..errors import ConvertError
from .common import config_from_args

# The checker belongs to the DOCX sink plugin; import it by name so the core
# does not depend on the built-in plugin package at import time.
_CHECKER = "convert_plugins.docx_sink.check"
_PROFILES = "convert_plugins.docx_sink.profile"


def add_parser(subparsers: Any) -> None:
    """Register `check` and its options."""
    parser = subparsers.add_parser(
        "check",
        help="report how DOCX files depart from a layout profile",
        description="Compare each DOCX with a layout profile (page, margins, grid, fonts, "
        "sizes, heading styles, page numbers, date format) and print one line per "
        "departure. Exit status is 0 unless --strict finds departures or a file is unreadable.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE.docx", help="Word files to check")
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when any file departs from the profile"
    )
    parser.add_argument("--profile", help="layout profile to check against (default: gbt9704)")
    parser.add_argument("--profile-file", metavar="FILE", help="layout profile TOML file")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only the summaries")
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="read settings from FILE instead of ./gongwen.toml",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Check every file; 1 for an unreadable file, or for any departure with --strict."""
    config = config_from_args(args)
    profile = importlib.import_module(_PROFILES).load_profile(config)
    checker = importlib.import_module(_CHECKER)
    status = 0
    for path in args.files:
        try:
            departures: list[Any] = checker.check_docx(path, profile)
        except ConvertError as error:
            print(f"gongwen: error: {error}", file=sys.stderr)
            status = 1
            continue
        if not args.quiet:
            for departure in departures:
                print(f"{path}: {departure.area}: {departure.message}")
        if departures:
            count = len(departures)
            plural = "departure" if count == 1 else "departures"
            print(f"{path}: {count} {plural} from profile {profile.name}")
            if args.strict:
                status = 1
        else:
            print(f"{path}: matches profile {profile.name}")
    return status
