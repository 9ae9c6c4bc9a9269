"""Build the DOCX: styles and page from the profile, body XML written directly.

python-docx's `add_paragraph` searches the body for its insertion point on
every call, which makes a large document quadratic; here each paragraph is
built as an lxml element and the whole body is inserted at once, so time grows
linearly with size.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from convert import Block, Config, Document, Lead, __version__
from convert.model import labelled

from .profile import Profile, TextStyle, load_profile

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}

STYLE_IDS = {"title": "Title", "body": "BodyText", "heading": "Heading{level}"}


def write_docx(document: Document, config: Config) -> bytes:
    """Render the document as a DOCX in the configured profile."""
    profile = load_profile(config)
    word = docx.Document()
    _set_page(word, profile)
    _set_styles(word, profile)
    _set_properties(word, document)
    body = word.element.body
    section_properties = body.find(qn("w:sectPr"))
    paragraphs = list(_body_elements(document, profile, config))
    for paragraph in paragraphs:
        section_properties.addprevious(paragraph)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _set_page(word: docx.document.Document, profile: Profile) -> None:
    section = word.sections[0]
    page = profile.page
    section.page_width = Mm(page["width_mm"])
    section.page_height = Mm(page["height_mm"])
    section.top_margin = Mm(page["margin_top_mm"])
    section.bottom_margin = Mm(page["margin_bottom_mm"])
    section.left_margin = Mm(page["margin_left_mm"])
    section.right_margin = Mm(page["margin_right_mm"])


def _set_styles(word: docx.document.Document, profile: Profile) -> None:
    styles = word.styles
    _apply_text_style(styles["Normal"], profile.body)
    body = styles["Body Text"]
    _apply_text_style(body, profile.body)
    indent = body.element.get_or_add_pPr().get_or_add_ind()
    indent.set(qn("w:firstLineChars"), str(round(profile.first_line_chars * 100)))
    _apply_text_style(styles["Title"], profile.title)
    for level, heading_style in enumerate(profile.headings, start=1):
        _apply_text_style(styles[f"Heading {level}"], heading_style)


def _apply_text_style(style: object, text_style: TextStyle) -> None:
    font = style.font  # type: ignore[attr-defined]
    font.name = text_style.latin_font
    font.size = Pt(text_style.size)
    font.bold = False
    font.italic = False
    font.color.rgb = None
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()  # type: ignore[attr-defined]
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:eastAsia"), text_style.east_asia_font)
    style.paragraph_format.alignment = _ALIGN.get(text_style.align)  # type: ignore[attr-defined]


def _set_properties(word: docx.document.Document, document: Document) -> None:
    properties = word.core_properties
    properties.title = _document_title(document)
    properties.author = "gongwen-convert"
    properties.comments = f"Converted by gongwen-convert {__version__}"
    properties.last_modified_by = f"gongwen-convert {__version__}"


def _document_title(document: Document) -> str:
    """Prefer a recognised title, then the first line, as Word itself does."""
    if document.meta.title:
        return document.meta.title
    blocks = list(document.iter_blocks())
    for block in blocks:
        if block.type in ("compilation_title", "title"):
            return block.text
    return blocks[0].text[:80] if blocks else ""


def _body_elements(
    document: Document, profile: Profile, config: Config
) -> Iterator[etree._Element]:
    canonical = config.labels != "keep"
    for block in document.front:
        yield _paragraph_for(block, profile, canonical)
    for index, article in enumerate(document.articles):
        for position, block in enumerate(article.blocks):
            paragraph = _paragraph_for(block, profile, canonical)
            if (index > 0 and position == 0) or (index == 0 and position == 0 and document.front):
                _properties(paragraph).append(_element("w:pageBreakBefore"))
            yield paragraph


def _paragraph_for(block: Block, profile: Profile, canonical: bool) -> etree._Element:
    if block.type in ("title", "compilation_title"):
        return _paragraph("Title", [(block.text, None)])
    if block.type == "heading":
        level = block.numbering.level if block.numbering else 1
        return _paragraph(
            f"Heading{level}", [(labelled(block.numbering, block.text, canonical), None)]
        )
    if block.lead is not None:
        lead_style = _lead_style(block.lead, profile)
        runs = [
            (labelled(block.lead.numbering, block.lead.text, canonical), lead_style),
            (block.text, None),
        ]
        return _paragraph("BodyText", runs)
    return _paragraph("BodyText", [(labelled(block.numbering, block.text, canonical), None)])


def _lead_style(lead: Lead, profile: Profile) -> TextStyle:
    level = lead.numbering.level if lead.numbering else 3
    return profile.headings[min(max(level, 1), 4) - 1]


def _element(tag: str, **attributes: str) -> etree._Element:
    element = etree.Element(qn(tag))
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _properties(paragraph: etree._Element) -> etree._Element:
    found = paragraph.find(qn("w:pPr"))
    assert found is not None  # every paragraph built here has one
    return found


def _paragraph(style_id: str, runs: list[tuple[str, TextStyle | None]]) -> etree._Element:
    paragraph = _element("w:p")
    properties = etree.SubElement(paragraph, qn("w:pPr"))
    properties.append(_element("w:pStyle", val=style_id))
    for text, run_style in runs:
        if text:
            paragraph.append(_run(text, run_style))
    return paragraph


def _run(text: str, run_style: TextStyle | None) -> etree._Element:
    run = _element("w:r")
    if run_style is not None:
        properties = etree.SubElement(run, qn("w:rPr"))
        properties.append(
            _element(
                "w:rFonts",
                ascii=run_style.latin_font,
                hAnsi=run_style.latin_font,
                eastAsia=run_style.east_asia_font,
            )
        )
    text_element = etree.SubElement(run, qn("w:t"))
    text_element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    text_element.text = _XML_INVALID.sub("\ufffd", text)
    return run
