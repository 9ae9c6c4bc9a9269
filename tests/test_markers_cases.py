"""Fixture-file cases for every marker rule and trap (fixtures/cases/markers/*.txt).

Each case: a title (optionally starting with `[setting=value …]`), the input
text, and the expected blocks followed by the audit (`~ rule: before → after`
per change, identical neighbours folded as ×N; `? rule` per finding).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cases import Case, case_params
from tests.markers_support import parse_title_config, run_case

CASES_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "cases" / "markers"
PARAMS = [param for path in sorted(CASES_DIR.glob("*.txt")) for param in case_params(path)]


@pytest.mark.parametrize("case", PARAMS)
def test_marker_case(case: Case) -> None:
    config = parse_title_config(case.title)
    expected = [line for line in case.expected.split("\n") if line]
    assert run_case(case.input, config) == expected
