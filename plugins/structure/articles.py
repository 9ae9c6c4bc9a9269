"""Pass 400: split the body into the articles of a compilation.

The first rule that finds article starts wins:

1. title lines (pass 360): each title starts an article whose title it is;
2. salutations (`各位代表：`) and page-generator labels (`…多篇篇3`, which are
   dropped and recorded): each starts an untitled article;
3. in a compilation (a 汇编 header in the front matter) or a text whose level-1
   numbering restarts at `一、` at least twice: each restart starts an article,
   together with the intro paragraph right before it (`2022年，…现将…报告如下：`)
   unless that paragraph is the only text of the previous section.

Otherwise the body is one article. Blocks before the first start go to the
front matter. Titles are never invented: an article without a title line gets
one from the 目录 when the 目录 lists exactly one entry per article (entries
naming the compilation or the 目录 itself do not count), else it is marked
"missing".
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from convert import Article, Block, Change, Config, Document, Finding, Span

from .front import SELF_ENTRY_RULE
from .patterns import COMPILATION_HEADER, GENERATOR_LABEL, has_cjk

PASS_NAME = "articles"
TitleSource = Literal["text", "toc", "missing"]
_INTRO_MIN_CJK = 10


def _is_restart(block: Block) -> bool:
    numbering = block.lead.numbering if block.lead else block.numbering
    return (
        block.type in ("heading", "paragraph")
        and numbering is not None
        and numbering.level == 1
        and numbering.number == 1
    )


def _is_generator_label(block: Block) -> bool:
    return (
        block.type == "paragraph"
        and block.lead is None
        and bool(GENERATOR_LABEL.search(block.text))
    )


def _title_starts(blocks: tuple[Block, ...]) -> list[int]:
    return [i for i, b in enumerate(blocks) if b.type == "title"]


def _speech_starts(blocks: tuple[Block, ...]) -> list[int]:
    starts: list[int] = []
    for index, block in enumerate(blocks):
        if _is_generator_label(block) or (
            block.type == "salutation" and not (starts and starts[-1] == index - 1)
        ):
            starts.append(index)
    return starts


def _restart_starts(blocks: tuple[Block, ...], compilation: bool) -> list[int]:
    restarts = [i for i, b in enumerate(blocks) if _is_restart(b)]
    if not restarts or (not compilation and len(restarts) < 3):
        return []
    starts = []
    for index in restarts:
        starts.append(index - 1 if _has_intro(blocks, index) else index)
    return starts


def _has_intro(blocks: tuple[Block, ...], index: int) -> bool:
    if index == 0:
        return False
    intro = blocks[index - 1]
    if intro.type != "paragraph" or intro.lead or not has_cjk(intro.text, _INTRO_MIN_CJK):
        return False
    before = blocks[index - 2] if index >= 2 else None
    # A paragraph right under a heading is that section's text, not the next intro.
    return before is None or before.type not in ("heading", "title")


def segment(document: Document) -> Document:
    """Return the document with its single body split into articles."""
    blocks = document.articles[0].blocks
    compilation = any(b.type == "compilation_title" for b in document.front)
    starts = _title_starts(blocks) or _speech_starts(blocks)
    starts = starts or _restart_starts(blocks, compilation)
    if not starts:
        title, source = _toc_titles(document, 1)[0]
        article = Article(title=title, blocks=blocks, title_source=source)
        return replace(document, articles=(article,))
    front = document.front + blocks[: starts[0]]
    pieces = [blocks[a:b] for a, b in zip(starts, [*starts[1:], len(blocks)], strict=True)]
    changes: list[Change] = []
    articles = []
    titles = _toc_titles(document, len(pieces))
    for piece, (toc_title, toc_source) in zip(pieces, titles, strict=True):
        body = list(piece)
        if body and _is_generator_label(body[0]):
            changes.append(_drop_label(body.pop(0)))
        if body and body[0].type == "title":
            articles.append(Article(title=body[0].text, blocks=tuple(body), title_source="text"))
        else:
            articles.append(Article(title=toc_title, blocks=tuple(body), title_source=toc_source))
    result = replace(document, front=front, articles=tuple(articles))
    return result.with_audit(tuple(changes), _claimed_count(document, len(articles)))


def _drop_label(block: Block) -> Change:
    return Change(
        pass_name=PASS_NAME, rule="generator-label", lines=block.lines, before=block.text, after=""
    )


def _toc_titles(document: Document, count: int) -> list[tuple[str | None, TitleSource]]:
    own = {f.lines.first for f in document.findings if f.rule == SELF_ENTRY_RULE}
    entries = [
        b.text
        for b in document.front
        if b.type == "toc_entry" and has_cjk(b.text, 2) and b.lines.first not in own
    ]
    if len(entries) == count:
        return [(entry, "toc") for entry in entries]
    return [(None, "missing")] * count


def _claimed_count(document: Document, found: int) -> tuple[Finding, ...]:
    for block in document.front:
        match = COMPILATION_HEADER.search(block.text) if block.type == "compilation_title" else None
        if match is None:
            continue
        claimed = int("".join(ch for ch in match.group(0) if ch.isdigit()))
        if claimed != found:
            return (
                Finding(
                    pass_name=PASS_NAME,
                    rule="article-count",
                    lines=Span(first=block.lines.first, last=block.lines.last),
                    message=f"the header claims {claimed} articles, the text has {found}",
                ),
            )
    return ()


def run_articles(document: Document, config: Config) -> Document:
    """Split a freshly read body into articles; leave already split documents alone."""
    if len(document.articles) != 1 or document.articles[0].title_source is not None:
        return document
    return segment(document)
