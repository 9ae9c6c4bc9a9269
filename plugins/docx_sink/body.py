"""Body XML: one lxml element per block, built directly (linear in size).

Formatting lives in styles; paragraphs only name their style, except where the
standard ties a value to the text itself (the signature's indent depends on
the date's width) and for highlighted placeholders.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain

from lxml import etree

from convert import Article, Block, Document, Mark
from convert.model import labelled

from .closing import arabic_date, signature_right_chars
from .contents import (
    TOC_LEVELS,
    Bookmarks,
    contents_elements,
    entries_by_style,
    source_entries,
    toc_instruction,
)
from .ooxml import element, sub, text_element, twips
from .styles import ROLE_STYLES
from .tables import table_element

_PARAGRAPH = element("p").tag
_SOURCE_TOC = ("toc_title", "toc_entry")


@dataclass(frozen=True, slots=True, kw_only=True)
class Layout:
    """What the body builder needs: style ids by role and the rendering choices."""

    style_ids: dict[str, str]
    canonical_labels: bool
    highlight: str | None
    arabic_dates: bool
    date_right_chars: float
    center_signature: bool
    signature_right_chars: float
    body_size: float
    text_width_twips: int
    toc: bool


def body_elements(document: Document, layout: Layout) -> list[etree._Element]:
    """The body's paragraphs and tables in order; every article starts a page.

    The source's 目录 lines are replaced by a 目录 rebuilt from the body (see
    `_contents`), at the place of the source's; with `--toc` and no source 目录
    it goes at the end of the front matter.
    """
    front: list[etree._Element] = []
    toc_at: int | None = None
    for block in document.front:
        if block.type in _SOURCE_TOC:
            toc_at = len(front) if toc_at is None else toc_at
            continue
        front.extend(_block_elements(block, None, layout, after_heading=False))
    articles = [list(_article_elements(article, layout)) for article in document.articles]
    contents: list[etree._Element] = []
    if layout.toc or toc_at is not None:
        contents = _contents(document, [*front, *chain.from_iterable(articles)], layout)
        at = len(front) if toc_at is None else toc_at
        front[at:at] = contents
    # Compilation front matter (header, 目录) gets its own page; a single document whose
    # first lines were left in the front (an unrecognised title) runs on without a break.
    started = bool(contents) or any(block.type == "compilation_title" for block in document.front)
    elements = front
    for items in articles:
        if items and started:
            elements.extend(_page_break_before(items[0]))
            elements.extend(items[1:])
        else:
            elements.extend(items)
        started = started or bool(items)
    return elements


def _contents(
    document: Document, elements: list[etree._Element], layout: Layout
) -> list[etree._Element]:
    """The rebuilt 目录: a TOC field with `--toc`, else static lines (or nothing).

    Static lines list the article titles of a compilation, or the 一、 headings of a
    single document; failing those, the source's own entries without page numbers;
    with nothing left to list, no 目录 is written.
    """
    ids = layout.style_ids
    bookmarks = Bookmarks()
    if layout.toc:
        levels = {ids[role]: level for role, level in TOC_LEVELS.items()}
        entries = entries_by_style(elements, levels, bookmarks)
        return contents_elements(entries, ids, toc_instruction(ROLE_STYLES))
    compilation = len(document.articles) > 1 or any(
        block.type == "compilation_title" for block in document.front
    )
    listed = ids["title"] if compilation else ids["heading1"]
    entries = entries_by_style(elements, {listed: 1}, bookmarks) or source_entries(document.front)
    return contents_elements(entries, ids, None) if entries else []


def _article_elements(article: Article, layout: Layout) -> Iterator[etree._Element]:
    blocks = article.blocks
    after_heading = False
    if article.title_source == "toc" and article.title and not _starts_with_title(blocks):
        # The title was only in the source's 目录, which the DOCX rebuilds: keep it here.
        paragraph = _paragraph(layout.style_ids["title"])
        _append_text(paragraph, article.title, (), layout)
        yield paragraph
        after_heading = True
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        yield from _block_elements(block, following, layout, after_heading=after_heading)
        after_heading = block.type in ("title", "heading", "compilation_title")


def _starts_with_title(blocks: Sequence[Block]) -> bool:
    return bool(blocks) and blocks[0].type == "title"


def _page_break_before(item: etree._Element) -> list[etree._Element]:
    """Start a page at `item`: pageBreakBefore on a paragraph, a break before a table."""
    if item.tag == _PARAGRAPH:
        properties = item[0]
        # pageBreakBefore comes right after pStyle in the schema's pPr order.
        properties.insert(1, element("pageBreakBefore"))
        return [item]
    breaker = _paragraph(None)
    sub(sub(breaker, "r"), "br", type="page")
    return [breaker, item]


def _block_elements(
    block: Block, following: Block | None, layout: Layout, *, after_heading: bool
) -> Iterator[etree._Element]:
    ids = layout.style_ids
    kind = block.type
    if kind == "table" and block.rows:
        yield table_element(block.rows, layout.text_width_twips)
        return
    if kind in ("title", "compilation_title"):
        paragraph = _paragraph(ids[kind])
        _append_text(paragraph, block.text, block.marks, layout)
    elif kind == "heading":
        level = min(max(block.level or 1, 1), 4)
        paragraph = _paragraph(ids[f"heading{level}"])
        label = labelled(block.numbering, "", layout.canonical_labels)
        _append_text(paragraph, label + block.text, _shift(block.marks, len(label)), layout)
    elif kind == "salutation":
        paragraph = _paragraph(ids["salutation"])
        _append_text(paragraph, block.text, block.marks, layout)
    elif kind == "signature":
        paragraph = _signature(block, following, layout)
    elif kind == "date":
        paragraph = _paragraph(ids["date"])
        text = (arabic_date(block.text) if layout.arabic_dates else None) or block.text
        _append_text(paragraph, text, block.marks if text == block.text else (), layout)
    elif kind in _SOURCE_TOC:
        # Only reached inside an article (the front's 目录 is rebuilt): no stale page.
        paragraph = _paragraph(ids[kind])
        _append_text(paragraph, block.text, block.marks, layout)
    else:
        paragraph = _paragraph(ids["first"] if after_heading else ids["body"])
        if block.lead is not None:
            _append_lead(paragraph, block, layout)
        label = labelled(block.numbering, "", layout.canonical_labels)
        _append_text(paragraph, label + block.text, _shift(block.marks, len(label)), layout)
    yield paragraph


def _signature(block: Block, following: Block | None, layout: Layout) -> etree._Element:
    paragraph = _paragraph(layout.style_ids["signature"])
    if layout.center_signature:
        date = following.text if following is not None and following.type == "date" else None
        if date is not None and layout.arabic_dates:
            date = arabic_date(date) or date
        indent = signature_right_chars(block.text, date, layout.date_right_chars)
    else:
        indent = layout.signature_right_chars
    properties = paragraph[0]
    sub(
        properties,
        "ind",
        rightChars=str(round(indent * 100)),
        right=twips(indent * layout.body_size),
    )
    sub(properties, "jc", val="right")
    _append_text(paragraph, block.text, block.marks, layout)
    return paragraph


def _append_lead(paragraph: etree._Element, block: Block, layout: Layout) -> None:
    lead = block.lead
    assert lead is not None
    level = min(max(lead.numbering.level if lead.numbering else 3, 1), 4)
    label = labelled(lead.numbering, "", layout.canonical_labels)
    style = layout.style_ids[f"run_in{level}"]
    _append_text(paragraph, label + lead.text, _shift(lead.marks, len(label)), layout, style)


def _shift(marks: Sequence[Mark], offset: int) -> tuple[Mark, ...]:
    if not offset:
        return tuple(marks)
    return tuple(
        Mark(start=m.start + offset, end=m.end + offset, kind=m.kind, role=m.role) for m in marks
    )


def _paragraph(style: str | None) -> etree._Element:
    paragraph = element("p")
    properties = sub(paragraph, "pPr")
    if style is not None:
        sub(properties, "pStyle", val=style)
    return paragraph


def _append_text(
    paragraph: etree._Element,
    text: str,
    marks: Sequence[Mark],
    layout: Layout,
    char_style: str | None = None,
) -> None:
    """Append `text` as runs; placeholder marks become highlighted runs."""
    if not text:
        return
    spans = _highlight_spans(text, marks) if layout.highlight else []
    position = 0
    for start, end in spans:
        if start > position:
            _run(paragraph, text[position:start], char_style, None)
        _run(paragraph, text[start:end], char_style, layout.highlight)
        position = end
    if position < len(text):
        _run(paragraph, text[position:], char_style, None)


def _highlight_spans(text: str, marks: Sequence[Mark]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for mark in sorted(marks, key=lambda m: (m.start, m.end)):
        if mark.kind != "placeholder":
            continue
        start = max(mark.start, spans[-1][1] if spans else 0, 0)
        end = min(mark.end, len(text))
        if start < end:
            spans.append((start, end))
    return spans


def _run(
    paragraph: etree._Element, text: str, char_style: str | None, highlight: str | None
) -> None:
    run = sub(paragraph, "r")
    if char_style is not None or highlight is not None:
        properties = sub(run, "rPr")
        if char_style is not None:
            sub(properties, "rStyle", val=char_style)
        if highlight is not None:
            sub(properties, "highlight", val=highlight)
    text_element(run, text)
