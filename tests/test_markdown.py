"""The Markdown sink renders the model and nothing else: escaping, headings, run-in leads."""

from __future__ import annotations

import json

import pytest
from markdown_it import MarkdownIt

from convert import Config, Converter, SourceInfo
from tests.cases import Case, case_params
from tests.conftest import FIXTURES
from tests.markdown_structure import expected_structure, markdown_structure

PARSER = MarkdownIt("commonmark").enable("table")


def _plain_text(markdown: str) -> str:
    """Return the literal text CommonMark reads from a one-paragraph document."""
    tokens = PARSER.parse(markdown)
    inline = [t for t in tokens if t.type == "inline"]
    assert len(inline) == 1
    return "".join(child.content for child in inline[0].children or ())


@pytest.mark.parametrize("case", case_params(FIXTURES / "cases" / "markdown-escape.txt"))
def test_escaping(case: Case, converter: Converter) -> None:
    markdown = converter.convert_bytes(
        case.input.encode(), "md", normalize=False, info=SourceInfo(path="t.txt")
    ).decode()
    assert markdown == case.expected + "\n"
    assert markdown_structure(PARSER.parse(markdown)) == ["p"]
    assert _plain_text(markdown) == case.input


def _document(blocks: list[dict[str, object]]) -> bytes:
    return json.dumps(
        {
            "format": "gongwen-json",
            "version": 1,
            "meta": {},
            "front": [],
            "articles": [{"title": "标题", "title_source": "text", "blocks": blocks}],
            "changes": [],
            "findings": [],
        },
        ensure_ascii=False,
    ).encode()


BLOCKS: list[dict[str, object]] = [
    {"type": "title", "text": "区财政局2024年工作总结", "lines": [1, 1]},
    {
        "type": "heading",
        "text": "主要工作",
        "lines": [2, 2],
        "level": 1,
        "number": 1,
        "label": "一、",
        "canonical_label": "一、",
    },
    {
        "type": "paragraph",
        "text": "一是收入稳中有增。",
        "lines": [3, 3],
        "lead": {
            "text": "强化收支管理。",
            "level": 2,
            "number": 1,
            "label": "(一)",
            "canonical_label": "（一）",
        },
    },
    {
        "type": "heading",
        "text": "完善网络",
        "lines": [4, 4],
        "level": 3,
        "number": 1,
        "label": "1、",
        "canonical_label": "1.",
    },
]


@pytest.mark.parametrize(
    ("labels", "split", "expected"),
    [
        (
            "canonical",
            True,
            "# 区财政局2024年工作总结\n\n## 一、主要工作\n\n### （一）强化收支管理。\n\n"
            "一是收入稳中有增。\n\n#### 1.完善网络\n",
        ),
        (
            "keep",
            False,
            "# 区财政局2024年工作总结\n\n## 一、主要工作\n\n(一)**强化收支管理**。"
            "一是收入稳中有增。\n\n#### 1、完善网络\n",
        ),
    ],
)
def test_headings_labels_and_run_in(
    converter: Converter, labels: str, split: bool, expected: str
) -> None:
    configured = Converter(
        config=Config(labels=labels, split_run_in=split),  # type: ignore[arg-type]
        host=converter.host,
    )
    markdown = configured.convert_bytes(_document(BLOCKS), "md", info=SourceInfo(path="x.json"))
    assert markdown.decode() == expected
    shape = markdown_structure(PARSER.parse(markdown.decode()))
    assert shape == expected_structure(json.loads(_document(BLOCKS)), split_run_in=split)
