"""HTML source: scraped pages (文秘, 范文, government portals) → the article, as blocks.

Steps: decode the bytes without loss (`charset.py`), parse with
beautifulsoup4, strip code, hidden elements and chrome (`dom.py`, with the
site profiles of `profiles/`), hand the page to the extractor named by
`Config.extractor` (the built-in one in `extract.py`, or one a plugin
registers with `gongwen_extractors`), then make blocks of the article
(`blocks.py`) with a title block in front (`title.py`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from convert import Config, Document, Extractor, HtmlPage, SiteProfile, Source, SourceInfo, hookimpl
from convert.host import Host

from .profiles import builtin_profiles

if TYPE_CHECKING:
    from bs4 import Tag

_SNIFF = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title)[\s>]", re.IGNORECASE)


def sniff_html(info: SourceInfo, head: bytes) -> bool:
    """Claim input whose first kilobyte looks like an HTML document."""
    return _SNIFF.search(head[:1024]) is not None


# beautifulsoup4 and the extractor modules load on the first page read (see reader.py):
# a run over plain text should not pay a tenth of a second for them at start-up.


def read_html(
    data: bytes,
    info: SourceInfo,
    config: Config,
    *,
    extractors: Mapping[str, Extractor],
    profiles: Sequence[SiteProfile],
) -> Document:
    """Decode, parse and extract the article of an HTML page (see `reader.read_html`)."""
    from . import reader

    return reader.read_html(data, info, config, extractors=extractors, profiles=profiles)


def _extract_builtin(page: HtmlPage, config: Config) -> Tag | None:
    from .extract import extract_builtin

    return extract_builtin(page, config)


def _extract_whole_page(page: HtmlPage, config: Config) -> Tag | None:
    from .extract import extract_whole_page

    return extract_whole_page(page, config)


BUILTIN = Extractor(
    name="builtin",
    extract=_extract_builtin,
    description="text-density extractor (default; needs nothing beyond beautifulsoup4)",
)
WHOLE_PAGE = Extractor(
    name="page",
    extract=_extract_whole_page,
    description="no extraction: every visible text of the page",
    clean=False,
)


def _bind(host: Host) -> Source:
    return replace(
        HTML_SOURCE,
        read=partial(
            read_html, extractors=host.extractors(), profiles=list(host.site_profiles().values())
        ),
        bind=None,
    )


HTML_SOURCE = Source(
    name="html",
    extensions=("html", "htm", "xhtml", "shtml"),
    read=partial(
        read_html,
        extractors={BUILTIN.name: BUILTIN, WHOLE_PAGE.name: WHOLE_PAGE},
        profiles=builtin_profiles(),
    ),
    sniff=sniff_html,
    priority=50,
    description="Scraped web pages: the article, without the site around it",
    bind=_bind,
)


@hookimpl
def gongwen_sources() -> Sequence[Source]:
    """Register the HTML source."""
    return [HTML_SOURCE]


@hookimpl
def gongwen_extractors() -> Sequence[Extractor]:
    """Register the built-in extractor and the whole-page one."""
    return [BUILTIN, WHOLE_PAGE]


@hookimpl
def gongwen_site_profiles() -> Sequence[SiteProfile]:
    """Register the site profiles shipped in `profiles/` (generic, 文秘, government)."""
    return builtin_profiles()
