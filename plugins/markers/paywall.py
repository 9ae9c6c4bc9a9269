"""Paywall marks (order 100): `##paidbegin##` / `##paidend##` anywhere in a line.

The mark is cut out and the text around it closes up. When a mark stood
alone on a line, or at the end of a line, in the middle of a sentence (the
text before it does not end a sentence and the text after it is on the very
next line), the two halves are joined back into one paragraph.
"""

from __future__ import annotations

import re
from dataclasses import replace

from convert import Article, Block, Change, Config, Document

from .textedit import TERMINAL_PUNCTUATION, Edit, Outcome, is_empty, rewrite_texts

PASS_NAME = "paywall-marks"
RULE = "paywall-mark"
JOIN_RULE = "paywall-join"
PAID_MARK = re.compile(r"##paid(?:begin|end)##", re.IGNORECASE)
PAID_MARK_AT_END = re.compile(r"##paid(?:begin|end)##\s*$", re.IGNORECASE)


def find_paid_marks(text: str) -> Outcome:
    """Propose the removal of every paywall mark in `text`."""
    return Outcome(edits=[Edit(m.start(), m.end(), "", RULE) for m in PAID_MARK.finditer(text)])


def _cut_points(document: Document) -> set[int]:
    """Lines where a mark ended a line (or was the whole line) mid-sentence."""
    points: set[int] = set()
    for block in document.iter_blocks():
        if block.lines.first == block.lines.last and PAID_MARK_AT_END.search(block.text):
            points.add(block.lines.last)
    return points


def _join_cut(
    blocks: tuple[Block, ...], points: set[int], changes: list[Change]
) -> tuple[Block, ...]:
    result: list[Block] = []
    for block in blocks:
        previous = result[-1] if result else None
        if (
            previous is not None
            and _ends_mid_sentence(previous)
            and block.lead is None
            and block.numbering is None
            and _cut_between(previous.lines.last, block.lines.first, points)
        ):
            joined = replace(
                previous,
                text=previous.text + block.text,
                lines=previous.lines.merge(block.lines),
                marks=previous.marks
                + tuple(
                    replace(m, start=m.start + len(previous.text), end=m.end + len(previous.text))
                    for m in block.marks
                ),
            )
            changes.append(
                Change(
                    pass_name=PASS_NAME,
                    rule=JOIN_RULE,
                    lines=joined.lines,
                    before="\n",
                    after="",
                )
            )
            result[-1] = joined
            continue
        result.append(block)
    return tuple(result)


def _ends_mid_sentence(block: Block) -> bool:
    return (
        block.type == "paragraph"
        and block.numbering is None
        and bool(block.text)
        and not block.text.endswith(tuple(TERMINAL_PUNCTUATION))
    )


def _cut_between(last: int, first: int, points: set[int]) -> bool:
    """The next block follows at once, apart from the line of a removed mark."""
    if last in points and first == last + 1:
        return True
    return first == last + 2 and (last + 1) in points


def remove_paywall_marks(document: Document, config: Config) -> Document:
    """Pass: cut out paywall marks and re-join sentences they split."""
    points = _cut_points(document)
    cleaned = rewrite_texts(document, PASS_NAME, find_paid_marks)
    if not points:
        return cleaned
    changes: list[Change] = []
    front = _join_cut(cleaned.front, points, changes)
    articles = tuple(
        replace(a, blocks=_join_cut(a.blocks, points, changes)) for a in cleaned.articles
    )
    if not changes:
        return cleaned
    articles = tuple(_drop_empty(a) for a in articles)
    return replace(cleaned, front=front, articles=articles).with_audit(tuple(changes))


def _drop_empty(article: Article) -> Article:
    return replace(article, blocks=tuple(b for b in article.blocks if not is_empty(b)))
