"""Read test cases kept in fixture files (markdown-it-py's format).

A case file holds cases separated like this::

    title of the case
    .
    input lines
    .
    expected lines
    .

Lines starting with "#" between cases are comments. A failing case is named
by its file and the line of its title.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class Case:
    """One case: what goes in, what must come out, and where it is written."""

    title: str
    input: str
    expected: str
    line: int


def read_cases(path: Path) -> list[Case]:
    """Parse every case in `path`."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[Case] = []
    index = 0
    while index < len(lines):
        if not lines[index].strip() or lines[index].startswith("#"):
            index += 1
            continue
        title_line = index
        if index + 1 >= len(lines) or lines[index + 1] != ".":
            raise ValueError(f"{path}:{index + 1}: expected '.' after the case title")
        index += 2
        sections: list[list[str]] = [[], []]
        for section in sections:
            while index < len(lines) and lines[index] != ".":
                section.append(lines[index])
                index += 1
            if index >= len(lines):
                raise ValueError(f"{path}:{title_line + 1}: unterminated case")
            index += 1
        cases.append(
            Case(lines[title_line], "\n".join(sections[0]), "\n".join(sections[1]), title_line + 1)
        )
    return cases


def case_params(path: Path) -> list[object]:
    """Return pytest params for every case in `path`, with ids naming file and line."""
    return [pytest.param(case, id=f"{path.stem}:{case.line}") for case in read_cases(path)]
