"""The plugin host: built-ins, external distributions, broken plugins, ordering, disabling."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from convert import (
    Config,
    ConfigError,
    Converter,
    Document,
    Pass,
    PluginError,
    Sink,
    SourceInfo,
    get_plugin_manager,
    hookimpl,
)
from tests.conftest import FIXTURES, ROOT

SAMPLE = FIXTURES / "sample-compilation.txt"


@pytest.fixture(scope="session")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Install the example plugin and a broken one, as real distributions, into a folder."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            "--target",
            str(target),
            str(ROOT / "examples" / "gongwen-plaintext"),
            str(ROOT / "tests" / "plugins" / "gongwen-broken"),
        ],
        check=True,
        capture_output=True,
    )
    return target


def _gongwen(site: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(site), **env}
    return subprocess.run(
        [sys.executable, "-m", "convert", *args],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


def test_builtins_are_listed_with_what_they_register(plugin_site: Path) -> None:
    result = _gongwen(plugin_site, "plugins", "--all", "--json", GONGWEN_LOAD_PLUGINS="")
    assert result.returncode == 0, result.stderr
    records = {r["name"]: r for r in json.loads(result.stdout)["plugins"]}
    assert records["text_source"]["sources"] == ["text"]
    assert records["json_format"]["sinks"] == ["json"]
    assert records["markdown_sink"]["sinks"] == ["md"]
    assert records["docx_sink"]["sinks"] == ["docx"]
    assert all(r["builtin"] for r in records.values())


def test_external_plugin_is_listed_and_used(plugin_site: Path, tmp_path: Path) -> None:
    listing = _gongwen(plugin_site, "plugins")
    assert "plaintext 0.2.0" in listing.stdout
    assert "sinks: txt" in listing.stdout
    assert "passes: count_articles" in listing.stdout
    output = tmp_path / "out.txt"
    result = _gongwen(plugin_site, "convert", str(SAMPLE), "-o", str(output))
    assert result.returncode == 0, result.stderr
    lines = output.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "2024年上半年工作总结汇编（3篇）"
    assert "一、上半年工作开展情况" in lines
    assert "目录" not in lines
    assert "1." not in lines
    assert lines.count("") == 3  # a blank line before each of the three articles
    as_json = _gongwen(plugin_site, "convert", str(SAMPLE), "-t", "json")
    assert "plaintext.articles" in json.loads(as_json.stdout)["meta"]["extra"]


def test_broken_plugin_warns_and_the_cli_still_works(plugin_site: Path) -> None:
    result = _gongwen(plugin_site, "convert", str(SAMPLE), "-t", "md")
    assert result.returncode == 0
    assert "plugin 'broken' was skipped: import failed: ModuleNotFoundError" in result.stderr
    assert "上半年工作开展情况" in result.stdout


def test_load_plugins_env_selects_external_plugins(plugin_site: Path) -> None:
    none = _gongwen(plugin_site, "plugins", "--json", GONGWEN_LOAD_PLUGINS="")
    assert json.loads(none.stdout)["plugins"] == []
    assert none.stderr == ""
    only = _gongwen(plugin_site, "plugins", "--json", GONGWEN_LOAD_PLUGINS="plaintext")
    assert [r["name"] for r in json.loads(only.stdout)["plugins"]] == ["plaintext"]


def test_disable_plugin_blocks_external_and_builtin(plugin_site: Path) -> None:
    result = _gongwen(
        plugin_site,
        "convert",
        str(SAMPLE),
        "-t",
        "txt",
        "--disable-plugin",
        "plaintext",
        "--disable-plugin",
        "broken",
    )
    assert result.returncode == 2
    assert result.stderr.strip().startswith("gongwen: error: unknown output format 'txt'")
    no_md = _gongwen(
        plugin_site,
        "convert",
        str(SAMPLE),
        "-t",
        "md",
        "--disable-plugin",
        "markdown_sink",
        GONGWEN_LOAD_PLUGINS="",
    )
    assert no_md.returncode == 2
    assert "unknown output format 'md'" in no_md.stderr


class OrderedPasses:
    """A test plugin whose passes record the order they ran in."""

    @hookimpl
    def gongwen_passes(self) -> Sequence[Pass]:
        def stamp(name: str) -> Pass:
            def run(document: Document, config: Config) -> Document:
                trail = document.meta.extra.get("trail", "")
                extra = {**document.meta.extra, "trail": trail + name}
                return replace(document, meta=replace(document.meta, extra=extra))

            return Pass(name=name, order=1000 if name in "bc" else 999, run=run)

        return [stamp("c"), stamp("b"), stamp("a")]


def test_passes_run_by_order_then_name() -> None:
    host = get_plugin_manager(load_entrypoints=False)
    host.pm.register(OrderedPasses(), name="ordered")
    try:
        document = Converter(host=host).parse("正文。".encode(), SourceInfo(path="t.txt"))
    finally:
        host.pm.unregister(name="ordered")
    assert document.meta.extra["trail"] == "abc"


class DuplicateSink:
    """A test plugin that claims a sink name a built-in already has."""

    @hookimpl
    def gongwen_sinks(self) -> Sequence[Sink]:
        return [Sink(name="md", extensions=("md",), write=lambda d, c: b"")]


def test_two_adapters_with_one_name_are_refused_naming_both() -> None:
    host = get_plugin_manager(load_entrypoints=False)
    host.pm.register(DuplicateSink(), name="duplicate")
    with pytest.raises(
        PluginError, match="'md' is registered by both 'markdown_sink' and 'duplicate'"
    ):
        host.sinks()


class FailingRegistration:
    """A test plugin whose registration hook raises."""

    @hookimpl
    def gongwen_sinks(self) -> Sequence[Sink]:
        raise RuntimeError("boom")


def test_plugin_failing_in_a_hook_is_reported_and_skipped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    host = get_plugin_manager(load_entrypoints=False)
    host.pm.register(FailingRegistration(), name="failing")
    assert "md" in host.sinks()
    assert (
        "plugin 'failing' was skipped: gongwen_sinks failed: RuntimeError: boom"
        in capsys.readouterr().err
    )


class StrictSettings:
    """A test plugin that validates its own settings."""

    @hookimpl
    def gongwen_configure(self, config: Config) -> None:
        width = config.plugin_settings.get("strict", {}).get("width", 10)
        if not isinstance(width, int):
            raise ConfigError(f"[plugins.strict] width must be an integer, not {width!r}")


def test_configure_hook_validates_plugin_settings() -> None:
    host = get_plugin_manager(load_entrypoints=False)
    host.pm.register(StrictSettings(), name="strict")
    Converter(config=Config(plugin_settings={"strict": {"width": 3}}), host=host)
    with pytest.raises(ConfigError, match="width must be an integer"):
        Converter(config=Config(plugin_settings={"strict": {"width": "wide"}}), host=host)
