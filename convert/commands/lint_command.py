"""`gongwen lint`: print every change and finding of the passes, with file:line.

Exit codes: 0 done (without --strict, whatever was found); 1 an input could
not be read or converted (the others are still linted); 2 usage error;
3 with --strict, something was reported in some input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..batch import STDIO, expand_inputs
from ..errors import ConvertError
from ..model import Document, Mark
from ..pipeline import Converter, info_for_path, read_input
from .common import add_common_options, add_normalization_options, converter_from_args

EXIT_OK, EXIT_FAILED, EXIT_FOUND = 0, 1, 3


@dataclass(slots=True)
class Report:
    """What lint found in one input (`error` set when it could not be read)."""

    path: str
    entries: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None


def add_parser(subparsers: Any) -> None:
    """Register `lint` and its options."""
    parser = subparsers.add_parser(
        "lint",
        help="list every change, finding and placeholder with file:line",
        description="Run the passes over each input and print, with file:line, every change "
        "they made (repairs, removed chrome, punctuation), every finding (numbering "
        "warnings, deleted names, unpaired quotes, possible leaks) and every placeholder left. "
        "Exit 3 with --strict when anything is reported.",
    )
    parser.add_argument("inputs", nargs="+", metavar="FILE", help="files or directories")
    parser.add_argument("--json", action="store_true", help="print one JSON report")
    parser.add_argument(
        "--strict", action="store_true", help="exit 3 when anything is reported (for CI gates)"
    )
    parser.add_argument("-f", "--from", dest="source", metavar="FORMAT", help="input format")
    add_common_options(parser)
    add_normalization_options(parser)
    parser.set_defaults(run=run)


def _lines(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


def _placeholder_entries(document: Document) -> Iterator[dict[str, Any]]:
    for block in document.iter_blocks():
        pairs: list[tuple[str, Mark]] = [(block.text, m) for m in block.marks]
        if block.lead is not None:
            pairs += [(block.lead.text, m) for m in block.lead.marks]
        for text, mark in pairs:
            if mark.kind != "placeholder":
                continue
            yield {
                "kind": "placeholder",
                "lines": [block.lines.first, block.lines.last],
                "rule": mark.role or "unknown",
                "text": text[mark.start : mark.end],
                "original": mark.original,
            }


def document_entries(document: Document) -> list[dict[str, Any]]:
    """Every change, finding and placeholder of a document, in line order."""
    entries: list[dict[str, Any]] = []
    for change in document.changes:
        entries.append(
            {
                "kind": "change",
                "lines": [change.lines.first, change.lines.last],
                "pass": change.pass_name,
                "rule": change.rule,
                "before": change.before,
                "after": change.after,
            }
        )
    for finding in document.findings:
        entries.append(
            {
                "kind": "finding",
                "lines": [finding.lines.first, finding.lines.last],
                "pass": finding.pass_name,
                "rule": finding.rule,
                "severity": finding.severity,
                "message": finding.message,
            }
        )
    entries.extend(_placeholder_entries(document))
    return sorted(entries, key=lambda e: (e["lines"][0], e["lines"][1]))


def lint_input(converter: Converter, name: str, source: str | None) -> Report:
    """Lint one input; a failure becomes the report's `error`."""
    report = Report(path=name)
    try:
        if name == STDIO:
            data, info = sys.stdin.buffer.read(), info_for_path("stdin")
        else:
            data, info = read_input(name), info_for_path(name)
        document = converter.parse(data, info, source)
    except ConvertError as error:
        report.error = str(error)
        return report
    report.entries = document_entries(document)
    return report


def _describe(entry: dict[str, Any]) -> str:
    if entry["kind"] == "change":
        before, after = (
            json.dumps(entry["before"], ensure_ascii=False),
            json.dumps(entry["after"], ensure_ascii=False),
        )
        return f"change {entry['pass']}/{entry['rule']}: {before} → {after}"
    if entry["kind"] == "finding":
        return f"{entry['severity']} {entry['pass']}/{entry['rule']}: {entry['message']}"
    shown = (
        entry["text"]
        if entry["text"] == entry["original"]
        else (f"{entry['original']} → {entry['text']}")
    )
    return f"placeholder {entry['rule']}: {shown}"


def format_report(report: Report) -> Iterator[str]:
    """Text lines `FILE:LINE: what`, identical neighbours folded into one line with ×N."""
    previous: str | None = None
    count = 0
    for entry in report.entries:
        line = f"{report.path}:{_lines(*entry['lines'])}: {_describe(entry)}"
        if line == previous:
            count += 1
            continue
        if previous is not None:
            yield previous + (f" ×{count}" if count > 1 else "")
        previous, count = line, 1
    if previous is not None:
        yield previous + (f" ×{count}" if count > 1 else "")


def run(args: argparse.Namespace) -> int:
    """Lint every input and print the reports; see the module docstring for exit codes."""
    converter = converter_from_args(args)
    names = [name for name, _ in expand_inputs(args.inputs, converter.host.sources().values())]
    if not names:
        raise ConvertError("no input files found")
    reports = [lint_input(converter, name, args.source) for name in names]
    if args.json:
        print(json.dumps(_json_reports(reports), ensure_ascii=False, indent=1))
    else:
        for report in reports:
            if report.error:
                print(f"gongwen: error: {report.error}", file=sys.stderr)
            for line in format_report(report):
                print(line)
    if any(report.error for report in reports):
        return EXIT_FAILED
    if args.strict and any(report.entries for report in reports):
        return EXIT_FOUND
    return EXIT_OK


def _json_reports(reports: list[Report]) -> dict[str, Any]:
    files = []
    for report in reports:
        counts: dict[str, int] = {}
        for entry in report.entries:
            counts[entry["kind"]] = counts.get(entry["kind"], 0) + 1
        files.append(
            {
                "path": report.path,
                "error": report.error,
                "counts": counts,
                "entries": report.entries,
            }
        )
    return {"files": files}
