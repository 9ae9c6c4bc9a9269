"""Pass 200: the compilation header (…汇编（8篇）) and its 目录 move to the front matter.

Only the first lines of a document are looked at: a header line within the
first three blocks, then a `目录` line and the run of entries that follows it
without a blank line between them. An entry is `title<TAB>page`, a bare ordinal
`N.` (the titles were lost), or a short line without terminal punctuation.

An entry that names the compilation itself or the 目录 (`…汇编（18篇）<TAB>1`,
`目录<TAB>1`) stays a `toc_entry` with its text, and an info `Finding`
(rule `toc-self-entry`, the entry's line) marks it so that sinks and the
article pass can leave it out.

A `compilation_title` block already at the top of the body is a page title
that the site-chrome pass kept (002:5, `2023年政府部门工作汇报多篇9篇`): it is
the document's compilation title when no header of its own follows within the
head window, and is dropped as a `page-title` change when one does.
"""

from __future__ import annotations

import re
from dataclasses import replace

from convert import Block, Change, Config, Document, Finding

from .patterns import COMPILATION_HEADER, TOC_TITLE, ends_terminal, gap

_HEAD_WINDOW = 3
_ENTRY_MAX_CHARS = 40
_TAB_ENTRY = re.compile(r"^(?P<text>.*?)\t+(?P<page>\d*)$")
_BARE_ORDINAL = re.compile(r"^\d{1,3}[.．、]?$")
PASS_NAME = "front-matter"
SELF_ENTRY_RULE = "toc-self-entry"
_WIDTH = str.maketrans("（）", "()")


def run_front(document: Document, config: Config) -> Document:
    """Move the compilation header and table of contents of the first article to `front`."""
    if not document.articles or any(b.type == "compilation_title" for b in document.front):
        return document
    first = document.articles[0]
    blocks = list(first.blocks)
    front: list[Block] = []
    changes: list[Change] = []
    if blocks and blocks[0].type == "compilation_title":
        page_title = blocks.pop(0)
        if _find_header(blocks) is None:
            front.append(page_title)
        else:
            changes.append(_dropped_page_title(page_title))
    header = _find_header(blocks)
    if header is not None:
        front.extend(blocks[: header + 1])
        front[-1] = replace(front[-1], type="compilation_title")
        blocks = blocks[header + 1 :]
    if blocks and blocks[0].type == "paragraph" and TOC_TITLE.match(blocks[0].text):
        toc = _toc_entries(blocks)
        if toc:
            front.append(replace(blocks[0], type="toc_title"))
            front.extend(toc)
            blocks = blocks[1 + len(toc) :]
    if not front and not changes:
        return document
    articles = (replace(first, blocks=tuple(blocks)), *document.articles[1:])
    result = replace(document, front=document.front + tuple(front), articles=articles)
    return result.with_audit(tuple(changes), self_entries(front))


def _dropped_page_title(block: Block) -> Change:
    return Change(
        pass_name=PASS_NAME, rule="page-title", lines=block.lines, before=block.text, after=""
    )


def _folded(text: str) -> str:
    return "".join(text.split()).translate(_WIDTH)


def self_entries(front: list[Block]) -> tuple[Finding, ...]:
    """Report the 目录 entries that name the compilation itself or the 目录."""
    headers = {_folded(b.text) for b in front if b.type == "compilation_title"}
    return tuple(
        Finding(
            pass_name=PASS_NAME,
            rule=SELF_ENTRY_RULE,
            lines=block.lines,
            message=f"line {block.lines.first}: the 目录 entry “{block.text}” names "
            + ("the 目录 itself" if TOC_TITLE.match(block.text) else "the compilation")
            + ", not an article",
            severity="info",
        )
        for block in front
        if block.type == "toc_entry"
        and (TOC_TITLE.match(block.text) or _folded(block.text) in headers)
    )


def _find_header(blocks: list[Block]) -> int | None:
    for index, block in enumerate(blocks[:_HEAD_WINDOW]):
        if block.type == "paragraph" and COMPILATION_HEADER.search(block.text):
            return index
    return None


def _toc_entries(blocks: list[Block]) -> list[Block]:
    entries: list[Block] = []
    previous = blocks[0]
    for block in blocks[1:]:
        if entries and gap(previous, block) > 0:
            break
        entry = _as_entry(block)
        if entry is None:
            break
        entries.append(entry)
        previous = block
    return entries


def _as_entry(block: Block) -> Block | None:
    if block.type != "paragraph" or block.numbering is not None:
        return None
    match = _TAB_ENTRY.match(block.text)
    if match:
        page = match.group("page") or None
        return replace(block, type="toc_entry", text=match.group("text").strip(), page=page)
    text = block.text
    if _BARE_ORDINAL.match(text):
        return replace(block, type="toc_entry")
    if len(text) <= _ENTRY_MAX_CHARS and not ends_terminal(text) and "。" not in text:
        return replace(block, type="toc_entry")
    return None
