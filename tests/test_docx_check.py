"""`gongwen check`: seeds' DOCX output passes, a plain python-docx document fails."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from lxml import etree

from convert import Block, Config, Converter, Mark, SourceInfo, get_plugin_manager
from convert.cli import main
from convert.model import labelled
from tests.conftest import seed_params
from tests.docx_xml import NS

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "docx" / "compilation.json"


@pytest.fixture(scope="module")
def plain_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What python-docx makes by default, with a 1999-style date."""
    word = docx.Document()
    word.add_heading("二〇二四年工作总结", level=1)
    word.add_paragraph("今年以来，各项工作稳步推进。")
    word.add_paragraph("二〇二四年一月五日")
    path = tmp_path_factory.mktemp("check") / "plain.docx"
    word.save(str(path))
    return path


@pytest.mark.parametrize("seed", seed_params())
def test_every_seed_output_matches_the_profile(
    seed: Path,
    seed_converter: Converter,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    output = tmp_path / "seed.docx"
    output.write_bytes(seed_converter.convert_file(seed, "docx"))
    assert main(["check", "--strict", str(output)]) == 0
    assert capsys.readouterr().out == f"{output}: matches profile gbt9704\n"


def test_plain_python_docx_fails_in_every_area(
    plain_docx: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--strict", str(plain_docx)]) == 1
    lines = capsys.readouterr().out.splitlines()
    areas = {line.split(": ")[1] for line in lines[:-1]}
    assert areas == {"page", "grid", "fonts", "sizes", "headings", "page numbers", "date format"}
    assert f"{plain_docx}: page: top margin 25.4 mm, profile wants 37 mm" in lines
    assert f"{plain_docx}: date format: '二〇二四年一月五日': write '2024年1月5日'" in lines
    assert lines[-1] == f"{plain_docx}: {len(lines) - 1} departures from profile gbt9704"


def test_without_strict_departures_are_reported_but_exit_zero(
    plain_docx: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--quiet", str(plain_docx)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    assert out[0].endswith("departures from profile gbt9704")


def test_check_against_another_profile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "report.docx"
    assert main(["convert", str(FIXTURE), "-o", str(output), "--profile", "report"]) == 0
    assert main(["check", "--strict", "--profile", "report", str(output)]) == 0
    assert main(["check", "--strict", str(output)]) == 1
    out = capsys.readouterr().out
    assert f"{output}: page: top margin 25.0 mm, profile wants 37 mm" in out
    assert f"{output}: page numbers: odd-page footer reads '1', not '— {{PAGE}} —'" in out


def test_unreadable_file_is_an_error_and_others_still_checked(
    tmp_path: Path, plain_docx: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_text("not a zip", "utf-8")
    assert main(["check", str(broken), str(plain_docx)]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"gongwen: error: {broken}: not a readable .docx file")
    assert f"{plain_docx}:" in captured.out


@pytest.mark.parametrize("seed", seed_params())
def test_every_placeholder_of_a_seed_is_highlighted(seed: Path) -> None:
    converter = Converter(
        config=Config(placeholders="mark"), host=get_plugin_manager(load_entrypoints=False)
    )
    parsed = converter.parse(seed.read_bytes(), SourceInfo(path=str(seed), extension="txt"))
    spans = [
        text[mark.start : mark.end]
        for block in parsed.iter_blocks()
        # the source's 目录 is rebuilt from the titles, in plain runs
        if block.type not in ("toc_title", "toc_entry")
        for text, marks in ((block.text, block.marks), *_lead(block))
        for mark in marks
        if mark.kind == "placeholder"
    ]
    data = converter.write(parsed, "docx")
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    highlighted = [
        "".join(run.xpath("w:t/text()", namespaces=NS))
        for run in body.xpath("//w:r[w:rPr/w:highlight]", namespaces=NS)
    ]
    assert highlighted == spans


def _lead(block: Block) -> list[tuple[str, tuple[Mark, ...]]]:
    if block.lead is None:
        return []
    label = labelled(block.lead.numbering, "", canonical=True)
    shifted = tuple(
        replace(m, start=m.start + len(label), end=m.end + len(label)) for m in block.lead.marks
    )
    return [(label + block.lead.text, shifted)]
