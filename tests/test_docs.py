"""The plugin guide documents every hook the host defines."""

from __future__ import annotations

import inspect
import sys
import types

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


def test_plugin_guide_example_runs_as_written() -> None:
    guide = (ROOT / "docs" / "writing-plugins.md").read_text(encoding="utf-8")
    section = guide[guide.index("#### A pass, step by step") :]
    code = "\n".join(part.split("```", 1)[0] for part in section.split("```python\n")[1:])
    module = types.ModuleType("guide_example")
    sys.modules[module.__name__] = module
    try:
        exec(compile(code, "docs/writing-plugins.md", "exec"), module.__dict__)
        module.test_ascii_digits_pass()
    finally:
        del sys.modules[module.__name__]
