"""Dangling footnote markers (order 120): `“三区三线”[3]划定` → `“三区三线”划定`.

A scraped page keeps the note numbers of the original but not the notes. A
marker `[n]` / `［n］` (n up to 99) is dropped when it follows a CJK character
or a closing quote or bracket, is not followed by a digit or 号 (document
numbers such as `岸政办[2014]41号` use the same brackets), and no line of the
document starts with that marker (which would be the note it points to).
"""

from __future__ import annotations

import re

from convert import Config, Document

from .chars import HAN_RANGES
from .textedit import Edit, Outcome, all_texts, rewrite_texts

PASS_NAME = "dangling-footnotes"
RULE = "dangling-footnote"
MARKER = re.compile(rf"(?<=[{HAN_RANGES}”’」』）》])[\[［]([1-9]\d?)[\]］](?![0-9０-９号])")
NOTE_START = re.compile(r"^(?:注\s*)?[\[［]([1-9]\d?)[\]］]")


def defined_notes(document: Document) -> set[str]:
    """Note numbers that some line of the document starts with."""
    found: set[str] = set()
    for text in all_texts(document):
        match = NOTE_START.match(text)
        if match:
            found.add(match.group(1))
    return found


def remove_dangling_footnotes(document: Document, config: Config) -> Document:
    """Pass: drop footnote markers whose notes are not in the document."""
    defined = defined_notes(document)

    def rule(text: str) -> Outcome:
        return Outcome(
            edits=[
                Edit(m.start(), m.end(), "", RULE)
                for m in MARKER.finditer(text)
                if m.group(1) not in defined
            ]
        )

    return rewrite_texts(document, PASS_NAME, rule)
