"""Paragraph and character styles, page setup and document grid from a profile.

Styles carry the layout (not each paragraph), so Word's style pane, navigation
pane and TOC work, and a user restyles the whole file by editing one style.
Names follow Word's built-ins and pandoc's reference.docx (Title, Heading 1–4,
Body Text, First Paragraph, Salutation, Signature, Date, TOC Heading).
"""

from __future__ import annotations

import copy
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Mm
from lxml import etree

from .ooxml import JUSTIFICATION, element, fonts, half_points, sub, twips, w
from .profile import Profile, TextStyle, character_spacing_twips

HEADING_STYLES = ("Heading 1", "Heading 2", "Heading 3", "Heading 4")
RUN_IN_STYLES = tuple(f"Run-in {name}" for name in HEADING_STYLES)
# Styles the body refers to, by role; each is looked up by name in the document.
ROLE_STYLES = {
    "title": "Title",
    "compilation_title": "Compilation Title",
    "body": "Body Text",
    "first": "First Paragraph",
    "salutation": "Salutation",
    "signature": "Signature",
    "date": "Date",
    "toc_title": "TOC Heading",
    "toc_entry": "toc 1",
    "toc_entry2": "toc 2",
    "toc_entry3": "toc 3",
    **{f"heading{level}": name for level, name in enumerate(HEADING_STYLES, start=1)},
    **{f"run_in{level}": name for level, name in enumerate(RUN_IN_STYLES, start=1)},
}


# Built-in Word styles python-docx's template lacks (Word matches them by name).
WORD_BUILT_INS = ("Salutation", "Signature", "Date", "toc 1", "toc 2", "toc 3")


def set_page(word: Any, profile: Profile) -> None:
    """Paper size, margins, header/footer distances and document grid of every section."""
    page = profile.page
    for section in word.sections:
        section.page_width = Mm(page.width_mm)
        section.page_height = Mm(page.height_mm)
        section.top_margin = Mm(page.margin_top_mm)
        section.bottom_margin = Mm(page.margin_bottom_mm)
        section.left_margin = Mm(page.margin_left_mm)
        section.right_margin = Mm(page.margin_right_mm)
        section.header_distance = Mm(page.header_mm)
        section.footer_distance = Mm(page.footer_mm)
        _set_grid(section._sectPr, profile)


def _set_grid(section_properties: etree._Element, profile: Profile) -> None:
    # A line grid only: the 28 characters per line come from condensed character
    # spacing in the document defaults (see character_spacing_twips). A character grid
    # (linesAndChars with a negative charSpace) gives the same lines in Word and WPS,
    # but LibreOffice puts each 16 pt character into two 15.79 pt cells: 14 per line.
    grid = section_properties.find(w("docGrid"))
    if grid is None:
        grid = sub(section_properties, "docGrid")
    for name in ("type", "linePitch", "charSpace"):
        grid.attrib.pop(w(name), "")
    grid.set(w("linePitch"), twips(profile.grid.line_pitch))
    if profile.grid.chars_per_line > 0 or profile.grid.lines_per_page > 0:
        grid.set(w("type"), "lines")


def set_styles(word: Any, profile: Profile, only: set[str] | None = None) -> None:
    """Write every style the body uses from the profile (creating missing ones).

    With `only`, just those styles are written (filling gaps in a reference DOCX).
    """
    if only is None:
        _set_defaults(word.styles.element, profile)

    def _define(name: str, style: TextStyle, **options: Any) -> None:
        if only is None or name in only:
            _define_style(word, name, style, profile, **options)

    body = profile.body
    flush = _variant(body, first_line_chars=0)
    _define("Normal", body, based_on=None)
    _define("Body Text", body)
    _define("First Paragraph", body, based_on="Body Text")
    _define("Title", profile.title, keep_next=True)
    if only is None or "Compilation Title" in only:
        _inherit(word, "Compilation Title", "Title")
    for level, (name, style) in enumerate(zip(HEADING_STYLES, profile.headings, strict=True)):
        _define(name, style, keep_next=True, outline_level=level)
    _define("Salutation", flush, based_on="Body Text")
    before = profile.closing.space_before_lines
    _define("Signature", _variant(flush, space_before_lines=before, align="right"))
    date = _variant(flush, align="right")
    _define("Date", date, right_chars=profile.closing.date_right_chars)
    _define("TOC Heading", _variant(profile.title, space_after_lines=1))
    for level in (1, 2, 3):  # each level one 字 further in
        _define(f"toc {level}", flush, left_chars=level - 1)
    add_run_in_styles(word)


def add_run_in_styles(word: Any) -> None:
    """Character styles with each heading's fonts, for the phrase of a run-in heading.

    They copy the fonts of the Heading 1–4 paragraph styles as found in the
    document, so with a reference DOCX they follow its headings.
    """
    for heading, run_in in zip(HEADING_STYLES, RUN_IN_STYLES, strict=True):
        style = get_or_add_style(word, run_in, WD_STYLE_TYPE.CHARACTER)
        source = resolved_run_properties(word, heading)
        _strip(style.element, "rPr")
        properties = sub(style.element, "rPr")
        for tag in ("rFonts", "b", "bCs", "i", "iCs", "color"):
            found = source.find(w(tag))
            if found is not None:
                properties.append(copy.deepcopy(found))


