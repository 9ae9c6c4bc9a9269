"""Read the XML parts of a produced DOCX for assertions (parsed, never zip bytes)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def attr(name: str) -> str:
    """Clark name of a w: attribute."""
    return f"{{{W}}}{name}"


@dataclass
class DocxParts:
    """The parsed document, styles, settings and footers (by footer type) of a DOCX."""

    document: etree._Element
    styles: etree._Element
    settings: etree._Element
    footers: dict[str, etree._Element]
    font_table: etree._Element

    def style(self, style_id: str) -> etree._Element:
        """The w:style with this id (fails the test when missing)."""
        found = self.styles.xpath(f'w:style[@w:styleId="{style_id}"]', namespaces=NS)
        assert found, f"no style {style_id!r}"
        return found[0]

    def style_value(self, style_id: str, path: str, attribute: str = "val") -> str | None:
        """An attribute of the first element at `path` (XPath under w:style)."""
        found = self.style(style_id).xpath(path, namespaces=NS)
        return found[0].get(attr(attribute)) if found else None

    def paragraphs(self) -> list[etree._Element]:
        """Body paragraphs (not those in tables)."""
        return self.document.xpath("w:body/w:p", namespaces=NS)  # type: ignore[no-any-return]

    def section(self) -> etree._Element:
        """The final w:sectPr."""
        return self.document.xpath("w:body/w:sectPr", namespaces=NS)[0]  # type: ignore[no-any-return]


def text(node: etree._Element) -> str:
    """All w:t text under `node`."""
    return "".join(node.xpath(".//w:t/text()", namespaces=NS))


def style_of(paragraph: etree._Element) -> str | None:
    """The pStyle of a paragraph."""
    found = paragraph.xpath("w:pPr/w:pStyle/@w:val", namespaces=NS)
    return str(found[0]) if found else None


def canonical(node: etree._Element) -> str:
    """C14N text of an element, for comparisons that ignore serialisation details."""
    return etree.tostring(node, method="c14n").decode()


def read_parts(path: Path) -> DocxParts:
    """Parse the parts of the DOCX at `path`."""
    with zipfile.ZipFile(path) as archive:

        def part(name: str) -> etree._Element:
            return etree.fromstring(archive.read(name))

        document = part("word/document.xml")
        relationships = part("word/_rels/document.xml.rels")
        targets = {rel.get("Id"): rel.get("Target") for rel in relationships}
        footers = {}
        for reference in document.xpath("//w:sectPr/w:footerReference", namespaces=NS):
            footers[reference.get(attr("type"))] = part(f"word/{targets[reference.get(R_ID)]}")
        return DocxParts(
            document=document,
            styles=part("word/styles.xml"),
            settings=part("word/settings.xml"),
            footers=footers,
            font_table=part("word/fontTable.xml"),
        )
