"""The DOCX 目录: rebuilt from the body's titles and headings, a populated TOC field with --toc."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import etree

from convert import Config, Converter, get_plugin_manager
from convert.cli import main
from tests.conftest import SEEDS_DIR
from tests.docx_xml import NS, DocxParts, attr, read_parts, style_of, text

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "docx" / "compilation.json"
TITLES = ["××镇2024年上半年工作总结", "××局关于上半年安全生产工作的报告"]
# (style, text) of every entry the TOC field lists: titles, headings 一、 and （一）.
FIELD_ENTRIES = [
    ("toc1", TITLES[0]),
    ("toc2", "一、主要工作成效"),
    ("toc3", "（一）经济运行稳中向好"),
    ("toc1", TITLES[1]),
    ("toc2", "一、工作开展情况"),
]


def _fixture() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FIXTURE.read_text("utf-8"))
    return data


def _convert(tmp: Path, data: dict[str, Any], *options: str) -> DocxParts:
    source = tmp / "input.json"
    source.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    output = tmp / "output.docx"
    assert main(["convert", str(source), "-o", str(output), *options]) == 0
    return read_parts(output)


def _contents(parts: DocxParts) -> list[tuple[str | None, str]]:
    return [
        (style_of(p), text(p))
        for p in parts.paragraphs()
        if (style_of(p) or "").startswith("toc") and text(p)
    ]


def _bookmarked(parts: DocxParts) -> dict[str, etree._Element]:
    return {
        start.get(attr("name")): start.getparent()
        for start in parts.document.iter(f"{{{NS['w']}}}bookmarkStart")
    }


@pytest.fixture(scope="module")
def field(tmp_path_factory: pytest.TempPathFactory) -> DocxParts:
    """The fixture compilation with --toc."""
    return _convert(tmp_path_factory.mktemp("field"), _fixture(), "--toc")


@pytest.fixture(scope="module")
def static(tmp_path_factory: pytest.TempPathFactory) -> DocxParts:
    """The fixture compilation without --toc."""
    return _convert(tmp_path_factory.mktemp("static"), _fixture())


def test_toc_field_result_lists_titles_and_headings(field: DocxParts) -> None:
    assert _contents(field) == FIELD_ENTRIES


def test_toc_field_spans_its_entries_and_asks_word_to_update(field: DocxParts) -> None:
    paragraphs = field.paragraphs()
    kinds = [
        (index, kind)
        for index, p in enumerate(paragraphs)
        for kind in p.xpath("w:r/w:fldChar/@w:fldCharType", namespaces=NS)
    ]
    first = next(i for i, p in enumerate(paragraphs) if text(p) == TITLES[0])
    # begin and separate in the first entry, end in a paragraph after the last entry
    assert kinds[:2] == [(first, "begin"), (first, "separate")]
    assert kinds[2][1] == "end"
    assert text(paragraphs[kinds[2][0] - 1]) == "一、工作开展情况"
    instruction = "".join(field.document.xpath("//w:instrText/text()", namespaces=NS))
    assert instruction.strip() == 'TOC \\h \\z \\t "Title,1,Heading 1,2,Heading 2,3"'
    assert field.settings.find("w:updateFields", NS).get(attr("val")) == "true"
    assert "更新域" not in "".join(text(p) for p in paragraphs)


def test_every_entry_links_to_a_bookmark_on_its_paragraph(field: DocxParts) -> None:
    targets = _bookmarked(field)
    links = field.document.xpath(
        "//w:p[starts-with(w:pPr/w:pStyle/@w:val, 'toc')]/w:hyperlink", namespaces=NS
    )
    assert len(links) == len(FIELD_ENTRIES)
    for link in links:
        target = targets[link.get(attr("anchor"))]
        assert text(target) == text(link)
        assert style_of(target) in ("Title", "Heading1", "Heading2")
    assert len(set(targets)) == len(targets)


def test_without_toc_the_contents_are_the_article_titles(static: DocxParts) -> None:
    assert _contents(static) == [("toc1", title) for title in TITLES]
    assert not static.document.xpath("//w:instrText", namespaces=NS)
    assert static.settings.find("w:updateFields", NS) is None
    # the source's page numbers ("\t2", "\t4") mean nothing in the new layout
    assert not [p for p in static.paragraphs() if "\t" in text(p)]
    targets = _bookmarked(static)
    for link in static.document.xpath("//w:hyperlink", namespaces=NS):
        assert text(targets[link.get(attr("anchor"))]) == text(link)


def test_contents_sit_on_the_front_page_between_header_and_first_article(
    static: DocxParts,
) -> None:
    shown = [(style_of(p), text(p)) for p in static.paragraphs()[:5]]
    assert shown == [
        ("CompilationTitle", "2024年上半年工作总结汇编（2篇）"),
        ("TOCHeading", "目录"),
        ("toc1", TITLES[0]),
        ("toc1", TITLES[1]),
        ("Title", TITLES[0]),
    ]


def test_source_toc_without_titles_is_rebuilt_from_the_articles(tmp_path: Path) -> None:
    data = _fixture()  # like a source whose 目录 kept only its numbers "1." "2."
    for number, entry in enumerate(data["front"][2:], start=1):
        entry.update(text=f"{number}.", page=None)
    assert _contents(_convert(tmp_path, data)) == [("toc1", title) for title in TITLES]


def test_source_listing_itself_and_its_header_is_not_copied(tmp_path: Path) -> None:
    data = _fixture()
    extra = copy.deepcopy(data["front"][2])
    data["front"][2:2] = [
        {**extra, "text": "2024年上半年工作总结汇编（2篇）", "page": "1"},
        {**extra, "text": "目录", "page": "1"},
    ]
    assert _contents(_convert(tmp_path, data)) == [("toc1", title) for title in TITLES]


def test_a_title_known_only_from_the_toc_is_written_and_listed(tmp_path: Path) -> None:
    data = _fixture()
    second = data["articles"][1]
    second["blocks"] = second["blocks"][1:]  # the body lacks its title line
    second["title_source"] = "toc"
    parts = _convert(tmp_path, data)
    assert _contents(parts) == [("toc1", title) for title in TITLES]
    titles = [
        (text(p), p.find("w:pPr/w:pageBreakBefore", NS) is not None) for p in parts.paragraphs()
    ]
    assert (TITLES[1], True) in titles


def test_untitled_articles_are_left_out_of_the_contents(tmp_path: Path) -> None:
    data = _fixture()
    first = data["articles"][0]
    first.update(title=None, title_source="missing", blocks=first["blocks"][1:])
    assert _contents(_convert(tmp_path, data)) == [("toc1", TITLES[1])]


def test_a_single_document_lists_its_sections(tmp_path: Path) -> None:
    data = _fixture()
    data["front"] = data["front"][1:]  # 目录 without a compilation header
    data["articles"] = data["articles"][:1]
    assert _contents(_convert(tmp_path, data)) == [("toc1", "一、主要工作成效")]


def _without_titles_or_headings(data: dict[str, Any]) -> dict[str, Any]:
    for article in data["articles"]:
        blocks = [b for b in article["blocks"] if b["type"] not in ("title", "heading")]
        article.update(title=None, title_source="missing", blocks=blocks)
    return data


def test_with_nothing_to_list_the_source_entries_are_kept_without_pages(tmp_path: Path) -> None:
    data = _without_titles_or_headings(_fixture())
    data["front"][2:2] = [{**data["front"][2], "text": "目录", "page": "1"}]
    parts = _convert(tmp_path, data)
    assert _contents(parts) == [("toc1", title) for title in TITLES]
    assert not parts.document.xpath("//w:hyperlink", namespaces=NS)


def test_with_nothing_to_list_and_only_numbers_no_contents_are_written(tmp_path: Path) -> None:
    data = _without_titles_or_headings(_fixture())
    for number, entry in enumerate(data["front"][2:], start=1):
        entry.update(text=f"{number}.", page=None)
    parts = _convert(tmp_path, data)
    assert not _contents(parts)
    assert "目录" not in [text(p) for p in parts.paragraphs()]


def test_a_single_document_without_contents_has_no_leading_page_break(tmp_path: Path) -> None:
    data = _without_titles_or_headings(_fixture())
    data["front"] = [{**data["front"][1]}]  # a lone "目录" line, no entries
    data["articles"] = data["articles"][:1]
    parts = _convert(tmp_path, data)
    assert "目录" not in [text(p) for p in parts.paragraphs()]
    assert parts.paragraphs()[0].find("w:pPr/w:pageBreakBefore", NS) is None


def test_toc_field_with_no_titles_or_headings_says_how_to_fill_it(tmp_path: Path) -> None:
    data = _fixture()
    data["front"] = []
    data["articles"] = data["articles"][1:]
    data["articles"][0]["blocks"] = data["articles"][0]["blocks"][2:]
    data["articles"][0].update(title=None, title_source="missing")
    parts = _convert(tmp_path, data, "--toc")
    assert any("更新域" in text(p) for p in parts.paragraphs())


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("none", "2024年上半年工作总结汇编（2篇）"),
        ("no header", TITLES[0]),
        ("no header, no titles", "源标题"),
        ("nothing", "县委、县政府："),
    ],
)
def test_document_title_property(tmp_path: Path, change: str, expected: str) -> None:
    data = _fixture()
    data["meta"]["title"] = "源标题"
    if change != "none":
        data["front"] = []
    if change in ("no header, no titles", "nothing"):
        for article in data["articles"]:
            article.update(title=None, title_source="missing", blocks=article["blocks"][1:])
    if change == "nothing":
        del data["meta"]["title"]
    source = tmp_path / "input.json"
    source.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    output = tmp_path / "output.docx"
    assert main(["convert", str(source), "-o", str(output)]) == 0
    assert docx.Document(str(output)).core_properties.title == expected


def _seed(prefix: str) -> Path:
    found = sorted(SEEDS_DIR.glob(f"{prefix}_*.txt")) if SEEDS_DIR.is_dir() else []
    if not found:
        pytest.skip("../shared/seeds is absent")
    return found[0]


@pytest.fixture(scope="module")
def seed_contents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, DocxParts]:
    """Seeds 000 and 001 as DOCX; 001 also with --toc (one conversion each)."""
    folder = tmp_path_factory.mktemp("seeds")
    host = get_plugin_manager(load_entrypoints=False)
    found: dict[str, DocxParts] = {}
    for name, prefix, toc in (
        ("000", "000", False),
        ("001", "001", False),
        ("001toc", "001", True),
    ):
        output = folder / f"{name}.docx"
        converter = Converter(config=Config(toc=toc), host=host)
        output.write_bytes(converter.convert_file(_seed(prefix), "docx"))
        found[name] = read_parts(output)
    return found


def test_seed_000_contents_name_its_eight_articles(seed_contents: dict[str, DocxParts]) -> None:
    entries = _contents(seed_contents["000"])
    assert len(entries) == 8
    assert entries[0] == ("toc1", "2023年第三季度“转作风提效能”工作总结")
    assert all(entry.endswith("工作总结") for _, entry in entries)


def test_seed_001_contents_have_no_stale_page_numbers(seed_contents: dict[str, DocxParts]) -> None:
    entries = [entry for _, entry in _contents(seed_contents["001"])]
    assert len(entries) == 18
    assert entries[0] == "2023年财政工作总结及2024年财政工作计划"
    assert not [e for e in entries if "\t" in e or "汇编" in e or e == "目录"]


def test_seed_001_toc_field_is_populated(seed_contents: dict[str, DocxParts]) -> None:
    parts = seed_contents["001toc"]
    entries = _contents(parts)
    assert [e for s, e in entries if s == "toc1"] == [e for _, e in _contents(seed_contents["001"])]
    assert ("toc2", "一、2023年主要工作") in entries
    assert {style for style, _ in entries} == {"toc1", "toc2", "toc3"}


def test_seed_001_document_title_is_the_compilation_title(tmp_path: Path) -> None:
    output = tmp_path / "001.docx"
    assert main(["convert", str(_seed("001")), "-o", str(output)]) == 0
    title = docx.Document(str(output)).core_properties.title
    assert title == "2023年度工作总结和2024年度工作计划汇编（18篇）"
