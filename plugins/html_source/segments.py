"""Cut a parse tree into text segments: the lines a browser would show.

A segment is the run of text between two block boundaries (a block element
starting or ending, or a `<br>`), with what the extractor and the block builder
need to know about it: its owner (innermost block element), how much of it
is link text, whether it sits in a quotation or preformatted text.

The walk keeps its own stack, so deeply nested pages cannot exhaust Python's
recursion limit, and it visits every node once (linear time).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from bs4 import Tag
from bs4.element import NavigableString, PageElement

BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "ul",
        "title",
    ]
)
HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
# Sentence punctuation: what body text has and menus, dates and labels lack.
SENTENCE_PUNCTUATION = frozenset("，。；！？、")

_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
# A line break between two CJK characters is not a space (CSS Text 3 segment breaks).
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r\n\f\u00a0]*\n[ \t\r\n\f\u00a0]*(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


@dataclass(slots=True)
class Segment:
    """One displayed line of text and what is known about where it came from."""

    text: str
    owner: Tag
    first: NavigableString
    last: NavigableString
    chars: int = 0
    link_chars: int = 0
    quote: bool = False
    pre: bool = False
    raw: list[str] = field(default_factory=list)

    @property
    def sentence_marks(self) -> int:
        """Count of sentence punctuation marks (，。；！？、)."""
        return sum(1 for ch in self.text if ch in SENTENCE_PUNCTUATION)


def clean_text(raw: str) -> str:
    """Collapse HTML white space the way a browser shows it; strip the ends."""
    text = _CJK_BREAK.sub("", raw)
    text = _SPACES.sub(" ", text)
    return text.strip().strip(_INVISIBLE).strip()


def visible_length(text: str) -> int:
    """Count the characters that are not white space."""
    return len(text) - sum(1 for ch in text if ch.isspace())


@dataclass(slots=True)
class _Open:
    owner: Tag
    first: NavigableString
    last: NavigableString
    pieces: list[str]
    link_chars: int
    quote: bool
    pre: bool


Atomic = Callable[[Tag], bool]


def walk(
    root: Tag, atomic: Atomic | None = None, tags: list[Tag] | None = None
) -> Iterator[Segment | Tag]:
    """Yield the segments below `root` in reading order.

    An element for which `atomic` returns True is yielded itself instead of
    being entered (the block builder keeps data tables whole). Every element
    entered is appended to `tags` in document order when a list is given.
    """
    current: _Open | None = None
    # (node, owner, in_link, in_quote, in_pre)
    stack: list[tuple[PageElement, Tag, bool, bool, bool]] = [(root, root, False, False, False)]
    while stack:
        node, owner, in_link, in_quote, in_pre = stack.pop()
        if isinstance(node, Tag):
            name = node.name
            is_block = name in BLOCK_TAGS or node is root
            if (is_block or name == "br") and current is not None:
                yield _close(current)
                current = None
            if name == "br":
                continue
            if atomic is not None and node is not root and atomic(node):
                yield node
                continue
            if tags is not None:
                tags.append(node)
            child_owner = node if is_block else owner
            child_link = in_link or name == "a"
            child_quote = in_quote or name == "blockquote"
            child_pre = in_pre or name in ("pre", "textarea")
            stack.extend(
                (child, child_owner, child_link, child_quote, child_pre)
                for child in reversed(node.contents)
            )
        elif type(node) is NavigableString:
            if current is not None and current.owner is not owner:
                yield _close(current)
                current = None
            text = str(node)
            if current is None:
                if not text.strip():
                    continue
                current = _Open(owner, node, node, [], 0, in_quote, in_pre)
            current.pieces.append(text)
            current.last = node
            if in_link:
                current.link_chars += visible_length(text)
    if current is not None:
        yield _close(current)


def _close(open_segment: _Open) -> Segment:
    raw = "".join(open_segment.pieces)
    text = raw.strip("\r\n") if open_segment.pre else clean_text(raw)
    chars = visible_length(text)
    return Segment(
        text=text,
        owner=open_segment.owner,
        first=open_segment.first,
        last=open_segment.last,
        chars=chars,
        link_chars=min(open_segment.link_chars, chars),
        quote=open_segment.quote,
        pre=open_segment.pre,
        raw=open_segment.pieces,
    )


def segments(root: Tag, tags: list[Tag] | None = None) -> list[Segment]:
    """Return every non-empty segment below `root` (tables entered cell by cell)."""
    return [item for item in walk(root, tags=tags) if isinstance(item, Segment) and item.chars]
