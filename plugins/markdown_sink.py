"""Markdown sink: CommonMark that shows the model's structure and nothing else.

- Compilation title, article titles and headings become ATX headings. Levels
  shift down by one for each title level the document has, so that a plain
  report's 一、 is `#` and a compilation's 一、 is `###` (compilation `#`,
  article `##`). Heading labels are kept in the text (`## 一、总体情况`).
- A run-in heading is shown as a heading followed by a paragraph when
  `split_run_in` is on (the default), else as a paragraph starting with the
  lead in bold.
- The 目录 becomes a bullet list of the article titles the passes found (the
  source's entries hold page numbers of another layout, or only bare numbers);
  its own entries are listed only when no article has a title. Tables become
  GFM pipe tables.
- Articles without a title line (speeches, untitled reports) are separated
  from the previous article by a thematic break (`---`).
- Every character that CommonMark would read as syntax is backslash-escaped,
  so a paragraph starting with `1.` or `#` stays a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from convert import Block, Config, Document, Lead, Mark, Sink, hookimpl
from convert.model import labelled

# Inline syntax anywhere in a line: emphasis, code, links, images, HTML, entities,
# escapes, strikethrough and table pipes.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&!~|])")
# Syntax that only counts at the start of a line: headings, quotes, bullets,
# ordered-list markers (1. / 1)), thematic breaks, setext underlines, fences.
_LINE_START = re.compile(r"^([#>+=-]|\d{1,9}(?=[.)]))")

_CLOSING_PUNCTUATION = "。，、；：！？:;,.!?）)”’】》"

PLACEHOLDER_OPEN = "⟦"
PLACEHOLDER_CLOSE = "⟧"


def escape(text: str) -> str:
    """Escape `text` so that CommonMark renders it literally as one paragraph line."""
    text = " ".join(text.split("\n"))
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    match = _LINE_START.match(text)
    if match is None:
        return text
    if match.group(1)[0].isdigit():
        end = match.end()
        return text[:end] + "\\" + text[end:]
    return "\\" + text


def render_inline(text: str, marks: Sequence[Mark], config: Config) -> str:
    """Escape text, wrapping placeholders in ⟦ ⟧ under the `mark` policy.

    Under `fill` the placeholders left unfilled are wrapped too (filled spans
    carry `Mark(kind="filled")` and are shown plainly).
    """
    if config.placeholders not in ("mark", "fill") or not marks:
        return escape(text)
    pieces: list[str] = []
    position = 0
    for mark in sorted(marks, key=lambda m: m.start):
        if mark.kind != "placeholder" or mark.start < position:
            continue
        pieces.append(text[position : mark.start])
        pieces.append(PLACEHOLDER_OPEN + text[mark.start : mark.end] + PLACEHOLDER_CLOSE)
        position = mark.end
    pieces.append(text[position:])
    return escape("".join(pieces))


def _title_levels(document: Document) -> int:
    blocks = list(document.iter_blocks())
    has_compilation = any(b.type == "compilation_title" for b in blocks)
    has_title = any(b.type == "title" for b in blocks)
    return int(has_compilation) + int(has_title)


def _heading(depth: int, text: str) -> str:
    return "#" * max(1, min(depth, 6)) + " " + text


def _lead_markdown(lead: Lead, base: int, config: Config) -> str:
    canonical = config.labels != "keep"
    text = labelled(lead.numbering, render_inline(lead.text, lead.marks, config), canonical)
    level = lead.numbering.level if lead.numbering else 4
    return _heading(base + level, escape_label(text))


def escape_label(text: str) -> str:
    """Heading text needs no line-start escape, but a trailing # run would be eaten."""
    return text[:-1] + "\\#" if text.endswith("#") else text


