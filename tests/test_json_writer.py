"""The JSON writer: the streaming bytes path and the dict form say the same thing."""

from __future__ import annotations

import json

from convert import (
    Article,
    Block,
    Change,
    Config,
    Converter,
    Document,
    Finding,
    Lead,
    Mark,
    Meta,
    Numbering,
    SourceInfo,
    Span,
    get_plugin_manager,
)
from convert.jsonform import document_to_dict, from_json, to_json, to_json_bytes
from tests.conftest import FIXTURES


def _rich_document() -> Document:
    """Every optional part of the model at once, nested dicts and lists included."""
    lines = Span(first=3, last=4)
    return Document(
        meta=Meta(source_path="报告.txt", encoding="gb18030", extra={"站点": "示例", "k": "v"}),
        front=(
            Block(
                type="compilation_title", text="工作总结汇编（2篇）", lines=Span(first=1, last=1)
            ),
        ),
        articles=(
            Article(
                title="某局2023年工作总结",
                title_source="toc",
                blocks=(
                    Block(
                        type="paragraph",
                        text='全年完成××项，引号"与反斜杠\\照录。',
                        lines=lines,
                        lead=Lead(
                            text="狠抓落实。",
                            numbering=Numbering(
                                level=2, label="(一）", number=1, canonical="（一）"
                            ),
                            marks=(Mark(start=0, end=2, kind="placeholder", role="unknown"),),
                        ),
                        marks=(
                            Mark(start=4, end=6, kind="placeholder", role="number", original="xx"),
                        ),
                    ),
                    Block(
                        type="table",
                        text="",
                        lines=Span(first=5, last=7),
                        rows=(("项目", "金额"), ("道路", "1,200")),
                    ),
                    Block(type="toc_entry", text="某局总结", lines=Span(first=8, last=8), page="3"),
                ),
            ),
            Article(title=None, blocks=()),
        ),
        changes=(Change(pass_name="p", rule="r", lines=lines, before="\t", after=""),),
        findings=(Finding(pass_name="p", rule="r", lines=lines, message="注意", severity="info"),),
    )


def test_bytes_path_matches_text_path_and_dict_form() -> None:
    document = _rich_document()
    text = to_json(document)
    assert to_json_bytes(document) == text.encode("utf-8")
    assert json.loads(text) == document_to_dict(document)
    assert from_json(text) == document
    assert '\n    {"type": "table", "text": "", "lines": [5, 7], "rows": ' in text


def test_json_sink_writes_the_text_form() -> None:
    converter = Converter(config=Config(), host=get_plugin_manager(load_entrypoints=False))
    data = (FIXTURES / "sample-compilation.txt").read_bytes()
    document = converter.parse(data, SourceInfo(path="sample-compilation.txt", extension="txt"))
    assert converter.write(document, "json") == to_json(document).encode("utf-8")
