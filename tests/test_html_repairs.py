"""Regression tests for pages the HTML source once got wrong (QA review).

Each test runs a synthetic fixture page of fixtures/html through the public
surface: the `gongwen` command line, or `convert.Converter`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from convert import Config, Converter, Document, SourceInfo
from convert.cli import main

HTML_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"
STRAY_END = HTML_FIXTURES / "gov_gazette_stray_end.html"


def read_page(path: Path, **config: object) -> Document:
    """Run only the HTML source over a fixture page (no passes)."""
    converter = Converter(config=Config(**config))  # type: ignore[arg-type]
    return converter.parse(path.read_bytes(), SourceInfo(path=str(path)), normalize=False)


def texts(document: Document) -> list[str]:
    """The text of every block, in order."""
    return [block.text for block in document.iter_blocks()]


def test_article_after_a_premature_end_of_html_is_converted(tmp_path: Path) -> None:
    out = tmp_path / "gazette.md"
    assert main(["convert", str(STRAY_END), "-t", "md", "-o", str(out)]) == 0
    markdown = out.read_text(encoding="utf-8")
    assert "各市、县人民政府，省政府各部门：" in markdown
    assert "三、加强监督考核。" in markdown
    assert "2023年6月12日" in markdown
    assert "备案号" not in markdown


@pytest.mark.parametrize("parser", ["lxml", "html.parser"])
def test_stray_content_is_read_with_either_parser(
    parser: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from convert_plugins.html_source import dom

    monkeypatch.setattr(dom, "PARSER", parser)
    found = texts(read_page(STRAY_END))
    assert found[1:3] == ["示例省人民政府办公厅", "关于进一步做好农村公路养护工作的通知"]
    assert found[-1] == "2023年6月12日"


def test_whole_page_extractor_keeps_stray_content() -> None:
    found = texts(read_page(STRAY_END, extractor="page"))
    assert "示政办发〔2023〕18号" in found
    assert "2023年6月12日" in found


def test_stray_content_keeps_its_source_lines() -> None:
    document = read_page(STRAY_END)
    date = next(block for block in document.iter_blocks() if block.text == "2023年6月12日")
    line = STRAY_END.read_text(encoding="utf-8").splitlines()[date.lines.first - 1]
    assert "2023年6月12日" in line


def dropped(document: Document) -> dict[str, str]:
    """Every line the source dropped, with the rule that dropped it."""
    return {change.before: change.rule for change in document.changes}


def test_mobile_copy_of_the_article_is_dropped_and_recorded() -> None:
    document = read_page(HTML_FIXTURES / "gov_mobile_copy.html")
    kept = texts(document)
    body = [text for text in kept if text.startswith(("今年以来", "一是", "二是", "下一步"))]
    assert len(body) == 4  # the first copy only
    duplicates = [c for c in document.changes if c.rule == "duplicate"]
    assert [c.before for c in duplicates] == body
    assert all(c.after == "" and c.lines.first > 20 for c in duplicates)  # the later copy


def test_whole_page_extractor_keeps_both_copies() -> None:
    found = texts(read_page(HTML_FIXTURES / "gov_mobile_copy.html", extractor="page"))
    assert sum(text.startswith("今年以来") for text in found) == 2


def test_gov_page_tools_and_login_prompts_are_dropped_and_recorded() -> None:
    lines = dropped(read_page(HTML_FIXTURES / "gov_mobile_copy.html"))
    for chrome in (
        "【字体：大　中　小】",
        "小字号 朗读",
        "轮播图预览：",
        "您还未登录，请登录后进行收藏！",
        "是否“确认”跳转到登录页？",
    ):
        assert lines.get(chrome) == "chrome-text", chrome


def test_news_page_side_boxes_and_share_tips_stay_out(tmp_path: Path) -> None:
    page = HTML_FIXTURES / "news_side_boxes.html"
    out = tmp_path / "news.md"
    assert main(["convert", str(page), "-t", "md", "-o", str(out)]) == 0
    markdown = out.read_text(encoding="utf-8")
    assert "“吨粮田”" in markdown
    for chrome in (
        "心情",
        "视觉焦点",
        "最热文章",
        "独家策划",
        "春耕备耕",
        "阅读剩余全文",
        "朋友圈",
    ):
        assert chrome not in markdown, chrome
    lines = dropped(read_page(page))
    for tip in ("阅读剩余全文（）", "点击右上角微信好友", "朋友圈", "请使用浏览器分享功能进行分享"):
        assert lines.get(tip) == "chrome-text", tip


def test_traditional_script_chrome_is_recognised() -> None:
    document = read_page(HTML_FIXTURES / "blog_traditional.html")
    found = texts(document)
    assert "相關文章" not in found
    assert not any("志工培訓課程花絮" in text for text in found)  # the box under 相關文章
    assert dropped(document)["相關文章"] == "chrome-text"


PARAGRAPHS = [
    "本季度共受理群众来信来访二百一十件，按期办结率达到百分之九十九，群众满意度持续提升。",
    "针对反映集中的物业管理问题，我们会同住建部门开展专项整治，督促整改问题小区十二个。",
    "下一步，将继续完善领导干部接访下访制度，推动矛盾纠纷源头化解，确保问题及时就地解决。",
]


def page_with(*bodies: str) -> bytes:
    """A small page holding the given paragraphs in one article box."""
    inner = "".join(f"<p>{text}</p>" for text in bodies)
    html = (
        f"<html><head><title>信访工作季度报告</title></head><body><div>{inner}</div></body></html>"
    )
    return html.encode("utf-8")


def parse_bytes(data: bytes) -> Document:
    """Run only the HTML source over bytes."""
    return Converter().parse(data, SourceInfo(path="page.html"), normalize=False)


def test_a_paragraph_repeated_once_is_text_not_a_copy() -> None:
    data = page_with(*PARAGRAPHS, PARAGRAPHS[1], "以上报告，请审阅。")
    document = parse_bytes(data)
    assert texts(document).count(PARAGRAPHS[1]) == 2
    assert not any(change.rule == "duplicate" for change in document.changes)


def test_a_repeated_run_of_paragraphs_is_a_copy() -> None:
    document = parse_bytes(page_with(*PARAGRAPHS, *PARAGRAPHS))
    assert [text for text in texts(document) if text in PARAGRAPHS] == PARAGRAPHS
    assert [c.before for c in document.changes if c.rule == "duplicate"] == PARAGRAPHS


def test_a_report_section_opening_with_a_chrome_like_phrase_is_kept() -> None:
    section = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    html = (
        "<html><head><title>信访工作季度报告</title></head><body><div class='report'>"
        f"<div><p>一、主要工作</p>{section}</div>"
        f"<div><p>二、存在问题</p>{section.replace('本季度', '上季度')}</div>"
        f"<div><p>其他工作</p><p>{PARAGRAPHS[0].replace('本季度', '全年')}</p>"
        f"<p>{PARAGRAPHS[2].replace('下一步', '今后')}</p></div>"
        "</div></body></html>"
    )
    found = texts(parse_bytes(html.encode("utf-8")))
    assert "其他工作" in found
    assert any(text.startswith("全年共受理") for text in found)


def test_an_article_headed_like_a_chrome_box_is_kept() -> None:
    # The article's own heading, 最新政策解读, reads like a box title (最新…); it echoes <title>.
    notice = "".join(f"<p>{text.replace('，', '；')}</p>" for text in PARAGRAPHS * 3)
    article = "".join(f"<p>{text.replace('本季度', '今年')}</p>" for text in PARAGRAPHS)
    html = (
        "<html><head><title>最新政策解读_示例市人民政府</title></head><body>"
        f"<div class='notice'>{notice}</div>"
        f"<div class='detail'><div class='hd'><h1>最新政策解读</h1></div>{article}</div>"
        "</body></html>"
    )
    found = texts(parse_bytes(html.encode("utf-8")))
    assert any(text.startswith("今年共受理") for text in found)


def test_a_column_name_in_the_page_title_does_not_shield_its_box() -> None:
    teasers = "".join(f"<li><a href='/n/{i}.html'>相关报道第{i}篇</a></li>" for i in range(4))
    article = "".join(f"<p>{text}</p>" for text in PARAGRAPHS * 2)
    html = (
        "<html><head><title>信访工作季度报告_相关新闻_示例网</title></head><body>"
        f"<div class='detail'><h1>信访工作季度报告</h1>{article}</div>"
        f"<div class='box'><h3>相关新闻</h3><ul>{teasers}</ul></div></body></html>"
    )
    # The whole-page extractor shows what the clean-up before extraction left.
    converter = Converter(config=Config(extractor="page"))
    document = converter.parse(html.encode("utf-8"), SourceInfo(path="p.html"), normalize=False)
    found = texts(document)
    assert "相关新闻" not in found
    assert "信访工作季度报告" in found
