"""URL escapes in body text (order 130): `党建%2B社会救助` → `党建+社会救助`.

Pages built from URL-encoded strings leak `%XX` sequences. A run of `%XX`
is decoded only when it is not part of a URL, the character before it is not
a digit (`12%20个百分点` is a percentage followed by a number), and it decodes
as UTF-8 to CJK text or to one of a few punctuation marks.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_to_bytes

from convert import Config, Document

from .chars import is_han
from .textedit import Edit, Outcome, rewrite_texts

PASS_NAME = "url-escapes"
RULE = "url-escape"
ESCAPE_RUN = re.compile(r"(?<![0-9０-９%])(?:%[0-9A-Fa-f]{2})+")
URL = re.compile(r"(?:https?://|www\.)[^\s\u3000-\u303f\uff01-\uff5e“”]+")
SAFE_PUNCTUATION = set("+/:#&=()@,;?~")


def _decoded(run: str) -> str | None:
    try:
        text = unquote_to_bytes(run).decode("utf-8")
    except UnicodeDecodeError:
        return None
    if all(is_han(c) or c in SAFE_PUNCTUATION for c in text):
        return text
    return None


def find_escapes(text: str) -> Outcome:
    """Propose decoding of every safe `%XX` run outside URLs."""
    urls = [m.span() for m in URL.finditer(text)]
    edits = []
    for match in ESCAPE_RUN.finditer(text):
        if any(start <= match.start() < end for start, end in urls):
            continue
        decoded = _decoded(match.group())
        if decoded is not None:
            edits.append(Edit(match.start(), match.end(), decoded, RULE))
    return Outcome(edits=edits)


def decode_url_escapes(document: Document, config: Config) -> Document:
    """Pass: decode URL escapes that leaked into body text."""
    return rewrite_texts(document, PASS_NAME, find_escapes)
