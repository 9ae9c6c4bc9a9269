"""Find an HTML page's title: its `<h1>`, else a heading echoing `<title>`, else `<title>`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import Tag

from .dom import SITE_SEPARATOR, iter_tags
from .segments import Segment, walk

# A site name glued on with a bare hyphen ("标题-新华网"): short and named like a site.
_SITE_SUFFIX = re.compile(
    r"\s*[-_|｜—–]\s*[^-_|｜—–\s]{1,12}(网|网站|站|报|门户|频道|政府|文库|社区|论坛|百科)$"
)
_MIN_TITLE_CHARS = 2
_TITLE_TAGS = ("h1", "h2", "h3")


@dataclass(frozen=True, slots=True)
class PageTitle:
    """The title text and the element it was read from (None: the `<title>` element)."""

    text: str
    element: Tag | None


def strip_site_name(title: str) -> str:
    """Return "文章标题" from "文章标题_栏目_站点名" or "文章标题-新华网"."""
    for _ in range(3):
        shorter = _SITE_SUFFIX.sub("", title)
        if shorter == title or len(shorter) < _MIN_TITLE_CHARS:
            break
        title = shorter
    for part in SITE_SEPARATOR.split(title):
        if len(part) >= _MIN_TITLE_CHARS:
            return part
    return title


def heading_text(tag: Tag) -> str:
    """Return a heading's own first line (broken markup can leave a whole page inside an h1)."""
    for item in walk(tag):
        if isinstance(item, Segment) and item.chars:
            return item.text if item.owner is tag else ""
    return ""


def _squeeze(text: str) -> str:
    return "".join(text.split())


def find_title(root: Tag, container: Tag, head_title: str) -> PageTitle | None:
    """Return the article's title.

    In order: the first `<h1>`–`<h3>` inside the container that echoes the
    `<title>` (or the first `<h1>` when there is no `<title>`); else the last
    such heading before the container; else the `<title>` without its site name.
    """
    wanted = _squeeze(head_title)

    def echoes_title(tag: Tag) -> bool:
        text = _squeeze(heading_text(tag))
        if not text:
            return False
        if not wanted:
            return tag.name == "h1"
        return text in wanted or _squeeze(strip_site_name(head_title)) in text

    inside = next((t for t in container.find_all(_TITLE_TAGS) if echoes_title(t)), None)
    if inside is not None:
        return PageTitle(heading_text(inside), inside)
    before: Tag | None = None
    for tag in iter_tags(root):
        if tag is container:
            break
        if tag.name in _TITLE_TAGS and echoes_title(tag):
            before = tag
    if before is not None:
        return PageTitle(heading_text(before), before)
    if head_title:
        return PageTitle(strip_site_name(head_title), None)
    return None
