"""Sibling lists: the numbered items of one level that follow each other under one parent.

Several passes decide per list rather than per line (a list's items are all
run-in headings or all list items; a bare item among statements is a cut
line), so they share this one definition: walking an article, a numbered
block of level L joins the open list of level L; a block of a higher level
(smaller L) closes every deeper list, and an item numbered 1 opens a new one.
"""

from __future__ import annotations

from convert import Block, Numbering


def numbering_of(block: Block) -> Numbering | None:
    """Return the numbering of a heading, list item or run-in paragraph."""
    return block.lead.numbering if block.lead is not None else block.numbering


def sibling_lists(blocks: tuple[Block, ...] | list[Block]) -> list[list[int]]:
    """Return the indices of `blocks` grouped into sibling lists, in order of appearance."""
    lists: list[list[int]] = []
    open_lists: dict[int, list[int]] = {}
    for index, block in enumerate(blocks):
        numbering = numbering_of(block)
        if numbering is None:
            if block.type == "title":
                open_lists.clear()
            continue
        level = numbering.level
        for deeper in [lvl for lvl in open_lists if lvl > level]:
            del open_lists[deeper]
        current = open_lists.get(level)
        if current is None or numbering.number == 1:
            current = []
            open_lists[level] = current
            lists.append(current)
        current.append(index)
    return lists
