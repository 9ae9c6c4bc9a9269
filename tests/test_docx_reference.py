"""`--reference-docx`: styles, page setup and footers come from the user's Word file."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from convert.cli import main
from tests.docx_xml import NS, attr, read_parts, style_of, text

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "docx" / "compilation.json"


def _set_fonts(style: object, east_asia: str, latin: str, size: float) -> None:
    font = style.font  # type: ignore[attr-defined]
    font.name = latin
    font.size = Pt(size)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east_asia)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A template as a user makes it: own margins, fonts, footer; Heading 1 with a
    localized style id as Chinese Word writes it."""
    word = docx.Document()
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin = section.right_margin = Mm(22)
    section.footer.paragraphs[0].text = "县政府办公室"
    _set_fonts(word.styles["Body Text"], "楷体", "Georgia", 15)
    _set_fonts(word.styles["Title"], "华文中宋", "Georgia", 24)
    _set_fonts(word.styles["Heading 1"], "微软雅黑", "Verdana", 17)
    word.styles["Heading 1"].element.set(qn("w:styleId"), "1")
    word.add_paragraph("模板中的示例文字，转换时被替换。")
    path = tmp_path_factory.mktemp("reference") / "template.docx"
    word.save(str(path))
    return path


@pytest.fixture(scope="module")
def parts(reference: Path, tmp_path_factory: pytest.TempPathFactory) -> object:
    output = tmp_path_factory.mktemp("out") / "with-reference.docx"
    assert (
        main(["convert", str(FIXTURE), "-o", str(output), "--reference-docx", str(reference)]) == 0
    )
    return read_parts(output)


def test_margins_and_footer_come_from_the_reference(parts: object) -> None:
    margins = parts.section().find("w:pgMar", NS)  # type: ignore[attr-defined]
    assert margins.get(attr("top")) == margins.get(attr("bottom")) == "1134"  # 20 mm
    assert margins.get(attr("left")) == "1247"  # 22 mm
    footer = parts.footers["default"]  # type: ignore[attr-defined]
    assert text(footer) == "县政府办公室"
    assert not footer.xpath(".//w:instrText", namespaces=NS)


def test_fonts_come_from_the_reference_styles(parts: object) -> None:
    assert parts.style_value("BodyText", "w:rPr/w:rFonts", "eastAsia") == "楷体"  # type: ignore[attr-defined]
    assert parts.style_value("BodyText", "w:rPr/w:sz") == "30"  # type: ignore[attr-defined]
    assert parts.style_value("Title", "w:rPr/w:rFonts", "eastAsia") == "华文中宋"  # type: ignore[attr-defined]
    assert parts.style_value("1", "w:rPr/w:rFonts", "eastAsia") == "微软雅黑"  # type: ignore[attr-defined]
    # the run-in phrase follows the reference's Heading 1 font
    assert parts.style_value("Run-inHeading1", "w:rPr/w:rFonts", "eastAsia") == "微软雅黑"  # type: ignore[attr-defined]


def test_body_uses_the_reference_style_ids_and_drops_its_sample_text(parts: object) -> None:
    paragraphs = parts.paragraphs()  # type: ignore[attr-defined]
    by_text = {text(p): style_of(p) for p in paragraphs}
    assert by_text["一、主要工作成效"] == "1"
    assert "模板中的示例文字，转换时被替换。" not in by_text


def test_styles_missing_from_the_reference_keep_the_profile_layout(parts: object) -> None:
    assert parts.style_value("Date", "w:pPr/w:ind", "rightChars") == "400"  # type: ignore[attr-defined]
    assert parts.style_value("FirstParagraph", "w:basedOn") == "BodyText"  # type: ignore[attr-defined]


def test_unreadable_reference_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "template.docx"
    bad.write_text("plain text, not Word", "utf-8")
    output = tmp_path / "out.docx"
    assert main(["convert", str(FIXTURE), "-o", str(output), "--reference-docx", str(bad)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("gongwen: error: ")
    assert error.rstrip().endswith(f"{bad}: not a Word .docx file")
    assert len(error.strip().splitlines()) == 1
    assert not output.exists()


def test_reference_without_page_setup_still_gets_full_width_tables(tmp_path: Path) -> None:
    # pandoc's own reference.docx names no page size or margins.
    word = docx.Document()
    section_properties = word.sections[0]._sectPr
    for tag in ("w:pgSz", "w:pgMar"):
        section_properties.remove(section_properties.find(qn(tag)))
    reference = tmp_path / "bare.docx"
    word.save(str(reference))
    output = tmp_path / "out.docx"
    assert (
        main(["convert", str(FIXTURE), "-o", str(output), "--reference-docx", str(reference)]) == 0
    )
    widths = read_parts(output).document.xpath("//w:tbl/w:tblPr/w:tblW/@w:w", namespaces=NS)
    assert widths == [str(round((210 - 28 - 26) * 72 / 25.4 * 20))]
