"""The `gongwen` command line: parses arguments and hands over to a command module.

Exit codes: 0 success, 1 a conversion failed (one line on stderr naming the
file), 2 a usage error (a bad option, option value or setting: `ConfigError`).
Each sub-command lives in `convert.commands.<name>` with `add_parser(subparsers)`
and `run(args) -> int`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__
from .commands import COMMANDS
from .errors import ConfigError, ConvertError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="gongwen",
        description="Normalize Chinese work-report documents and convert them between "
        "plain text, HTML, Markdown, JSON and Word.",
    )
    parser.add_argument("--version", action="version", version=f"gongwen {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    _use_utf8_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
    except ConfigError as error:
        print(f"gongwen: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except ConvertError as error:
        print(f"gongwen: error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        return EXIT_OK
    return status


def _use_utf8_streams() -> None:
    # A GBK Windows console must not crash on CJK output (markitdown #79).
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
