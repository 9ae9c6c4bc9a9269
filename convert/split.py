"""Split a document into one document per article (`gongwen convert --split`).

Each piece keeps its article, the audit entries that concern its lines and the
source's metadata with the article title; the compilation header and 目录 stay
behind. Pieces are named `NN-<title>` (`NN` counts from 01 and is as wide as
the number of articles needs), made safe for every file system by
`convert.outputs.safe_file_name`; an article without a title is named
`NN-无标题`, because titles are never invented.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .model import Article, Document, Span
from .outputs import safe_file_name, unique_path

UNTITLED = "无标题"


def _span(article: Article) -> Span | None:
    if not article.blocks:
        return None
    return Span(first=article.blocks[0].lines.first, last=article.blocks[-1].lines.last)


def _inside(lines: Span, span: Span | None) -> bool:
    return span is not None and span.first <= lines.first and lines.last <= span.last


def article_document(document: Document, article: Article) -> Document:
    """Return a document holding one article of `document` and the audit of its lines."""
    span = _span(article)
    return Document(
        meta=replace(document.meta, title=article.title),
        articles=(article,),
        changes=tuple(c for c in document.changes if _inside(c.lines, span)),
        findings=tuple(f for f in document.findings if _inside(f.lines, span)),
    )


def piece_name(index: int, count: int, article: Article) -> str:
    """Return the file stem of the `index`-th (1-based) of `count` articles."""
    width = max(2, len(str(count)))
    return safe_file_name(f"{index:0{width}d}-{article.title or UNTITLED}")


def split_document(document: Document) -> list[tuple[str, Document]]:
    """Return (file stem, one-article document) for every article, in order."""
    count = len(document.articles)
    return [
        (piece_name(index, count, article), article_document(document, article))
        for index, article in enumerate(document.articles, start=1)
    ]


def split_paths(directory: Path, stems: list[str], extension: str) -> list[Path]:
    """Return one unique output path per stem inside `directory`."""
    taken: set[Path] = set()
    return [unique_path(directory / f"{stem}.{extension}", taken) for stem in stems]
