"""Pass 340: run-in headings, numbered statements and level-4 headings buried mid-line.

A numbered line is one of three things:

- a heading: the label and a phrase, nothing else (`（一）强化收支管理`,
  also with a final `。` or `：` when body paragraphs follow it);
- a run-in heading: the phrase ends at the first `。！？：` within
  `LEAD_MAX_CHARS` characters and body text follows on the same line
  (`（一）标题。正文…`). It becomes a paragraph whose `lead` holds the phrase
  (with its punctuation) and the numbering, so Word can set the phrase in the
  heading font inside the paragraph and Markdown can show a heading;
- a list item: a numbered statement with no body paragraphs of its own
  (`2.开展了…专项检查。` followed by `3.…`), a label:value line
  (`1.工业：1-9月工业产值XX万元；`), or a long line whose phrase cannot be
  told from the body (`(一)统一思想、高度重视街道办事处领导对于…`).

A level-4 heading `(n)` that follows a finished sentence inside the line of its
sibling `(n-1)` is split out into a block of its own; nothing else is split
inside a line (`一、二、三、`, `①`, `一是` and `1.` lists inside a sentence stay).
"""

from __future__ import annotations

import re
from dataclasses import replace

from convert import Block, Config, Document, Lead

from .headings import classify_line
from .lists import sibling_lists

LEAD_MAX_CHARS = 40
_LEAD_BREAK = "。！？!?：:"
_LABEL_VALUE_MAX = 60
_LABEL_VALUE_KEY_MAX = 10
_GLUED_MIN_CHARS = 60
# In a list of run-in headings, a sibling's phrase may run this long.
LIST_LEAD_MAX_CHARS = 60


def split_lead(block: Block, next_block: Block | None) -> Block:
    """Decide heading, run-in paragraph or list item for one numbered heading block."""
    text = block.text
    cut = next((i for i, ch in enumerate(text) if ch in _LEAD_BREAK), None)
    level = block.numbering.level if block.numbering else 1
    if cut is not None and cut < len(text) - 1:
        label_value = text[cut] in "：:" and cut <= _LABEL_VALUE_KEY_MAX
        if level >= 3 and label_value and len(text) <= _LABEL_VALUE_MAX:
            return replace(block, type="list_item")
        if cut < LEAD_MAX_CHARS:
            lead = Lead(text=text[: cut + 1], numbering=block.numbering)
            return replace(block, type="paragraph", text=text[cut + 1 :], numbering=None, lead=lead)
        return replace(block, type="list_item") if level > 1 else block
    if len(text) > _GLUED_MIN_CHARS and level > 1:
        return replace(block, type="list_item")
    if cut is not None and text[cut] in "。！？!?" and level >= 2:
        return block if _has_children(block, next_block) else replace(block, type="list_item")
    return block


def _has_children(block: Block, next_block: Block | None) -> bool:
    """Tell whether body text or deeper numbered items follow a numbered line."""
    if next_block is None or next_block.type not in ("paragraph", "heading"):
        return False
    numbering = next_block.lead.numbering if next_block.lead else next_block.numbering
    if numbering is None:
        return True
    level = block.numbering.level if block.numbering else 1
    return numbering.level > level


def _buried_pattern(number: int) -> re.Pattern[str]:
    return re.compile(rf"(?<=[。；;！!])[（(]{number + 1}[）)]")


def split_buried(block: Block) -> list[Block]:
    """Split `…。(n)…` out of a block numbered `(n-1)` at level 4, repeatedly."""
    numbering = block.lead.numbering if block.lead else block.numbering
    if numbering is None or numbering.level != 4 or numbering.number is None:
        return [block]
    match = _buried_pattern(numbering.number).search(block.text)
    if match is None:
        return [block]
    head = replace(block, text=block.text[: match.start()])
    rest = classify_line(block.text[match.start() :], block.lines)
    return [head, *split_buried(split_lead(rest, None))]


def _first_break(text: str) -> int | None:
    return next((i for i, ch in enumerate(text) if ch in _LEAD_BREAK), None)


def _as_run_in(block: Block) -> Block | None:
    """Return a sibling of a run-in list as a run-in paragraph, None when it has no phrase."""
    cut = _first_break(block.text)
    if cut is None or cut >= len(block.text) - 1 or cut >= LIST_LEAD_MAX_CHARS:
        return None
    lead = Lead(text=block.text[: cut + 1], numbering=block.numbering)
    return replace(block, type="paragraph", text=block.text[cut + 1 :], numbering=None, lead=lead)


def unify_lists(original: tuple[Block, ...], shaped: list[Block]) -> list[Block]:
    """Give the items of one sibling list the same shape: all run-in or all list items.

    The majority decides; a tie goes to list items (a statement is never cut
    into a fake heading). Items that are bare headings keep their shape, and an
    item with no phrase break within `LIST_LEAD_MAX_CHARS` stays a list item.
    """
    result = list(shaped)
    for members in sibling_lists(shaped):
        run_in = [i for i in members if shaped[i].lead is not None]
        items = [i for i in members if shaped[i].type == "list_item"]
        if not run_in or not items:
            continue
        if len(run_in) > len(items):
            for index in items:
                result[index] = _as_run_in(original[index]) or shaped[index]
        else:
            for index in run_in:
                result[index] = replace(original[index], type="list_item")
    return result


def shape_blocks(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Apply run-in splitting, list unification and buried level-4 splitting to one article."""
    shaped: list[Block] = []
    for index, block in enumerate(blocks):
        if block.type != "heading" or block.numbering is None:
            shaped.append(block)
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        shaped.append(split_lead(block, following))
    result: list[Block] = []
    for block in unify_lists(blocks, shaped):
        result.extend(split_buried(block))
    return tuple(result)


def run_run_in(document: Document, config: Config) -> Document:
    """Shape the numbered lines of every article."""
    articles = tuple(
        replace(article, blocks=shape_blocks(article.blocks)) for article in document.articles
    )
    return replace(document, articles=tuple(articles))
