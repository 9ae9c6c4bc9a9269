"""Extractors and site profiles as plugins, and pages built to break the source."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path

import pytest

from convert import (
    Config,
    ConfigError,
    Converter,
    SiteProfile,
    SourceInfo,
    get_plugin_manager,
    hookimpl,
)

HTML_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"
INFO = SourceInfo(path="page.html", extension="html")
HAS_TRAFILATURA = importlib.util.find_spec("trafilatura") is not None


def converter_with(*plugins: object, **config: object) -> Converter:
    """A converter whose host has the built-ins plus `plugins` registered."""
    host = get_plugin_manager(load_entrypoints=False)
    for number, plugin in enumerate(plugins):
        host.pm.register(plugin, name=f"test-plugin-{number}")
    return Converter(config=Config(**config), host=host)  # type: ignore[arg-type]


def texts(converter: Converter, data: bytes) -> list[str]:
    """Block texts of a page read by the HTML source alone."""
    document = converter.parse(data, INFO, "html", normalize=False)
    return [block.text for block in document.iter_blocks()]


class ExtraProfile:
    """A plugin adding a site profile for an imaginary 范文 site."""

    @hookimpl
    def gongwen_site_profiles(self) -> Sequence[SiteProfile]:
        return [
            SiteProfile(
                name="fanwen-demo",
                match=(r"示例范文站",),
                content=("div.zhengwen-box",),
                drop_text=("本文由.*整理发布",),
            )
        ]


PROFILE_PAGE = (
    "<html><head><title>年度总结_示例范文站</title></head><body>"
    "<div class='side'><p>站长推荐的其他文章，很多很多文字，还有标点，凑成一段话。</p></div>"
    "<div class='zhengwen-box'><p>一年来，我们认真履行职责，圆满完成各项任务，成效明显。</p>"
    "<p>本文由示例范文站整理发布</p></div></body></html>"
).encode()


def test_plugin_site_profile_names_the_container_and_drops_its_lines() -> None:
    plain = texts(converter_with(), PROFILE_PAGE)
    assert "本文由示例范文站整理发布" in plain
    with_profile = converter_with(ExtraProfile())
    document = with_profile.parse(PROFILE_PAGE, INFO, "html", normalize=False)
    got = [block.text for block in document.iter_blocks()]
    assert got == ["年度总结", "一年来，我们认真履行职责，圆满完成各项任务，成效明显。"]
    assert "fanwen-demo" in document.meta.extra["site_profiles"]
    assert [c.before for c in document.changes] == ["本文由示例范文站整理发布"]


def test_profile_files_are_checked() -> None:
    from convert_plugins.html_source.profiles import profile_from_mapping

    with pytest.raises(ConfigError, match="needs a name"):
        profile_from_mapping({"drop": []}, "x.toml")
    with pytest.raises(ConfigError, match="unknown site-profile keys colour"):
        profile_from_mapping({"name": "a", "colour": "red"}, "x.toml")
    with pytest.raises(ConfigError, match="bad regular expression"):
        profile_from_mapping({"name": "a", "drop_text": ["("]}, "x.toml")


def test_builtin_profiles_and_extractors_are_listed() -> None:
    host = get_plugin_manager(load_entrypoints=False)
    assert {"generic", "wenmi", "gov"} <= set(host.site_profiles())
    assert {"builtin", "page"} <= set(host.extractors())


@pytest.mark.skipif(not HAS_TRAFILATURA, reason="the trafilatura extra is not installed")
def test_trafilatura_extractor_reads_a_fixture_page() -> None:
    converter = converter_with(extractor="trafilatura")
    data = (HTML_FIXTURES / "gov_portal_utf8.html").read_bytes()
    document = converter.parse(data, INFO, "html", normalize=False)
    joined = "\n".join(block.text for block in document.iter_blocks())
    assert "粮食生产稳定增长" in joined
    assert document.meta.extra["extractor"] == "trafilatura"
    assert document.meta.encoding == "utf-8"


def test_missing_trafilatura_registers_nothing_and_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from convert_plugins import trafilatura_extractor

    monkeypatch.setattr(trafilatura_extractor, "available", lambda: False)
    assert "trafilatura" not in converter_with().host.extractors()
    with pytest.raises(ConfigError, match=r"gongwen-convert\[trafilatura\]"):
        converter_with(extractor="trafilatura")


def test_a_page_nested_ten_thousand_levels_deep_is_read() -> None:
    depth = 10_000
    page = (
        "<html><body>"
        + "<div><span>" * depth
        + "深层嵌套的正文，内容完整，标点齐全。"
        + "</span></div>" * depth
        + "</body></html>"
    )
    assert texts(converter_with(), page.encode()) == ["深层嵌套的正文，内容完整，标点齐全。"]


def test_a_ten_megabyte_page_is_read_whole() -> None:
    paragraph = "<p>　　全年完成地区生产总值8.6亿元，同比增长5.1%，各项工作取得新成效。</p>\n"
    count = 10_000_000 // len(paragraph.encode())
    page = (
        "<html><head><meta charset='utf-8'></head><body><div class='nav'><a>首页</a></div>"
        f"<div>{paragraph * count}</div></body></html>"
    ).encode()
    assert len(page) >= 10_000_000
    got = texts(converter_with(), page)
    assert len(got) == count
    assert got[-1] == "全年完成地区生产总值8.6亿元，同比增长5.1%，各项工作取得新成效。"
