"""Every seed converts to JSON, Markdown and DOCX; JSON validates, round-trips and loses nothing."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import jsonschema
import pytest
from markdown_it import MarkdownIt

from convert import Converter, SourceInfo
from tests.audit import lost_characters
from tests.conftest import ROOT, seed_params
from tests.markdown_structure import expected_structure, markdown_structure

SCHEMA = json.loads((ROOT / "convert" / "gongwen.schema.json").read_text(encoding="utf-8"))


_CONVERTED: dict[Path, bytes] = {}


def _converted(path: Path, converter: Converter) -> bytes:
    """Convert each seed to JSON once per test session."""
    if path not in _CONVERTED:
        info = SourceInfo(path=str(path), extension="txt")
        _CONVERTED[path] = converter.convert_bytes(path.read_bytes(), "json", info=info)
    return _CONVERTED[path]


@pytest.mark.parametrize("seed", seed_params())
def test_seed_json_validates_against_schema(seed: Path, seed_converter: Converter) -> None:
    document = json.loads(_converted(seed, seed_converter))
    jsonschema.validate(document, SCHEMA)
    assert document["meta"]["encoding"] == "utf-8"
    assert sum(len(a["blocks"]) for a in document["articles"]) > 50


@pytest.mark.parametrize("seed", seed_params())
def test_seed_json_round_trips_byte_identical(seed: Path, seed_converter: Converter) -> None:
    first = _converted(seed, seed_converter)
    again = seed_converter.convert_bytes(
        first, "json", info=SourceInfo(path="x.json", extension="json")
    )
    assert again == first


@pytest.mark.parametrize("seed", seed_params())
def test_seed_loses_no_character(seed: Path, seed_converter: Converter) -> None:
    document = json.loads(_converted(seed, seed_converter))
    lost = lost_characters(seed.read_text(encoding="utf-8"), document)
    assert not lost, f"characters neither kept nor recorded as changed: {dict(lost)}"


@pytest.mark.parametrize("seed", seed_params())
def test_seed_markdown_reparses_to_the_model_structure(
    seed: Path, seed_converter: Converter
) -> None:
    json_bytes = _converted(seed, seed_converter)
    info = SourceInfo(path="x.json", extension="json")
    markdown = seed_converter.convert_bytes(json_bytes, "md", info=info).decode("utf-8")
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    assert markdown_structure(tokens) == expected_structure(json.loads(json_bytes))


@pytest.mark.parametrize("seed", seed_params())
def test_seed_docx_opens_with_every_block(seed: Path, seed_converter: Converter) -> None:
    json_bytes = _converted(seed, seed_converter)
    info = SourceInfo(path="x.json", extension="json")
    data = seed_converter.convert_bytes(json_bytes, "docx", info=info)
    word = docx.Document(io.BytesIO(data))
    document = json.loads(json_bytes)
    # The DOCX rebuilds the source's 目录 from the titles (tests/test_docx_contents.py).
    front = [b for b in document["front"] if b["type"] not in ("toc_title", "toc_entry")]
    block_count = len(front) + sum(len(a["blocks"]) for a in document["articles"])
    text_paragraphs = [p for p in word.paragraphs if p.text.strip()]
    assert len(text_paragraphs) >= block_count
