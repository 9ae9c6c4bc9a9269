"""`gongwen check`: how a DOCX departs from a layout profile.

Reads the parts straight from the zip (document, styles, settings, footers)
and compares page setup, document grid, the styles the profile defines
(resolved through basedOn and the document defaults), the page-number
footers and the format of dates in the body.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from lxml import etree

from convert import ConvertError

from .closing import DATE, arabic_date
from .ooxml import w
from .profile import Profile, TextStyle
from .styles import HEADING_STYLES
from .wordfile import WordFile, text_of

MM_TOLERANCE = 1.0  # GB/T 9704 §5.2.1 allows ±1 mm
PT_TOLERANCE = 0.25
ALIGN_NAMES = {"both": "justify", "center": "center", "right": "right", "left": "left"}


@dataclass(frozen=True, slots=True)
class Departure:
    """One way the document differs from the profile."""

    area: str
    message: str


def check_docx(path: str, profile: Profile) -> list[Departure]:
    """Return every departure of the DOCX at `path` from `profile`.

    Raises `ConvertError` naming the file when it is not a readable DOCX.
    """
    try:
        word = WordFile.open(path)
    except (OSError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as error:
        raise ConvertError(f"{path}: not a readable .docx file ({error})") from None
    found: list[Departure] = []
    found += _check_page(word, profile)
    found += _check_styles(word, profile)
    found += _check_page_numbers(word, profile)
    found += _check_dates(word, profile)
    return found


def _mm(twips: str | None) -> float | None:
    return None if twips is None else int(twips) * 25.4 / 1440


def _check_page(word: WordFile, profile: Profile) -> list[Departure]:
    section = word.last_section()
    found: list[Departure] = []
    size = section.find(w("pgSz")) if section is not None else None
    margins = section.find(w("pgMar")) if section is not None else None
    page = profile.page
    wanted = (
        ("page width", size, "w", page.width_mm),
        ("page height", size, "h", page.height_mm),
        ("top margin", margins, "top", page.margin_top_mm),
        ("bottom margin", margins, "bottom", page.margin_bottom_mm),
        ("left margin", margins, "left", page.margin_left_mm),
        ("right margin", margins, "right", page.margin_right_mm),
    )
    for label, node, attribute, expected in wanted:
        actual = _mm(node.get(w(attribute))) if node is not None else None
        if actual is None or abs(abs(actual) - expected) > MM_TOLERANCE:
            shown = "not set" if actual is None else f"{actual:.1f} mm"
            found.append(Departure("page", f"{label} {shown}, profile wants {expected:g} mm"))
    grid = section.find(w("docGrid")) if section is not None else None
    if profile.grid.chars_per_line or profile.grid.lines_per_page:
        pitch = grid.get(w("linePitch")) if grid is not None else None
        kind = grid.get(w("type")) if grid is not None else None
        if kind not in ("lines", "linesAndChars"):
            found.append(Departure("grid", "no document grid (w:docGrid type lines/linesAndChars)"))
        elif pitch is None or abs(int(pitch) / 20 - profile.grid.line_pitch) > PT_TOLERANCE:
            shown = "not set" if pitch is None else f"{int(pitch) / 20:g} pt"
            found.append(
                Departure(
                    "grid", f"line pitch {shown}, profile wants {profile.grid.line_pitch:g} pt"
                )
            )
        if profile.grid.chars_per_line:
            found += _check_characters_per_line(word, section, grid, profile)
    return found


def _check_characters_per_line(
    word: WordFile, section: etree._Element | None, grid: etree._Element | None, profile: Profile
) -> list[Departure]:
    """Count the body characters a line holds: character grid pitch, or font size plus spacing."""
    size, margins = (
        section.find(w(tag)) if section is not None else None for tag in ("pgSz", "pgMar")
    )
    body_name = "Body Text" if word.style_id("Body Text") else "Normal"
    font = word.run_property(body_name, "sz")
    if size is None or margins is None or font is None:
        return [Departure("grid", "cannot tell the characters per line (no page or font size)")]
    width = (
        int(size.get(w("w"), "0"))
        - int(margins.get(w("left"), "0"))
        - int(margins.get(w("right"), "0"))
    ) / 20
    pitch = int(font) / 2 + int(word.run_property(body_name, "spacing") or 0) / 20
    if grid is not None and grid.get(w("type")) == "linesAndChars":
        pitch = int(font) / 2 + int(grid.get(w("charSpace"), "0")) / 4096
    chars = int(width / pitch + 1e-6) if pitch > 0 else 0
    if chars != profile.grid.chars_per_line:
        return [
            Departure(
                "grid", f"{chars} characters per line, profile wants {profile.grid.chars_per_line}"
            )
        ]
    return []


def _check_styles(word: WordFile, profile: Profile) -> list[Departure]:
    found: list[Departure] = []
    body_name = "Body Text" if word.style_id("Body Text") else "Normal"
    found += _check_style(word, body_name, profile.body, first_line=True)
    found += _check_style(word, "Title", profile.title, first_line=False)
    for level, (name, style) in enumerate(zip(HEADING_STYLES, profile.headings, strict=True)):
        found += _check_style(word, name, style, first_line=False)
        if word.style_id(name) and word.paragraph_property(name, "outlineLvl") != str(level):
            found.append(Departure("headings", f"{name} has no outline level {level + 1}"))
    return found


def _check_style(
    word: WordFile, name: str, style: TextStyle, *, first_line: bool
) -> list[Departure]:
    if not word.style_id(name):
        return [Departure("styles", f"no {name!r} style")]
    area = "headings" if name.startswith("Heading") else "fonts"
    found: list[Departure] = []
    east_asia = word.run_font(name, "eastAsia")
    if east_asia != style.east_asia_font:
        found.append(
            Departure(
                area, f"{name}: Chinese font {east_asia}, profile wants {style.east_asia_font}"
            )
        )
    latin = word.run_font(name, "ascii")
    if latin != style.latin_font:
        found.append(
            Departure(area, f"{name}: Latin font {latin}, profile wants {style.latin_font}")
        )
    size = word.run_property(name, "sz")
    if size is None or abs(int(size) / 2 - style.size) > PT_TOLERANCE:
        shown = "default" if size is None else f"{int(size) / 2:g} pt"
        found.append(Departure("sizes", f"{name}: size {shown}, profile wants {style.size:g} pt"))
    bold = word.run_property(name, "b") not in (None, "0", "false")
    if bold != style.bold:
        found.append(
            Departure(
                area,
                f"{name}: {'bold' if bold else 'not bold'}, profile wants "
                f"{'bold' if style.bold else 'regular'}",
            )
        )
    if style.align in ("center", "right"):
        align = ALIGN_NAMES.get(word.paragraph_property(name, "jc") or "left", "left")
        if align != style.align:
            found.append(Departure(area, f"{name}: aligned {align}, profile wants {style.align}"))
    if first_line and style.first_line_chars:
        chars = word.paragraph_property(name, "ind", "firstLineChars")
        wanted = str(round(style.first_line_chars * 100))
        if chars != wanted:
            found.append(
                Departure(
                    area,
                    f"{name}: first-line indent not {style.first_line_chars:g} characters "
                    "(w:firstLineChars)",
                )
            )
    return found


def _check_page_numbers(word: WordFile, profile: Profile) -> list[Departure]:
    numbers = profile.page_number
    if not numbers.enabled:
        return []
    footers = word.footers()
    if "default" not in footers:
        return [Departure("page numbers", "no footer with page numbers")]
    found: list[Departure] = []
    wanted = {"default": numbers.odd_align}
    if numbers.odd_align != numbers.even_align:
        wanted["even"] = numbers.even_align
        if word.settings is None or word.settings.find(w("evenAndOddHeaders")) is None:
            found.append(Departure("page numbers", "odd and even pages share one footer"))
    before, _, after = numbers.text.partition("{PAGE}")
    for kind, align in wanted.items():
        footer = footers.get(kind)
        label = "odd-page" if kind == "default" and "even" in wanted else kind
        if footer is None:
            found.append(Departure("page numbers", f"no {label} footer"))
            continue
        instructions = text_of(footer, "instrText")
        simple = [node.get(w("instr"), "") for node in footer.iter(w("fldSimple"))]
        if "PAGE" not in instructions + "".join(simple):
            found.append(Departure("page numbers", f"{label} footer has no PAGE field"))
        text = text_of(footer, "t")
        if not (text.startswith(before) and text.endswith(after)):
            found.append(
                Departure("page numbers", f"{label} footer reads {text!r}, not {numbers.text!r}")
            )
        jc = footer.find(f".//{w('jc')}")
        shown = ALIGN_NAMES.get(jc.get(w("val"), "left") if jc is not None else "left", "left")
        if shown != align:
            found.append(Departure("page numbers", f"{label} footer aligned {shown}, not {align}"))
        sizes = {node.get(w("val")) for node in footer.iter(w("sz"))}
        if sizes != {str(round(numbers.size * 2))}:
            found.append(Departure("page numbers", f"{label} footer size not {numbers.size:g} pt"))
        fonts = {node.get(w("eastAsia")) for node in footer.iter(w("rFonts"))}
        if fonts != {numbers.east_asia_font}:
            found.append(
                Departure("page numbers", f"{label} footer font not {numbers.east_asia_font}")
            )
    return found


def _check_dates(word: WordFile, profile: Profile) -> list[Departure]:
    if profile.closing.date_digits != "arabic":
        return []
    found: list[Departure] = []
    for text in word.paragraph_texts():
        stripped = text.strip()
        if DATE.match(stripped) and arabic_date(stripped) not in (None, stripped):
            found.append(Departure("date format", f"{stripped!r}: write {arabic_date(stripped)!r}"))
    return found
