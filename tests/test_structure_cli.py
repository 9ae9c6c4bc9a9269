"""The structure as users reach it: `gongwen outline`, `convert --split`, labels, run-in.

Input is fixtures/structure/compilation.txt, a small synthetic 汇编 of three
reports with a 目录, run-in headings, a lost numeral, a numbering gap, a
signature and a title holding a path separator.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from convert import Config, Converter, SourceInfo, get_plugin_manager
from convert.cli import main

COMPILATION = Path(__file__).resolve().parent.parent / "fixtures" / "structure" / "compilation.txt"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_outline_prints_articles_headings_and_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "outline", str(COMPILATION))
    assert status == 0
    lines = out.splitlines()
    assert lines[0].endswith("3 article(s)")
    assert "1. 区水务局2024年上半年工作总结/计划  (lines 11–23)" in lines
    assert "    （二）河湖治理成效明显。  [L2 #2, run-in, line 16]" in lines
    assert "    （二）农业农村  [L2 #2, inferred, line 31]" in lines
    assert "  line 17: （四） follows 2; （三） is missing" in lines


def test_outline_keeps_labels_as_written_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "outline", str(COMPILATION), "--labels", "keep")
    assert "    (二）河湖治理成效明显。  [L2 #2, run-in, line 16]" in out.splitlines()


def test_outline_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "outline", "--json", str(COMPILATION))
    assert status == 0
    data = json.loads(out)
    assert data["compilation_title"] == "2024年上半年工作总结汇编（3篇）"
    assert [a["title_source"] for a in data["articles"]] == ["text", "text", "text"]
    lost = data["articles"][1]["headings"][2]
    assert lost == {
        "level": 2,
        "outline_level": 2,
        "number": 2,
        "label": "()",
        "canonical_label": "（二）",
        "inferred": True,
        "text": "农业农村",
        "run_in": False,
        "lines": [31, 31],
    }
    gaps = [w for w in data["warnings"] if w["rule"] == "gap"]
    assert gaps == [
        {
            "pass": "numbering",
            "rule": "gap",
            "severity": "warning",
            "lines": [17, 17],
            "message": "line 17: （四） follows 2; （三） is missing",
        }
    ]


def test_outline_of_a_missing_file_is_one_error_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nope.txt"
    status, out, err = _run(capsys, "outline", str(missing))
    assert status == 1
    assert out == ""
    assert err.strip().splitlines() == [
        f"gongwen: error: {missing}: cannot read: No such file or directory"
    ]


def test_split_writes_one_safely_named_file_per_article(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_dir = tmp_path / "out"
    status, _, _ = _run(
        capsys, "convert", str(COMPILATION), "--split", "-t", "md", "-o", f"{out_dir}/"
    )
    assert status == 0
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == [
        "01-区水务局2024年上半年工作总结_计划.md",
        "02-镇2024年上半年工作总结.md",
        "03-街道2024年上半年工作总结.md",
    ]
    first = (out_dir / names[0]).read_text(encoding="utf-8")
    assert first.startswith("# 区水务局2024年上半年工作总结/计划\n")
    assert "目录" not in first
    assert "镇2024年" not in first
    assert first.rstrip().endswith("2024年7月5日")


def test_split_json_pieces_hold_one_article_and_its_audit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, _ = _run(
        capsys, "convert", str(COMPILATION), "--split", "-t", "json", "-o", f"{tmp_path}/"
    )
    assert status == 0
    piece = json.loads((tmp_path / "02-镇2024年上半年工作总结.json").read_text(encoding="utf-8"))
    text = json.dumps(piece, ensure_ascii=False)
    assert "区水务局" not in text
    assert "（二） inferred from its position" in text
    assert "（三） is missing" not in text


def test_split_names_untitled_articles_without_inventing_titles(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "preview.txt"
    body = "一、基本情况\n完成目标任务。\n二、下步打算\n继续抓好落实。\n"
    source.write_text("材料汇编(2篇)\n" + body + body, encoding="utf-8")
    status, _, _ = _run(
        capsys, "convert", str(source), "--split", "-t", "md", "-o", f"{tmp_path}/out/"
    )
    assert status == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["01-无标题.md", "02-无标题.md"]


def test_split_of_several_inputs_uses_a_directory_each_and_survives_a_bad_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.txt"
    status, _, err = _run(
        capsys,
        "convert",
        str(COMPILATION),
        str(missing),
        "--split",
        "-t",
        "md",
        "-o",
        f"{tmp_path}/out/",
    )
    written = sorted(p.name for p in (tmp_path / "out" / "compilation").iterdir())
    assert len(written) == 3
    assert status == 1
    assert f"gongwen: error: {missing}: cannot read" in err
    assert not (tmp_path / "out" / "missing").exists()


def test_split_needs_an_output_directory(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "convert", str(COMPILATION), "--split")
    assert status == 2
    assert out == ""
    assert "--split" in err
    assert "-o DIR/" in err


def _markdown(config: Config) -> str:
    converter = Converter(config=config, host=get_plugin_manager(load_entrypoints=False))
    return converter.convert_file(COMPILATION, "md").decode("utf-8")


def test_markdown_labels_canonical_by_default_kept_or_renumbered_on_request() -> None:
    assert "#### （二）河湖治理成效明显。" in _markdown(Config())
    assert "#### (二）河湖治理成效明显。" in _markdown(Config(labels="keep"))
    renumbered = _markdown(Config(labels="renumber"))
    assert "#### （三）防汛准备扎实有序" in renumbered
    assert "（四）" not in renumbered


def test_markdown_run_in_headings_split_or_inline() -> None:
    split = _markdown(Config())
    assert "#### （一）水利投资稳步增长。\n\n上半年完成水利投资" in split
    inline = _markdown(Config(split_run_in=False))
    assert "（一）**水利投资稳步增长**。上半年完成水利投资" in inline


def test_renumbering_is_recorded_in_the_audit() -> None:
    converter = Converter(
        config=Config(labels="renumber"), host=get_plugin_manager(load_entrypoints=False)
    )
    info = SourceInfo(path=str(COMPILATION), extension="txt")
    document = converter.parse(COMPILATION.read_bytes(), info)
    renumbered = [
        (c.lines.first, c.before, c.after) for c in document.changes if c.rule == "renumber"
    ]
    assert renumbered == [(17, "（四）", "（三）")]


def test_outline_of_002_reports_its_unnumbered_sections_and_a_lost_label(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.conftest import SEED_FILES

    path = next((p for p in SEED_FILES if p.name.startswith("002")), None)
    if path is None:
        pytest.skip("../shared/seeds is absent")
    status, out, _ = _run(capsys, "outline", str(path))
    assert status == 0
    lines = out.splitlines()
    assert "  2023年工作计划  [line 609]" in lines
    warnings = lines[lines.index(next(x for x in lines if x.startswith("warnings: "))) + 1 :]
    assert any("line 609" in w and "一、 at line 617" in w for w in warnings)
    assert any("line 649" in w and "五、 would follow 四、" in w for w in warnings)
