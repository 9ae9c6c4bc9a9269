"""An example gongwen plugin: a plain-text sink and a pass that counts articles.

Install it with `pip install examples/gongwen-plaintext`, then
`gongwen convert report.txt -t txt` writes clean text: one paragraph per
line, a blank line between articles, heading labels as configured.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from convert import Config, Document, Pass, Sink, hookimpl
from convert.model import labelled


def write_plaintext(document: Document, config: Config) -> bytes:
    """Render every block on its own line, articles separated by a blank line.

    The source's 目录 entries are left out: their page numbers belong to another layout.
    """
    canonical = config.labels != "keep"
    parts: list[str] = [
        labelled(b.numbering, b.text, canonical)
        for b in document.front
        if b.type not in ("toc_title", "toc_entry")
    ]
    for article in document.articles:
        if parts:
            parts.append("")
        for block in article.blocks:
            lead = labelled(block.lead.numbering, block.lead.text, canonical) if block.lead else ""
            parts.append(lead + labelled(block.numbering, block.text, canonical))
    return ("\n".join(parts) + "\n").encode("utf-8")


def count_articles(document: Document, config: Config) -> Document:
    """Record the number of articles in the document's metadata."""
    extra = {**document.meta.extra, "plaintext.articles": str(len(document.articles))}
    return replace(document, meta=replace(document.meta, extra=extra))


@hookimpl
def gongwen_sinks() -> Sequence[Sink]:
    """Register the plain-text sink."""
    return [
        Sink(
            name="txt",
            extensions=("txt",),
            write=write_plaintext,
            description="plain UTF-8 text, one paragraph per line",
        )
    ]


@hookimpl
def gongwen_passes() -> Sequence[Pass]:
    """Register a pass that runs after every built-in one."""
    return [
        Pass(
            name="count_articles",
            order=900,
            run=count_articles,
            description="record the article count in meta.extra",
        )
    ]
