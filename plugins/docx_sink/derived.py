"""Styles a reference DOCX lacks, derived from the reference's own related styles.

As pandoc does with its First Paragraph (based on Body Text), a style the body
needs and the reference lacks is based on the reference's nearest relative and
carries no fonts, size, bold or colour of its own: only the paragraph layout
that makes its role (a Date is right-aligned and indented from the right, a
Salutation starts flush left, toc 2 sits one 字 further in). So every paragraph
shows the reference's fonts. A style with no relative in the reference (Title,
Heading 1–4, or Body Text without Normal) is still made from the profile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from lxml import etree

from .ooxml import JUSTIFICATION, sub, twips, w
from .profile import Profile
from .styles import get_or_add_style, resolved_run_properties

# Each derivable style and its relatives, nearest first; a relative may itself be
# derived, so a style comes after the ones it can be based on.
RELATIVES: dict[str, tuple[str, ...]] = {
    "Body Text": ("Normal",),
    "First Paragraph": ("Body Text", "Normal"),
    "Compilation Title": ("Title",),
    "Salutation": ("Body Text", "Normal"),
    "Signature": ("Body Text", "Normal"),
    "Date": ("Body Text", "Normal"),
    "TOC Heading": ("Title",),
    "toc 1": ("Normal",),
    "toc 2": ("toc 1", "Normal"),
    "toc 3": ("toc 1", "Normal"),
}
# Word's size when neither the styles nor the document defaults name one.
_WORD_DEFAULT_SIZE = 10.0


def derive_missing_styles(word: Any, profile: Profile, missing: set[str]) -> set[str]:
    """Create each style of `missing` that has a relative in `word`, based on it.

    Returns the styles still missing (no relative found): the caller makes those
    from the profile.
    """
    layouts = _layouts(profile)
    left = set(missing)
    for name, relatives in RELATIVES.items():
        base = next((r for r in relatives if r not in left and r in word.styles), None)
        if name not in left or base is None:
            continue
        style = get_or_add_style(word, name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = word.styles[base]
        style.hidden = False
        style.quick_style = True
        style.unhide_when_used = False
        for tag in ("pPr", "rPr"):
            for old in style.element.findall(w(tag)):
                style.element.remove(old)
        properties = sub(style.element, "pPr")
        layouts[name](properties, _Measure(word, base))
        if len(properties) == 0:
            style.element.remove(properties)
        left.discard(name)
    return left


class _Measure:
    """Character and line sizes of the base style, for indents given in 字 and lines."""

    def __init__(self, word: Any, base: str) -> None:
        self.size = style_size(word, base)
        grid = word.sections[-1]._sectPr.find(w("docGrid"))
        pitch = grid.get(w("linePitch")) if grid is not None else None
        # Word counts "lines" of spacing on the document grid when there is one.
        self.line = int(pitch) / 20 if pitch else self.size * 1.2

    def chars(self, count: float) -> dict[str, str]:
        """Both the 字 count (Word, WPS) and its twips (LibreOffice)."""
        return {"Chars": str(round(count * 100)), "": twips(count * self.size)}


def style_size(word: Any, name: str) -> float:
    """The font size in points of a paragraph style, through basedOn and the defaults."""
    size = resolved_run_properties(word, name).find(w("sz"))
    if size is None:
        size = word.styles.element.find(f"{w('docDefaults')}//{w('sz')}")
    value = size.get(w("val")) if size is not None else None
    return int(value) / 2 if value and value.isdigit() else _WORD_DEFAULT_SIZE


def _layouts(profile: Profile) -> dict[str, Callable[[etree._Element, _Measure], None]]:
    closing = profile.closing
    body_indent = profile.body.first_line_chars

    def nothing(properties: etree._Element, measure: _Measure) -> None:
        """Exactly the base style."""

    def indented(properties: etree._Element, measure: _Measure) -> None:
        _indent(properties, measure, first_line=body_indent)

    def flush(properties: etree._Element, measure: _Measure) -> None:
        _indent(properties, measure, first_line=0)

    def signature(properties: etree._Element, measure: _Measure) -> None:
        before = closing.space_before_lines
        sub(
            properties,
            "spacing",
            before=twips(before * measure.line),
            beforeLines=str(round(before * 100)),
        )
        _indent(properties, measure, first_line=0)
        sub(properties, "jc", val=JUSTIFICATION["right"])

    def date(properties: etree._Element, measure: _Measure) -> None:
        _indent(properties, measure, first_line=0, right=closing.date_right_chars)
        sub(properties, "jc", val=JUSTIFICATION["right"])

    def toc_heading(properties: etree._Element, measure: _Measure) -> None:
        sub(properties, "spacing", after=twips(measure.line), afterLines="100")

    def toc_level(level: int) -> Callable[[etree._Element, _Measure], None]:
        def layout(properties: etree._Element, measure: _Measure) -> None:
            _indent(properties, measure, first_line=0, left=level - 1)

        return layout

    return {
        "Body Text": indented,
        "First Paragraph": nothing,
        "Compilation Title": nothing,
        "Salutation": flush,
        "Signature": signature,
        "Date": date,
        "TOC Heading": toc_heading,
        "toc 1": flush,
        "toc 2": toc_level(2),
        "toc 3": toc_level(3),
    }


def _indent(
    properties: etree._Element,
    measure: _Measure,
    *,
    first_line: float,
    right: float = 0,
    left: float = 0,
) -> None:
    attributes: dict[str, str] = {}
    for side, count in (("firstLine", first_line), ("right", right), ("left", left)):
        if count or side == "firstLine":
            for suffix, value in measure.chars(count).items():
                attributes[side + suffix] = value
    sub(properties, "ind", **attributes)
