"""The HTML source through the `gongwen` command line: outputs, errors, batches, safety."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from convert.cli import main

HTML_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"
CHROME = (
    "热门搜索",
    "当前位置",
    "浏览数",
    "推荐访问",
    "相关文章",
    "上一篇",
    "分享到",
    "VIP",
    "版权所有",
)
UNSAFE = (
    "alert(",
    "evil",
    "onclick",
    "javascript",
    "<script",
    "color:red",
    "hidden-text",
    "iframe",
)


def run(*args: str) -> int:
    """Run the CLI in-process."""
    return main(list(args))


def test_wenmi_page_to_markdown_has_article_and_no_chrome(tmp_path: Path) -> None:
    out = tmp_path / "page.md"
    assert run("convert", str(HTML_FIXTURES / "wenmi_gb2312.html"), "-o", str(out)) == 0
    markdown = out.read_text(encoding="utf-8")
    assert markdown.startswith("# 2023年乡镇人民政府工作汇报3篇\n")
    assert "（二）民生保障持续加强。" in markdown
    assert "为建设富裕文明和谐的新城镇而努力奋斗！" in markdown
    for chrome in CHROME:
        assert chrome not in markdown


def test_gov_page_to_json_records_source_and_table(tmp_path: Path) -> None:
    out = tmp_path / "page.json"
    assert run("convert", str(HTML_FIXTURES / "gov_portal_utf8.html"), "-o", str(out)) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    meta = document["meta"]
    assert meta["source_adapter"] == "html"
    assert meta["extra"]["extractor"] == "builtin"
    assert "gov" in meta["extra"]["site_profiles"].split(",")
    blocks = [b for article in document["articles"] for b in article["blocks"]]
    table = next(b for b in blocks if b["type"] == "table")
    assert table["rows"][1] == ["粮食总产量（万吨）", "9.5", "9.8"]
    text = json.dumps(document, ensure_ascii=False)
    for chrome in ("索引号", "打印本页", "扫一扫", "相关新闻", "ICP备"):
        assert chrome not in text


def test_gov_page_to_docx_has_the_article(tmp_path: Path) -> None:
    out = tmp_path / "page.docx"
    assert run("convert", str(HTML_FIXTURES / "gov_portal_utf8.html"), "-o", str(out)) == 0
    with zipfile.ZipFile(out) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "粮食生产稳定增长" in body
    assert "打印本页" not in body


def test_page_without_article_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "none.md"
    assert run("convert", str(HTML_FIXTURES / "no_article.html"), "-o", str(out)) == 1
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0
    assert "no_article.html: no article found" in error
    assert not out.exists()


def test_one_bad_page_does_not_stop_a_batch(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("no_article.html", "lying_charset.html", "broken_markup.html"):
        (folder / name).write_bytes((HTML_FIXTURES / name).read_bytes())
    assert run("convert", str(folder), "-o", str(tmp_path / "out") + "/", "-t", "md", "-q") == 1
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["broken_markup.md", "lying_charset.md"]


def test_stdin_html_is_sniffed(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    import io
    import sys

    data = (HTML_FIXTURES / "lying_charset.html").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert run("convert", "-", "-t", "md") == 0
    assert "# 关于开展2024年度安全生产大检查的通知" in capsysbinary.readouterr().out.decode()


def test_extractor_option_selects_the_whole_page(tmp_path: Path) -> None:
    out = tmp_path / "page.md"
    args = ("convert", str(HTML_FIXTURES / "no_article.html"), "-o", str(out))
    assert run(*args, "--extractor", "page") == 0
    assert "2023年部门工作总结范文" in out.read_text(encoding="utf-8")


def test_unknown_extractor_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    page = str(HTML_FIXTURES / "wenmi_gb2312.html")
    assert run("convert", page, "-t", "md", "--extractor", "nope") == 2
    assert "unknown HTML extractor 'nope'" in capsys.readouterr().err


def hostile_page() -> str:
    """A page full of code, handlers and hidden text around a short article."""
    body = "".join(
        f'<p onclick="evil({i})" style="color:red">第{i}段正文，内容充实，标点齐全，推进工作。</p>'
        for i in range(6)
    )
    return (
        "<html><head><script>alert('x')</script><style>p{color:red}</style></head><body>"
        '<iframe src="javascript:evil()">iframe text</iframe>'
        f'<div class="content"><a href="javascript:evil()">javascript:evil()</a>{body}'
        "<noscript>请启用javascript</noscript><svg><script>evil()</script></svg>"
        '<p hidden>hidden-text</p><span style="display:none">hidden-text</span>'
        '<img src=x onerror="evil()"><button onclick="evil()">javascript</button>'
        '<object data="evil.swf">evil</object></div>'
        "<script>document.write('evil')</script></body></html>"
    )


@pytest.mark.parametrize("fmt", ["md", "json", "docx"])
def test_nothing_of_scripts_or_handlers_reaches_any_output(tmp_path: Path, fmt: str) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(hostile_page(), encoding="utf-8")
    out = tmp_path / f"hostile.{fmt}"
    assert run("convert", str(page), "-o", str(out)) == 0
    if fmt == "docx":
        with zipfile.ZipFile(out) as docx:
            text = docx.read("word/document.xml").decode("utf-8")
    else:
        text = out.read_text(encoding="utf-8")
    assert "第5段正文" in text
    for marker in UNSAFE:
        assert marker not in text.replace(str(page), "")


def test_plugins_command_lists_extractors_and_profiles(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("plugins", "--all", "--json") == 0
    records = {r["name"]: r for r in json.loads(capsys.readouterr().out)["plugins"]}
    assert {"builtin", "page"} <= set(records["html_source"]["extractors"])
    assert {"generic", "gov", "wenmi"} <= set(records["html_source"]["site_profiles"])


SCHEMA = json.loads(
    (Path(__file__).resolve().parent.parent / "convert" / "gongwen.schema.json").read_text(
        encoding="utf-8"
    )
)
PAGES_WITH_ARTICLES = sorted(
    p for p in HTML_FIXTURES.glob("*.html") if p.with_suffix(".article.txt").exists()
)


@pytest.mark.parametrize("page", PAGES_WITH_ARTICLES, ids=lambda p: p.stem)
def test_every_fixture_page_converts_with_the_passes(tmp_path: Path, page: Path) -> None:
    import jsonschema

    out = tmp_path / "page.json"
    assert run("convert", str(page), "-o", str(out)) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(document, SCHEMA)
    shown = "".join(
        _shown(block) for article in document["articles"] for block in article["blocks"]
    ) + "".join(article.get("title") or "" for article in document["articles"])
    squeezed = "".join(shown.split())
    for line in page.with_suffix(".article.txt").read_text(encoding="utf-8").splitlines():
        # The punctuation pass may normalise a half-width mark; compare the first words.
        assert "".join(line.split())[:8] in squeezed, line


def _shown(block: dict[str, object]) -> str:
    """A JSON block as a reader sees it: label, run-in lead, text."""
    lead = block.get("lead")
    lead_text = ""
    if isinstance(lead, dict):
        lead_text = str(lead.get("label") or "") + str(lead["text"])
    return str(block.get("label") or "") + lead_text + str(block["text"])
