"""The marker passes over the real seeds (skipped when ../shared/seeds is absent).

Each seed is converted once per session (JSON and Markdown) and shared by the tests.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from convert import Converter, Document, SourceInfo
from convert.jsonform import to_json
from tests.audit import lost_characters
from tests.conftest import seed_params
from tests.markers_support import MARKER_PASSES

PARAMS = seed_params()
CHROME = re.compile(
    r"^(?:热门搜索|• |当前位置|浏览数|推荐访问|相关文章|Top$|阅读全文|【哒哒|欢迎加入“哒哒"
    r"|文汇系列\d+--|\d{4}-\d\d-\d\d \d\d:\d\d|诺仪文秘网|本文标题|链接地址|¥)"
)
EXPECTED_PARTY_REPAIRS = {"000": 79, "001": 271, "002": 0, "003": 83, "004": 0}
# The D that do not stand for 党 (seed-phenomena §5.1), as left after the repair.
EXPECTED_D_LEFT = {
    "000": Counter(),
    "001": Counter({"DIP": 3, "04D": 1, "GDP": 2}),
    "003": Counter({"（D类）": 1, "D级": 1}),
}


class SeedRun:
    """One seed: its text, the document after the passes, the JSON and Markdown."""

    def __init__(self, path: Path, converter: Converter) -> None:
        data = path.read_bytes()
        self.id = path.name[:3]
        self.text = data.decode("utf-8")
        self.document: Document = converter.parse(data, SourceInfo(path=str(path), extension="txt"))
        self.json = to_json(self.document)
        self.markdown = converter.write(self.document, "md").decode("utf-8")


@pytest.fixture(scope="session")
def seed_runs() -> dict[Path, SeedRun]:
    """Filled lazily: each seed converted at most once per session."""
    return {}


@pytest.fixture
def run(
    request: pytest.FixtureRequest, seed_runs: dict[Path, SeedRun], seed_converter: Converter
) -> SeedRun:
    path: Path = request.param
    if path not in seed_runs:
        seed_runs[path] = SeedRun(path, seed_converter)
    return seed_runs[path]


def _block_texts(document: Document) -> list[str]:
    texts: list[str] = []
    for block in document.iter_blocks():
        if block.lead is not None:
            texts.append(block.lead.text)
        texts.append(block.text)
    return texts


@pytest.mark.parametrize("run", PARAMS, indirect=True)
def test_no_paywall_mark_chrome_or_dangling_note_is_left(run: SeedRun) -> None:
    content = json.loads(run.json)
    del content["changes"]  # the audit keeps what was removed, by design
    for output in (json.dumps(content, ensure_ascii=False), run.markdown):
        assert "##paid" not in output
    for text in _block_texts(run.document):
        assert not CHROME.match(text), text
        assert "欢迎大家前来参考查阅" not in text
        assert not re.search(r"[\u4e00-\u9fff”）][\[［][1-9]\d?[\]］](?![\d号])", text), text


@pytest.mark.parametrize("run", PARAMS, indirect=True)
def test_d_is_repaired_exactly_where_it_stands_for_party(run: SeedRun) -> None:
    repairs = [c for c in run.document.changes if c.rule == "d-for-party"]
    assert len(repairs) == EXPECTED_PARTY_REPAIRS[run.id]
    if run.id in EXPECTED_D_LEFT:
        left: Counter[str] = Counter()
        for text in _block_texts(run.document):
            for match in re.finditer(r"（D类）|D级|DIP|04D|GDP|D", text):
                left[match.group()] += 1
        assert left == EXPECTED_D_LEFT[run.id]


@pytest.mark.parametrize("run", PARAMS, indirect=True)
def test_audit_accounts_for_every_character(run: SeedRun) -> None:
    """Every non-white-space input character is in a block or in a change's `before`."""
    lost = lost_characters(run.text, json.loads(run.json))
    assert not lost, dict(lost.most_common(10))


@pytest.mark.parametrize("run", PARAMS, indirect=True)
def test_json_keeps_the_audit_and_the_placeholder_marks(run: SeedRun) -> None:
    data: dict[str, Any] = json.loads(run.json)
    assert len(data["changes"]) == len(run.document.changes)
    marks = [
        mark
        for article in data["articles"]
        for block in article["blocks"]
        for mark in block.get("marks", [])
    ]
    assert all(m["kind"] == "placeholder" and m["role"] and m["original"] for m in marks)
    assert not re.search(r"(?<![A-Za-z])(?:XX|xx)(?![A-Za-z])", run.markdown)


@pytest.mark.parametrize("run", PARAMS, indirect=True)
def test_a_second_run_changes_nothing(run: SeedRun, seed_converter: Converter) -> None:
    """Normalizing gongwen JSON again (--normalize) is a no-op for the marker passes."""
    again = seed_converter.normalize(run.document)
    new = again.changes[len(run.document.changes) :]
    assert [c for c in new if c.pass_name in MARKER_PASSES] == []
    assert list(again.iter_blocks()) == list(run.document.iter_blocks())
