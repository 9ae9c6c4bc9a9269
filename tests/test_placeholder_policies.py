"""Placeholder policies through the CLI and the API: keep, unify, mark, fill; run-in leads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from convert import (
    Article,
    Block,
    Config,
    Document,
    Lead,
    Numbering,
    Span,
    convert_bytes,
)
from convert.cli import main
from convert.model import Meta, single_article_document
from tests.markers_support import marker_converter

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "markers"
REPORT = FIXTURES / "censored-report.txt"
FILL = FIXTURES / "fill.toml"


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def placeholder_marks(document: dict[str, object]) -> list[dict[str, object]]:
    marks = []
    for article in document["articles"]:  # type: ignore[attr-defined]
        for block in article["blocks"]:
            marks.extend(block.get("marks", []))
            marks.extend(block.get("lead", {}).get("marks", []))
    return marks


def test_unify_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_cli(capsys, "convert", str(REPORT), "-t", "md")
    assert status == 0
    assert "完成××亿元，同比增长×.×%" in out
    assert "XX" not in out
    assert "⟦" not in out


def test_keep_leaves_text_and_still_marks_roles(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_cli(capsys, "convert", str(REPORT), "-t", "json", "--placeholders", "keep")
    assert status == 0
    document = json.loads(out)
    assert "placeholder-unify" not in {c["rule"] for c in document["changes"]}
    marks = placeholder_marks(document)
    assert {"kind": "placeholder", "role": "person", "original": "xx"}.items() <= {
        k: v for m in marks if m.get("role") == "person" for k, v in m.items()
    }.items()
    assert {m["role"] for m in marks} >= {"place", "number", "person"}


def test_mark_shows_placeholders_in_markdown_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_cli(capsys, "convert", str(REPORT), "-t", "md", "--placeholders", "mark")
    assert status == 0
    assert "完成⟦××⟧亿元，同比增长⟦×.×⟧%" in out
    assert "⟦××⟧副市长" in out
    status, out, _ = run_cli(capsys, "convert", str(REPORT), "-t", "json", "--placeholders", "mark")
    document = json.loads(out)
    block_texts = [b["text"] for a in document["articles"] for b in a["blocks"]]
    paragraph = next(t for t in block_texts if "副市长" in t)
    mark = next(m for m in placeholder_marks(document) if m["role"] == "person")
    assert paragraph[mark["start"] : mark["end"]] == "××"
    assert mark["original"] == "xx"


def test_fill_uses_context_keys_then_roles_and_lists_the_rest(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["convert", str(REPORT), "--placeholders", "fill", "--fill", str(FILL)]
    status, out, _ = run_cli(capsys, *args, "-t", "md")
    assert status == 0
    assert "香洲区商务局2024年第一季度工作总结" in out
    assert "珠海市香洲区数字经济产业园" in out
    assert "前山镇认真落实党委部署" in out
    assert "某某副市长" in out
    assert "完成⟦××⟧亿元" in out  # unfilled: unified and visible
    status, out, _ = run_cli(capsys, *args, "-t", "json")
    document = json.loads(out)
    unfilled = [f for f in document["findings"] if f["rule"] == "placeholder-unfilled"]
    assert len(unfilled) == 5  # 3 on line 8, 2 on line 9
    assert all("number" in f["message"] for f in unfilled)
    fills = [c for c in document["changes"] if c["rule"] == "placeholder-fill"]
    assert {(c["before"], c["after"]) for c in fills} >= {
        ("XX市XX区", "珠海市香洲区"),
        ("xx", "某某"),
    }


def test_fill_writes_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docx = pytest.importorskip("docx")
    target = tmp_path / "out.docx"
    status, _, err = run_cli(
        capsys,
        "convert",
        str(REPORT),
        "--placeholders",
        "fill",
        "--fill",
        str(FILL),
        "-o",
        str(target),
    )
    assert status == 0, err
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "珠海市香洲区数字经济产业园" in text
    assert "XX" not in text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('"XX市" = 3\n', "must be a string"),
        ('"珠海" = "珠海市"\n', "neither a role"),
        ("place = \n", "invalid TOML"),
    ],
)
def test_bad_fill_file_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    fill = tmp_path / "fill.toml"
    fill.write_text(content, encoding="utf-8")
    status, out, err = run_cli(
        capsys, "convert", str(REPORT), "--placeholders", "fill", "--fill", str(fill), "-t", "md"
    )
    assert status == 2
    assert out == ""
    assert str(fill) in err
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_fill_without_a_file_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_cli(capsys, "convert", str(REPORT), "--placeholders", "fill")
    assert status == 2
    assert out == ""
    assert "fill file" in err


def test_run_in_lead_text_is_repaired_and_marked() -> None:
    """Passes after the structure passes see heading leads: they edit and mark lead.text."""
    lead = Lead(text="D建引领，加快建设xx市中心。", numbering=Numbering(level=2, label="（一）"))
    blocks = (
        Block(
            type="paragraph",
            text="从严治D，D员带头，完成投资xx亿元。",
            lines=Span(first=1, last=1),
            lead=lead,
        ),
        Block(
            type="heading",
            text="D风廉政建设",
            lines=Span(first=2, last=2),
            numbering=Numbering(level=1, label="二、"),
        ),
    )
    document = single_article_document(Meta(), blocks)
    converter = marker_converter(Config(placeholders="mark"))
    result = converter.normalize(document)
    paragraph, heading = result.articles[0].blocks
    assert paragraph.lead is not None
    assert paragraph.lead.text == "党建引领，加快建设××市中心。"
    assert paragraph.lead.numbering == lead.numbering
    (lead_mark,) = paragraph.lead.marks
    assert paragraph.lead.text[lead_mark.start : lead_mark.end] == "××"
    assert lead_mark.role == "place"
    assert paragraph.text == "从严治党，党员带头，完成投资××亿元。"
    assert [m.role for m in paragraph.marks] == ["number"]
    assert heading.text == "党风廉政建设"
    assert heading.numbering is not None


def test_article_titles_follow_their_title_blocks() -> None:
    """After the structure passes an article title is a copy of its title line: keep them equal."""
    title_block = Block(type="title", text="XX县D建工作总结", lines=Span(first=1, last=1))
    body = Block(type="paragraph", text="从严治D，D员带头，D委负责。", lines=Span(first=2, last=2))
    document = Document(
        meta=Meta(),
        articles=(
            Article(title=title_block.text, blocks=(title_block, body), title_source="text"),
        ),
    )
    converter = marker_converter(Config())
    result = converter.normalize(document)
    (article,) = result.articles
    assert article.title == article.blocks[0].text == "××县党建工作总结"
    assert [c.before for c in result.changes if c.rule == "d-for-party"] == ["D"] * 4


def test_bold_pair_split_by_a_run_in_heading_is_not_a_placeholder() -> None:
    """`2. …，**这是谁写的代码？？？**`: the lead/body split cuts the pair; it stays bold."""
    text = (
        "一、存在问题\n"
        "1. 每个新项目都要做登录和权限，**有点繁琐。**\n"
        "2. 各项目的代码逻辑都不一样，**这是谁写的代码？？？**\n"
        "3. 完成投资xx亿元，开展**行动，清理**问题。\n"
    )
    document = json.loads(convert_bytes(text.encode("utf-8"), "json", path="report.txt"))
    blocks = [block for article in document["articles"] for block in article["blocks"]]
    shown = "".join(
        (block["lead"]["text"] if block.get("lead") else "") + block["text"] for block in blocks
    )
    assert "**有点繁琐。**" in shown
    assert "**这是谁写的代码？？？**" in shown
    assert "开展××行动，清理××问题。" in shown
    originals = [mark["original"] for block in blocks for mark in block.get("marks", ())]
    assert originals == ["xx", "**", "**"]


def test_markdown_bold_leaked_into_a_page_is_kept_as_written() -> None:
    """A scraped page whose text holds `**运营平台**` does not become `××运营平台××`."""
    page = (
        "<html><head><title>平台介绍</title></head><body><article>"
        "<h1>运营平台介绍</h1>"
        "<p>本系列的产品只考虑**业务**，不考虑基础服务。所有子系统**共用**运营平台的用户数据。</p>"
        "<p>欢迎试用 **运营平台** 和 **论坛系统**，反馈问题请发邮件。</p>"
        "<p>本平台由作者利用业余时间开发完成，目前已在多个项目中稳定运行一年以上。</p>"
        "</article></body></html>"
    )
    markdown = convert_bytes(page.encode("utf-8"), "md", path="page.html").decode("utf-8")
    assert "××" not in markdown
    assert "业务" in markdown
    assert "论坛系统" in markdown
