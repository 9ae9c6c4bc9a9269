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
