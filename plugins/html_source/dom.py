"""Parse a decoded page and strip what must never reach an output.

Removed before any extractor looks at the page: scripts, styles and every
other element that holds code or embedded objects, comments and processing
instructions, form controls, hidden elements (`hidden`, `aria-hidden`,
`display:none`, `visibility:hidden`) and the site chrome that profiles name
(`nav`, `aside`, `footer`, `header` outside an article, share bars, …).
Attributes never reach an output (sources emit text only), so event handlers
and `javascript:` URLs cannot leak; text lines that start with `javascript:`
are dropped later by the generic profile.

Every walk here is iterative: a page nested 10,000 levels deep must not hit
Python's recursion limit.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator

from bs4 import BeautifulSoup, Tag
from bs4.element import (
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    PageElement,
    ProcessingInstruction,
)

from .profiles import Rules
from .segments import segments

try:  # lxml is a core dependency, but the source must still work without it
    import lxml  # noqa: F401

    PARSER = "lxml"
except ImportError:  # pragma: no cover - exercised only without lxml
    PARSER = "html.parser"

UNSAFE_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "svg",
        "math",
        "canvas",
        "audio",
        "video",
        "source",
        "track",
        "link",
        "meta",
        "base",
        "head",
        "input",
        "select",
        "option",
        "optgroup",
        "textarea",
        "button",
        "datalist",
        "output",
        "progress",
        "meter",
        "dialog",
        "map",
        "area",
        "picture",
        "img",
    ]
)
CHROME_TAGS = frozenset(("nav", "aside", "footer", "menu"))
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
OVERLAY_WORDS = frozenset(("modal", "popup", "dialog", "login", "tooltip", "dropdown", "mask"))
_BOX_TITLE_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6", "dt", "caption", "legend"))
_BOX_TITLE_WORDS = frozenset(("title", "tit", "hd", "head", "header", "caption"))
_BOX_TITLE_CHARS = 20
_BOX_TITLE_ELEMENTS = 12  # a box title is a short element with few inside (an icon, a link)
_FIRST_CHILD_TITLE_TAGS = frozenset(("div", "p", "span", "strong", "b"))
_SENTENCE_MARKS = 2  # a box with this many marks in mostly unlinked text holds sentences
_HEADER_ROW_CHARS = 40  # a box holding no more text than this is the header row of a box
# Between the parts of a <title>: 文章标题_栏目_站点名, 文章标题 | 站点名.
SITE_SEPARATOR = re.compile(r"\s*(?:_|\||｜|--|—+|–|\s-\s)\s*")
_SCRIPT_TEXT = re.compile(r"\s*(javascript|vbscript)\s*:", re.IGNORECASE)
_WORD_SPLIT = re.compile(r"[-_\s]+")
# A container named like this is an article, whatever chrome word its name also holds.
CONTENT_WORDS = frozenset(
    [
        "content",
        "article",
        "articles",
        "text",
        "body",
        "main",
        "detail",
        "details",
        "zhengwen",
        "zoom",
        "post",
        "entry",
        "story",
        "news",
        "wenzhang",
        "neirong",
    ]
)
# A subtree longer than this, mostly unlinked and punctuated like sentences,
# is body text whatever its name says.
BODY_TEXT_CHARS = 100
MARK_EVERY_CHARS = 60


def parse(html: str) -> BeautifulSoup:
    """Parse decoded HTML with lxml when installed, else html.parser.

    Content after a premature `</body>` or `</html>` is moved back into the
    body (see `gather_stray_content`).
    """
    soup = BeautifulSoup(html, PARSER)
    gather_stray_content(soup)
    return soup


def gather_stray_content(soup: BeautifulSoup) -> None:
    """Move everything that follows the body into it, in order, as a browser does.

    Templates that include a complete page header end it with `</html>` (or
    `</body>`) before the article. Parsers then leave the article outside the
    body: lxml in a second `<html>` element, html.parser at the top level.
    HTML's own rule puts content after `</body>` into the body; so does this.
    A later `<html>` or `<body>` wrapper is unpacked, a later `<head>` kept
    whole (the clean-up removes it).
    """
    body = soup.body
    if body is None:
        return
    stray: list[PageElement] = []
    node: PageElement | None = body
    while node is not None and node is not soup:
        stray.extend(node.next_siblings)
        node = node.parent
    pending = deque(item for item in stray if not isinstance(item, (Comment, Doctype)))
    while pending:
        item = pending.popleft()
        if isinstance(item, Tag) and item.name in ("html", "body"):
            pending.extendleft(reversed(item.contents))
            item.extract()
        else:
            body.append(item.extract())


def page_title(soup: BeautifulSoup) -> tuple[str, Tag | None]:
    """Return the text of the `<title>` element and the element, before the head goes."""
    title = soup.find("title")
    if not isinstance(title, Tag):
        return "", None
    return " ".join(title.get_text(" ").split()), title


def page_urls(soup: BeautifulSoup) -> list[str]:
    """Return the URLs a page gives for itself (canonical link, og:url, base)."""
    urls = []
    for tag in soup.find_all(["link", "meta", "base"]):
        if not isinstance(tag, Tag):
            continue
        if (
            tag.name == "link" and "canonical" in tag.get_attribute_list("rel")
        ) or tag.name == "base":
            urls.append(str(tag.get("href") or ""))
        elif tag.name == "meta" and tag.get("property") in ("og:url", "og:site_name"):
            urls.append(str(tag.get("content") or ""))
    return [url for url in urls if url]


def iter_tags(root: Tag) -> Iterator[Tag]:
    """Yield every element below `root` in document order (iteratively)."""
    for node in root.descendants:
        if isinstance(node, Tag):
            yield node


def strip_unsafe(soup: Tag, rules: Rules) -> None:
    """Remove code, comments, hidden elements and profile chrome from the tree in place.

    Code and embedded objects always go. Chrome by tag name, class or id, and
    hidden elements, go unless they hold what reads as body text: broken
    markup leaves whole articles inside an unclosed breadcrumb `<div>`, and
    some sites hide the article until a script reveals it.
    """
    head_title = soup.find("title")
    own_title = _article_part(head_title.get_text()) if isinstance(head_title, Tag) else ""
    for node in list(soup.descendants):
        if isinstance(node, (Comment, Declaration, Doctype, ProcessingInstruction)):
            node.extract()
        elif type(node) is NavigableString and _SCRIPT_TEXT.match(node):
            node.extract()  # link text that shows a javascript: URL is code, not text
    _remove([tag for tag in iter_tags(soup) if tag.name in UNSAFE_TAGS])
    tags: list[Tag] = []
    totals = _text_totals(soup, tags)
    page_chars = totals[id(soup)][0]
    doomed = [
        tag
        for tag in tags
        if _is_overlay(tag, totals[id(tag)][0], page_chars)
        or (_is_chrome(tag, rules) and not _holds_body_text(totals[id(tag)]))
    ]
    doomed.extend(_titled_chrome_boxes(tags, totals, rules, page_chars, own_title))
    for selector in rules.drop:
        doomed.extend(soup.select(selector))
    _remove(doomed)


def _article_part(title: str) -> str:
    """Return the first part of a `<title>` (the article's name), without white space."""
    return "".join(SITE_SEPARATOR.split(title.strip())[0].split())


def _titled_chrome_boxes(
    tags: list[Tag], totals: dict[int, list[int]], rules: Rules, page_chars: int, own_title: str
) -> list[Tag]:
    """Return the boxes headed by a chrome title ("相关文章"), unless they hold the page.

    A box title is a heading or an element named like a title; or else the
    first element of a box without sentences (a paragraph "其他工作" opening
    a section of a report is no box title). A title in a short header row
    that opens a box (`<div class="hd">` before the list it heads) stands
    for that box. A title that echoes the page's `<title>` is the article's
    own heading (最新政策解读), never a box title; a column name later in
    the `<title>` (文章_相关新闻_站点) is no such echo.
    """
    if rules.chrome_titles is None:
        return []
    boxes = []
    for tag in tags:
        total = totals[id(tag)]
        if total[0] > _BOX_TITLE_CHARS or total[3] > _BOX_TITLE_ELEMENTS:
            continue  # reading the text of a deep subtree for every ancestor would be quadratic
        named = _named_as_title(tag)
        if not named and not _opens_its_box(tag):
            continue
        text = " ".join(tag.get_text().split()).rstrip(":：")
        if not text or not rules.is_chrome_title(text) or text.replace(" ", "") in own_title:
            continue
        box = _titled_box(tag, totals, page_chars)
        if box is not None and (named or not _has_sentences(totals[id(box)])):
            boxes.append(box)
    return boxes


def _has_sentences(total: list[int]) -> bool:
    chars, links, marks = total[:3]
    return links * 2 < chars and marks >= _SENTENCE_MARKS


def _named_as_title(tag: Tag) -> bool:
    return tag.name in _BOX_TITLE_TAGS or bool(tag.attrs and class_words(tag) & _BOX_TITLE_WORDS)


def _opens_its_box(tag: Tag) -> bool:
    parent = tag.parent
    return (
        tag.name in _FIRST_CHILD_TITLE_TAGS
        and parent is not None
        and parent.find(True, recursive=False) is tag
    )


def _titled_box(tag: Tag, totals: dict[int, list[int]], page_chars: int) -> Tag | None:
    box = tag.parent
    if (
        box is not None
        and box.parent is not None
        and totals[id(box)][0] <= _HEADER_ROW_CHARS
        and box.parent.find(True, recursive=False) is box
    ):
        box = box.parent  # the title sits in the header row that opens the box
    if box is None or box.name in ("body", "html") or id(box) not in totals:
        return None
    return box if totals[id(box)][0] * 3 <= page_chars else None


def _remove(tags: list[Tag]) -> None:
    for tag in tags:
        if tag.parent is not None:  # an ancestor may have gone already
            tag.extract()


def _text_totals(root: Tag, tags: list[Tag]) -> dict[int, list[int]]:
    """Return [characters, link characters, sentence marks, elements] of every subtree, by id."""
    found = segments(root, tags)
    totals: dict[int, list[int]] = {id(tag): [0, 0, 0, 1] for tag in tags}
    for segment in found:
        total = totals[id(segment.owner)]
        total[0] += segment.chars
        total[1] += segment.link_chars
        total[2] += segment.sentence_marks
    for tag in reversed(tags):
        parent = tag.parent
        if parent is not None and id(parent) in totals:
            mine, theirs = totals[id(tag)], totals[id(parent)]
            for index in range(4):
                theirs[index] += mine[index]
    return totals


def _is_overlay(tag: Tag, chars: int, page_chars: int) -> bool:
    """Forms and pop-ups never hold the article, unless they wrap the whole page (ASP.NET)."""
    if tag.name != "form" and not (tag.attrs and class_words(tag) & OVERLAY_WORDS):
        return False
    return chars * 2 < page_chars


def _holds_body_text(total: list[int]) -> bool:
    chars, links, marks = total[:3]
    return chars > BODY_TEXT_CHARS and links * 2 < chars and marks * MARK_EVERY_CHARS >= chars


def _is_chrome(tag: Tag, rules: Rules) -> bool:
    name = tag.name
    if name in CHROME_TAGS:
        return True
    if name == "header":
        return tag.find_parent(["article", "main"]) is None
    attrs = tag.attrs
    if not attrs:
        return False
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    if style and _HIDDEN_STYLE.search(str(style)):
        return True
    return bool(rules.chrome_words) and _named_as_chrome(tag, rules.chrome_words)


def class_words(tag: Tag) -> set[str]:
    """Return the lower-case words of an element's class and id (split at - and _)."""
    names = [str(name) for name in tag.get_attribute_list("class") if name]
    ident = tag.get("id")
    joined = " ".join([*names, str(ident)] if ident else names)
    return {word for word in _WORD_SPLIT.split(joined.lower()) if word}


def _named_as_chrome(tag: Tag, chrome_words: frozenset[str]) -> bool:
    if tag.name in ("body", "html"):
        return False
    words = class_words(tag)
    return bool(words & chrome_words) and not words & CONTENT_WORDS
