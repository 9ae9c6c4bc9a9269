"""README's set-up commands stay true: CI runs the test command verbatim."""

from __future__ import annotations

from tests.conftest import ROOT


def _setup_commands() -> list[str]:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.startswith("    python3 -m venv")]


def test_readme_has_two_setup_commands_and_ci_runs_the_second() -> None:
    main_job, tests = _setup_commands()
    assert "gongwen convert fixtures/" in main_job
    assert (ROOT / main_job.split("gongwen convert ", 1)[1].split()[0]).is_file()
    assert "pytest" in tests
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in ci_lines
