"""Settings come from gongwen.toml or [tool.gongwen], then GONGWEN_*, then the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from convert import Config, ConfigError, load_config
from tests.test_cli import gongwen


def test_defaults_without_any_file(tmp_path: Path) -> None:
    assert load_config(cwd=tmp_path, environ={}) == Config()


def test_gongwen_toml_then_environment_then_overrides(tmp_path: Path) -> None:
    (tmp_path / "gongwen.toml").write_text(
        'placeholders = "mark"\nrepair = false\nlabels = "keep"\n'
        'disable-passes = ["punctuation"]\n[plugins.plaintext]\nwidth = 70\n',
        encoding="utf-8",
    )
    config = load_config(
        cwd=tmp_path,
        environ={"GONGWEN_PLACEHOLDERS": "keep", "GONGWEN_REPAIR": "yes"},
        overrides={"labels": "renumber", "encoding": None},
    )
    assert config.placeholders == "keep"
    assert config.repair is True
    assert config.labels == "renumber"
    assert config.disable_passes == ("punctuation",)
    assert config.plugin_settings == {"plaintext": {"width": 70}}


def test_pyproject_tool_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.gongwen]\nprofile = "report"\n', encoding="utf-8"
    )
    assert load_config(cwd=tmp_path, environ={}).profile == "report"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("colour = 1\n", "unknown setting 'colour'"),
        ('placeholders = "hide"\n', "placeholders must be one of keep, unify, mark, fill"),
        ("repair = 3\n", "repair must be true or false"),
        ("repair = \n", "invalid TOML"),
    ],
)
def test_bad_settings_name_the_file(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "gongwen.toml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as error:
        load_config(cwd=tmp_path, environ={})
    assert str(tmp_path / "gongwen.toml") in str(error.value)


def test_bad_environment_value() -> None:
    with pytest.raises(ConfigError, match="environment: repair must be true or false"):
        load_config(cwd=Path("/nonexistent"), environ={"GONGWEN_REPAIR": "maybe"})


def test_cli_reads_config_file_and_reports_errors_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "gongwen.toml").write_text('labels = "sideways"\n', encoding="utf-8")
    source = tmp_path / "a.txt"
    source.write_text("正文。\n", encoding="utf-8")
    result = gongwen("convert", str(source), "-t", "md", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1
    assert b"labels must be one of" in result.stderr
    good = tmp_path / "good.toml"
    good.write_text('labels = "keep"\n', encoding="utf-8")
    assert (
        gongwen("convert", str(source), "-t", "md", "--config", str(good), cwd=tmp_path).returncode
        == 0
    )
