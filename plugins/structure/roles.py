"""Pass 360: article titles, salutations, signatures and dates.

- Title: an unnumbered line without terminal punctuation or commas, at most
  `TITLE_MAX_CHARS` long, that either appears in the 目录, or ends like a report
  title (`…总结`, `…计划`, `…思路`, `…安排` …) and stands apart: a blank line
  after it (or a salutation right under it) and, before it, a blank line (two
  in inputs that put a blank line after every line) or the start of the body.
  The first line of a document that is not a compilation is also a title when
  it stands apart and names a kind of official document (`…的通知`, `…的意见`,
  `…讲话`). Paywall marks glued to its front (`##paidbegin##…`) are tolerated
  and left for their own pass.
- Salutation: a whole line such as `各位代表：` or `各位代表、同志们:`;
  `各位代表,2023年…` inside a paragraph is not one.
- Date: a whole line `2023年10月19日` (also in Chinese numerals); the short
  organisation line just above it (`XX市XX区发展和改革局`) is the signature.
"""

from __future__ import annotations

from dataclasses import replace

from convert import Block, Config, Document

from .patterns import (
    DATE_LINE,
    DOCUMENT_KIND_END,
    ORGANISATION_END,
    SALUTATION,
    TITLE_END,
    ends_terminal,
    gap,
    has_cjk,
    is_spaced,
    strip_paywall,
)

TITLE_MAX_CHARS = 60
TITLE_MIN_CHARS = 4
SIGNATURE_MAX_CHARS = 30


def _plain(block: Block) -> bool:
    return block.type == "paragraph" and not (block.numbering or block.lead or block.marks)


def title_shaped(text: str) -> bool:
    """Tell whether a line could be a title: short, unpunctuated, no sentence inside."""
    bare = strip_paywall(text)
    return (
        TITLE_MIN_CHARS <= len(bare) <= TITLE_MAX_CHARS
        and not ends_terminal(bare)
        and not any(ch in bare for ch in "，,。；;！？!?")
        and has_cjk(bare, 4)
    )


def _stands_apart(blocks: tuple[Block, ...], index: int, spaced: bool) -> bool:
    before_needed = 2 if spaced else 1
    before_ok = index == 0 or gap(blocks[index - 1], blocks[index]) >= before_needed
    after_ok = (
        index + 1 == len(blocks)
        or gap(blocks[index], blocks[index + 1]) >= 1
        # A speech's title sits right above its salutation ("…的报告" ⏎ "各位代表：").
        or bool(SALUTATION.match(blocks[index + 1].text))
    )
    return before_ok and after_ok


def assign_roles(
    blocks: tuple[Block, ...], toc_titles: frozenset[str], first_is_title: bool
) -> tuple[Block, ...]:
    """Mark titles, salutations, signatures and dates among one article's blocks."""
    spaced = is_spaced(blocks)
    result: list[Block] = []
    for index, block in enumerate(blocks):
        if not _plain(block):
            result.append(block)
            continue
        text = block.text
        if SALUTATION.match(text):
            result.append(replace(block, type="salutation"))
        elif DATE_LINE.match(text):
            if result and _signature_shaped(result[-1]) and gap(result[-1], block) == 0:
                result[-1] = replace(result[-1], type="signature")
            result.append(replace(block, type="date"))
        elif title_shaped(text) and _is_title(blocks, index, spaced, toc_titles, first_is_title):
            result.append(replace(block, type="title"))
        else:
            result.append(block)
    return tuple(result)


def _is_title(
    blocks: tuple[Block, ...],
    index: int,
    spaced: bool,
    toc_titles: frozenset[str],
    first_is_title: bool,
) -> bool:
    bare = strip_paywall(blocks[index].text)
    if bare in toc_titles:
        return True
    if not _stands_apart(blocks, index, spaced):
        return False
    if TITLE_END.search(bare):
        return True
    return index == 0 and first_is_title and bool(DOCUMENT_KIND_END.search(bare))


def _signature_shaped(block: Block) -> bool:
    text = block.text
    return (
        _plain(block)
        and len(text) <= SIGNATURE_MAX_CHARS
        and not ends_terminal(text)
        and bool(ORGANISATION_END.search(text))
    )


def run_roles(document: Document, config: Config) -> Document:
    """Mark titles, salutations, signatures and dates in every article."""
    toc_titles = frozenset(
        strip_paywall(b.text) for b in document.front if b.type == "toc_entry" and b.text
    )
    is_compilation = any(b.type == "compilation_title" for b in document.front)
    articles = tuple(
        replace(
            article,
            blocks=assign_roles(article.blocks, toc_titles, first_is_title=not is_compilation),
        )
        for article in document.articles
    )
    return replace(document, articles=articles)
