"""Rewrite block texts through audited edits.

A rule proposes `Edit`s (a span of the text, its replacement and the rule's
name); `rewrite_texts` applies them to every block's `text` and to the text of
its run-in `lead`, shifts existing marks, and records one `Change` per edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from convert import Block, Change, Document, Finding, Mark, Span, map_blocks

TERMINAL_PUNCTUATION = "。！？；：…!?;:”’）》】)"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace `text[start:end]` with `replacement`, on behalf of `rule`."""

    start: int
    end: int
    replacement: str
    rule: str


@dataclass(frozen=True, slots=True)
class Note:
    """Something a rule noticed in a text and left alone (becomes a `Finding`)."""

    rule: str
    message: str
    severity: str = "warning"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a rule found in one text: edits to apply and notes to report."""

    edits: Sequence[Edit] = ()
    notes: Sequence[Note] = ()


TextRule = Callable[[str], Outcome]


def apply_edits(
    text: str, marks: Sequence[Mark], edits: Sequence[Edit]
) -> tuple[str, tuple[Mark, ...], list[tuple[int, int]]]:
    """Apply non-overlapping edits; return the new text, shifted marks and new edit spans.

    Overlapping edits are a programming error. A mark that overlaps an edit
    keeps its start and stretches or shrinks with the edit.
    """
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    shift = 0
    shifts: list[tuple[int, int, int]] = []
    for edit in ordered:
        if edit.start < position:
            raise ValueError(f"overlapping edits at {edit.start} ({edit.rule})")
        pieces.append(text[position : edit.start])
        new_start = edit.start + shift
        pieces.append(edit.replacement)
        spans.append((new_start, new_start + len(edit.replacement)))
        delta = len(edit.replacement) - (edit.end - edit.start)
        shifts.append((edit.start, edit.end, delta))
        shift += delta
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces), tuple(_shift_mark(m, shifts) for m in marks), spans


def _shift_mark(mark: Mark, shifts: Sequence[tuple[int, int, int]]) -> Mark:
    start, end = mark.start, mark.end
    for edit_start, edit_end, delta in shifts:
        if edit_end <= mark.start:
            start += delta
            end += delta
        elif edit_start < mark.end:
            end += delta
    return replace(mark, start=start, end=max(start, end))


def _changes(pass_name: str, lines: Span, text: str, edits: Sequence[Edit]) -> list[Change]:
    return [
        Change(
            pass_name=pass_name,
            rule=edit.rule,
            lines=lines,
            before=text[edit.start : edit.end],
            after=edit.replacement,
        )
        for edit in sorted(edits, key=lambda e: e.start)
    ]


def _findings(pass_name: str, lines: Span, notes: Sequence[Note]) -> list[Finding]:
    return [
        Finding(
            pass_name=pass_name,
            rule=note.rule,
            lines=lines,
            message=note.message,
            severity="info" if note.severity == "info" else "warning",
        )
        for note in notes
    ]


def is_empty(block: Block) -> bool:
    """True when nothing of the block is left to show."""
    return (
        not block.text
        and block.lead is None
        and block.numbering is None
        and not block.rows
        and block.page is None
    )


def rewrite_texts(document: Document, pass_name: str, rule: TextRule) -> Document:
    """Run `rule` over every block text and lead text; apply and audit its edits.

    A block left with no text at all is dropped (its text is in the audit).
    """
    changes: list[Change] = []
    findings: list[Finding] = []

    def rewrite(block: Block) -> Block | list[Block] | None:
        new_block = block
        if block.lead is not None and block.lead.text:
            outcome = rule(block.lead.text)
            if outcome.edits:
                text, marks, _ = apply_edits(block.lead.text, block.lead.marks, outcome.edits)
                new_block = replace(new_block, lead=replace(block.lead, text=text, marks=marks))
            changes.extend(_changes(pass_name, block.lines, block.lead.text, outcome.edits))
            findings.extend(_findings(pass_name, block.lines, outcome.notes))
        if block.text:
            outcome = rule(block.text)
            if outcome.edits:
                text, marks, _ = apply_edits(block.text, block.marks, outcome.edits)
                new_block = replace(new_block, text=text, marks=marks)
            changes.extend(_changes(pass_name, block.lines, block.text, outcome.edits))
            findings.extend(_findings(pass_name, block.lines, outcome.notes))
        if new_block is block:
            return None
        return [] if is_empty(new_block) else new_block

    result = retitle(map_blocks(document, rewrite), pass_name, rule, changes)
    return result.with_audit(tuple(changes), tuple(findings))


def retitle(document: Document, pass_name: str, rule: TextRule, changes: list[Change]) -> Document:
    """Apply `rule` to article titles too.

    A title taken from a title line (`title_source == "text"`) is a copy of a
    block whose change is already audited; any other title is audited here,
    at the lines of the article's first block.
    """
    articles = []
    for article in document.articles:
        title = article.title
        edits = rule(title).edits if title else ()
        if not title or not edits:
            articles.append(article)
            continue
        new_title, _, _ = apply_edits(title, (), edits)
        if article.title_source != "text":
            lines = article.blocks[0].lines if article.blocks else Span(first=0, last=0)
            changes.extend(_changes(pass_name, lines, title, edits))
        articles.append(replace(article, title=new_title))
    return replace(document, articles=tuple(articles))


def all_texts(document: Document) -> list[str]:
    """Every block text and lead text, in reading order (for document-level gates)."""
    texts: list[str] = []
    for block in document.iter_blocks():
        if block.lead is not None:
            texts.append(block.lead.text)
        texts.append(block.text)
    return texts
