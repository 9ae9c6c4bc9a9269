"""Plain-text source: reads a report literally, one paragraph block per line.

Nothing is interpreted as markup. Line ends (CRLF, CR, LF) are unified and the
indentation and trailing white space of each line (spaces, TAB, NBSP, EN SPACE,
U+3000 …) are removed; the characters of the text itself are kept as they are.
Blank and white-space-only lines separate nothing in the model, but line
numbers keep counting them, so passes can still see where blank lines were.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from convert import Block, Config, Document, Meta, Source, SourceInfo, Span, hookimpl
from convert.encoding import decode_bytes
from convert.model import single_article_document

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# str.strip() without arguments already covers NBSP, EN SPACE and U+3000; these are
# the invisible characters it leaves behind that editors and web pages scatter.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def strip_line(line: str) -> str:
    """Remove indentation and trailing white space, including invisible characters."""
    return line.strip().strip(_INVISIBLE).strip()


def text_to_blocks(text: str, first_line: int = 1) -> tuple[Block, ...]:
    """Return one paragraph block per non-blank line of `text`."""
    blocks = []
    for number, raw in enumerate(_LINE_BREAK.split(text), start=first_line):
        line = strip_line(raw)
        if line:
            blocks.append(Block(type="paragraph", text=line, lines=Span(first=number, last=number)))
    return tuple(blocks)


def read_text(data: bytes, info: SourceInfo, config: Config) -> Document:
    """Decode plain text without loss and make a paragraph block of each line."""
    decoded = decode_bytes(
        data, name=info.display_name, override=config.encoding, declared=info.declared_charset
    )
    meta = Meta(
        source_path=info.path,
        source_adapter="text",
        encoding=decoded.encoding,
        encoding_reason=decoded.reason,
    )
    return single_article_document(meta, text_to_blocks(decoded.text))


TEXT_SOURCE = Source(
    name="text",
    extensions=("txt", "text"),
    read=read_text,
    priority=1000,
    description="Plain text in any Chinese encoding, read literally",
)


@hookimpl
def gongwen_sources() -> Sequence[Source]:
    """Register the plain-text source."""
    return [TEXT_SOURCE]
