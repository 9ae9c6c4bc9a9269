"""The structure passes over the five real seeds (skipped when ../shared is absent).

Each seed is converted once per session with the default plugins and settings;
the tests compare with the counts and titles catalogued in
seed-phenomena.md §1 and check that the structure never loses or splits a line.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from convert import Block, Converter, Document, SourceInfo
from convert.model import labelled
from tests.conftest import SEED_FILES

EXPECTED_ARTICLES = {"000": 8, "001": 18, "002": 9, "003": 6, "004": 21}
TITLES_000 = (
    "2023年第三季度“转作风提效能”工作总结",
    "区财政局2023年第三季度转作风提效能工作总结",
    "区残联2023年第三季度“转作风提效能”工作总结",
    "区民政局2023年第三季度转作风提效能工作总结",
    "区退役军人事务局2023年第三季度“转作风、提效能”工作总结",
    "团区委2023年第三季度转作风提效能工作总结",
    "县经信局2023年第三季度重点工作总结",
    "镇2023年第三季度转作风提效能工作总结",
)
TITLES_003 = (
    "民政局2023年上半年工作总结",
    "经济开发区2023年下半年工作总结和2024年上半年工作安排",
    "经济开发区2022年上半年工作总结和下半年工作思路",
    "文旅局2022年上半年工作总结",
    "2023年应急工作服务中心上半年工作总结及下半年工作计划",
    "2022年上半年工作总结和下半年工作计划",
)
FIRST_LINES_004 = (5, 135, 183, 219, 289, 345, 491, 567, 595, 627, 719, 793, 895, 947)
_PAYWALL = re.compile(r"##[a-z]+##")
_SENTENCE_END = "。；;！!？?"
_WIDTH = str.maketrans("（）．：；！？", "().:;!?")


@pytest.fixture(scope="session")
def seeds(seed_converter: Converter) -> dict[str, tuple[list[str], Document]]:
    """Every seed's raw lines and its converted document, built once."""
    if not SEED_FILES:
        pytest.skip("../shared/seeds is absent")
    result = {}
    for path in SEED_FILES:
        data = path.read_bytes()
        document = seed_converter.parse(data, SourceInfo(path=str(path), extension="txt"))
        result[path.name[:3]] = (data.decode("utf-8").split("\n"), document)
    return result


def _seed_ids() -> list[str]:
    return sorted(EXPECTED_ARTICLES) if SEED_FILES else []


def _titles(document: Document) -> list[str]:
    return [_PAYWALL.sub("", article.title or "") for article in document.articles]


@pytest.mark.parametrize("seed", _seed_ids())
def test_article_count(seeds: dict[str, tuple[list[str], Document]], seed: str) -> None:
    assert len(seeds[seed][1].articles) == EXPECTED_ARTICLES[seed]


def test_titles_of_000_and_003(seeds: dict[str, tuple[list[str], Document]]) -> None:
    assert tuple(_titles(seeds["000"][1])) == TITLES_000
    assert tuple(_titles(seeds["003"][1])) == TITLES_003
    for seed in ("000", "003"):
        assert {a.title_source for a in seeds[seed][1].articles} == {"text"}


def test_titles_of_001_match_its_table_of_contents(
    seeds: dict[str, tuple[list[str], Document]],
) -> None:
    document = seeds["001"][1]
    toc = [b.text for b in document.front if b.type == "toc_entry"]
    assert toc[2:] == _titles(document)  # the first two entries name the 汇编 and the 目录
    assert {a.title_source for a in document.articles} == {"text"}
    assert [a.blocks[0].lines.first for a in document.articles][12] == 477


@pytest.mark.parametrize("seed", ["002", "004"])
def test_untitled_reports_are_marked_missing(
    seeds: dict[str, tuple[list[str], Document]], seed: str
) -> None:
    for article in seeds[seed][1].articles:
        assert article.title is None
        assert article.title_source == "missing"


def test_004_articles_start_where_the_reports_start(
    seeds: dict[str, tuple[list[str], Document]],
) -> None:
    starts = [article.blocks[0].lines.first for article in seeds["004"][1].articles]
    assert starts[: len(FIRST_LINES_004)] == list(FIRST_LINES_004)
    assert starts[-3:] == [1297, 1371, 1412]


def test_002_articles_open_with_their_salutation(
    seeds: dict[str, tuple[list[str], Document]],
) -> None:
    for article in seeds["002"][1].articles:
        assert article.blocks[0].type == "salutation"


