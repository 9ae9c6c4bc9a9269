"""Per-pass cases of the structure passes, kept in fixtures/cases/structure/*.txt.

Each case's input is a plain-text document; it goes through the public API
(`Converter.parse` with only the structure passes enabled) and the result is
compared in the compact rendering of `structure_render`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from convert import SourceInfo
from tests.cases import Case, case_params
from tests.structure_render import parse_case_input, render, structure_only_converter

CASES_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "cases" / "structure"
CASE_FILES = sorted(CASES_DIR.glob("*.txt"))


def _all_params() -> list[object]:
    return [param for path in CASE_FILES for param in case_params(path)]


def test_every_pass_has_a_case_file() -> None:
    names = {path.stem for path in CASE_FILES}
    assert {"front", "headings", "join", "run_in", "roles", "articles", "numbering"} <= names


@pytest.mark.parametrize("case", _all_params())
def test_structure_case(case: Case) -> None:
    converter = structure_only_converter(case.title)
    document = converter.parse(parse_case_input(case.input), SourceInfo(path="case.txt"))
    assert render(document) == case.expected
