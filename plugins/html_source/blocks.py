"""Turn the article container into model blocks, dropping chrome left inside it.

Headings become "heading" blocks (a 公文 label such as 一、 becomes their
`numbering`), paragraphs, `<br>`-separated lines, text in `<div>`s and list
items become "paragraph" blocks for the structure passes to read, data tables
"table" blocks with `rows`, quotations "blockquote" blocks. Every line dropped
inside the container (a share bar, a view count, a link list) is recorded as
a `Change`, so nothing of the article is lost silently; so is a second copy
of a run of text (a mobile copy of the article, rule "duplicate") and a line
repeating the title before the text starts (rule "title-echo").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from bs4 import Tag

from convert import Block, Change, Numbering, Span

from .duplicates import repeated_segments
from .extract import LONG_ENOUGH, OUTSIDE, segment_value
from .profiles import Rules
from .segments import HEADING_TAGS, Segment, clean_text, walk

PASS_NAME = "html"
_NEEDLE = re.compile(r"\w{2,8}")
_SEARCH_WINDOW = 200_000
_CHROME_TEXT_MAX = 120
_META_LABEL = re.compile(r"(来源|作者|编辑|责编|发布|时间|日期|浏览|点击|阅读)\s*[:：]")
_META_DATE = re.compile(r"\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}")
_META_DATE_LINE = 25  # characters: a dated line longer than this is text ("——2024年…在…会议上")
_LABELS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(r"^([一二三四五六七八九十百]+)[、，,．.]")),
    (2, re.compile(r"^[（(]([一二三四五六七八九十百]+)[）)]")),
    (3, re.compile(r"^(\d{1,3})[.．、](?!\d)")),
    (4, re.compile(r"^[（(](\d{1,3})[）)]")),
)
_DIGITS = {ch: i for i, ch in enumerate("零一二三四五六七八九")}
_MAX_TABLE_CELL = 300
# A linked line naming an attachment belongs to a 公文 even at its very end.
# A title read from <title> may end in a site or column name glued on with a space
# ("文章标题 东区办事处"): a line in the article that is the title without such a tail
# of at most this many characters echoes the title.
_TITLE_TAIL = 12
_ATTACHMENT = re.compile(r"^附\s*件|\.(pdf|docx?|xlsx?|wps|et|ofd|zip|rar)\s*$", re.IGNORECASE)


class LineLocator:
    """Map text back to 1-based lines of the HTML source by searching forward."""

    def __init__(self, html: str) -> None:
        self._html = html
        self._breaks = [m.start() for m in re.finditer("\n", html)]
        self._cursor = 0

    def _line(self, offset: int) -> int:
        return bisect.bisect_right(self._breaks, offset - 1) + 1

    def _find(self, text: str, start: int) -> int:
        match = _NEEDLE.search(text)
        if match is None:
            return -1
        return self._html.find(match.group(), start, start + _SEARCH_WINDOW)

    def span(self, first_text: str, last_text: str) -> Span:
        """Return the lines from where `first_text` starts to where `last_text` ends.

        The search goes forward from the end of the previous match, so blocks
        given in reading order land on successive places of the page.
        """
        start = self._find(first_text, self._cursor)
        if start < 0:
            line = self._line(self._cursor)
            return Span(first=line, last=line)
        tail = _NEEDLE.findall(last_text)
        end = self._html.find(tail[-1], start, start + _SEARCH_WINDOW) if tail else -1
        self._cursor = end + len(tail[-1]) if end >= 0 else start + 1
        first = self._line(start)
        return Span(first=first, last=max(first, self._line(end)) if end >= 0 else first)

    def skip_to(self, marker: str) -> None:
        """Move the search start to the first `marker` (e.g. "<body"), if present."""
        found = self._html.find(marker, self._cursor)
        if found >= 0:
            self._cursor = found


def chinese_number(text: str) -> int | None:
    """Return the value of a Chinese numeral up to 999 (一, 十二, 二十三), else None."""
    if text.isdigit():
        return int(text)
    total, digit = 0, 0
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in "十百":
            total += (digit or 1) * (10 if ch == "十" else 100)
            digit = 0
        else:
            return None
    return total + digit


def split_label(text: str) -> tuple[Numbering | None, str]:
    """Split a 公文 heading label (一、 （一） 1. （1）) off a heading's text."""
    for level, pattern in _LABELS:
        match = pattern.match(text)
        if match and match.end() < len(text):
            label = match.group()
            numbering = Numbering(level=level, label=label, number=chinese_number(match.group(1)))
            return numbering, text[match.end() :].lstrip()
    return None, text


def is_data_table(table: Tag) -> bool:
    """Say whether a table holds data (kept as a table) rather than page layout."""
    if table.name != "table" or table.find("table") is not None:
        return False
    rows = table.find_all("tr")
    if len(rows) < 2 or max(len(row.find_all(["td", "th"])) for row in rows) < 2:
        return False
    cells = [cell for row in rows for cell in row.find_all(["td", "th"])]
    return all(len(cell.get_text()) <= _MAX_TABLE_CELL for cell in cells)


