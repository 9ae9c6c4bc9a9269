"""Unnumbered section lines and headings that lost their label (part of pass 450).

Some reports open their top sections with a short line and no label
(`2023年政府工作回顾`, `2023年工作计划`, 002:587/609; `2023年工作思路`,
004:1245). Such a line — a plain paragraph of at most `SECTION_MAX_CHARS`
characters without any punctuation, that starts with a year or ends in a
section word (回顾 总结 计划 思路 …) — becomes a `heading` with
`numbering=None`, and the numbering counters restart under it. What that
means for the labels under it is reported: a restart of a sequence begun
before it, or a `一、` list that starts under it (its labels then sit one
level below the line).

Word's navigation pane and the Markdown `#` depth follow the outline, not
the label: a section line gets `outline_level` 1, and when the numbered
headings under it (up to the next section line or the article's end) start
at `一、`, each of them sits one outline level deeper than its label's level
(`一、` → 2, `（一）` → 3, `1.` → 4), reported as `outline-shift`. The
outline has four levels (GB/T 9704 defines four label levels): a `（1）` under
a section line stays at 4, sharing Heading 4 with the `1.` above it. Labels,
text and `Numbering.level` never change; run-in leads and list items are
not headings and are not shifted.

A short unpunctuated paragraph that stands after the text of heading N of a
list whose N+1 never comes (`持续提升政府公共服务和社会治理能力` after
`四、…`, 002:649) has probably lost its label; it is left as it is and
reported (`lost-label`), naming the label it would have. A line ending like
an organisation (`XX区发展和改革局`, a signature without its date) is not one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Literal

from convert import Block, Finding

from .lists import numbering_of
from .patterns import DATE_LINE, ORGANISATION_END, canonical_label, has_cjk

PASS_NAME = "numbering"
OUTLINE_LEVELS = 4
SECTION_MAX_CHARS = 20
LOST_LABEL_MAX_CHARS = 24
_PUNCTUATION = "，,。；;：:、！？!?“”‘’（）()《》【】"
_SECTION_LINE = re.compile(
    r"^\d{4}年.*(?:回顾|总结|计划|思路|安排|打算|要点|目标|任务|展望|情况)$"
    r"|(?:工作回顾|工作总结|工作计划|工作思路|工作安排|工作打算|工作要点)$"
)


def _bare_phrase(block: Block, max_chars: int, min_cjk: int) -> bool:
    text = block.text.strip()
    return (
        block.type == "paragraph"
        and block.numbering is None
        and block.lead is None
        and len(text) <= max_chars
        and has_cjk(text, min_cjk)
        and not any(ch in _PUNCTUATION for ch in text)
        and not DATE_LINE.match(text)
    )


def is_section_line(block: Block) -> bool:
    """Tell whether a plain paragraph is an unnumbered section line (`2023年工作计划`)."""
    return _bare_phrase(block, SECTION_MAX_CHARS, 4) and bool(_SECTION_LINE.search(block.text))


def mark_sections(blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], list[Finding]]:
    """Turn unnumbered section lines into headings; report them and probable lost labels."""
    result = list(blocks)
    findings: list[Finding] = []
    for index, block in enumerate(blocks):
        if is_section_line(block):
            result[index] = replace(block, type="heading", outline_level=1)
            findings.append(_section_finding(blocks, index))
        elif _bare_phrase(block, LOST_LABEL_MAX_CHARS, 6) and not ORGANISATION_END.search(
            block.text
        ):
            lost = _lost_label(blocks, index)
            if lost is not None:
                findings.append(lost)
    findings.extend(_shift_under_sections(result))
    return tuple(result), findings


def _shift_under_sections(blocks: list[Block]) -> list[Finding]:
    """Put the numbered headings under each section line one outline level deeper."""
    findings: list[Finding] = []
    starts = [i for i, b in enumerate(blocks) if b.type == "heading" and b.numbering is None]
    for start, end in zip(starts, [*starts[1:], len(blocks)][: len(starts)], strict=True):
        under = [
            i
            for i in range(start + 1, end)
            if blocks[i].type == "heading" and blocks[i].numbering is not None
        ]
        levels = [n.level for i in under if (n := blocks[i].numbering) is not None]
        if not levels or min(levels) != 1:
            continue  # nothing under it, or its labels already sit below level 1
        for i in under:
            numbering = blocks[i].numbering
            assert numbering is not None  # chosen above for having one
            blocks[i] = replace(blocks[i], outline_level=min(numbering.level + 1, OUTLINE_LEVELS))
        section, span = blocks[start], blocks[under[0]].lines.merge(blocks[under[-1]].lines)
        message = (
            f"line {section.lines.first}: the numbered headings under “{section.text}” "
            f"(lines {span}) sit one outline level deeper than their labels (一、 → Heading 2)"
        )
        findings.append(_finding(section, "outline-shift", message, "info"))
    return findings


def _section_finding(blocks: tuple[Block, ...], index: int) -> Finding:
    line = blocks[index]
    where = f"line {line.lines.first}: the unnumbered section line “{line.text}”"
    after = None
    for block in blocks[index + 1 :]:
        if is_section_line(block):
            break  # the next section line: nothing numbered under this one
        if numbering_of(block) is not None:
            after = block
            break
    numbering = numbering_of(after) if after is not None else None
    if after is None or numbering is None or numbering.number != 1:
        return _finding(line, "unnumbered-section", f"{where} is read as a heading", "info")
    earlier = any(
        (n := numbering_of(b)) is not None and n.level == numbering.level for b in blocks[:index]
    )
    if earlier:
        message = (
            f"{where} restarts the numbering: {numbering.label} at line "
            f"{after.lines.first} begins again under it"
        )
        return _finding(line, "restart-under-section", message, "warning")
    message = (
        f"{where} holds the list from {numbering.label} at line {after.lines.first}: "
        "those labels sit one level below it"
    )
    return _finding(line, "unnumbered-section", message, "warning")


def _lost_label(blocks: tuple[Block, ...], index: int) -> Finding | None:
    """Report a bare phrase standing where heading N+1 of the list before it would be."""
    previous = next(
        (b for b in reversed(blocks[:index]) if b.type == "heading" and b.numbering is not None),
        None,
    )
    if previous is None or previous.numbering is None or previous.numbering.number is None:
        return None
    if blocks[index - 1] is previous:
        return None  # a line right under a heading is its text, not its sibling
    level, number = previous.numbering.level, previous.numbering.number
    for block in blocks[index + 1 :]:
        numbering = numbering_of(block)
        if numbering is not None and numbering.level <= level:
            if numbering.level == level and numbering.number == number + 1:
                return None
            break
    missing = canonical_label(level, number + 1)
    message = (
        f"line {blocks[index].lines.first}: “{blocks[index].text}” stands where {missing} "
        f"would follow {previous.numbering.label} (line {previous.lines.first}); "
        "its label was probably lost"
    )
    return _finding(blocks[index], "lost-label", message, "warning")


def _finding(
    block: Block, rule: str, message: str, severity: Literal["info", "warning"]
) -> Finding:
    return Finding(
        pass_name=PASS_NAME, rule=rule, lines=block.lines, message=message, severity=severity
    )
