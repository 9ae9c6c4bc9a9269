"""`gongwen lint`: every change, finding and placeholder with file:line; --json; --strict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from convert.cli import main

REPORT = Path(__file__).resolve().parent.parent / "fixtures" / "markers" / "censored-report.txt"


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_lint_prints_file_and_line_for_every_kind(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_cli(capsys, "lint", str(REPORT))
    assert status == 0
    lines = out.splitlines()
    assert f'{REPORT}:4: change paywall-marks/paywall-mark: "##paidbegin##" → ""' in lines
    assert f'{REPORT}:6: change censorship-repair/d-for-party: "D" → "党" ×3' in lines
    assert f'{REPORT}:9: change censorship-repair/stripped-g: "5基站" → "5G基站"' in lines
    assert f"{REPORT}:11: placeholder person: xx → ××" in lines
    assert any(
        line.startswith(f"{REPORT}:6: warning censorship-repair/deleted-leader:") for line in lines
    )
    assert any(line.startswith(f"{REPORT}:17: change site-chrome/ad:") for line in lines)
    assert all(line.startswith(f"{REPORT}:") for line in lines)


def test_lint_json_and_strict_exit(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_cli(capsys, "lint", str(REPORT), "--json", "--strict")
    assert status == 3
    (report,) = json.loads(out)["files"]
    assert report["path"] == str(REPORT)
    assert report["error"] is None
    kinds = {entry["kind"] for entry in report["entries"]}
    assert kinds == {"change", "finding", "placeholder"}
    assert report["counts"]["change"] == sum(
        1 for entry in report["entries"] if entry["kind"] == "change"
    )
    person = next(
        e for e in report["entries"] if e["kind"] == "placeholder" and e["rule"] == "person"
    )
    assert person["lines"] == [11, 11]
    assert person["original"] == "xx"
    assert person["text"] == "××"


def test_lint_strict_passes_a_clean_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("一、总体情况\n全年各项工作稳步推进，党员干部带头。\n", encoding="utf-8")
    status, out, _ = run_cli(capsys, "lint", str(clean), "--strict")
    assert (status, out) == (0, "")


def test_lint_options_steer_the_passes(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_cli(capsys, "lint", str(REPORT), "--no-repair", "--no-punctuation")
    assert status == 0
    assert "d-for-party" not in out
    assert "stripped-g" not in out
    assert "punctuation/" not in out
    assert "deleted-leader" in out


def test_a_bad_file_does_not_stop_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    status, out, err = run_cli(capsys, "lint", str(missing), str(REPORT))
    assert status == 1
    assert err.strip() == f"gongwen: error: {missing}: cannot read: No such file or directory"
    assert f"{REPORT}:4:" in out
