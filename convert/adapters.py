"""What plugins register: sources, passes and sinks.

Each is a small frozen record holding a name and a plain function, so a plugin
needs no base class (simonw/llm and markdown-it-py rules work the same way).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .config import Config
from .model import Document

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

    from .host import Host


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceInfo:
    """What is known about an input before it is read.

    `path` is None for standard input; `extension` is lower-case without the
    dot ("txt", "html"), "" when unknown; `declared_charset` is a charset named
    outside the bytes (an HTTP header), if any.
    """

    path: str | None
    extension: str = ""
    declared_charset: str | None = None

    @property
    def display_name(self) -> str:
        """Name the input as error messages do."""
        return self.path if self.path is not None else "<stdin>"


ReadFunction = Callable[[bytes, SourceInfo, Config], Document]
SniffFunction = Callable[[SourceInfo, bytes], bool]
PassFunction = Callable[[Document, Config], Document]
WriteFunction = Callable[[Document, Config], bytes]
BindFunction = Callable[["Host"], "Source"]
ExtractFunction = Callable[["HtmlPage", Config], "Tag | None"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """A source adapter: turns bytes into a `Document`.

    `extensions` are the file endings it reads by default; `sniff` may claim an
    input by its first bytes when the ending says nothing (standard input).
    Lower `priority` wins among several candidates, then `name`.
    `normalized` sources skip the passes unless asked (gongwen JSON).
    """

    name: str
    extensions: tuple[str, ...]
    read: ReadFunction
    sniff: SniffFunction | None = None
    priority: int = 100
    normalized: bool = False
    """Its documents have been through the passes already (gongwen JSON)."""
    shared_extension: bool = False
    """Its extension is common to other formats (.json): a file found while searching a
    directory is taken only when `sniff` claims it."""
    description: str = ""
    bind: BindFunction | None = None
    """Called once per host with that host; returns the source to use with it
    (how a source finds what other plugins registered, e.g. HTML extractors)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Pass:
    """A normalization pass: a pure function from document to document.

    Passes run sorted by (`order`, `name`); leave gaps between orders so that
    plugins can slot in (see docs/writing-plugins.md for the built-in orders).
    """

    name: str
    order: int
    run: PassFunction
    description: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Sink:
    """A sink adapter: renders a `Document` as bytes in one format.

    `binary` sinks (DOCX) are never written to a terminal.
    """

    name: str
    extensions: tuple[str, ...]
    write: WriteFunction
    binary: bool = False
    description: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class HtmlPage:
    """A decoded, parsed HTML page, as the HTML source hands it to an extractor.

    `html` is the decoded page text; `soup` its parse tree, already stripped of
    scripts, styles, comments, hidden elements and site-profile chrome;
    `name` names the input in messages; `profiles` are the site profiles that
    matched the page.
    """

    html: str
    soup: BeautifulSoup
    name: str
    profiles: tuple[SiteProfile, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Extractor:
    """A main-content extractor for HTML pages, chosen with `Config.extractor`.

    `extract(page, config)` returns the element holding the article, or None
    when the page has no article. The element may belong to `page.soup` (its
    blocks then point at exact source lines) or to a tree the extractor built
    (its blocks are placed by searching their text in the page). The HTML source
    strips unsafe content from whatever comes back.
    """

    name: str
    extract: ExtractFunction
    description: str = ""
    clean: bool = True
    """Drop chrome lines left inside the returned element (link lists, view
    counts, profile `drop_text`); False keeps every line of it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteProfile:
    """Clean-up rules for a family of sites: plain data, so plugins can add their own.

    `match` are regular expressions searched in the page's title and URLs
    (canonical link, og:url, base); a profile without any applies to every page.
    `content` are CSS selectors of the article container, tried in order;
    `drop` CSS selectors of chrome removed before extraction; `drop_text`
    regular expressions matched at the start of a text line that mark it as
    chrome (view counts, "上一篇", download prompts); `chrome_words` are
    class/id words ("share", "breadcrumb") that mark an element as chrome;
    `chrome_titles` regular expressions matching the whole heading of a box
    that is chrome as a whole ("相关文章", "热点专题").
    """

    name: str
    match: tuple[str, ...] = ()
    content: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    drop_text: tuple[str, ...] = ()
    chrome_words: tuple[str, ...] = ()
    chrome_titles: tuple[str, ...] = ()
    description: str = ""
