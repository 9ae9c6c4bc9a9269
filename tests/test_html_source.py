"""The HTML source through the Python API: fixture pages, encodings, structure, lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from convert import (
    Config,
    ConfigError,
    Converter,
    Document,
    SourceError,
    SourceInfo,
    get_plugin_manager,
)
from convert.model import labelled

HTML_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"


def expected_pages() -> list[Path]:
    """Fixture pages that come with their expected article text."""
    return sorted(p for p in HTML_FIXTURES.glob("*.html") if p.with_suffix(".article.txt").exists())


def read_page(converter: Converter, path: Path, **config: object) -> Document:
    """Run only the HTML source over a fixture page (no passes)."""
    if config:
        converter = Converter(config=Config(**config), host=converter.host)  # type: ignore[arg-type]
    info = SourceInfo(path=str(path), extension="html")
    return converter.parse(path.read_bytes(), info, normalize=False)


@pytest.mark.parametrize("path", expected_pages(), ids=lambda p: p.stem)
def test_fixture_page_gives_exactly_the_article(converter: Converter, path: Path) -> None:
    document = read_page(converter, path)
    expected = path.with_suffix(".article.txt").read_text(encoding="utf-8").splitlines()
    shown = [labelled(block.numbering, block.text) for block in document.iter_blocks()]
    flattened = [line for text in shown for line in text.split("\n")]
    assert flattened == expected
    assert document.meta.source_adapter == "html"
    assert document.meta.title == expected[0]


@pytest.mark.parametrize(
    ("name", "encoding", "reason"),
    [
        ("wenmi_gb2312", "gb18030", "declared charset 'gb2312'"),
        ("layout_tables_gbk", "gb18030", "declared charset 'gbk'"),
        ("gov_portal_utf8", "utf-8", "declared charset 'utf-8'"),
        ("news_bom_utf8", "utf-8-sig", "byte-order mark"),
        ("lying_charset", "utf-8", "the declared charset 'gb2312' does not fit the bytes"),
    ],
)
def test_encoding_decision_is_recorded(
    converter: Converter, name: str, encoding: str, reason: str
) -> None:
    document = read_page(converter, HTML_FIXTURES / f"{name}.html")
    assert document.meta.encoding == encoding
    assert document.meta.encoding_reason is not None
    assert reason in document.meta.encoding_reason


def test_page_declaring_gb2312_that_is_gbk_decodes(converter: Converter) -> None:
    # 镕 and 堃 are GBK but not GB2312: a strict gb2312 decode would fail.
    body = "<p>朱镕基同志和王堃同志出席会议并讲话，会议强调要抓好落实。</p>" * 3
    html = f'<html><head><meta charset="gb2312"></head><body>{body}</body></html>'
    document = converter.parse(
        html.encode("gbk"), SourceInfo(path="x.html", extension="html"), normalize=False
    )
    assert "朱镕基同志和王堃同志" in document.articles[0].blocks[0].text
    assert document.meta.encoding == "gb18030"


def test_stray_byte_is_shown_and_recorded(converter: Converter) -> None:
    body = "<p>全年完成地区生产总值8.6亿元，同比增长5.1%，各项工作取得新成效。</p>"
    data = f"<html><body>{body}</body></html>".encode().replace(b"8.6", b"8\xff6")
    document = converter.parse(data, SourceInfo(path="x.html", extension="html"), normalize=False)
    assert "8\ufffd6亿元" in document.articles[0].blocks[0].text
    assert "1 undecodable byte" in (document.meta.encoding_reason or "")


def test_headings_tables_quotes_and_lists_keep_their_shape(converter: Converter) -> None:
    document = read_page(converter, HTML_FIXTURES / "news_bom_utf8.html")
    kinds = [(block.type, block.text[:6]) for block in document.iter_blocks()]
    assert kinds[0] == ("title", "市委理论学习")
    assert ("heading", "坚持创新驱动") in kinds
    assert ("blockquote", "“发展新质生") in kinds
    table = next(
        b
        for b in read_page(converter, HTML_FIXTURES / "gov_portal_utf8.html").iter_blocks()
        if b.type == "table"
    )
    assert table.rows == (
        ("指标", "目标", "完成"),
        ("粮食总产量（万吨）", "9.5", "9.8"),
        ("农村居民人均可支配收入（元）", "16800", "17126"),
    )
    assert table.text.split("\n")[0] == "指标\t目标\t完成"


def test_heading_with_gongwen_label_gets_numbering(converter: Converter) -> None:
    html = (
        "<html><body><div><h2>一、主要工作</h2>"
        "<p>全年完成投资15亿元，同比增长12%，成效明显。</p></div></body></html>"
    )
    document = converter.parse(
        html.encode(), SourceInfo(path="x.html", extension="html"), normalize=False
    )
    heading = next(b for b in document.iter_blocks() if b.type == "heading")
    assert heading.text == "主要工作"
    assert heading.numbering is not None
    assert (heading.numbering.level, heading.numbering.label) == (1, "一、")


@pytest.mark.parametrize("path", expected_pages(), ids=lambda p: p.stem)
def test_block_lines_point_at_the_html_source(converter: Converter, path: Path) -> None:
    document = read_page(converter, path)
    decoded = document.meta.encoding or "utf-8"
    source_lines = path.read_bytes().decode(decoded).split("\n")
    for block in document.iter_blocks():
        needle = re.search(r"\w{2,4}", block.text)
        assert needle is not None
        start = needle.group()
        window = "".join(source_lines[block.lines.first - 1 : block.lines.last])
        assert start in window, (block, block.lines)


def test_chrome_dropped_inside_the_article_is_on_record(converter: Converter) -> None:
    document = read_page(converter, HTML_FIXTURES / "news_bom_utf8.html")
    dropped = {(change.rule, change.before) for change in document.changes}
    assert ("chrome-text", "阅读量：3268") in dropped
    assert all(change.pass_name == "html" and change.after == "" for change in document.changes)


def test_page_without_article_is_a_clear_error(converter: Converter) -> None:
    with pytest.raises(SourceError, match=r"no_article\.html: no article found"):
        read_page(converter, HTML_FIXTURES / "no_article.html")


def test_whole_page_extractor_keeps_more(converter: Converter) -> None:
    page = read_page(converter, HTML_FIXTURES / "no_article.html", extractor="page")
    texts = [block.text for block in page.iter_blocks()]
    assert any("2023年党支部工作总结" in text for text in texts)


def test_unknown_extractor_names_the_choices(converter: Converter) -> None:
    with pytest.raises(ConfigError, match=r"unknown HTML extractor 'nope' \(available: .*builtin"):
        read_page(converter, HTML_FIXTURES / "wenmi_gb2312.html", extractor="nope")


def test_html_parser_fallback_gives_the_same_article(
    converter: Converter, monkeypatch: pytest.MonkeyPatch
) -> None:
    from convert_plugins.html_source import dom

    with_lxml = read_page(converter, HTML_FIXTURES / "gov_portal_utf8.html")
    monkeypatch.setattr(dom, "PARSER", "html.parser")
    without = read_page(converter, HTML_FIXTURES / "gov_portal_utf8.html")
    assert [b.text for b in without.iter_blocks()] == [b.text for b in with_lxml.iter_blocks()]


def test_source_is_detected_by_extension_and_by_sniffing() -> None:
    host = get_plugin_manager(load_entrypoints=False)
    head = (HTML_FIXTURES / "lying_charset.html").read_bytes()[:4096]
    for info in (SourceInfo(path="a.htm", extension="htm"), SourceInfo(path=None)):
        assert host.detect_source(info, head).name == "html"
    assert host.detect_source(SourceInfo(path=None), "普通文本。".encode()).name == "text"


def test_page_without_one_main_box_is_kept_whole_and_says_so(converter: Converter) -> None:
    replies = "".join(
        f"<div class='reply'><p>第{i}楼的回复内容，讲了自己的看法，也提了建议。</p></div>"
        for i in range(3)
    )
    html = (
        "<html><body><div class='post'><p>主帖正文，提出一个问题，请大家讨论。</p></div>"
        f"<div class='side'><p>版主的话：欢迎发言，文明交流，共同进步。</p></div>{replies}"
        "<div class='links'><a href='/1'>首页</a> <a href='/2'>列表</a></div></body></html>"
    )
    document = converter.parse(
        html.encode(), SourceInfo(path="x.html", extension="html"), normalize=False
    )
    texts = [block.text for block in document.iter_blocks()]
    assert texts[0].startswith("主帖正文")
    assert texts[-1].startswith("第2楼")
    assert [f.rule for f in document.findings] == ["whole-page"]
    assert {c.before for c in document.changes} == {"首页 列表"}


@pytest.mark.parametrize(
    ("head_title", "expected"),
    [
        ("武汉的声音：有英勇的你，才有英雄的城！-新华网", "武汉的声音：有英勇的你，才有英雄的城！"),
        ("2023-2024学年工作计划", "2023-2024学年工作计划"),
        ("蔡健雅_百度百科", "蔡健雅"),
        ("年度工作总结_工作总结_某某文秘网", "年度工作总结"),
    ],
)
def test_title_without_heading_loses_only_the_site_name(
    converter: Converter, head_title: str, expected: str
) -> None:
    html = (
        f"<html><head><title>{head_title}</title></head><body><div>"
        "<p>全年完成投资15亿元，同比增长12%，各项工作取得新成效。</p></div></body></html>"
    )
    document = converter.parse(
        html.encode(), SourceInfo(path="x.html", extension="html"), normalize=False
    )
    assert document.meta.title == expected
    assert document.articles[0].blocks[0].type == "title"
