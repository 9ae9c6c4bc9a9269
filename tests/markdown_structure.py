"""Compare the block structure of Markdown (as markdown-it-py parses it) with the model."""

from __future__ import annotations

from typing import Any

from markdown_it.token import Token

UNINTENDED = {
    "bullet_list_open",
    "ordered_list_open",
    "em_open",
    "html_block",
    "html_inline",
    "code_block",
    "fence",
    "hr",
    "link_open",
    "image",
    "code_inline",
    "blockquote_open",
}


def markdown_structure(tokens: list[Token]) -> list[str]:
    """Reduce tokens to a list like ["h1", "p", "h3", "ul", ...], flagging unintended syntax."""
    shape: list[str] = []
    for token in tokens:
        if token.type == "heading_open":
            shape.append(token.tag)
        elif token.type == "paragraph_open" and not token.hidden:
            shape.append("p")
        elif token.type == "bullet_list_open":
            shape.append("ul")
        elif token.type == "table_open":
            shape.append("table")
        elif token.type == "blockquote_open":
            shape.append("blockquote")
        elif token.type == "hr":
            shape.append("hr")
        elif token.type in UNINTENDED:
            shape.append(f"UNINTENDED:{token.type}")
        for child in token.children or ():
            if child.type == "strong_open":
                shape.append("strong")
            elif child.type in UNINTENDED:
                shape.append(f"UNINTENDED:{child.type}")
    return shape


def expected_structure(document: dict[str, Any], split_run_in: bool = True) -> list[str]:
    """Return the structure the Markdown sink should produce for a JSON document."""
    blocks = list(document["front"])
    breaks = set()
    for index, article in enumerate(document["articles"]):
        if index and article["blocks"] and article["blocks"][0]["type"] != "title":
            breaks.add(len(blocks))
        blocks.extend(article["blocks"])
    base = int(any(b["type"] == "compilation_title" for b in blocks)) + int(
        any(b["type"] == "title" for b in blocks)
    )
    shape: list[str] = []
    for position, block in enumerate(blocks):
        if position in breaks:
            shape.append("hr")
        kind = block["type"]
        if kind == "compilation_title":
            shape.append("h1")
        elif kind == "title":
            shape.append(f"h{max(base, 1)}")
        elif kind == "heading":
            shape.append(f"h{min(base + block.get('outline_level', block.get('level', 1)), 6)}")
        elif kind == "toc_entry":
            if not shape or shape[-1] != "ul":
                shape.append("ul")
        elif kind == "table":
            shape.append("table")
        elif kind == "blockquote":
            shape.extend(["blockquote", "p"])
        elif block.get("lead") and split_run_in:
            shape.append(f"h{min(base + block['lead'].get('level', 4), 6)}")
            if block["text"]:
                shape.append("p")
        elif block.get("lead"):
            shape.extend(["p", "strong"])
        else:
            shape.append("p")
    return shape
