"""Pass 300: numbered headings, recognised by the style of their label.

Levels follow the label style, not the nesting (GB/T 9704): `一、` 1,
`（一）` `(一)` `(一）` and the numeral-less `()` 2, `1.` `1、` `1．` 3,
`（1）` `(1)` 4. Only labels at the start of a line count; `一、二、三、`
inside a sentence, `①`, `一是`, decimals (`2.97亿元`), years and ranges stay
text. `3.4月份` is item 3 only when the list in progress has just had item 2.
The heading's `text` is the line without its label; whether it is a heading
or a run-in paragraph or list item is decided later (pass 340).
"""

from __future__ import annotations

from dataclasses import replace

from convert import Block, Config, Document, Numbering, Span

from .patterns import DECIMAL_START, Label, canonical_label, find_label


def numbering_for(label: Label) -> Numbering:
    """Return the model numbering for a label as found in the text."""
    canonical = canonical_label(label.level, label.number) if label.number else None
    return Numbering(level=label.level, label=label.label, number=label.number, canonical=canonical)


def classify_line(text: str, lines: Span, previous_item: int = 0) -> Block:
    """Return a heading block for a numbered line, else a paragraph block.

    `previous_item` is the number of the level-3 item just before, which lets
    `3.4月份…` read as item 3 after item 2.
    """
    label = find_label(text)
    if label is None and previous_item:
        decimal = DECIMAL_START.match(text)
        if decimal and int(decimal.group(1)) == previous_item + 1:
            label = Label(level=3, label=text[: decimal.end()], number=previous_item + 1)
    if label is None:
        return Block(type="paragraph", text=text, lines=lines)
    rest = text[len(label.label) :].lstrip()
    if not rest:
        return Block(type="paragraph", text=text, lines=lines)
    return Block(type="heading", text=rest, lines=lines, numbering=numbering_for(label))


def detect_headings(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Turn the numbered paragraph blocks of one article into headings."""
    result: list[Block] = []
    previous_item = 0
    for block in blocks:
        if block.type != "paragraph" or block.numbering or block.lead or block.marks:
            result.append(block)
            continue
        found = classify_line(block.text, block.lines, previous_item)
        if found.numbering is not None:
            if found.numbering.level < 3:
                previous_item = 0
            elif found.numbering.level == 3:
                previous_item = found.numbering.number or 0
        result.append(replace(block, type=found.type, text=found.text, numbering=found.numbering))
    return tuple(result)


def run_headings(document: Document, config: Config) -> Document:
    """Recognise numbered headings in every article."""
    articles = tuple(
        replace(article, blocks=detect_headings(article.blocks)) for article in document.articles
    )
    return replace(document, articles=articles)