def _fold(text: str) -> str:
    return text.translate(_WIDTH)


def _squeeze(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


def _numbered(block: Block) -> tuple[str, str] | None:
    if block.lead is not None and block.lead.numbering is not None:
        return block.lead.numbering.label, block.lead.text
    if block.numbering is not None:
        return block.numbering.label, block.text
    return None


@pytest.mark.parametrize("seed", _seed_ids())
def test_no_heading_inside_a_sentence(
    seeds: dict[str, tuple[list[str], Document]], seed: str
) -> None:
    lines, document = seeds[seed]
    for block in document.iter_blocks():
        found = _numbered(block)
        if found is None:
            continue
        label, _ = found
        source = _fold(_squeeze("".join(lines[block.lines.first - 1 : block.lines.last])))
        label = _fold(label)
        # Later passes may rewrite the text (placeholders, punctuation), never the
        # position: the label opens the line, or follows a finished sentence there.
        starts = [i for i in range(len(source)) if source.startswith(label, i)]
        assert starts, (block.lines, label)
        assert any(i == 0 or source[i - 1] in _SENTENCE_END for i in starts), block.lines


@pytest.mark.parametrize(
    ("seed", "line", "inline"),
    [("001", 654, "。二、"), ("004", 1446, "。1.加强队伍建设"), ("002", 81, "②完成")],
)
def test_inline_enumerations_stay_in_their_paragraph(
    seeds: dict[str, tuple[list[str], Document]], seed: str, line: int, inline: str
) -> None:
    covering = [b for b in seeds[seed][1].iter_blocks() if b.lines.first <= line <= b.lines.last]
    assert len(covering) == 1
    assert covering[0].type == "paragraph"
    assert inline in covering[0].text


@pytest.mark.parametrize("seed", _seed_ids())
def test_every_line_lands_in_one_block_or_one_change(
    seeds: dict[str, tuple[list[str], Document]], seed: str
) -> None:
    lines, document = seeds[seed]
    blocks = list(document.iter_blocks())
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        spans = {str(b.lines) for b in blocks if b.lines.first <= number <= b.lines.last}
        if spans:
            # Several blocks split out of one line share its span: still one place.
            assert len(spans) == 1, (number, spans)
            continue
        drops = [
            c for c in document.changes if c.lines.first <= number <= c.lines.last and not c.after
        ]
        assert len(drops) == 1, (number, line[:40])


def _visible(document: Document) -> Counter[str]:
    text: list[str] = []
    for block in document.iter_blocks():
        if block.lead is not None:
            text.append(labelled(block.lead.numbering, block.lead.text))
        text.append(labelled(block.numbering, block.text))
        text.append(block.page or "")
    text.extend(change.before for change in document.changes)
    return Counter(ch for ch in "".join(text) if not ch.isspace())


@pytest.mark.parametrize("seed", _seed_ids())
def test_no_character_is_lost(seeds: dict[str, tuple[list[str], Document]], seed: str) -> None:
    lines, document = seeds[seed]
    source = Counter(ch for ch in "".join(lines) if not ch.isspace())
    assert not source - _visible(document)


def test_seed_fixture_points_at_real_files() -> None:
    if not SEED_FILES:
        pytest.skip("../shared/seeds is absent")
    assert {Path(p).name[:3] for p in SEED_FILES} == set(EXPECTED_ARTICLES)


def _covering(document: Document, line: int) -> list[Block]:
    return [b for b in document.iter_blocks() if b.lines.first <= line <= b.lines.last]


def test_004_item_cut_by_a_page_break_is_joined(
    seeds: dict[str, tuple[list[str], Document]],
) -> None:
    # 004:177 `3、针对今年管弄路xxx` ⏎ ⏎ `弄多次投诉情况,…`: its siblings 1、2、4、 are statements.
    (block,) = _covering(seeds["004"][1], 177)
    assert (block.lines.first, block.lines.last) == (177, 179)
    assert block.type == "list_item"
    assert "弄多次投诉情况" in block.text
    siblings = [_covering(seeds["004"][1], line)[0].type for line in (173, 175, 181)]
    assert siblings == ["list_item"] * 3


def test_004_and_002_bare_phrase_headings_stay_headings(
    seeds: dict[str, tuple[list[str], Document]],
) -> None:
    (phrase,) = _covering(seeds["004"][1], 7)
    assert (phrase.type, phrase.text) == ("heading", "大力开展卫生创建工作")
    (placeholder_end,) = _covering(seeds["002"][1], 397)
    assert placeholder_end.type == "heading"
    assert placeholder_end.lines.last == 397


@pytest.mark.parametrize(("first", "last"), [(99, 105), (114, 120)])
def test_001_siblings_of_one_list_share_one_shape(
    seeds: dict[str, tuple[list[str], Document]], first: int, last: int
) -> None:
    document = seeds["001"][1]
    shapes = {
        (block.type, block.lead is not None)
        for line in range(first, last + 1)
        for block in _covering(document, line)
    }
    assert shapes == {("list_item", False)}


def test_004_header_without_its_series_prefix_is_the_compilation_title(
    seed_converter: Converter,
) -> None:
    # The site-chrome pass keeps `2022年度…汇编(85篇)` of 004:1 once it drops only the
    # `文汇系列5694--` prefix; the header must then be the compilation title.
    path = next((p for p in SEED_FILES if p.name.startswith("004")), None)
    if path is None:
        pytest.skip("../shared/seeds is absent")
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[0] = lines[0].removeprefix("文汇系列5694--")
    data = "\n".join(lines).encode("utf-8")
    document = seed_converter.parse(data, SourceInfo(path=str(path), extension="txt"))
    headers = [b for b in document.front if b.type == "compilation_title"]
    assert [(b.lines.first, b.text[-7:]) for b in headers] == [(1, "汇编（85篇）")]
    assert len(document.articles) == EXPECTED_ARTICLES["004"]
    assert any(f.rule == "article-count" for f in document.findings)


def test_001_self_entries_of_the_toc_are_marked(
    seeds: dict[str, tuple[list[str], Document]],
) -> None:
    document = seeds["001"][1]
    marked = [f.lines.first for f in document.findings if f.rule == "toc-self-entry"]
    assert marked == [7, 8]
    entries = {b.lines.first: b for b in document.front if b.type == "toc_entry"}
    assert entries[8].text == "目录"
    assert entries[7].text.endswith("汇编（18篇）")


@pytest.mark.parametrize(
    ("seed", "line", "text"),
    [
        ("002", 587, "2023年政府工作回顾"),
        ("002", 609, "2023年工作计划"),
        ("004", 1245, "2023年工作思路"),
    ],
)
def test_unnumbered_section_lines_are_headings_without_numbering(
    seeds: dict[str, tuple[list[str], Document]], seed: str, line: int, text: str
) -> None:
    (block,) = _covering(seeds[seed][1], line)
    assert (block.type, block.text, block.numbering) == ("heading", text, None)


def test_lost_label_and_restart_under_a_section_line_are_reported(
    seeds: dict[str, tuple[list[str], Document]],
) -> None:
    found_002 = {(f.rule, f.lines.first) for f in seeds["002"][1].findings}
    assert {("lost-label", 649), ("unnumbered-section", 609)} <= found_002
    (lost,) = _covering(seeds["002"][1], 649)
    assert lost.type == "paragraph"  # reported, not relabelled
    rules_004 = {(f.rule, f.lines.first) for f in seeds["004"][1].findings}
    assert ("restart-under-section", 1245) in rules_004
    assert ("restart", 1247) not in rules_004


def test_004_compilation_title_survives_the_site_chrome_pass(
    seeds: dict[str, tuple[list[str], Document]],
) -> None:
    document = seeds["004"][1]
    headers = [(b.lines.first, b.text) for b in document.front if b.type == "compilation_title"]
    assert headers == [(1, "2022年度工作总结及2023年工作计划汇编（85篇）")]


@pytest.mark.parametrize(
    ("seed", "line", "header"),
    [
        ("000", 2, "2023年第三季度工作总结汇编（8篇）"),
        ("001", 2, "2023年度工作总结和2024年度工作计划汇编（18篇）"),
        ("002", 5, "2023年政府部门工作汇报多篇9篇"),  # the page title, kept once
        ("003", 2, "各级局机关2023年上半年工作总结暨下半年工作计划材料汇编（6篇）"),
        ("004", 1, "2022年度工作总结及2023年工作计划汇编（85篇）"),
    ],
)
def test_every_seed_has_one_compilation_title(
    seeds: dict[str, tuple[list[str], Document]], seed: str, line: int, header: str
) -> None:
    document = seeds[seed][1]
    headers = [(b.lines.first, b.text) for b in document.front if b.type == "compilation_title"]
    assert headers == [(line, header)]
    page_titles = [c.lines.first for c in document.changes if c.rule == "page-title"]
    assert page_titles == ([9] if seed == "002" else [])
