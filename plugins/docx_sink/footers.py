"""Page-number footers: "— 1 —" in 4号宋体, odd pages right and even pages left (§7.5).

Word shows a different footer on even pages only when settings.xml holds
`w:evenAndOddHeaders`; the default footer then serves odd pages.
"""

from __future__ import annotations

import copy
from typing import Any

from lxml import etree

from .ooxml import element, field_runs, half_points, sub, text_element, twips
from .profile import PageNumber, Profile

ALIGN = {"left": "left", "center": "center", "right": "right"}


def set_page_numbers(word: Any, profile: Profile) -> None:
    """Write odd and even page-number footers into every section."""
    numbers = profile.page_number
    if not numbers.enabled:
        return
    word.settings.odd_and_even_pages_header_footer = numbers.odd_align != numbers.even_align
    for section in word.sections:
        section.footer.is_linked_to_previous = False
        _fill(section.footer._element, numbers, numbers.odd_align)
        if word.settings.odd_and_even_pages_header_footer:
            section.even_page_footer.is_linked_to_previous = False
            _fill(section.even_page_footer._element, numbers, numbers.even_align)


def _fill(footer: etree._Element, numbers: PageNumber, align: str) -> None:
    for child in list(footer):
        footer.remove(child)
    footer.append(page_number_paragraph(numbers, align))


def page_number_paragraph(numbers: PageNumber, align: str) -> etree._Element:
    """One footer paragraph: the text around a PAGE field, 1 字 in from the outer edge."""
    paragraph = element("p")
    properties = sub(paragraph, "pPr")
    sub(properties, "pStyle", val="Footer")
    outside = str(round(numbers.outside_chars * 100))
    outside_twips = twips(numbers.outside_chars * numbers.size)
    if align == "right":
        sub(properties, "ind", rightChars=outside, right=outside_twips)
    elif align == "left":
        sub(properties, "ind", leftChars=outside, left=outside_twips)
    sub(properties, "jc", val=ALIGN[align])
    run_properties = _run_properties(numbers)
    before, _, after = numbers.text.partition("{PAGE}")
    if before:
        paragraph.append(_run(before, run_properties))
    for run in field_runs("PAGE", "1", run_properties):
        paragraph.append(run)
    if after:
        paragraph.append(_run(after, run_properties))
    return paragraph


def _run_properties(numbers: PageNumber) -> etree._Element:
    properties = element("rPr")
    # hint: the dashes (U+2014) are ambiguous-width; show them in the East Asian font.
    sub(
        properties,
        "rFonts",
        ascii=numbers.latin_font,
        hAnsi=numbers.latin_font,
        eastAsia=numbers.east_asia_font,
        cs=numbers.latin_font,
        hint="eastAsia",
    )
    sub(properties, "sz", val=half_points(numbers.size))
    sub(properties, "szCs", val=half_points(numbers.size))
    return properties


def _run(text: str, properties: etree._Element) -> etree._Element:
    run = element("r")
    run.append(copy.deepcopy(properties))
    text_element(run, text)
    return run
