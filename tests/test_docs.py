"""The plugin guide documents every hook the host defines."""

from __future__ import annotations

import inspect

from convert import hookspecs
from tests.conftest import ROOT


def test_every_hook_is_documented_with_its_contract() -> None:
    guide = (ROOT / "docs" / "writing-plugins.md").read_text(encoding="utf-8")
    hooks = [
        name
        for name, _ in inspect.getmembers(hookspecs, inspect.isfunction)
        if name.startswith("gongwen_")
    ]
    assert hooks
    for name in hooks:
        assert f"`{name}(" in guide, f"{name} is missing from docs/writing-plugins.md"
        assert inspect.getdoc(getattr(hookspecs, name)), f"{name} has no contract docstring"
