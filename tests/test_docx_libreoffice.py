"""LibreOffice renders a produced compilation: A4 pages, "— n —" numbers, one article per page.

One document covers all three checks because LibreOffice is slow to start.
Skips, naming what is missing, when soffice or pdftotext/pdfinfo (poppler-utils)
is not installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from convert.cli import main

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "docx" / "compilation.json"
TOOLS = {
    "soffice": "LibreOffice (apt-get install libreoffice-writer-nogui)",
    "pdftotext": "poppler-utils",
    "pdfinfo": "poppler-utils",
}
A4_POINTS = (595.3, 841.9)


def _missing_tools() -> list[str]:
    return [f"{tool} from {package}" for tool, package in TOOLS.items() if not shutil.which(tool)]


pytestmark = pytest.mark.skipif(
    bool(_missing_tools()), reason=f"not installed: {', '.join(_missing_tools())}"
)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture compilation → DOCX (gbt9704, --toc) → PDF through LibreOffice."""
    folder = tmp_path_factory.mktemp("libreoffice")
    document = folder / "compilation.docx"
    assert main(["convert", str(FIXTURE), "-o", str(document), "--toc"]) == 0
    profile_dir = folder / "profile"  # a private LibreOffice profile: no clash with a running one
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile_dir}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(document),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder / "compilation.pdf"


def _pages(pdf: Path) -> list[str]:
    result = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    )
    # pdftotext ends each page with a form feed; whitespace between CJK glyphs varies.
    return [re.sub(r"\s+", "", page) for page in result.stdout.split("\f")[:-1]]


def test_pages_are_a4(pdf: Path) -> None:
    info = subprocess.run(
        ["pdfinfo", "-l", "-1", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert sizes
    for width, height in sizes:
        assert (float(width), float(height)) == pytest.approx(A4_POINTS, abs=0.5)


def test_every_page_shows_its_number_between_dashes(pdf: Path) -> None:
    pages = _pages(pdf)
    assert len(pages) == 3
    for number, page in enumerate(pages, start=1):
        assert f"—{number}—" in page


def test_toc_page_shows_the_titles_and_headings(pdf: Path) -> None:
    # The TOC field's cached result is what LibreOffice shows (it does not update fields).
    contents = _pages(pdf)[0]
    for entry in (
        "目录",
        "××镇2024年上半年工作总结",
        "一、主要工作成效",
        "（一）经济运行稳中向好",
        "××局关于上半年安全生产工作的报告",
        "一、工作开展情况",
    ):
        assert entry in contents
    assert "更新域" not in contents


def test_each_article_starts_on_a_new_page(pdf: Path) -> None:
    # Digits survive text extraction whatever CJK fonts are installed: "6.5%" is only in
    # the first article, "130" only in the second, the front matter (title, TOC) has neither.
    found = [("6.5%" in page, "130" in page) for page in _pages(pdf)]
    assert found == [(False, False), (True, False), (False, True)]
