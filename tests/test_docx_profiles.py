"""Profile files: partial overrides over a named base, and one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from convert.cli import main
from tests.docx_xml import NS, attr, read_parts

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "docx" / "compilation.json"


def run_convert(tmp_path: Path, *options: str) -> tuple[int, Path]:
    output = tmp_path / "out.docx"
    return main(["convert", str(FIXTURE), "-o", str(output), *options]), output


def test_profile_file_overrides_only_the_keys_it_sets(tmp_path: Path) -> None:
    profile = tmp_path / "county.toml"
    profile.write_text(
        'base = "gbt9704"\n[grid]\nline_pitch = 29.5\n[body]\nlatin_font = "Arial"\n'
        '[page_number]\ntext = "- {PAGE} -"\n',
        "utf-8",
    )
    status, output = run_convert(tmp_path, "--profile-file", str(profile))
    assert status == 0
    parts = read_parts(output)
    assert parts.section().find("w:docGrid", NS).get(attr("linePitch")) == "590"
    assert parts.style_value("BodyText", "w:rPr/w:rFonts", "ascii") == "Arial"
    assert parts.style_value("BodyText", "w:rPr/w:rFonts", "eastAsia") == "仿宋_GB2312"
    assert parts.style_value("Heading1", "w:rPr/w:rFonts", "eastAsia") == "黑体"
    assert "".join(parts.footers["default"].xpath(".//w:t/text()", namespaces=NS)) == "- 1 -"


def test_profile_file_without_base_builds_on_the_profile_option(tmp_path: Path) -> None:
    profile = tmp_path / "bigger.toml"
    profile.write_text("[body]\nsize = 14\n", "utf-8")
    status, output = run_convert(tmp_path, "--profile", "report", "--profile-file", str(profile))
    assert status == 0
    parts = read_parts(output)
    assert parts.style_value("BodyText", "w:rPr/w:sz") == "28"
    assert parts.style_value("BodyText", "w:rPr/w:rFonts", "eastAsia") == "宋体"  # from report


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[body]\nsise = 14\n", "unknown profile key 'body.sise'"),
        ('[body]\nsize = "large"\n', "body.size must be"),
        ('base = "nosuch"\n', "unknown base profile 'nosuch'"),
        ("[body\n", "cannot read profile"),
        ('[closing]\ndate_digits = "roman"\n', "closing.date_digits"),
    ],
)
def test_bad_profile_file_is_a_one_line_error_and_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    profile = tmp_path / "bad.toml"
    profile.write_text(content, "utf-8")
    status, output = run_convert(tmp_path, "--profile-file", str(profile))
    error = capsys.readouterr().err
    assert status == 2
    assert message in error
    assert str(profile) in error
    assert len(error.strip().splitlines()) == 1
    assert not output.exists()


def test_unknown_profile_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, output = run_convert(tmp_path, "--profile", "a4")
    assert status == 2
    assert "unknown profile 'a4' (built-in: gbt9704, report)" in capsys.readouterr().err
    assert not output.exists()
