"""Pass 320: re-join lines that a page or line break cut in the middle of a sentence.

A block absorbs the next paragraph when it does not end in terminal
punctuation and is not a line that legitimately ends bare: a heading (unless
it holds a sentence or ends on a dangling word such as `等`), a title, a
salutation, a signature or a date, or a short unnumbered section line
(`2023年工作计划`). A bare number absorbs a following `、…` (`3` ⏎ `、培训…`).
Only lines as close as the input's usual paragraph spacing are joined (no
blank line in dense text, one in text that puts a blank after every line).
CJK text is joined without a space. A paragraph right before a restarting
`一、` is not joined: the restart means a new report began, and the missing
end of the previous one is reported instead (pages lost in a preview).
Inputs from HTML or Word sources are left alone: their paragraphs are the
author's own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from convert import Block, Change, Config, Document, Finding, Span

from .headings import classify_line
from .lists import sibling_lists
from .patterns import (
    DANGLING,
    DATE_LINE,
    ORGANISATION_END,
    SALUTATION,
    SENTENCE_BREAK,
    TITLE_END,
    ends_terminal,
    find_label,
    gap,
    has_cjk,
    is_spaced,
    strip_paywall,
)
from .roles import title_shaped

PASS_NAME = "join-lines"
# Sources whose blocks are the author's own paragraphs (HTML <p>, Word paragraphs):
# a paragraph there that ends without punctuation was written so, not cut.
PARAGRAPH_SOURCES = frozenset({"html", "docx"})
_CONTEXT_CHARS = 12
_BARE_NUMBER = re.compile(r"^\d{1,2}$")
_SECTION_LINE_MAX = 20
_PUNCTUATION = "，,。；;：:、！？!?“”"
_INTRO_MIN_CJK = 20
_HEADING_SENTENCE_CHARS = 40
_SIGNATURE_MAX = 30
_PHRASE_BREAK = "。！？!?：:"
_MIN_STATEMENT_SIBLINGS = 2
_CONTINUATION_START = frozenset("，,、；;）)》」』”’")


def _full_text(block: Block) -> str:
    lead = block.lead.text if block.lead else ""
    label = block.numbering.label if block.numbering else ""
    return label + lead + block.text


def _ends_bare_legitimately(block: Block, cut_items: frozenset[int]) -> bool:
    text = strip_paywall(block.text)
    if block.type == "heading" and block.lines.first in cut_items:
        return False
    if block.type == "heading":
        body = block.text
        holds_sentence = any(ch in body[:-1] for ch in SENTENCE_BREAK + "：:")
        long = len(body) > _HEADING_SENTENCE_CHARS
        return not (holds_sentence or long or body[-1] in DANGLING)
    if block.type != "paragraph":
        return True
    if SALUTATION.match(text) or DATE_LINE.match(text):
        return True
    if len(text) <= _SECTION_LINE_MAX and not any(ch in text for ch in _PUNCTUATION):
        # A short line without any punctuation is an unnumbered section line
        # (`2023年工作计划`, a heading that lost its `五、`), not half a sentence.
        return True
    if len(text) <= _SIGNATURE_MAX and ORGANISATION_END.search(text) and "，" not in text:
        return True
    return len(text) <= 60 and bool(TITLE_END.search(text)) and not has_sentence(text)


def has_sentence(text: str) -> bool:
    """Tell whether `text` holds a sentence break or a comma (titles hold neither)."""
    return any(ch in text for ch in "，,。；;！？!?")


def _is_statement(block: Block) -> bool:
    """Tell whether a numbered line is a whole statement: clauses, a final stop, no phrase."""
    text = block.text
    if not ends_terminal(text) or not any(ch in text for ch in "，,；;"):
        return False
    cut = next((i for i, ch in enumerate(text) if ch in _PHRASE_BREAK), len(text))
    return cut >= min(len(text) - 1, _HEADING_SENTENCE_CHARS)


def bare_items_among_statements(blocks: tuple[Block, ...]) -> frozenset[int]:
    """Return the first lines of bare-ended headings whose siblings are statements.

    In a list whose other items are whole statements (`2、根据…,组织…督查。`), an
    item that stops without punctuation (`3、针对今年管弄路xxx`) is a statement
    cut by a page break, not a heading; a list of phrases (`(一)大力开展…工作`)
    keeps its bare items as headings.
    """
    found: set[int] = set()
    for members in sibling_lists(blocks):
        items = [blocks[i] for i in members]
        for item in items:
            if item.type != "heading" or ends_terminal(item.text):
                continue
            others = [other for other in items if other is not item]
            statements = sum(1 for other in others if _is_statement(other))
            if statements >= _MIN_STATEMENT_SIBLINGS and 2 * statements > len(others):
                found.add(item.lines.first)
    return frozenset(found)


def _joinable(first: Block, second: Block, spacing: int, cut_items: frozenset[int]) -> bool:
    if second.type != "paragraph" or second.numbering or second.lead or second.marks:
        return False
    if find_label(second.text) is not None:
        return False
    if first.type not in ("paragraph", "heading") or first.marks:
        return False
    if gap(first, second) > spacing:
        return False
    if _BARE_NUMBER.match(first.text) and first.numbering is None:
        return second.text.startswith(("、", ".", "．"))
    if ends_terminal(first.text):
        return False
    # A line that opens with a comma or a closing mark continues the one before it.
    continues = second.text[:1] in _CONTINUATION_START
    if not continues and _ends_bare_legitimately(first, cut_items):
        return False
    return not (DATE_LINE.match(second.text) or SALUTATION.match(second.text))


def _starts_report(blocks: tuple[Block, ...], index: int) -> bool:
    """Tell whether `blocks[index]` reads as the intro of a new report rather than a tail.

    It does when a restarting `一、` follows it, it is a full paragraph, and
    the line it would be joined to is not itself right under a title line.
    """
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    numbering = following.numbering if following else None
    if numbering is None or numbering.level != 1 or numbering.number != 1:
        return False
    if not has_cjk(blocks[index].text, _INTRO_MIN_CJK):
        return False
    above = blocks[index - 2] if index >= 2 else None
    under_title = (
        above is not None
        and above.type == "paragraph"
        and above.numbering is None
        and title_shaped(above.text)
    )
    return not under_title


def join_blocks(blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], list[Change], list[Finding]]:
    """Join cut lines in one article; return the blocks, the joins and the doubts."""
    spacing = 1 if is_spaced(blocks) else 0
    cut_items = bare_items_among_statements(blocks)
    result: list[Block] = []
    changes: list[Change] = []
    findings: list[Finding] = []
    for index, block in enumerate(blocks):
        previous = result[-1] if result else None
        if previous is None or not _joinable(previous, block, spacing, cut_items):
            result.append(block)
            continue
        if _starts_report(blocks, index):
            findings.append(_boundary_finding(previous, block))
            result.append(block)
            continue
        head, tail = _full_text(previous), block.text
        span = previous.lines.merge(block.lines)
        changes.append(
            Change(
                pass_name=PASS_NAME,
                rule="join",
                lines=span,
                before=head[-_CONTEXT_CHARS:] + "\n" + tail[:_CONTEXT_CHARS],
                after=head[-_CONTEXT_CHARS:] + tail[:_CONTEXT_CHARS],
            )
        )
        result[-1] = _rebuild(previous, head + tail, span)
    return tuple(result), changes, findings


def _rebuild(previous: Block, text: str, span: Span) -> Block:
    rebuilt = classify_line(text, span)
    return replace(
        previous, type=rebuilt.type, text=rebuilt.text, numbering=rebuilt.numbering, lines=span
    )


def _boundary_finding(previous: Block, block: Block) -> Finding:
    return Finding(
        pass_name=PASS_NAME,
        rule="unfinished-before-restart",
        lines=previous.lines.merge(block.lines),
        message=f"line {previous.lines.last} ends mid-sentence but the numbering restarts "
        f"after line {block.lines.last}; not joined (text may be missing here)",
    )


def run_join(document: Document, config: Config) -> Document:
    """Re-join cut lines in every article of a line-oriented input."""
    if document.meta.source_adapter in PARAGRAPH_SOURCES:
        return document
    articles = []
    changes: list[Change] = []
    findings: list[Finding] = []
    for article in document.articles:
        blocks, joined, doubts = join_blocks(article.blocks)
        articles.append(replace(article, blocks=blocks))
        changes.extend(joined)
        findings.extend(doubts)
    return replace(document, articles=tuple(articles)).with_audit(tuple(changes), tuple(findings))
