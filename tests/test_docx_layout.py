"""The gbt9704 profile as written into the DOCX parts, through `gongwen convert`."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import docx
import pytest

from convert.cli import main
from tests.docx_xml import NS, DocxParts, attr, canonical, read_parts, style_of, text

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "docx" / "compilation.json"
FILL = FIXTURE.with_name("fill.toml")
HEADING_FONTS = ("黑体", "楷体_GB2312", "仿宋_GB2312", "仿宋_GB2312")


def convert(tmp: Path, name: str, *options: str, source: Path = FIXTURE) -> DocxParts:
    """Run `gongwen convert` on the fixture and parse the result."""
    output = tmp / f"{name}.docx"
    assert main(["convert", str(source), "-o", str(output), *options]) == 0
    return read_parts(output)


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> DocxParts:
    """The fixture compilation in gbt9704, with --placeholders mark and --toc."""
    return convert(tmp_path_factory.mktemp("docx"), "marked", "--placeholders", "mark", "--toc")


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> DocxParts:
    """The fixture compilation with default options."""
    return convert(tmp_path_factory.mktemp("docx"), "plain")


def test_a4_page_and_margins(parts: DocxParts) -> None:
    section = parts.section()
    size = section.find("w:pgSz", NS)
    margins = section.find("w:pgMar", NS)
    assert (size.get(attr("w")), size.get(attr("h"))) == ("11906", "16838")  # 210 × 297 mm
    in_mm = {
        side: round(int(margins.get(attr(side))) * 25.4 / 1440, 1)
        for side in ("top", "bottom", "left", "right")
    }
    assert in_mm == {"top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}


def test_document_grid_is_22_lines_of_28_characters(parts: DocxParts) -> None:
    grid = parts.section().find("w:docGrid", NS)
    assert grid.get(attr("type")) == "lines"
    pitch = int(grid.get(attr("linePitch"))) / 20
    assert pitch == pytest.approx(28.95, abs=0.05)
    text_height = (297 - 37 - 35) * 72 / 25.4
    assert int(text_height // pitch) == 22
    # 28 characters of 16 pt fit in 156 mm through condensed spacing in the defaults.
    spacing = parts.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:spacing", NS)
    char_pitch = 16 + int(spacing.get(attr("val"))) / 20
    text_width = (210 - 28 - 26) * 72 / 25.4
    assert int(text_width // char_pitch) == 28


def test_body_style(parts: DocxParts) -> None:
    for style_id in ("Normal", "BodyText"):
        assert parts.style_value(style_id, "w:rPr/w:rFonts", "eastAsia") == "仿宋_GB2312"
        assert parts.style_value(style_id, "w:rPr/w:rFonts", "ascii") == "Times New Roman"
        assert parts.style_value(style_id, "w:rPr/w:sz") == "32"
        assert parts.style_value(style_id, "w:pPr/w:ind", "firstLineChars") == "200"
        assert parts.style_value(style_id, "w:pPr/w:spacing", "line") == "579"
        assert parts.style_value(style_id, "w:pPr/w:spacing", "lineRule") == "exact"
    assert parts.style_value("FirstParagraph", "w:basedOn") == "BodyText"


def test_title_style(parts: DocxParts) -> None:
    assert parts.style_value("Title", "w:rPr/w:rFonts", "eastAsia") == "方正小标宋简体"
    assert parts.style_value("Title", "w:rPr/w:sz") == "44"
    assert parts.style_value("Title", "w:pPr/w:jc") == "center"
    assert parts.style_value("Title", "w:pPr/w:ind", "firstLineChars") == "0"


@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_heading_styles_have_fonts_and_outline_levels(parts: DocxParts, level: int) -> None:
    style_id = f"Heading{level}"
    assert parts.style_value(style_id, "w:name") == f"heading {level}"
    assert parts.style_value(style_id, "w:rPr/w:rFonts", "eastAsia") == HEADING_FONTS[level - 1]
    assert parts.style_value(style_id, "w:rPr/w:sz") == "32"
    assert parts.style_value(style_id, "w:rPr/w:b") == "0"
    assert parts.style_value(style_id, "w:pPr/w:outlineLvl") == str(level - 1)
    assert (
        parts.style_value(f"Run-inHeading{level}", "w:rPr/w:rFonts", "eastAsia")
        == (HEADING_FONTS[level - 1])
    )


def test_headings_use_heading_styles_with_canonical_labels(parts: DocxParts) -> None:
    by_text = {text(p): style_of(p) for p in parts.paragraphs()}
    assert by_text["一、主要工作成效"] == "Heading1"
    assert by_text["（一）经济运行稳中向好"] == "Heading2"


def test_run_in_heading_is_one_paragraph_with_the_phrase_in_heading_font(
    parts: DocxParts,
) -> None:
    paragraph = next(p for p in parts.paragraphs() if text(p).startswith("1.总量稳步增长。"))
    runs = paragraph.findall("w:r", NS)
    assert runs[0].find("w:rPr/w:rStyle", NS).get(attr("val")) == "Run-inHeading3"
    assert text(runs[0]) == "1.总量稳步增长。"
    assert all(run.find("w:rPr/w:rStyle", NS) is None for run in runs[1:])
    assert text(paragraph) == "1.总量稳步增长。全镇完成地区生产总值××亿元，同比增长6.5%。"


def test_page_numbers_odd_right_even_left(parts: DocxParts) -> None:
    assert parts.settings.find("w:evenAndOddHeaders", NS) is not None
    for kind, align, indent in (("default", "right", "rightChars"), ("even", "left", "leftChars")):
        footer = parts.footers[kind]
        paragraph = footer.find("w:p", NS)
        assert paragraph.find("w:pPr/w:jc", NS).get(attr("val")) == align
        assert paragraph.find("w:pPr/w:ind", NS).get(attr(indent)) == "100"
        assert text(paragraph) == "— 1 —"
        assert "".join(footer.xpath(".//w:instrText/text()", namespaces=NS)).strip() == "PAGE"
        assert {f.get(attr("eastAsia")) for f in footer.iter(f"{{{NS['w']}}}rFonts")} == {"宋体"}
        assert {s.get(attr("val")) for s in footer.iter(f"{{{NS['w']}}}sz")} == {"28"}


def test_date_in_arabic_numerals_right_indented_four_characters(parts: DocxParts) -> None:
    dates = [text(p) for p in parts.paragraphs() if style_of(p) == "Date"]
    assert dates == ["2024年7月5日", "2024年7月8日"]
    assert parts.style_value("Date", "w:pPr/w:ind", "rightChars") == "400"
    assert parts.style_value("Date", "w:pPr/w:jc") == "right"


def test_signature_is_centred_over_the_date(parts: DocxParts) -> None:
    signatures = [p for p in parts.paragraphs() if style_of(p) == "Signature"]
    # "××镇人民政府" is 7 字 wide, "2024年7月5日" 6 字: centre → 4 + (6 − 7) / 2 = 3.5 字
    indent = signatures[0].find("w:pPr/w:ind", NS).get(attr("rightChars"))
    assert (text(signatures[0]), indent) == ("××镇人民政府", "350")


def test_placeholders_highlighted_with_mark(parts: DocxParts, plain: DocxParts) -> None:
    marked = parts.document.xpath("//w:r[w:rPr/w:highlight]", namespaces=NS)
    assert [text(run) for run in marked] == ["××", "××", "××"]
    assert {run.find("w:rPr/w:highlight", NS).get(attr("val")) for run in marked} == {"yellow"}
    assert not plain.document.xpath("//w:highlight", namespaces=NS)


def test_unfilled_placeholders_highlighted_with_fill(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Under `fill` the DOCX highlights exactly what Markdown wraps in ⟦ ⟧; fills are plain."""
    options = ["--normalize", "--placeholders", "fill", "--fill", str(FILL)]
    filled = convert(tmp_path, "filled", *options)
    assert main(["convert", str(FIXTURE), "-t", "md", *options]) == 0
    wrapped = re.findall("⟦(.*?)⟧", capsys.readouterr().out)
    highlighted = filled.document.xpath("//w:r[w:rPr/w:highlight]", namespaces=NS)
    assert [text(run) for run in highlighted] == wrapped
    assert len(wrapped) == 4  # the 亿元 figure, a run-in lead, a bureau, a county
    assert "前山镇" in text(filled.document)
    assert not any("前山" in text(run) for run in highlighted)


