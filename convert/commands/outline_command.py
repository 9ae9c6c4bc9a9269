"""`gongwen outline FILE`: print the articles, the heading tree and numbering warnings."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..model import Article, Block, Document, Numbering
from ..pipeline import info_for_path, read_input
from .common import add_common_options, add_normalization_options, converter_from_args

_INDENT = "  "
# The text outline shows what the structure passes noticed; --json carries every
# finding (with its pass) so that machines can filter for themselves.
STRUCTURE_FINDINGS = frozenset({"numbering", "articles", "join-lines"})


def add_parser(subparsers: Any) -> None:
    """Register `outline` and its options."""
    parser = subparsers.add_parser(
        "outline",
        help="print the articles, headings and numbering warnings of a file",
        description="Read one input, run the passes and print its outline: the articles of "
        "a compilation with their titles, every heading with its level and number, and "
        "the warnings about the numbering (gaps, duplicates, lost numerals).",
    )
    parser.add_argument("input", metavar="FILE", help="input file")
    parser.add_argument("--json", action="store_true", help="print JSON for machines")
    parser.add_argument(
        "-f",
        "--from",
        dest="source",
        metavar="FORMAT",
        help="input format: text, html, json (default: from the file name)",
    )
    add_common_options(parser)
    add_normalization_options(parser)
    parser.set_defaults(run=run)


def _heading_of(block: Block) -> tuple[Numbering | None, str, bool] | None:
    """Return (numbering, heading text, run-in) for a block that is part of the outline."""
    if block.type == "heading":
        return block.numbering, block.text, False
    if block.type == "paragraph" and block.lead is not None:
        return block.lead.numbering, block.lead.text, True
    return None


def heading_record(block: Block) -> dict[str, Any] | None:
    """Describe one heading (or run-in heading) of the outline, None for other blocks."""
    found = _heading_of(block)
    if found is None:
        return None
    numbering, text, run_in = found
    record: dict[str, Any] = {
        "level": numbering.level if numbering else None,
        "outline_level": block.level if not run_in else (numbering.level if numbering else None),
        "number": numbering.number if numbering else None,
        "label": numbering.label if numbering else None,
        "canonical_label": numbering.canonical if numbering else None,
        "inferred": numbering.inferred if numbering else False,
        "text": text,
        "run_in": run_in,
        "lines": [block.lines.first, block.lines.last],
    }
    return record


def article_record(index: int, article: Article) -> dict[str, Any]:
    """Describe one article: title, where it is, and its headings."""
    first = article.blocks[0].lines.first if article.blocks else None
    last = article.blocks[-1].lines.last if article.blocks else None
    headings = [r for r in (heading_record(b) for b in article.blocks) if r is not None]
    return {
        "index": index,
        "title": article.title,
        "title_source": article.title_source,
        "lines": [first, last],
        "headings": headings,
    }


def outline(document: Document) -> dict[str, Any]:
    """Return the outline of a normalized document as plain data (the --json form)."""
    compilation = next((b.text for b in document.front if b.type == "compilation_title"), None)
    toc_entries = sum(1 for b in document.front if b.type == "toc_entry")
    return {
        "source": document.meta.source_path,
        "compilation_title": compilation,
        "toc_entries": toc_entries,
        "articles": [article_record(i, a) for i, a in enumerate(document.articles, start=1)],
        "warnings": [
            {
                "pass": f.pass_name,
                "rule": f.rule,
                "severity": f.severity,
                "lines": [f.lines.first, f.lines.last],
                "message": f.message,
            }
            for f in document.findings
        ],
    }


def format_outline(data: dict[str, Any], canonical: bool) -> str:
    """Render an outline as an indented tree for people."""
    lines = [f"{data['source'] or '<stdin>'}: {len(data['articles'])} article(s)"]
    if data["compilation_title"]:
        lines.append(f"{_INDENT}汇编: {data['compilation_title']}")
    if data["toc_entries"]:
        lines.append(f"{_INDENT}目录: {data['toc_entries']} entries")
    for article in data["articles"]:
        title = article["title"] or "(no title)"
        source = "" if article["title_source"] == "text" else f" [title: {article['title_source']}]"
        span = article["lines"]
        lines.append(f"{article['index']}. {title}{source}  (lines {span[0]}–{span[1]})")
        for heading in article["headings"]:
            lines.append(_heading_line(heading, canonical))
    ours = [w for w in data["warnings"] if w["pass"] in STRUCTURE_FINDINGS]
    shown = [w for w in ours if w["severity"] == "warning"]
    notes = len(ours) - len(shown)
    others = len(data["warnings"]) - len(ours)
    if shown or notes:
        lines.append(f"warnings: {len(shown)}" + (f" (and {notes} notes)" if notes else ""))
        lines.extend(f"{_INDENT}{w['message']}" for w in shown)
    if others:
        lines.append(f"({others} findings of other passes: see --json)")
    return "\n".join(lines)


def _heading_line(heading: dict[str, Any], canonical: bool) -> str:
    level = heading["level"] or 1
    depth = heading["outline_level"] or level
    label = (heading["canonical_label"] if canonical else None) or heading["label"] or ""
    flags = []
    if heading["number"] is not None:
        flags.append(f"L{level} #{heading['number']}")
    if heading["inferred"]:
        flags.append("inferred")
    if heading["run_in"]:
        flags.append("run-in")
    flags.append(f"line {heading['lines'][0]}")
    return f"{_INDENT * depth}{label}{heading['text']}  [{', '.join(flags)}]"


def run(args: argparse.Namespace) -> int:
    """Print the outline of one input."""
    converter = converter_from_args(args)
    document = converter.parse(read_input(args.input), info_for_path(args.input), args.source)
    data = outline(document)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(format_outline(data, canonical=converter.config.labels != "keep"))
    return 0
