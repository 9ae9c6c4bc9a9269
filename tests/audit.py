"""Check that a conversion lost nothing: every non-whitespace input character
is still in a block or in the `before` of a recorded change."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any


def _block_strings(block: dict[str, Any]) -> Iterator[str]:
    yield block["text"]
    yield block.get("label", "")
    yield block.get("page", "")
    lead = block.get("lead")
    if lead:
        yield lead["text"]
        yield lead.get("label", "")
    for row in block.get("rows", ()):
        yield from row


def kept_strings(document: dict[str, Any]) -> Iterator[str]:
    """Yield every string of the JSON form that carries input text."""
    for block in document["front"]:
        yield from _block_strings(block)
    for article in document["articles"]:
        for block in article["blocks"]:
            yield from _block_strings(block)
    for change in document["changes"]:
        yield change["before"]


def _visible(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


def lost_characters(source_text: str, document: dict[str, Any]) -> Counter[str]:
    """Return the input characters (with counts) that appear nowhere in the output."""
    kept: Counter[str] = Counter()
    for piece in kept_strings(document):
        kept.update(_visible(piece))
    return _visible(source_text) - kept