def test_table_rows_become_a_word_table(parts: DocxParts) -> None:
    rows = parts.document.xpath("//w:tbl/w:tr", namespaces=NS)
    assert [[text(cell) for cell in row.findall("w:tc", NS)] for row in rows] == [
        ["指标", "数值"],
        ["地区生产总值", "××亿元"],
    ]


def test_each_article_starts_a_page(parts: DocxParts) -> None:
    breaks = [
        text(p) for p in parts.paragraphs() if p.find("w:pPr/w:pageBreakBefore", NS) is not None
    ]
    assert breaks == ["××镇2024年上半年工作总结", "××局关于上半年安全生产工作的报告"]


def test_fallback_fonts_named_in_font_table(parts: DocxParts) -> None:
    alternatives = {
        font.get(attr("name")): font.find("w:altName", NS).get(attr("val"))
        for font in parts.font_table.findall("w:font", NS)
        if font.find("w:altName", NS) is not None
    }
    assert alternatives["仿宋_GB2312"] == "仿宋"
    assert alternatives["方正小标宋简体"] == "华文中宋"


def test_single_article_has_no_page_break(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text("关于做好年度总结的通知\n各单位：\n请于月底前报送年度工作总结。\n", "utf-8")
    parts = convert(tmp_path, "single", source=source)
    assert not parts.document.xpath("//w:pageBreakBefore", namespaces=NS)
    assert [text(p) for p in parts.paragraphs()][2] == "请于月底前报送年度工作总结。"


def test_report_profile_is_plainer(tmp_path: Path) -> None:
    parts = convert(tmp_path, "report", "--profile", "report")
    margins = parts.section().find("w:pgMar", NS)
    assert margins.get(attr("top")) == margins.get(attr("left")) == "1417"  # 25 mm
    assert parts.section().find("w:docGrid", NS).get(attr("type")) is None
    assert parts.style_value("BodyText", "w:rPr/w:rFonts", "eastAsia") == "宋体"
    assert parts.style_value("BodyText", "w:rPr/w:sz") == "24"
    assert parts.style_value("Heading1", "w:rPr/w:b") == "1"
    assert parts.settings.find("w:evenAndOddHeaders", NS) is None
    footer = parts.footers["default"]
    assert text(footer) == "1"
    assert footer.find("w:p/w:pPr/w:jc", NS).get(attr("val")) == "center"
    dates = [text(p) for p in parts.paragraphs() if style_of(p) == "Date"]
    assert dates == ["二〇二四年七月五日", "2024年07月08日"]  # report keeps dates as written


def test_labels_keep_writes_the_source_labels(tmp_path: Path) -> None:
    parts = convert(tmp_path, "keep", "--labels", "keep")
    texts = [text(p) for p in parts.paragraphs()]
    assert "(一)经济运行稳中向好" in texts
    assert any(t.startswith("(1)××招商成果显著。") for t in texts)


def test_characters_xml_cannot_hold_become_replacement_characters(tmp_path: Path) -> None:
    source = tmp_path / "control.json"
    data = json.loads(FIXTURE.read_text("utf-8"))
    data["articles"][1]["blocks"][2]["text"] = "排查隐患\x0b130处\x01。"
    source.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    parts = convert(tmp_path, "control", source=source)
    assert "排查隐患\ufffd130处\ufffd。" in [text(p) for p in parts.paragraphs()]


def test_odd_and_even_footers_differ_only_in_placement(parts: DocxParts) -> None:
    odd, even = (parts.footers[kind].find("w:p", NS) for kind in ("default", "even"))
    assert [canonical(run) for run in odd.findall("w:r", NS)] == [
        canonical(run) for run in even.findall("w:r", NS)
    ]
    assert canonical(odd.find("w:pPr", NS)) != canonical(even.find("w:pPr", NS))


def test_plain_front_lines_run_on_into_the_article(tmp_path: Path) -> None:
    source = tmp_path / "front.json"
    data = json.loads(FIXTURE.read_text("utf-8"))
    data["front"] = [{"type": "paragraph", "text": "关于做好年度总结的通知", "lines": [1, 1]}]
    data["articles"] = data["articles"][:1]
    source.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    parts = convert(tmp_path, "front", source=source)
    assert not parts.document.xpath("//w:pageBreakBefore", namespaces=NS)


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("二〇二四年十二月三十一日", "2024年12月31日"),
        ("二○二三年十月一日", "2023年10月1日"),
        ("２０２４年０３月０９日", "2024年3月9日"),
        ("2024年1月5日", "2024年1月5日"),
        ("二〇二四年七月", "二〇二四年七月"),  # not a whole date: kept as written
        ("二〇二四年十三月一日", "二〇二四年十三月一日"),  # no such month: kept
    ],
)
def test_dates_in_arabic_numerals(tmp_path: Path, written: str, shown: str) -> None:
    source = tmp_path / "date.json"
    data = json.loads(FIXTURE.read_text("utf-8"))
    data["articles"][0]["blocks"][-1]["text"] = written
    source.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    parts = convert(tmp_path, "date", source=source)
    assert next(text(p) for p in parts.paragraphs() if style_of(p) == "Date") == shown


