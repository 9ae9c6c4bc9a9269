"""The 目录 of a DOCX, rebuilt from the document's own titles and headings.

The source's 目录 lines are not copied: their page numbers belong to another
layout (and some sources list the 汇编 header and "目录" itself, or lost the
titles). Entries are read from the paragraphs already built, so what is listed
is exactly what the body shows, and each entry links to a bookmark on its
paragraph. With `--toc` the entries are the cached result of a `TOC` field,
the same list Word builds when it updates the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lxml import etree

from convert import Block

from .ooxml import XML_SPACE, element, sub, text_element, w

TOC_TITLE = "目录"
# Body style role → TOC level: article titles, then headings 一、 and （一）.
TOC_LEVELS = {"title": 1, "heading1": 2, "heading2": 3}
TOC_ENTRY_ROLES = {1: "toc_entry", 2: "toc_entry2", 3: "toc_entry3"}
TOC_PLACEHOLDER = "（目录：在 Word 中右击此处选择“更新域”，或按 F9 生成）"
BOOKMARK_PREFIX = "_Toc"  # Word hides bookmarks whose names start with "_"
_ONLY_NUMBER = re.compile(r"^[\d０-９一二三四五六七八九十]+[.．、]?$")


def toc_instruction(style_names: dict[str, str]) -> str:
    """The TOC field instruction listing the body's title and heading styles by name."""
    pairs = ",".join(f"{style_names[role]},{level}" for role, level in TOC_LEVELS.items())
    return f'TOC \\h \\z \\t "{pairs}"'


@dataclass(frozen=True, slots=True)
class Entry:
    """One 目录 line: its level (1–3), its text and the bookmark on its target (if any)."""

    level: int
    text: str
    bookmark: str | None = None


class Bookmarks:
    """Put numbered bookmarks on body paragraphs (ids and names unique per document)."""

    def __init__(self) -> None:
        self._count = 0

    def mark(self, paragraph: etree._Element) -> str:
        """Bookmark the whole of `paragraph` (once) and return the bookmark's name."""
        start = paragraph.find(w("bookmarkStart"))
        if start is not None:
            return str(start.get(w("name")))
        self._count += 1
        name = f"{BOOKMARK_PREFIX}{self._count:08d}"
        number = str(self._count)
        start = element("bookmarkStart", id=number, name=name)
        properties = paragraph.find(w("pPr"))
        if properties is None:
            paragraph.insert(0, start)
        else:
            properties.addnext(start)
        sub(paragraph, "bookmarkEnd", id=number)
        return name


def source_entries(front: Sequence[Block]) -> list[Entry]:
    """The source's own 目录 entries, for when nothing in the body can be listed.

    Page numbers are dropped, and so are entries that are only a number or that
    name the 汇编 header or the 目录 itself.
    """
    header = {block.text.strip() for block in front if block.type == "compilation_title"}
    return [
        Entry(1, text)
        for block in front
        if block.type == "toc_entry"
        and (text := block.text.strip())
        and not _ONLY_NUMBER.match(text)
        and text not in header
        and text != TOC_TITLE
    ]


def paragraph_text(paragraph: etree._Element) -> str:
    """The visible text of a body paragraph (its runs' `w:t`)."""
    return "".join(str(node) for node in paragraph.itertext(w("t")))


def entries_by_style(
    elements: Iterable[etree._Element], levels: dict[str, int], bookmarks: Bookmarks
) -> list[Entry]:
    """Entries for the paragraphs whose style id is in `levels`, in reading order.

    This is the rule Word's `TOC \\t` switch follows, so the cached result
    matches what an update produces.
    """
    found: list[Entry] = []
    for paragraph in elements:
        if paragraph.tag != _PARAGRAPH:
            continue
        style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
        level = levels.get(style.get(w("val"), "")) if style is not None else None
        text = paragraph_text(paragraph).strip() if level is not None else ""
        if level is not None and text:
            found.append(Entry(level, text, bookmarks.mark(paragraph)))
    return found


def contents_elements(
    entries: Sequence[Entry], style_ids: dict[str, str], instruction: str | None
) -> list[etree._Element]:
    """The "目录" heading and one hyperlinked paragraph per entry.

    With an `instruction` the entries are the cached result of that field
    (begin in the first entry, end in a paragraph of its own); a field with no
    entries shows a line telling how to fill it.
    """
    heading = _paragraph(style_ids["toc_title"])
    _run(heading, TOC_TITLE)
    lines = [_entry_paragraph(entry, style_ids) for entry in entries]
    if instruction is None:
        return [heading, *lines]
    if not lines:
        placeholder = _paragraph(style_ids["toc_entry"])
        _run(placeholder, TOC_PLACEHOLDER)
        lines = [placeholder]
    first = lines[0]
    for offset, run in enumerate(_field_start(instruction), start=1):
        first.insert(offset, run)  # right after the paragraph properties
    closing = _paragraph(style_ids["toc_entry"])
    sub(sub(closing, "r"), "fldChar", fldCharType="end")
    return [heading, *lines, closing]


_PARAGRAPH = w("p")


def _entry_paragraph(entry: Entry, style_ids: dict[str, str]) -> etree._Element:
    paragraph = _paragraph(style_ids[TOC_ENTRY_ROLES[entry.level]])
    if entry.bookmark is None:
        _run(paragraph, entry.text)
    else:
        _run(sub(paragraph, "hyperlink", anchor=entry.bookmark, history="1"), entry.text)
    return paragraph


def _field_start(instruction: str) -> list[etree._Element]:
    begin = element("r")
    sub(begin, "fldChar", fldCharType="begin")
    code = element("r")
    node = sub(code, "instrText")
    node.set(XML_SPACE, "preserve")
    node.text = f" {instruction} "
    separate = element("r")
    sub(separate, "fldChar", fldCharType="separate")
    return [begin, code, separate]


def _paragraph(style: str) -> etree._Element:
    paragraph = element("p")
    sub(sub(paragraph, "pPr"), "pStyle", val=style)
    return paragraph


def _run(parent: etree._Element, text: str) -> None:
    text_element(sub(parent, "r"), text)
