"""The DOCX sink's foundations: styles with East-Asian fonts, indent, properties, LibreOffice."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from convert import Converter, SourceInfo
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "sample-compilation.txt"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def sample_docx() -> bytes:
    from convert import Config, get_plugin_manager

    converter = Converter(config=Config(), host=get_plugin_manager(load_entrypoints=False))
    return converter.convert_bytes(
        SAMPLE.read_bytes(), "docx", info=SourceInfo(path=str(SAMPLE), extension="txt")
    )


def _styles(data: bytes) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml"))


def _style(styles: etree._Element, style_id: str) -> etree._Element:
    found = styles.find(f"{W}style[@{W}styleId='{style_id}']")
    assert found is not None, style_id
    return found


@pytest.mark.parametrize(
    ("style_id", "east_asia"),
    [
        ("Title", "方正小标宋简体"),
        ("Heading1", "黑体"),
        ("Heading2", "楷体_GB2312"),
        ("Heading3", "仿宋_GB2312"),
        ("Heading4", "仿宋_GB2312"),
        ("BodyText", "仿宋_GB2312"),
    ],
)
def test_styles_set_east_asian_fonts(sample_docx: bytes, style_id: str, east_asia: str) -> None:
    fonts = _style(_styles(sample_docx), style_id).find(f"{W}rPr/{W}rFonts")
    assert fonts is not None
    assert fonts.get(f"{W}eastAsia") == east_asia
    assert fonts.get(f"{W}eastAsiaTheme") is None


def test_body_first_line_indent_is_two_characters(sample_docx: bytes) -> None:
    indent = _style(_styles(sample_docx), "BodyText").find(f"{W}pPr/{W}ind")
    assert indent is not None
    assert indent.get(f"{W}firstLineChars") == "200"


def test_core_properties_name_title_and_tool(sample_docx: bytes) -> None:
    properties = docx.Document(io.BytesIO(sample_docx)).core_properties
    assert properties.title
    assert properties.last_modified_by.startswith("gongwen-convert")


def test_every_text_line_reaches_the_document(sample_docx: bytes) -> None:
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(sample_docx)).paragraphs)
    for phrase in ("上半年工作开展情况", "法治宣传深入人心", "强化执法检查"):
        assert phrase in text


def test_libreoffice_renders_the_docx(sample_docx: bytes, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (.ci/run installs libreoffice-writer-nogui)")
    source = tmp_path / "sample.docx"
    source.write_bytes(sample_docx)
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "sample.pdf"
    assert pdf.stat().st_size > 1000
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        [pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "法治宣传深入人心" in text.replace(" ", "")