def table_rows(table: Tag) -> tuple[tuple[str, ...], ...]:
    """Return the cell texts of a data table, row by row."""
    rows = []
    for row in table.find_all("tr"):
        cells = tuple(clean_text(cell.get_text()) for cell in row.find_all(["td", "th"]))
        if any(cells):
            rows.append(cells)
    return tuple(rows)


@dataclass(slots=True)
class Built:
    """The blocks made from a container, and the audit of what was dropped."""

    blocks: list[Block] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    title_echo: str | None = None  # the text of a dropped line that repeats the title


@dataclass(frozen=True, slots=True)
class _Context:
    """The segments of a container, their values and where the body text starts."""

    items: list[Segment]
    values: list[float]
    first_body: int
    rules: Rules
    repeated: set[int]
    title: str  # squeezed title text ("" when there is none)
    title_in_head: bool  # the title was read from <title>, which may carry a site name


def _drop_reason(index: int, context: _Context, first_kept: bool) -> str | None:
    """Say why a line inside the article goes: duplicate, title-echo, chrome-text, link-list
    or byline. `first_kept` says no line has been kept yet (a title echo comes first)."""
    items, values, rules = context.items, context.values, context.rules
    segment = items[index]
    if index in context.repeated:
        return "duplicate"
    if first_kept and index <= context.first_body and _echoes_title(segment, context):
        return "title-echo"
    if segment.chars <= _CHROME_TEXT_MAX and rules.is_chrome_text(segment.text):
        return "chrome-text"
    if segment.link_chars * 2 > segment.chars and not _ATTACHMENT.search(segment.text):
        between_text = (
            0 < index < len(items) - 1 and values[index - 1] > 0 and values[index + 1] > 0
        )
        return None if between_text else "link-list"
    if index < context.first_body and _is_byline(segment.text):
        return "byline"
    return None


def build_blocks(
    container: Tag,
    locator: LineLocator,
    rules: Rules,
    title_element: Tag | None,
    clean: bool = True,
    *,
    title_text: str = "",
) -> Built:
    """Make blocks of everything in `container` except chrome (see the module docstring)."""
    items = list(walk(container, atomic=_kept_whole_or_skipped))
    texts = [item for item in items if isinstance(item, Segment) and item.chars]
    context = _Context(
        items=texts,
        values=[segment_value(segment) for segment in texts],
        first_body=next((i for i, s in enumerate(texts) if _reads_as_body(s)), len(texts)),
        rules=rules,
        repeated=repeated_segments(texts),
        title=_squeeze(title_text),
        title_in_head=title_element is None,
    )
    position = {id(segment): i for i, segment in enumerate(texts)}
    built = Built()
    for item in items:
        if isinstance(item, Tag):
            if OUTSIDE not in item.attrs:
                _add_table(built, item, locator)
            continue
        if not item.chars or item.owner is title_element:
            continue
        lines = locator.span(item.raw[0], item.raw[-1])
        reason = _drop_reason(position[id(item)], context, not built.blocks) if clean else None
        if reason is not None:
            built.changes.append(
                Change(pass_name=PASS_NAME, rule=reason, lines=lines, before=item.text, after="")
            )
            if reason == "title-echo" and built.title_echo is None:
                built.title_echo = item.text
        else:
            built.blocks.extend(_blocks_for(item, lines))
    return built


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _echoes_title(segment: Segment, context: _Context) -> bool:
    """Say whether a line repeats the title: the same text, or the <title> less a site tail."""
    title = context.title
    text = _squeeze(segment.text)
    if not title or not text or segment.link_chars * 2 > segment.chars:
        return False
    if text == title:
        return True
    return (
        context.title_in_head
        and title.startswith(text)
        and len(text) >= _TITLE_TAIL
        and len(title) - len(text) <= _TITLE_TAIL
    )


def _is_byline(text: str) -> bool:
    if _META_LABEL.search(text):
        return True
    return len(text) <= _META_DATE_LINE and _META_DATE.search(text) is not None


def _reads_as_body(segment: Segment) -> bool:
    return segment.link_chars * 2 <= segment.chars and (
        segment.sentence_marks > 0 or segment.chars >= LONG_ENOUGH
    )


def _kept_whole_or_skipped(tag: Tag) -> bool:
    return OUTSIDE in tag.attrs or is_data_table(tag)


def _blocks_for(segment: Segment, lines: Span) -> list[Block]:
    if segment.pre:
        return [
            Block(type="paragraph", text=line.strip(), lines=lines)
            for line in segment.text.split("\n")
            if line.strip()
        ]
    if segment.owner.name in HEADING_TAGS:
        numbering, text = split_label(segment.text)
        return [Block(type="heading", text=text, lines=lines, numbering=numbering)]
    if segment.quote:
        return [Block(type="blockquote", text=segment.text, lines=lines)]
    return [Block(type="paragraph", text=segment.text, lines=lines)]


def _add_table(built: Built, table: Tag, locator: LineLocator) -> None:
    rows = table_rows(table)
    if not rows:
        return
    text = "\n".join("\t".join(row) for row in rows)
    first = next(cell for row in rows for cell in row if cell)
    last = next(cell for row in reversed(rows) for cell in reversed(row) if cell)
    built.blocks.append(Block(type="table", text=text, lines=locator.span(first, last), rows=rows))
