"""A scraped page's title as the document's title (fixtures/structure/page_title*.txt).

A page that repeats its title in the head (site line, title, meta, title
again) names the document only there: the first copy becomes the compilation
title unless the text has a 汇编 header of its own; the repeat is dropped.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import convert
from convert.cli import main
from tests.docx_xml import read_parts, style_of, text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "structure"
PAGE_TITLE = FIXTURES / "page_title.txt"
WITH_HEADER = FIXTURES / "page_title_with_header.txt"


def test_the_page_title_is_kept_once_as_the_compilation_title() -> None:
    document = convert.parse(PAGE_TITLE.read_bytes(), path=str(PAGE_TITLE))
    front = [(b.type, b.lines.first, b.text) for b in document.front]
    assert front == [("compilation_title", 5, "2025年街道工作报告多篇2篇")]
    assert document.meta.title == "2025年街道工作报告多篇2篇"
    dropped = [(c.pass_name, c.lines.first) for c in document.changes if c.rule == "page-title"]
    assert dropped == [("site-chrome", 9)]
    assert len(document.articles) == 2


def test_word_opens_with_the_page_title(tmp_path: Path) -> None:
    output = tmp_path / "page.docx"
    assert main(["convert", str(PAGE_TITLE), "-t", "docx", "-o", str(output)]) == 0
    paragraphs = [p for p in read_parts(output).paragraphs() if text(p)]
    assert (text(paragraphs[0]), style_of(paragraphs[0])) == (
        "2025年街道工作报告多篇2篇",
        "CompilationTitle",
    )
    assert text(paragraphs[1]) == "各位代表："


def test_a_header_of_its_own_wins_and_the_page_title_goes_on_record() -> None:
    document = convert.parse(WITH_HEADER.read_bytes(), path=str(WITH_HEADER))
    assert [(b.type, b.text) for b in document.front] == [
        ("compilation_title", "2024年社区工作总结汇编（2篇）")
    ]
    dropped = sorted(
        (c.pass_name, c.lines.first) for c in document.changes if c.rule == "page-title"
    )
    assert dropped == [("front-matter", 4), ("site-chrome", 8)]
    assert [a.title for a in document.articles] == [
        "东湖社区2024年工作总结",
        "西湖社区2024年工作总结",
    ]


@pytest.mark.parametrize("path", [PAGE_TITLE, WITH_HEADER])
def test_markdown_shows_one_compilation_title(path: Path) -> None:
    markdown = convert.convert_file(path, "md").decode("utf-8")
    assert sum(line.startswith("# ") for line in markdown.splitlines()) == 1
