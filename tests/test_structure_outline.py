"""Outline levels under unnumbered section lines, as Word and Markdown users see them.

Input is fixtures/structure/sections.txt, a synthetic 政府工作报告 whose
`2025年工作计划` line holds a 一、/（一）/1./（1） list; seed 002 has the same
shape (article 7, lines 587–641).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import convert
from convert import Converter, SourceInfo
from convert.cli import main
from tests.conftest import SEED_FILES
from tests.docx_xml import read_parts, style_of, text

SECTIONS = Path(__file__).resolve().parent.parent / "fixtures" / "structure" / "sections.txt"


def _docx_styles(path: Path) -> dict[str, str | None]:
    return {text(p): style_of(p) for p in read_parts(path).paragraphs()}


def test_word_shows_the_section_line_above_its_numbered_headings(tmp_path: Path) -> None:
    output = tmp_path / "sections.docx"
    assert main(["convert", str(SECTIONS), "-t", "docx", "-o", str(output)]) == 0
    styles = _docx_styles(output)
    assert styles["2025年工作计划"] == "Heading1"
    assert styles["一、聚焦项目建设，推动经济稳中提质"] == "Heading2"
    assert styles["（一）抓好重点项目"] == "Heading3"
    assert styles["1.加快在建项目进度"] == "Heading4"
    # four outline levels: a （1） under a section line shares Heading 4 with 1.
    assert styles["（1）园区道路工程年内完工。"] == "Heading4"
    assert styles["二、聚焦民生改善，提升群众获得感"] == "Heading2"


def test_markdown_nests_the_numbered_headings_under_the_section_line() -> None:
    markdown = convert.convert_file(SECTIONS, "md").decode("utf-8").splitlines()
    assert "# 2025年工作计划" in markdown
    assert "## 一、聚焦项目建设，推动经济稳中提质" in markdown
    assert "#### （1）园区道路工程年内完工。" in markdown


def test_json_keeps_the_label_level_and_adds_the_outline_level() -> None:
    first = convert.convert_file(SECTIONS, "json")
    blocks = json.loads(first)["articles"][0]["blocks"]
    by_text = {b["text"]: b for b in blocks}
    assert by_text["2025年工作计划"]["outline_level"] == 1
    assert "level" not in by_text["2025年工作计划"]
    heading = by_text["聚焦项目建设，推动经济稳中提质"]
    assert (heading["level"], heading["label"], heading["outline_level"]) == (1, "一、", 2)
    assert "outline_level" not in by_text["全年新开工项目×个，完成投资×亿元。"]
    again = Converter().convert_bytes(first, "json", info=SourceInfo(path="x.json"))
    assert again == first


def test_the_shift_is_reported_where_it_happens() -> None:
    document = convert.parse(SECTIONS.read_bytes(), path=str(SECTIONS))
    shifts = [f for f in document.findings if f.rule == "outline-shift"]
    assert [(f.lines.first, f.severity) for f in shifts] == [(9, "info")]
    assert "lines 13-23" in shifts[0].message


@pytest.fixture(scope="module")
def seed_002_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seed = next((p for p in SEED_FILES if p.name.startswith("002")), None)
    if seed is None:
        pytest.skip("../shared/seeds is absent")
    output = tmp_path_factory.mktemp("outline") / "002.docx"
    output.write_bytes(convert.convert_file(seed, "docx"))
    return output


def test_seed_002_plan_section_is_heading_1_over_heading_2(seed_002_docx: Path) -> None:
    styles = _docx_styles(seed_002_docx)
    assert styles["2023年政府工作回顾"] == "Heading1"
    assert styles["2023年工作计划"] == "Heading1"
    assert styles["一、产业赋能，在推动高质量发展上起新势、求突破"] == "Heading2"
    assert styles["四、传承创新，在推动齐文化繁荣发展上起新势、求突破"] == "Heading2"


def test_outline_command_indents_by_outline_level(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", str(SECTIONS), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    headings = [h for a in data["articles"] for h in a["headings"]]
    shifted = [h for h in headings if h["label"] == "一、"]
    assert shifted
    assert all(h["level"] == 1 and h["outline_level"] == 2 for h in shifted)
