"""The distribution installs `convert` and `convert_plugins`, never a top-level `plugins`."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

IMPORT_OF_PLUGINS = re.compile(r"^\s*(from|import)\s+plugins(\.|\s|$)", re.MULTILINE)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            "--wheel-dir",
            str(target),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    return next(target.glob("gongwen_convert-*.whl"))


def test_wheel_holds_convert_and_convert_plugins_only(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top_levels = {
        name.split("/", 1)[0] for name in names if not name.startswith("gongwen_convert-")
    }
    assert top_levels == {"convert", "convert_plugins"}
    assert "convert/py.typed" in names
    assert "convert/gongwen.schema.json" in names
    assert "convert_plugins/docx_sink/profiles/gbt9704.toml" in names


def test_wheel_holds_every_package_folder(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder, installed_as in (("convert", "convert"), ("plugins", "convert_plugins")):
        for init in (ROOT / folder).rglob("__init__.py"):
            relative = init.relative_to(ROOT / folder).as_posix()
            assert f"{installed_as}/{relative}" in names, f"add {init.parent} to pyproject packages"


def test_wheel_declares_console_script_and_no_convert_script(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    entry_points = next(n for n in archive.namelist() if n.endswith("entry_points.txt"))
    text = archive.read(entry_points).decode()
    assert "gongwen = convert.cli:main" in text
    assert not re.search(r"^convert\s*=", text, re.MULTILINE)


def test_nothing_imports_a_top_level_plugins_module() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("convert", "plugins", "tests", "examples", "benchmarks")
        for path in (ROOT / folder).rglob("*.py")
        if IMPORT_OF_PLUGINS.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_python_dash_m_convert() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "convert", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "convert" in result.stdout
