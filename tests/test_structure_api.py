"""Structure passes over documents that did not come from the text source."""

from __future__ import annotations

from convert_plugins.structure import STRUCTURE_PASSES

from convert import (
    Article,
    Block,
    Config,
    Converter,
    Document,
    Meta,
    Numbering,
    Span,
    get_plugin_manager,
)
from convert.model import single_article_document
from convert.outputs import MAX_NAME_CHARS
from convert.split import split_document
from tests.conftest import ROOT


def _normalize(*blocks: Block) -> tuple[Block, ...]:
    converter = Converter(config=Config(), host=get_plugin_manager(load_entrypoints=False))
    document = converter.normalize(single_article_document(Meta(), blocks))
    return tuple(document.iter_blocks())


def test_a_label_without_its_value_gets_the_value_of_the_label() -> None:
    heading = Block(
        type="heading",
        text="农业农村",
        lines=Span(first=1, last=1),
        numbering=Numbering(level=2, label="(三）"),
    )
    (result,) = _normalize(heading)
    assert result.numbering == Numbering(level=2, label="(三）", number=3, canonical="（三）")


def test_a_built_title_stays_and_numbered_paragraphs_become_headings() -> None:
    title = Block(type="title", text="区水务局工作总结", lines=Span(first=1, last=1))
    body = Block(type="paragraph", text="一、主要工作", lines=Span(first=2, last=2))
    result = _normalize(title, body)
    assert [b.type for b in result] == ["title", "heading"]
    assert result[1].text == "主要工作"
    assert result[1].numbering == Numbering(level=1, label="一、", number=1, canonical="一、")


def test_the_structure_guide_lists_every_pass_with_its_order() -> None:
    guide = (ROOT / "docs" / "structure.md").read_text(encoding="utf-8")
    for structure_pass in STRUCTURE_PASSES:
        assert f"| {structure_pass.order} | `{structure_pass.name}` |" in guide


def test_split_names_are_numbered_wide_enough_and_bounded() -> None:
    long_title = "关于" + "进一步加强和改进" * 20 + "工作的报告"
    articles = tuple(
        Article(
            title=long_title if i == 0 else None,
            blocks=(Block(type="paragraph", text="正文。", lines=Span(first=i + 1, last=i + 1)),),
            title_source="text" if i == 0 else "missing",
        )
        for i in range(120)
    )
    pieces = split_document(Document(meta=Meta(), articles=articles))
    names = [name for name, _ in pieces]
    assert names[0].startswith("001-关于进一步")
    assert len(names[0]) <= MAX_NAME_CHARS
    assert names[1] == "002-无标题"
    assert names[-1] == "120-无标题"
    assert all(len(piece.articles) == 1 for _, piece in pieces)


def test_paragraphs_of_html_pages_are_not_joined() -> None:
    cut = (
        Block(
            type="paragraph", text="全年完成水利投资XX亿元，同比增长", lines=Span(first=1, last=1)
        ),
        Block(type="paragraph", text="X%，增速居全市前列。", lines=Span(first=2, last=2)),
    )
    converter = Converter(config=Config(), host=get_plugin_manager(load_entrypoints=False))
    as_text = converter.normalize(single_article_document(Meta(source_adapter="text"), cut))
    as_html = converter.normalize(single_article_document(Meta(source_adapter="html"), cut))
    assert len(list(as_text.iter_blocks())) == 1
    assert len(list(as_html.iter_blocks())) == 2
