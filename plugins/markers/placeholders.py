"""Anonymization placeholders (order 700, last): mark each with its role, render by policy.

Every placeholder gets `Mark(kind="placeholder", role=..., original=...)` on
its block (offsets into `block.text`) or on the lead (`lead.marks`), under every
policy. `Config.placeholders` decides the text:
- `keep`: as written;
- `unify` (default): every masking glyph becomes `×`, count and shape kept
  (`xxx.xx万元` → `×××.××万元`), each rewrite a `Change`;
- `mark`: like `unify`; sinks highlight the marks (Markdown ⟦…⟧, DOCX highlight);
- `fill`: values from `Config.fill_file` (see `fill_file`); a filled span
  carries `Mark(kind="filled")`, an unfilled placeholder is unified, keeps its
  placeholder mark and is listed as a `Finding`.
A person placeholder next to a real name with the same title is reported
(`xx副市长` … `曹霞副市长`): anonymization may have leaked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from convert import (
    Block,
    Change,
    Config,
    ConfigError,
    Document,
    Finding,
    Lead,
    Mark,
    Span,
    map_blocks,
)

from .chars import HAN_RANGES
from .fill_file import FillTable, load_fill_table
from .placeholder_detect import PERSON_TITLES, Placeholder, find_placeholders, unify
from .textedit import Edit, apply_edits

PASS_NAME = "placeholders"
KIND = "placeholder"
FILLED = "filled"


class _Audit:
    def __init__(self) -> None:
        self.changes: list[Change] = []
        self.findings: list[Finding] = []

    def change(self, lines: Span, rule: str, before: str, after: str) -> None:
        self.changes.append(
            Change(pass_name=PASS_NAME, rule=rule, lines=lines, before=before, after=after)
        )

    def finding(self, lines: Span, rule: str, message: str) -> None:
        self.findings.append(Finding(pass_name=PASS_NAME, rule=rule, lines=lines, message=message))


def _context_edits(text: str, found: list[Placeholder], table: FillTable) -> list[tuple[Edit, str]]:
    """Fill edits for context keys; each paired with the original placeholder text."""
    unified = list(text)
    for ph in found:
        unified[ph.start : ph.end] = unify(ph.original)
    shape = "".join(unified)
    edits: list[tuple[Edit, str]] = []
    taken: list[tuple[int, int]] = []
    for key, value in table.contexts:
        key_shape = key
        for ph in find_placeholders(key):
            key_shape = key_shape[: ph.start] + unify(ph.original) + key_shape[ph.end :]
        for match in re.finditer(re.escape(key_shape), shape):
            start, end = match.span()
            inside = [p for p in found if start <= p.start and p.end <= end]
            cut = [p for p in found if p.start < end and start < p.end and p not in inside]
            if inside and not cut and not any(s < end and start < e for s, e in taken):
                taken.append((start, end))
                edits.append((Edit(start, end, value, "placeholder-fill"), inside[0].role))
    return edits


def _with_earlier(
    text: str, found: list[Placeholder], marks: tuple[Mark, ...]
) -> list[Placeholder]:
    """Add placeholders an earlier run marked that detection alone no longer sees (`×宗（×）`)."""
    extra = [
        Placeholder(m.start, m.end, m.role or "unknown", text[m.start : m.end])
        for m in marks
        if m.kind == KIND
        and 0 <= m.start < m.end <= len(text)
        and set(text[m.start : m.end]) <= set("×.")
        and not any(p.start < m.end and m.start < p.end for p in found)
    ]
    return sorted(found + extra, key=lambda p: p.start)


@dataclass(frozen=True, slots=True)
class _Planned:
    """One planned rewrite of a placeholder and the mark its result gets."""

    edit: Edit
    kind: str
    role: str


def _fill_plan(text: str, found: list[Placeholder], table: FillTable) -> list[_Planned]:
    """Context keys first (longest first), then role keys for what is left."""
    plan = [_Planned(edit, FILLED, role) for edit, role in _context_edits(text, found, table)]
    for ph in found:
        filled = any(p.edit.start <= ph.start < p.edit.end for p in plan)
        if not filled and ph.role in table.roles:
            edit = Edit(ph.start, ph.end, table.roles[ph.role], "placeholder-fill")
            plan.append(_Planned(edit, FILLED, ph.role))
    return plan


def _plan(text: str, found: list[Placeholder], config: Config) -> list[_Planned]:
    """Fills (under `fill`), then `unify` for every placeholder not filled."""
    plan: list[_Planned] = []
    if config.placeholders == "fill" and config.fill_file:
        plan = _fill_plan(text, found, load_fill_table(config.fill_file))
    for ph in found:
        if not any(p.edit.start <= ph.start < p.edit.end for p in plan):
            edit = Edit(ph.start, ph.end, unify(ph.original), "placeholder-unify")
            plan.append(_Planned(edit, KIND, ph.role))
    return sorted(plan, key=lambda p: p.edit.start)


def _render(
    text: str,
    marks: tuple[Mark, ...],
    lines: Span,
    config: Config,
    audit: _Audit,
    detected: list[Placeholder],
) -> tuple[str, tuple[Mark, ...]]:
    """Return the text rendered by the policy and its marks (old placeholder marks replaced).

    `detected` is `find_placeholders(text)`.
    """
    if not detected and not marks:
        return text, marks
    kept = tuple(m for m in marks if m.kind not in (KIND, FILLED))
    # On a second run (gongwen JSON normalized again) the source's spelling survives.
    earlier = {(m.start, m.end): m.original for m in marks if m.kind == KIND and m.original}
    found = _with_earlier(text, detected, marks)
    if config.placeholders == "keep" or not found:
        new = tuple(
            Mark(
                start=p.start,
                end=p.end,
                kind=KIND,
                role=p.role,
                original=earlier.get((p.start, p.end), p.original),
            )
            for p in found
        )
        return text, kept + new
    plan = _plan(text, found, config)
    new_text, shifted, spans = apply_edits(text, kept, [p.edit for p in plan])
    new_marks = list(shifted)
    for planned, (start, end) in zip(plan, spans, strict=True):
        before = text[planned.edit.start : planned.edit.end]
        if before != planned.edit.replacement:
            audit.change(lines, planned.edit.rule, before, planned.edit.replacement)
        if config.placeholders == "fill" and planned.kind == KIND:
            audit.finding(
                lines,
                "placeholder-unfilled",
                f"“{before}” ({planned.role}) has no value in the fill file",
            )
        original = earlier.get((planned.edit.start, planned.edit.end), before)
        mark = Mark(start=start, end=end, kind=planned.kind, role=planned.role, original=original)
        new_marks.append(mark)
    return new_text, tuple(sorted(new_marks, key=lambda m: m.start))


def _leak_findings(text: str, lines: Span, audit: _Audit, detected: list[Placeholder]) -> None:
    seen: set[str] = set()
    for ph in detected:
        if ph.role != "person":
            continue
        title = next((t for t in PERSON_TITLES if text.startswith(t, ph.end)), None)
        if title is None or title in seen:
            continue
        seen.add(title)
        for match in re.finditer(f"([{HAN_RANGES}]{{2}}){re.escape(title)}", text):
            audit.finding(
                lines,
                "placeholder-leak",
                f"“{match.group()}” stands near the placeholder “{ph.original}{title}”: "
                "a real name may have escaped anonymization",
            )


def _block(block: Block, config: Config, audit: _Audit) -> Block:
    new = block
    if block.lead is not None and block.lead.text:
        detected = find_placeholders(block.lead.text, after=block.text)
        _leak_findings(block.lead.text, block.lines, audit, detected)
        text, marks = _render(
            block.lead.text, block.lead.marks, block.lines, config, audit, detected
        )
        if text != block.lead.text or marks != block.lead.marks:
            new = replace(new, lead=Lead(text=text, numbering=block.lead.numbering, marks=marks))
    if block.text:
        detected = find_placeholders(block.text, before=block.lead.text if block.lead else "")
        _leak_findings(block.text, block.lines, audit, detected)
        text, marks = _render(block.text, block.marks, block.lines, config, audit, detected)
        if text != block.text or marks != block.marks:
            new = replace(new, text=text, marks=marks)
    return new


def placeholder_pass(document: Document, config: Config) -> Document:
    """Pass: mark every placeholder with its role and render it by `Config.placeholders`."""
    if config.placeholders == "fill":
        if not config.fill_file:
            raise ConfigError('placeholders = "fill" needs a fill file (fill_file, --fill FILE)')
        load_fill_table(config.fill_file)  # a bad fill file fails before any edit
    audit = _Audit()
    result = map_blocks(document, lambda block: _block(block, config, audit))
    result = _retitle(result, config, audit)
    return result.with_audit(tuple(audit.changes), tuple(audit.findings))


def _retitle(document: Document, config: Config, audit: _Audit) -> Document:
    """Render placeholders in article titles; only titles not copied from a block are audited."""
    articles = []
    for article in document.articles:
        if not article.title:
            articles.append(article)
            continue
        lines = article.blocks[0].lines if article.blocks else Span(first=0, last=0)
        scratch = _Audit() if article.title_source == "text" else audit
        detected = find_placeholders(article.title)
        title, _ = _render(article.title, (), lines, config, scratch, detected)
        articles.append(replace(article, title=title))
    return replace(document, articles=tuple(articles))
