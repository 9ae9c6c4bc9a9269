"""`--reference-docx`: styles the reference lacks take its fonts from a related style."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from convert.cli import main
from tests.conftest import SEED_FILES
from tests.docx_xml import NS, DocxParts, attr, read_parts, style_of, text

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "docx" / "compilation.json"
TEMPLATE_STYLES = ("Normal", "Body Text", "Title", *(f"Heading {n}" for n in range(1, 5)))
YAHEI_12 = ("微软雅黑", "24")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A python-docx template whose text styles are all 微软雅黑 12 pt, margins 20 mm.

    It lacks First Paragraph, Compilation Title, Salutation, Signature, Date and toc 1–3.
    """
    word = docx.Document()
    for name in TEMPLATE_STYLES:
        properties = word.styles[name].element.get_or_add_rPr()
        for old in properties.findall(qn("w:rFonts")):  # drop the theme fonts
            properties.remove(old)
        word.styles[name].font.name = "Microsoft YaHei"
        properties.rFonts.set(qn("w:eastAsia"), "微软雅黑")
        word.styles[name].font.size = Pt(12)
    section = word.sections[0]
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin = section.right_margin = Mm(20)
    path = tmp_path_factory.mktemp("template") / "yahei.docx"
    word.save(str(path))
    return path


def _convert(source: Path, template: Path, tmp: Path, *options: str) -> DocxParts:
    output = tmp / f"{source.stem}.docx"
    argv = ["convert", str(source), "-o", str(output), "--reference-docx", str(template)]
    assert main([*argv, *options]) == 0
    return read_parts(output)


def _effective(parts: DocxParts, style_id: str | None) -> tuple[str | None, str | None]:
    """(eastAsia font, size in half-points) of a paragraph style through basedOn."""
    font: str | None = None
    size: str | None = None
    style = (
        parts.style(style_id)
        if style_id is not None
        else parts.styles.xpath('w:style[@w:type="paragraph"][@w:default="1"]', namespaces=NS)[0]
    )
    seen = 0
    while style is not None and seen < 20:
        font = font or _rpr(style, "w:rPr/w:rFonts", "eastAsia", "eastAsiaTheme")
        size = size or _rpr(style, "w:rPr/w:sz", "val")
        based = style.find("w:basedOn", NS)
        style = parts.style(based.get(attr("val"))) if based is not None else None
        seen += 1
    defaults = parts.styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    if defaults is not None:
        font = font or _rpr(defaults, "w:rFonts", "eastAsia", "eastAsiaTheme")
        size = size or _rpr(defaults, "w:sz", "val")
    return font, size


def _rpr(node: etree._Element, path: str, *attributes: str) -> str | None:
    found = node.find(path, NS)
    if found is None:
        return None
    for name in attributes:
        if found.get(attr(name)) is not None:
            prefix = "theme:" if name.endswith("Theme") else ""
            return prefix + str(found.get(attr(name)))
    return None


def _assert_template_fonts(parts: DocxParts) -> None:
    paragraphs = parts.document.xpath("w:body/w:p[.//w:t]", namespaces=NS)
    assert paragraphs
    wrong = {
        (style_of(p), _effective(parts, style_of(p)))
        for p in paragraphs
        if _effective(parts, style_of(p)) != YAHEI_12
    }
    assert not wrong, f"paragraph styles not in the template's font: {sorted(map(str, wrong))}"
    # runs carry no fonts of their own; a run-in phrase's style copies its heading's
    assert not parts.document.xpath("//w:r/w:rPr/w:rFonts | //w:r/w:rPr/w:sz", namespaces=NS)
    for style_id in set(parts.document.xpath("//w:r/w:rPr/w:rStyle/@w:val", namespaces=NS)):
        assert parts.style_value(style_id, "w:rPr/w:rFonts", "eastAsia") in (None, "微软雅黑")


def test_every_paragraph_of_the_fixture_shows_the_template_font(
    template: Path, tmp_path: Path
) -> None:
    parts = _convert(FIXTURE, template, tmp_path, "--toc")
    used = {style_of(p) for p in parts.paragraphs()}
    assert {"FirstParagraph", "Date", "Signature", "CompilationTitle", "toc1"} <= used
    _assert_template_fonts(parts)


@pytest.mark.skipif(not SEED_FILES, reason="../shared/seeds is absent")
def test_every_paragraph_of_seed_000_shows_the_template_font(
    template: Path, tmp_path: Path
) -> None:
    parts = _convert(SEED_FILES[0], template, tmp_path)
    first = [p for p in parts.paragraphs() if style_of(p) == "FirstParagraph"]
    assert len(first) > 50  # most body paragraphs of this compilation open an article part
    _assert_template_fonts(parts)


def test_derived_styles_keep_their_layout_but_no_fonts(template: Path, tmp_path: Path) -> None:
    parts = _convert(FIXTURE, template, tmp_path, "--toc")
    based_on = {
        "FirstParagraph": "BodyText",
        "CompilationTitle": "Title",
        "Salutation": "BodyText",
        "Signature": "BodyText",
        "Date": "BodyText",
        "toc1": "Normal",
        "toc2": "toc1",
        "toc3": "toc1",
    }
    for style_id, base in based_on.items():
        assert parts.style_value(style_id, "w:basedOn") == base, style_id
        assert parts.style(style_id).find("w:rPr", NS) is None, style_id
    assert parts.style_value("Date", "w:pPr/w:jc") == "right"
    assert parts.style_value("Date", "w:pPr/w:ind", "rightChars") == "400"
    assert parts.style_value("Date", "w:pPr/w:ind", "right") == "960"  # 4 字 of 12 pt
    assert parts.style_value("Salutation", "w:pPr/w:ind", "firstLineChars") == "0"
    assert parts.style_value("toc3", "w:pPr/w:ind", "leftChars") == "200"
    # the margins stay the template's
    margins = parts.section().find("w:pgMar", NS)
    assert margins.get(attr("left")) == margins.get(attr("top")) == "1134"
    assert "××镇2024年上半年工作总结" in text(parts.document)


def test_a_style_without_relative_in_the_reference_comes_from_the_profile(
    tmp_path: Path,
) -> None:
    word = docx.Document()
    heading = word.styles["Heading 3"].element
    heading.getparent().remove(heading)
    template = tmp_path / "no-heading-3.docx"
    word.save(str(template))
    parts = _convert(FIXTURE, template, tmp_path)
    style_id = next(
        s.get(attr("styleId"))
        for s in parts.styles.findall("w:style", NS)
        if s.find("w:name", NS).get(attr("val")).lower() == "heading 3"
    )
    assert parts.style_value(style_id, "w:rPr/w:rFonts", "eastAsia") == "仿宋_GB2312"
    assert parts.style_value(style_id, "w:rPr/w:sz") == "32"
