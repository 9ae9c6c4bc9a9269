"""Pass 450: numbering repair — canonical labels, lost numerals, gaps and duplicates.

Within each article, headings, run-in leads and numbered list items are
counted per level; a label of level L resets the counters below L. A label
whose numeral was lost (`()`) gets the next number by position, flagged
`inferred`. A number that skips ahead, repeats, goes back or restarts is
reported as a warning naming its line; it is never silently changed.

`canonical` is the GB/T 9704 label for the number as written (`(一）` →
`（一）`, `1、` → `1.`). With `labels = "renumber"` it is the sequential
number instead, and every label that changes is recorded as a `Change`.
The label as written always stays in `Numbering.label`. A heading whose text
repeats an earlier heading of the same article is reported too. Unnumbered
section lines become headings without numbering, under which the counters
start anew, and a phrase that lost its label is reported (see `sections.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from convert import Block, Change, Config, Document, Finding, Numbering

from .patterns import canonical_label, find_label
from .sections import mark_sections

PASS_NAME = "numbering"


@dataclass(slots=True)
class _Counter:
    """Last number seen per level, as written and as renumbered."""

    written: dict[int, int] = field(default_factory=dict)
    sequential: dict[int, int] = field(default_factory=dict)

    def reset_below(self, level: int) -> None:
        for deeper in [lvl for lvl in self.written if lvl > level]:
            del self.written[deeper]
        for deeper in [lvl for lvl in self.sequential if lvl > level]:
            del self.sequential[deeper]


@dataclass(slots=True)
class _Audit:
    changes: list[Change] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _numbering_of(block: Block) -> Numbering | None:
    if block.lead is not None:
        return block.lead.numbering
    return block.numbering


def _with_numbering(block: Block, numbering: Numbering) -> Block:
    if block.lead is not None:
        return replace(block, lead=replace(block.lead, numbering=numbering))
    return replace(block, numbering=numbering)


def _check(block: Block, numbering: Numbering, last: int, audit: _Audit) -> None:
    number = numbering.number
    if number is None or number == last + 1:
        return
    where = f"line {block.lines.first}"
    if last == 0:
        first = canonical_label(numbering.level, 1)
        rule, message = "gap", f"{where}: the numbering starts at {numbering.label}, not {first}"
    elif number == 1:
        rule, message = "restart", f"{where}: {numbering.label} restarts the numbering after {last}"
    elif number == last:
        rule, message = "duplicate", f"{where}: {numbering.label} repeats the previous number"
    elif number > last + 1:
        missing = canonical_label(numbering.level, last + 1)
        rule, message = "gap", f"{where}: {numbering.label} follows {last}; {missing} is missing"
    else:
        rule, message = "order", f"{where}: {numbering.label} comes after {last}"
    audit.findings.append(
        Finding(pass_name=PASS_NAME, rule=rule, lines=block.lines, message=message)
    )


def repair_block(block: Block, counter: _Counter, config: Config, audit: _Audit) -> Block:
    """Fill number, canonical and inferred for one numbered block and update the counters."""
    numbering = _numbering_of(block)
    if numbering is None:
        return block
    level = numbering.level
    last = counter.written.get(level, 0)
    _check(block, numbering, last, audit)
    number, inferred = numbering.number, numbering.inferred
    if number is None:
        # Documents built by hand or read from JSON may carry a label without its value.
        found = find_label(numbering.label + "文")
        number = found.number if found is not None and found.level == level else None
    if number is None:
        number, inferred = last + 1, True
        audit.findings.append(
            Finding(
                pass_name=PASS_NAME,
                rule="inferred",
                lines=block.lines,
                message=f"line {block.lines.first}: {numbering.label} has lost its numeral; "
                f"{canonical_label(level, number)} inferred from its position",
                severity="info",
            )
        )
    sequence = counter.sequential.get(level, 0) + 1
    counter.written[level] = number
    counter.sequential[level] = sequence
    counter.reset_below(level)
    shown = sequence if config.labels == "renumber" else number
    canonical = canonical_label(level, shown)
    if config.labels == "renumber" and shown != number:
        audit.changes.append(
            Change(
                pass_name=PASS_NAME,
                rule="renumber",
                lines=block.lines,
                before=numbering.label,
                after=canonical,
            )
        )
    if (numbering.number, numbering.canonical, numbering.inferred) == (number, canonical, inferred):
        return block  # most labels: the headings pass set these already
    repaired = replace(numbering, number=number, canonical=canonical, inferred=inferred)
    return _with_numbering(block, repaired)


def _heading_text(block: Block) -> str | None:
    if block.lead is not None:
        return block.lead.text
    return block.text if block.type == "heading" else None


def report_repeats(blocks: tuple[Block, ...], audit: _Audit) -> None:
    """Report a heading whose text repeats an earlier one of the same article.

    A repeated section usually means a body pasted twice under one title
    (a restart of `一、` inside an article); it is reported, never removed.
    """
    seen: dict[str, Block] = {}
    for block in blocks:
        text = _heading_text(block)
        if not text:
            continue
        first = seen.setdefault(text, block)
        if first is not block:
            audit.findings.append(
                Finding(
                    pass_name=PASS_NAME,
                    rule="repeated-heading",
                    lines=block.lines,
                    message=f"line {block.lines.first}: the heading “{text}” repeats "
                    f"line {first.lines.first}",
                )
            )


def run_numbering(document: Document, config: Config) -> Document:
    """Repair the numbering of every article and report repeated headings."""
    audit = _Audit()
    articles = []
    for article in document.articles:
        sectioned, notes = mark_sections(article.blocks)
        audit.findings.extend(notes)
        counter = _Counter()
        repaired = []
        for block in sectioned:
            if block.type == "heading" and block.numbering is None:
                counter = _Counter()  # an unnumbered section line: its labels count anew
            repaired.append(repair_block(block, counter, config, audit))
        blocks = tuple(repaired)
        report_repeats(blocks, audit)
        articles.append(replace(article, blocks=blocks))
    result = replace(document, articles=tuple(articles))
    return result.with_audit(tuple(audit.changes), tuple(audit.findings))
