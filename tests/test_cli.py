"""The command line as a user runs it: formats, stdout, stdin, batches, errors, exit codes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "sample-compilation.txt"


def gongwen(
    *args: str,
    stdin: bytes | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run `python -m convert` (the same entry point as the `gongwen` script)."""
    return subprocess.run(
        [sys.executable, "-m", "convert", *args],
        input=stdin,
        capture_output=True,
        check=False,
        cwd=cwd,
        env={**os.environ, "GONGWEN_LOAD_PLUGINS": "", **(env or {})},
    )


def test_help_everywhere() -> None:
    for args in ([], ["convert"], ["plugins"]):
        result = gongwen(*args, "--help")
        assert result.returncode == 0
        assert b"usage: gongwen" in result.stdout


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("gongwen")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("gongwen ")


@pytest.mark.parametrize(
    ("suffix", "check"),
    [
        (
            ".docx",
            lambda data: any(
                "上半年工作开展情况" in p.text for p in docx.Document(io.BytesIO(data)).paragraphs
            ),
        ),
        (".md", lambda data: "上半年工作开展情况" in data.decode("utf-8")),
        (".json", lambda data: json.loads(data)["format"] == "gongwen-json"),
    ],
)
def test_output_format_follows_the_file_name(tmp_path: Path, suffix: str, check: object) -> None:
    target = tmp_path / f"report{suffix}"
    result = gongwen("convert", str(SAMPLE), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert check(target.read_bytes())  # type: ignore[operator]


def test_markdown_and_json_go_to_stdout() -> None:
    markdown = gongwen("convert", str(SAMPLE), "-t", "md")
    assert markdown.returncode == 0
    assert "上半年工作开展情况" in markdown.stdout.decode()
    as_json = gongwen("convert", str(SAMPLE), "-t", "json")
    assert json.loads(as_json.stdout)["meta"]["source_path"] == str(SAMPLE)


def test_stdin_to_json() -> None:
    result = gongwen(
        "convert", "-", "-t", "json", stdin="一、总体情况\n工作有进展。\n".encode("gbk")
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["meta"]["encoding"] == "gb18030"
    assert "source_path" not in document["meta"]


def test_docx_to_terminal_is_refused_but_dash_o_dash_writes_it(tmp_path: Path) -> None:
    refused = gongwen("convert", str(SAMPLE), "-t", "docx")
    assert refused.returncode == 2
    assert b"binary" in refused.stderr
    assert b"-o -" in refused.stderr
    assert refused.stdout == b""
    written = gongwen("convert", str(SAMPLE), "-t", "docx", "-o", "-")
    assert written.returncode == 0
    assert written.stdout.startswith(b"PK")


def test_several_inputs_into_a_directory(tmp_path: Path) -> None:
    second = tmp_path / "in" / "second.txt"
    second.parent.mkdir()
    second.write_text("二、下步计划\n继续推进。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = gongwen("convert", str(SAMPLE), str(second), "-o", f"{out}/", "-t", "docx")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["sample-compilation.docx", "second.docx"]
    assert b"converted 2 of 2 files" in result.stderr


def test_directory_input_mirrors_the_tree(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    (tree / "a").mkdir(parents=True)
    (tree / "a" / "one.txt").write_text("一、工作\n内容。\n", encoding="utf-8")
    (tree / "two.txt").write_text("内容。\n", encoding="utf-8")
    (tree / "picture.png").write_bytes(b"\x89PNG")
    result = gongwen("convert", str(tree), "-o", str(tmp_path / "out"), "-t", "md")
    assert result.returncode == 0, result.stderr
    found = sorted(str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*.md"))
    assert found == ["a/one.md", "two.md"]


def test_one_bad_file_never_stops_a_batch(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(256)) * 8)
    good = tmp_path / "good.txt"
    good.write_text("正文。\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out"
    result = gongwen("convert", str(bad), str(missing), str(good), "-o", str(out), "-t", "json")
    assert result.returncode == 1
    errors = result.stderr.decode().strip().splitlines()
    assert errors[0].startswith(f"gongwen: error: {bad}: cannot tell the text encoding")
    assert errors[1].startswith(f"gongwen: error: {missing}: cannot read")
    assert errors[2] == "gongwen: converted 1 of 3 files, 2 failed"
    assert [p.name for p in out.iterdir()] == ["good.json"]


def test_parallel_batch_gives_the_same_outputs(tmp_path: Path) -> None:
    inputs = []
    for index in range(4):
        path = tmp_path / f"r{index}.txt"
        path.write_text(f"一、第{index}部分\n内容{index}。\n", encoding="utf-8")
        inputs.append(str(path))
    serial = gongwen("convert", *inputs, "-o", str(tmp_path / "serial"), "-t", "json", "-q")
    parallel = gongwen(
        "convert", *inputs, "-o", str(tmp_path / "parallel"), "-t", "json", "-j", "2"
    )
    assert serial.returncode == parallel.returncode == 0
    for index in range(4):
        name = f"r{index}.json"
        assert (tmp_path / "serial" / name).read_bytes() == (
            tmp_path / "parallel" / name
        ).read_bytes()


def test_failed_conversion_leaves_existing_output_untouched(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("previous", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")  # a UTF-16 byte-order mark and half a character
    result = gongwen("convert", str(bad), "-o", str(target))
    assert result.returncode == 1
    assert result.stderr.decode().count("\n") == 1
    assert target.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "report.json"]


@pytest.mark.parametrize(
    "args",
    [
        ["convert"],
        ["convert", "x.txt", "--placeholders", "nonsense"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert gongwen(*args).returncode == 2


def test_unknown_format_is_a_one_line_error() -> None:
    result = gongwen("convert", str(SAMPLE), "-t", "pdf")
    assert result.returncode == 2
    assert (
        result.stderr.decode()
        == "gongwen: error: unknown output format 'pdf' (known: docx, json, md)\n"
    )


def test_several_inputs_without_output_directory_is_an_error(tmp_path: Path) -> None:
    result = gongwen("convert", str(SAMPLE), str(SAMPLE), "-t", "md")
    assert result.returncode == 2
    assert b"-o DIR/" in result.stderr


def test_no_normalize_reads_the_text_as_flat_paragraphs() -> None:
    result = gongwen("convert", str(SAMPLE), "-t", "json", "--no-normalize")
    document = json.loads(result.stdout)
    assert document["changes"] == []
    blocks = [b for a in document["articles"] for b in a["blocks"]]
    assert {b["type"] for b in blocks} == {"paragraph"}
    assert blocks[0]["text"] == "2024年上半年工作总结汇编（3篇）"
    assert blocks[0]["lines"] == [2, 2]


def test_output_name_and_format_must_agree(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    result = gongwen("convert", str(SAMPLE), "-o", str(target), "-t", "docx")
    assert result.returncode == 2
    assert b"the name says md but -t asks for docx" in result.stderr
    assert not target.exists()
    unusual = tmp_path / "report.out"
    assert gongwen("convert", str(SAMPLE), "-o", str(unusual), "-t", "md").returncode == 0


def test_several_inputs_into_a_file_name_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "single.md"
    result = gongwen("convert", str(SAMPLE), str(SAMPLE), "-o", str(target))
    assert result.returncode == 2
    assert b"several outputs need a directory" in result.stderr
    assert not target.exists()


@pytest.mark.parametrize("args", [["-j", "-1"], ["--disable-pass", "nosuch"]])
def test_bad_option_values_are_usage_errors(args: list[str]) -> None:
    result = gongwen("convert", str(SAMPLE), "-t", "md", *args)
    assert result.returncode == 2
    assert result.stdout == b""


def test_unknown_pass_name_lists_the_passes() -> None:
    result = gongwen("convert", str(SAMPLE), "-t", "md", "--disable-pass", "nosuch")
    message = result.stderr.decode()
    assert message.startswith("gongwen: error: unknown pass 'nosuch' in disable_passes")
    assert "paywall-marks" in message


def test_directory_search_skips_json_that_is_not_gongwen_json(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "report.txt").write_text("一、工作\n内容。\n", encoding="utf-8")
    (tree / "truth.json").write_text('{"url": "x", "content": "正文"}', encoding="utf-8")
    model = gongwen("convert", str(tree / "report.txt"), "-t", "json").stdout
    (tree / "model.json").write_bytes(model)
    result = gongwen("convert", str(tree), "-o", str(tmp_path / "out"), "-t", "md")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["model.md", "report.md"]


def test_renumber_is_short_for_labels_renumber() -> None:
    source = "一、总体\n内容。\n三、计划\n内容。\n".encode()
    short = gongwen("convert", "-", "-t", "md", "--renumber", stdin=source)
    long = gongwen("convert", "-", "-t", "md", "--labels", "renumber", stdin=source)
    assert short.returncode == long.returncode == 0
    assert short.stdout == long.stdout
    assert "二、计划" in short.stdout.decode()
