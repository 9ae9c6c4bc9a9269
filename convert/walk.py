"""Edit a document's blocks with pandoc's filter contract.

A filter function receives one block and returns
- None to keep it unchanged,
- a `Block` to replace it,
- a sequence of blocks to splice in its place (an empty one deletes it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from .model import Article, Block, Document

BlockFilter = Callable[[Block], "Block | Sequence[Block] | None"]


def map_blocks(document: Document, block_filter: BlockFilter) -> Document:
    """Apply `block_filter` to every block of the front matter and of every article."""
    front = _apply(document.front, block_filter)
    articles = tuple(_map_article(article, block_filter) for article in document.articles)
    if front is document.front and all(
        new is old for new, old in zip(articles, document.articles, strict=True)
    ):
        return document
    return replace(document, front=front, articles=articles)


def _map_article(article: Article, block_filter: BlockFilter) -> Article:
    blocks = _apply(article.blocks, block_filter)
    return article if blocks is article.blocks else replace(article, blocks=blocks)


def _apply(blocks: tuple[Block, ...], block_filter: BlockFilter) -> tuple[Block, ...]:
    result: list[Block] = []
    changed = False
    for block in blocks:
        outcome = block_filter(block)
        if outcome is None:
            result.append(block)
        elif isinstance(outcome, Block):
            result.append(outcome)
            changed = changed or outcome is not block
        else:
            result.extend(outcome)
            changed = True
    return tuple(result) if changed else blocks
