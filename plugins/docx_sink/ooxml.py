"""Small WordprocessingML building blocks shared by the DOCX modules."""

from __future__ import annotations

import copy
import re

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
JUSTIFICATION = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def w(tag: str) -> str:
    """Return the Clark name of a `w:` tag or attribute ("p" → "{…main}p")."""
    return f"{{{W_NS}}}{tag}"


def element(tag: str, **attributes: str) -> etree._Element:
    """Return a new `w:` element whose attributes are all `w:` attributes."""
    node = etree.Element(w(tag))
    for name, value in attributes.items():
        node.set(w(name), value)
    return node


def sub(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    """Append a new `w:` element to `parent` and return it."""
    node = etree.SubElement(parent, w(tag))
    for name, value in attributes.items():
        node.set(w(name), value)
    return node


def clean_text(text: str) -> str:
    """Replace characters XML cannot hold with U+FFFD (never drop them silently)."""
    return _XML_INVALID.sub("\ufffd", text)


def text_element(run: etree._Element, text: str) -> None:
    """Append a space-preserving `w:t` holding `text` to a run."""
    node = etree.SubElement(run, w("t"))
    node.set(XML_SPACE, "preserve")
    node.text = clean_text(text)


def twips(points: float) -> str:
    """Points as a twentieth-of-a-point string."""
    return str(round(points * 20))


def half_points(points: float) -> str:
    """Points as a half-point string (font sizes)."""
    return str(round(points * 2))


def fonts(parent: etree._Element, east_asia: str, latin: str) -> etree._Element:
    """Append a `w:rFonts` naming the East Asian and Latin fonts."""
    return sub(parent, "rFonts", ascii=latin, hAnsi=latin, eastAsia=east_asia, cs=latin)


def field_runs(
    instruction: str, shown: str, properties: etree._Element | None
) -> list[etree._Element]:
    """Return the runs of a complex field (begin, instruction, separate, result, end)."""
    runs: list[etree._Element] = []
    for kind in ("begin", "instr", "separate", "result", "end"):
        run = element("r")
        if properties is not None:
            run.append(_copy(properties))
        if kind == "instr":
            node = sub(run, "instrText")
            node.set(XML_SPACE, "preserve")
            node.text = f" {instruction} "
        elif kind == "result":
            text_element(run, shown)
        else:
            sub(run, "fldChar", fldCharType=kind)
        runs.append(run)
    return runs


def _copy(node: etree._Element) -> etree._Element:
    return copy.deepcopy(node)
