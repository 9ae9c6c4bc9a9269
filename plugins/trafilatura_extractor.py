"""A second HTML main-content extractor, backed by trafilatura (optional).

Installed with `pip install 'gongwen-convert[trafilatura]'` and chosen with
`--extractor trafilatura` (or `extractor = "trafilatura"` in gongwen.toml).
Without trafilatura this plugin registers nothing and the built-in extractor
is unaffected. trafilatura returns its own HTML; the HTML source turns it into
blocks as it does the built-in extractor's result, placing each block at the
first line of the page that holds its text.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from typing import TYPE_CHECKING

from convert import Config, Extractor, HtmlPage, hookimpl

if TYPE_CHECKING:
    from bs4 import Tag


def available() -> bool:
    """Say whether trafilatura can be imported (without importing it yet: it is slow)."""
    return importlib.util.find_spec("trafilatura") is not None


def extract_with_trafilatura(page: HtmlPage, config: Config) -> Tag | None:
    """Run trafilatura over the decoded page and return its article as a tree."""
    import trafilatura  # imported late: loading it costs about half a second
    from bs4 import BeautifulSoup

    result = trafilatura.extract(
        page.html,
        output_format="html",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
    )
    if not result:
        return None
    tree = BeautifulSoup(result, "html.parser")
    return tree.body or tree


TRAFILATURA = Extractor(
    name="trafilatura",
    extract=extract_with_trafilatura,
    description="trafilatura's extractor (optional extra: gongwen-convert[trafilatura])",
)


@hookimpl
def gongwen_extractors() -> Sequence[Extractor]:
    """Register the trafilatura extractor when trafilatura is installed."""
    return [TRAFILATURA] if available() else []
