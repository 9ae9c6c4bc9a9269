"""Read the parts of a DOCX that `gongwen check` compares, with style inheritance resolved."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from lxml import etree

from .ooxml import w

_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_TOGGLES = ("b", "bCs", "i", "iCs")
_MAX_CHAIN = 20  # basedOn chains longer than this are cycles


@dataclass(slots=True)
class WordFile:
    """The parsed document, styles, settings and footers of one DOCX."""

    document: etree._Element
    styles: etree._Element | None
    settings: etree._Element | None
    footer_parts: dict[str, etree._Element] = field(default_factory=dict)
    _by_name: dict[str, etree._Element] = field(default_factory=dict)
    _by_id: dict[str, etree._Element] = field(default_factory=dict)

    @classmethod
    def open(cls, path: str) -> WordFile:
        """Parse the parts of the DOCX at `path` (raises on a damaged file)."""
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())

            def part(name: str) -> etree._Element | None:
                return etree.fromstring(archive.read(name)) if name in names else None

            document = part("word/document.xml")
            if document is None:
                raise KeyError("word/document.xml is missing")
            footers: dict[str, etree._Element] = {}
            relationships = part("word/_rels/document.xml.rels")
            for relationship in relationships if relationships is not None else ():
                if relationship.tag == _RELATIONSHIP and relationship.get("Type", "").endswith(
                    "/footer"
                ):
                    target = relationship.get("Target", "")
                    member = target[1:] if target.startswith("/") else f"word/{target}"
                    member = str(PurePosixPath(member))
                    found = part(member)
                    if found is not None:
                        footers[relationship.get("Id", "")] = found
            word = cls(document, part("word/styles.xml"), part("word/settings.xml"), footers)
        word._index_styles()
        return word

    def _index_styles(self) -> None:
        for style in self.styles.iter(w("style")) if self.styles is not None else ():
            name = style.find(w("name"))
            if name is not None:
                self._by_name[name.get(w("val"), "").lower()] = style
            self._by_id[style.get(w("styleId"), "")] = style

    def last_section(self) -> etree._Element | None:
        """The body's final section properties (page setup and footers)."""
        body = self.document.find(w("body"))
        return body.find(w("sectPr")) if body is not None else None

    def style_id(self, name: str) -> str | None:
        """The id of the style named `name` (case-insensitive), or None."""
        style = self._by_name.get(name.lower())
        return style.get(w("styleId")) if style is not None else None

    def _chain(self, name: str) -> Iterator[etree._Element]:
        style = self._by_name.get(name.lower())
        for _ in range(_MAX_CHAIN):
            if style is None:
                return
            yield style
            based = style.find(w("basedOn"))
            style = self._by_id.get(based.get(w("val"), "")) if based is not None else None

    def _defaults(self, kind: str) -> etree._Element | None:
        if self.styles is None:
            return None
        return self.styles.find(f"{w('docDefaults')}/{w(kind + 'Default')}/{w(kind)}")

    def _lookup(self, name: str, kind: str, tag: str, attribute: str) -> str | None:
        nodes = [style.find(w(kind)) for style in self._chain(name)] + [self._defaults(kind)]
        for properties in nodes:
            found = properties.find(w(tag)) if properties is not None else None
            if found is not None and found.get(w(attribute)) is not None:
                return found.get(w(attribute))
            if found is not None and tag in _TOGGLES:
                return "1"  # <w:b/> without a value switches the property on
        return None

    def run_property(self, name: str, tag: str, attribute: str = "val") -> str | None:
        """An attribute of a run property of style `name`, inheritance resolved."""
        return self._lookup(name, "rPr", tag, attribute)

    def paragraph_property(self, name: str, tag: str, attribute: str = "val") -> str | None:
        """An attribute of a paragraph property of style `name`, inheritance resolved."""
        return self._lookup(name, "pPr", tag, attribute)

    def run_font(self, name: str, slot: str) -> str | None:
        """The font of style `name` for `slot` (eastAsia, ascii); "theme …" for theme fonts."""
        font = self.run_property(name, "rFonts", slot)
        if font is not None:
            return font
        theme = self.run_property(name, "rFonts", f"{slot}Theme")
        return f"theme {theme}" if theme else None

    def footers(self) -> dict[str, etree._Element]:
        """The footers of the last section by type ("default", "even", "first")."""
        section = self.last_section()
        found: dict[str, etree._Element] = {}
        for reference in section.iter(w("footerReference")) if section is not None else ():
            part = self.footer_parts.get(reference.get(_R_ID, ""))
            if part is not None:
                found[reference.get(w("type"), "default")] = part
        return found

    def paragraph_texts(self) -> Iterator[str]:
        """The text of each body paragraph, in order."""
        for paragraph in self.document.iter(w("p")):
            yield text_of(paragraph, "t")


def text_of(node: etree._Element, tag: str) -> str:
    """The concatenated text of every `w:tag` element under `node`."""
    return "".join(str(text) for text in node.itertext(w(tag)))