def resolved_run_properties(word: Any, style_name: str) -> etree._Element:
    """The run properties of a paragraph style with its basedOn chain applied."""
    merged = element("rPr")
    chain: list[Any] = []
    style = None
    if style_name in word.styles:
        style = word.styles[style_name]
    while style is not None and len(chain) < 20:
        chain.append(style)
        style = style.base_style
    for ancestor in reversed(chain):
        properties = ancestor.element.find(w("rPr"))
        for child in properties if properties is not None else ():
            old = merged.find(child.tag)
            if old is not None:
                merged.remove(old)
            merged.append(copy.deepcopy(child))
    return merged


def style_id(word: Any, name: str) -> str:
    """The style id of the style named `name` (ids differ between Word languages)."""
    return str(word.styles[name].style_id)


def _inherit(word: Any, name: str, based_on: str) -> None:
    """A style that looks exactly like `based_on` but is not picked up by the TOC field."""
    style = get_or_add_style(word, name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = word.styles[based_on]
    style.quick_style = True
    _strip(style.element, "pPr", "rPr")


def _variant(style: TextStyle, **changes: Any) -> TextStyle:
    values = {slot: getattr(style, slot) for slot in TextStyle.__slots__}
    values.update(changes)
    return TextStyle(**values)


def _set_defaults(styles: etree._Element, profile: Profile) -> None:
    defaults = styles.find(w("docDefaults"))
    if defaults is None:
        defaults = element("docDefaults")
        styles.insert(0, defaults)
    _strip(defaults, "rPrDefault", "pPrDefault")
    run = sub(sub(defaults, "rPrDefault"), "rPr")
    fonts(run, profile.body.east_asia_font, profile.body.latin_font)
    spacing = character_spacing_twips(profile)
    if spacing:
        sub(run, "spacing", val=str(spacing))
    sub(run, "sz", val=half_points(profile.body.size))
    sub(run, "szCs", val=half_points(profile.body.size))
    sub(run, "lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    sub(sub(sub(defaults, "pPrDefault"), "pPr"), "spacing", before="0", after="0")


def get_or_add_style(word: Any, name: str, kind: Any) -> Any:
    """The style named `name`, added (of `kind`) when the document lacks it."""
    if name in word.styles:
        return word.styles[name]
    style = word.styles.add_style(name, kind)
    if name in WORD_BUILT_INS:
        # python-docx marks every added style custom; Word knows these by name.
        style.element.attrib.pop(w("customStyle"), "")
    return style


def _define_style(
    word: Any,
    name: str,
    style: TextStyle,
    profile: Profile,
    *,
    based_on: str | None = "Normal",
    keep_next: bool = False,
    outline_level: int | None = None,
    right_chars: float = 0,
    left_chars: float = 0,
) -> None:
    target = get_or_add_style(word, name, WD_STYLE_TYPE.PARAGRAPH)
    if based_on is not None and name != based_on:
        target.base_style = word.styles[based_on]
    target.hidden = False
    target.quick_style = True
    target.unhide_when_used = False
    node = target.element
    _strip(node, "pPr", "rPr")
    paragraph = sub(node, "pPr")
    if keep_next:
        sub(paragraph, "keepNext")
        sub(paragraph, "keepLines")
    pitch = profile.grid.line_pitch
    sub(
        paragraph,
        "spacing",
        before=twips(style.space_before_lines * pitch),
        beforeLines=str(round(style.space_before_lines * 100)),
        after=twips(style.space_after_lines * pitch),
        afterLines=str(round(style.space_after_lines * 100)),
        line=twips(pitch),
        lineRule="exact",
    )
    sub(
        paragraph,
        "ind",
        firstLineChars=str(round(style.first_line_chars * 100)),
        firstLine=twips(style.first_line_chars * style.size),
        rightChars=str(round(right_chars * 100)),
        right=twips(right_chars * style.size),
        **(
            {"leftChars": str(round(left_chars * 100)), "left": twips(left_chars * style.size)}
            if left_chars
            else {}
        ),
    )
    sub(paragraph, "jc", val=JUSTIFICATION[style.align])
    if outline_level is not None:
        sub(paragraph, "outlineLvl", val=str(outline_level))
    run = sub(node, "rPr")
    fonts(run, style.east_asia_font, style.latin_font)
    sub(run, "b", val="1" if style.bold else "0")
    sub(run, "bCs", val="1" if style.bold else "0")
    sub(run, "i", val="0")
    sub(run, "color", val="000000")
    sub(run, "sz", val=half_points(style.size))
    sub(run, "szCs", val=half_points(style.size))


def _strip(node: etree._Element, *tags: str) -> None:
    for tag in tags:
        for child in node.findall(w(tag)):
            node.remove(child)
