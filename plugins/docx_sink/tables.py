"""Tables: a `table` block's rows as a Word table with single borders, full text width.

Borders are direct table properties rather than a table style, so a reference
DOCX without "Table Grid" still shows a ruled table. Ragged rows are padded
with empty cells; cell text is flush left (no first-line indent).
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from .ooxml import element, sub, text_element

BORDER_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")


def table_element(rows: Sequence[Sequence[str]], width_twips: int) -> etree._Element:
    """Return a `w:tbl` for `rows`, columns sharing `width_twips` equally."""
    columns = max((len(row) for row in rows), default=1) or 1
    column_width = str(width_twips // columns)
    table = element("tbl")
    properties = sub(table, "tblPr")
    sub(properties, "tblW", w=str(width_twips), type="dxa")
    borders = sub(properties, "tblBorders")
    for edge in BORDER_EDGES:
        sub(borders, edge, val="single", sz="4", space="0", color="000000")
    sub(properties, "tblLayout", type="fixed")
    grid = sub(table, "tblGrid")
    for _ in range(columns):
        sub(grid, "gridCol", w=column_width)
    for row in rows:
        table_row = sub(table, "tr")
        for index in range(columns):
            cell = sub(table_row, "tc")
            sub(sub(cell, "tcPr"), "tcW", w=column_width, type="dxa")
            paragraph = sub(cell, "p")
            paragraph_properties = sub(paragraph, "pPr")
            sub(paragraph_properties, "ind", firstLineChars="0", firstLine="0")
            sub(paragraph_properties, "jc", val="left")
            text = row[index] if index < len(row) else ""
            if text:
                text_element(sub(paragraph, "r"), text)
    return table