def render_block(block: Block, base: int, config: Config) -> Iterator[str]:
    """Yield the Markdown chunks (separated by blank lines) for one block."""
    canonical = config.labels != "keep"
    inline = render_inline(block.text, block.marks, config)
    if block.type == "compilation_title":
        yield _heading(1, escape_label(inline))
    elif block.type == "title":
        yield _heading(base, escape_label(inline))
    elif block.type == "heading":
        level = block.level or 1
        text = labelled(block.numbering, inline, canonical)
        yield _heading(base + level, escape_label(text))
    elif block.type == "paragraph" and block.lead is not None:
        yield from _run_in(block, block.lead, inline, base, config)
    elif block.type == "table" and block.rows:
        yield _table(block.rows)
    elif block.type == "blockquote":
        yield "> " + inline
    elif block.type == "toc_entry":
        yield "- " + inline + (f" …… {escape(block.page)}" if block.page else "")
    else:
        yield escape(labelled(block.numbering, "", canonical)) + inline


def _run_in(block: Block, lead: Lead, inline: str, base: int, config: Config) -> Iterator[str]:
    if config.split_run_in:
        yield _lead_markdown(lead, base, config)
        if inline:
            yield inline
        return
    lead_inline = render_inline(lead.text, lead.marks, config)
    label = escape(labelled(lead.numbering, "", config.labels != "keep"))
    # CommonMark does not close ** right after punctuation when a letter follows
    # ("**标题。**正文"), so the lead's closing punctuation goes outside the markers.
    core = lead_inline.rstrip(_CLOSING_PUNCTUATION)
    trailing = lead_inline[len(core) :]
    if not core:
        yield f"{label}{lead_inline}{inline}"
        return
    yield f"{label}**{core}**{trailing}{inline}"


def _table(rows: tuple[tuple[str, ...], ...]) -> str:
    width = max(len(row) for row in rows)
    cells = [[escape(cell) for cell in row] + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + " --- |" * width]
    lines.extend("| " + " | ".join(row) + " |" for row in cells[1:])
    return "\n".join(lines)


ARTICLE_BREAK = "---"


def _untitled_article_starts(document: Document) -> set[int]:
    """Return the ids of first blocks of articles after the first that have no title line.

    Those articles would run into the previous one, so a thematic break separates them.
    """
    starts = set()
    for article in document.articles[1:]:
        if article.blocks and article.blocks[0].type != "title":
            starts.add(id(article.blocks[0]))
    return starts


def _table_of_contents(document: Document) -> str | None:
    """Return the 目录 as a bullet list of the articles' titles, or None when none has one.

    The source's entries carry page numbers of another layout, sometimes only bare
    numbers, and entries for the compilation and the 目录 itself; the article titles
    the passes found are what a reader of this output needs.
    """
    titles = [article.title for article in document.articles if article.title]
    if not titles:
        return None
    return "\n".join("- " + escape(title) for title in titles)


def _body_chunks(document: Document, config: Config) -> Iterator[str]:
    base = _title_levels(document)
    breaks = _untitled_article_starts(document)
    contents = _table_of_contents(document)
    previous_type = ""
    pending_list: list[str] = []
    for block in document.iter_blocks():
        if block.type != "toc_entry" and pending_list:
            yield "\n".join(pending_list)
            pending_list = []
        if id(block) in breaks:
            yield ARTICLE_BREAK
        if block.type == "toc_entry":
            if contents is None:
                pending_list.extend(render_block(block, base, config))
            elif previous_type != "toc_entry":
                yield contents
        else:
            yield from render_block(block, base, config)
        previous_type = block.type
    if pending_list:
        yield "\n".join(pending_list)


def write_markdown(document: Document, config: Config) -> bytes:
    """Render the document as CommonMark (UTF-8, LF line ends)."""
    chunks = list(_body_chunks(document, config))
    return ("\n\n".join(chunks) + "\n").encode("utf-8") if chunks else b""


@hookimpl
def gongwen_sinks() -> Sequence[Sink]:
    """Register the Markdown sink."""
    return [
        Sink(
            name="md",
            extensions=("md", "markdown"),
            write=write_markdown,
            description="CommonMark, structure as headings, text escaped",
        )
    ]
