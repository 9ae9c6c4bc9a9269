"""Site footers, breadcrumbs, meta lines, address boxes and title echoes leave the article.

Each rule drops a whole short line and records it; the same words inside a
sentence of the article stay.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from convert import Converter, Document, SourceInfo

FOOTER_PAGE = Path(__file__).resolve().parent.parent / "fixtures" / "html" / "news_site_footer.html"


@pytest.fixture(scope="module")
def footer_page() -> Document:
    """The fixture page with a site footer, a breadcrumb and a 联系我们 box, read once."""
    return parse_html(FOOTER_PAGE.read_bytes(), str(FOOTER_PAGE))


def parse_html(data: bytes, path: str = "page.html") -> Document:
    """Run only the HTML source over a page (no passes)."""
    return Converter().parse(data, SourceInfo(path=path, extension="html"), normalize=False)


def block_texts(document: Document) -> list[str]:
    """Every block's text, in order."""
    return [block.text for block in document.iter_blocks()]


@pytest.mark.parametrize(
    ("rule", "line_start"),
    [
        ("chrome-text", "现在位置：首页 >> 城区新闻 >> 正文"),
        ("chrome-text", "发布日期：2024-03-06责任编辑：王芳"),
        ("chrome-text", "示例市新闻网\u3000示ICP备12345678号-1"),
        ("chrome-text", "示例日报报业集团版权所有，未经书面许可"),
        ("chrome-text", "示例市互联网违法和不良信息举报电话：0760-12345678"),
        ("chrome-text", "互联网新闻信息服务许可证编号：44120240001"),
        ("chrome-text", "示例市新闻网 - 城市门户Copyright © 2002-2024"),
        ("title-echo", "市市场监管局召开2024年网络市场监管工作推进会"),
    ],
)
def test_site_lines_are_dropped_on_record(
    footer_page: Document, rule: str, line_start: str
) -> None:
    kept = [b.text for b in footer_page.iter_blocks() if b.type != "title"]
    assert not any(text.startswith(line_start) for text in kept)
    recorded = [c for c in footer_page.changes if c.before.startswith(line_start)]
    assert [(c.pass_name, c.rule, c.after) for c in recorded] == [("html", rule, "")]


def test_same_words_inside_sentences_stay(footer_page: Document) -> None:
    body = "\n".join(block_texts(footer_page))
    assert "督促企业依法取得ICP备案和经营许可证" in body
    assert "各单位要向社会公布举报电话和举报邮箱" in body
    assert "对取得许可证编号但未按规定公示的网店" in body
    assert "应注明版权所有人" in body


def test_contact_box_goes_with_its_title(footer_page: Document) -> None:
    body = "\n".join(block_texts(footer_page))
    for line in ("联系我们", "邮政编码", "电子信箱", "0760-88886666", "传 真"):
        assert line not in body


def test_title_echo_gives_the_title_without_the_site_tail(footer_page: Document) -> None:
    title = footer_page.articles[0].blocks[0]
    assert (title.type, title.text) == ("title", "市市场监管局召开2024年网络市场监管工作推进会")
    assert footer_page.meta.title == title.text


def page(head_title: str, body: str) -> bytes:
    """A small page with a `<title>` and an article box."""
    return (
        f"<html><head><meta charset='utf-8'><title>{head_title}</title></head>"
        f"<body><div class='article'>{body}</div></body></html>"
    ).encode()


BODY = (
    "<p>全区上半年完成固定资产投资42亿元，同比增长9.6%，重点项目进展顺利。</p>"
    "<p>下半年要紧盯年度目标，加快项目建设，确保全年任务圆满完成。</p>"
)


def test_paragraph_repeating_the_heading_goes() -> None:
    document = parse_html(
        page(
            "区发改局上半年工作总结_示例网",
            f"<h1>区发改局上半年工作总结</h1><p>区发改局上半年工作总结</p>{BODY}",
        )
    )
    assert block_texts(document)[:2] == [
        "区发改局上半年工作总结",
        "全区上半年完成固定资产投资42亿元，同比增长9.6%，重点项目进展顺利。",
    ]
    assert [(c.rule, c.before) for c in document.changes] == [
        ("title-echo", "区发改局上半年工作总结")
    ]


@pytest.mark.parametrize(
    "body",
    [
        # A 公文 head: the issuing office's line comes before the repeated title.
        f"<p>示例区人民政府办公室</p><p>区发改局上半年工作总结</p>{BODY}",
        # The title repeated later in the text is the author's.
        f"{BODY}<p>区发改局上半年工作总结</p>",
    ],
)
def test_title_repeated_after_other_text_stays(body: str) -> None:
    document = parse_html(page("区发改局上半年工作总结_示例网", body))
    assert block_texts(document).count("区发改局上半年工作总结") == 2
    assert not [c for c in document.changes if c.rule == "title-echo"]


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        ("首页 > 通知公告 > 正文", True),
        ("当前位置：首页 » 政务公开", True),
        ("首页改版后，栏目更清晰，办事指南和政策解读更便于查找。", False),
        ("发布日期：2024-05-06", False),  # a byline rule's business before the text, not a footer
    ],
)
def test_breadcrumbs_and_their_look_alikes(line: str, dropped: bool) -> None:
    document = parse_html(page("工作总结", f"{BODY}<p>{line}</p>"))
    assert (line not in block_texts(document)) is dropped
