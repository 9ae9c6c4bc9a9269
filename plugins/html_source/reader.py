"""Read one HTML page: decode, parse, clean, extract the article, make blocks.

Kept apart from the plugin module so that beautifulsoup4 loads only when a page
is read, not on every start of `gongwen`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bs4 import BeautifulSoup, Tag

from convert import (
    Block,
    Config,
    Document,
    Extractor,
    Finding,
    HtmlPage,
    Meta,
    SiteProfile,
    SourceInfo,
    Span,
)
from convert.errors import SourceError
from convert.model import single_article_document

from .blocks import PASS_NAME, LineLocator, build_blocks
from .charset import decode_page
from .dom import PARSER, page_title, page_urls, parse, strip_unsafe
from .profiles import compile_rules, matching
from .title import PageTitle, find_title

_INSTALL_HINTS = {"trafilatura": "pip install 'gongwen-convert[trafilatura]'"}


def choose_extractor(extractors: Mapping[str, Extractor], name: str, display: str) -> Extractor:
    """Return the extractor called `name`, or raise a `SourceError` naming the choices."""
    if name in extractors:
        return extractors[name]
    hint = f"; install it with {_INSTALL_HINTS[name]}" if name in _INSTALL_HINTS else ""
    raise SourceError(
        f"{display}: unknown HTML extractor {name!r} "
        f"(available: {', '.join(sorted(extractors))}){hint}"
    )


def read_html(
    data: bytes,
    info: SourceInfo,
    config: Config,
    *,
    extractors: Mapping[str, Extractor],
    profiles: Sequence[SiteProfile],
) -> Document:
    """Decode, parse and extract the article of an HTML page."""
    name = info.display_name
    extractor = choose_extractor(extractors, config.extractor, name)
    decoded = decode_page(data, info, config)
    soup = parse(decoded.text)
    head_title, _ = page_title(soup)
    matched = matching(profiles, " ".join([head_title, *page_urls(soup)]))
    rules = compile_rules(matched)
    strip_unsafe(soup, rules)
    page = HtmlPage(html=decoded.text, soup=soup, name=name, profiles=matched)
    container = extractor.extract(page, config)
    if container is None:
        raise _no_article(name, extractor)
    if _root(container) is not soup:
        strip_unsafe(_root(container), rules)  # a foreign tree gets the same cleaning
    title = find_title(soup, container, head_title)
    locator = LineLocator(decoded.text)
    locator.skip_to("<body")
    built = build_blocks(
        container,
        locator,
        rules,
        title.element if title else None,
        extractor.clean,
        title_text=title.text if title else "",
    )
    if not built.blocks:
        raise _no_article(name, extractor)
    if title is not None and title.element is None and built.title_echo is not None:
        # The article shows its title without the site name that <title> carries.
        title = PageTitle(built.title_echo, None)
    blocks = _with_title(built.blocks, title, decoded.text)
    meta = Meta(
        source_path=info.path,
        source_adapter="html",
        encoding=decoded.encoding,
        encoding_reason=decoded.reason,
        title=title.text if title else None,
        extra={
            "extractor": extractor.name,
            "parser": PARSER,
            "site_profiles": ",".join(profile.name for profile in matched),
        },
    )
    whole_page = extractor.clean and container is (soup.body or soup)
    findings = (_whole_page_finding(blocks),) if whole_page else ()
    document = single_article_document(meta, blocks)
    return document.with_audit(changes=tuple(built.changes), findings=findings)


def _no_article(name: str, extractor: Extractor) -> SourceError:
    return SourceError(
        f"{name}: no article found in the page (extractor {extractor.name!r}); "
        "--extractor page keeps every text of the page"
    )


def _with_title(blocks: list[Block], title: PageTitle | None, html: str) -> tuple[Block, ...]:
    if title is None or not title.text:
        return tuple(blocks)
    lines = locate_title(html, title.text, in_body=title.element is not None)
    return (Block(type="title", text=title.text, lines=lines), *blocks)


def _whole_page_finding(blocks: tuple[Block, ...]) -> Finding:
    return Finding(
        pass_name=PASS_NAME,
        rule="whole-page",
        lines=Span(first=blocks[0].lines.first, last=blocks[-1].lines.last),
        message="no single box holds most of the text: kept the whole page "
        "except link lists and chrome lines",
        severity="info",
    )


def locate_title(html: str, title: str, in_body: bool) -> Span:
    """Return the lines where the title's text first occurs (in the body, for a heading)."""
    locator = LineLocator(html)
    if in_body:
        locator.skip_to("<body")
    return locator.span(title, title)


def _root(tag: Tag) -> BeautifulSoup | Tag:
    node = tag
    while node.parent is not None:
        node = node.parent
    return node