def test_compilation_title_looks_like_a_title_but_stays_out_of_the_toc(parts: DocxParts) -> None:
    first = parts.paragraphs()[0]
    assert (text(first), style_of(first)) == ("2024年上半年工作总结汇编（2篇）", "CompilationTitle")
    assert parts.style_value("CompilationTitle", "w:basedOn") == "Title"
    assert parts.style("CompilationTitle").find("w:rPr", NS) is None
    instruction = "".join(parts.document.xpath("//w:instrText/text()", namespaces=NS))
    assert '\\t "Title,1,' in instruction
    assert "Compilation" not in instruction


def test_empty_input_gives_a_document_with_one_empty_paragraph(tmp_path: Path) -> None:
    source = tmp_path / "empty.txt"
    source.write_text("\n\n", "utf-8")
    parts = convert(tmp_path, "empty", source=source)
    assert [text(p) for p in parts.paragraphs()] == [""]
    assert parts.section().find("w:pgSz", NS) is not None


def test_document_dates_are_now_or_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    output = tmp_path / "dated.docx"
    assert main(["convert", str(FIXTURE), "-o", str(output)]) == 0
    properties = docx.Document(str(output)).core_properties
    assert properties.created.isoformat() == "2023-11-14T22:13:20+00:00"
    assert properties.modified == properties.created


def test_no_preview_picture_of_the_template(tmp_path: Path) -> None:
    output = tmp_path / "preview.docx"
    assert main(["convert", str(FIXTURE), "-o", str(output)]) == 0
    assert not [name for name in zipfile.ZipFile(output).namelist() if "thumbnail" in name]
