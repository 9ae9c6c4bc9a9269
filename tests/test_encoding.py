"""The text source decodes every Chinese encoding without loss, or says it cannot."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from convert import Config, Converter, DecodeError, SourceInfo
from convert.model import labelled
from tests.conftest import FIXTURES, seed_params

SAMPLE = FIXTURES / "sample-compilation.txt"
TRADITIONAL = FIXTURES / "traditional-report.txt"


def _blocks(converter: Converter, data: bytes) -> list[object]:
    document = json.loads(converter.convert_bytes(data, "json", info=SourceInfo(path="in.txt")))
    return [document["front"], document["articles"], document["changes"]]


def _encoding_of(converter: Converter, data: bytes) -> str:
    document = converter.parse(data, SourceInfo(path="in.txt"))
    return str(document.meta.encoding)


def _encodable(text: str, codec: str) -> str:
    """Return `text` with the characters `codec` cannot hold replaced by "?"."""
    return "".join(ch if _fits(ch, codec) else "?" for ch in text)


def _fits(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


@pytest.mark.parametrize("codec", ["gbk", "gb18030", "utf-16"])
@pytest.mark.parametrize("seed", seed_params())
def test_seed_in_legacy_encodings_gives_the_same_json(
    seed: Path, codec: str, seed_converter: Converter
) -> None:
    # GBK lacks a few characters the seeds use ("•", EN SPACE, NBSP): a GBK file cannot hold them.
    text = _encodable(seed.read_text(encoding="utf-8"), codec)
    original = _blocks(seed_converter, text.encode("utf-8"))
    assert _blocks(seed_converter, text.encode(codec)) == original


def test_big5_text_decodes_like_its_utf8_original(converter: Converter) -> None:
    text = TRADITIONAL.read_text(encoding="utf-8")
    big5 = text.encode("big5")
    assert _blocks(converter, big5) == _blocks(converter, text.encode("utf-8"))
    assert _encoding_of(converter, big5).startswith("big5")


@pytest.mark.parametrize("seed", seed_params())
def test_big5_copy_of_seed_decodes_like_utf8(seed: Path, seed_converter: Converter) -> None:
    import opencc  # test-only: makes the traditional-script copy a Big5 user would have

    traditional = opencc.OpenCC("s2t").convert(seed.read_text(encoding="utf-8"))
    text = _encodable(traditional, "big5")
    assert text.count("?") < len(text) / 50
    big5 = text.encode("big5")
    assert _blocks(seed_converter, big5) == _blocks(seed_converter, text.encode("utf-8"))
    assert _encoding_of(seed_converter, big5).startswith("big5")


@pytest.mark.parametrize("title", ["关于做好2024年安全生产工作的通知", "工作总结", "民政局"])
def test_short_gbk_title_decodes_right(converter: Converter, title: str) -> None:
    document = converter.parse(title.encode("gbk"), SourceInfo(path="t.txt"))
    assert [b.text for b in document.iter_blocks()] == [title]
    assert document.meta.encoding == "gb18030"


@pytest.mark.parametrize("bom_codec", ["utf-8-sig", "utf-16-le", "utf-16-be", "utf-32"])
def test_byte_order_marks(converter: Converter, bom_codec: str) -> None:
    text = "一、总体情况\n今年以来工作取得进展。"
    data = text.encode(bom_codec)
    if bom_codec in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff" + text).encode(bom_codec)
    document = converter.parse(data, SourceInfo(path="t.txt"))
    shown = [labelled(b.numbering, b.text) for b in document.iter_blocks()]
    assert shown == ["一、总体情况", "今年以来工作取得进展。"]
    assert document.meta.encoding_reason == "byte-order mark"


def test_line_ends_and_indentation_are_normalized(converter: Converter) -> None:
    data = "\u3000\u3000第一段\r\n\xa0第二段  \r\t第三段\u2002\n\n\u2002\n第四段".encode()
    document = converter.parse(data, SourceInfo(path="t.txt"))
    assert [(b.text, b.lines.first) for b in document.iter_blocks()] == [
        ("第一段", 1),
        ("第二段", 2),
        ("第三段", 3),
        ("第四段", 6),
    ]


def test_encoding_override_wins_and_fails_loudly(converter: Converter) -> None:
    data = "党建工作".encode("gbk")
    forced = Converter(config=Config(encoding="gbk"), host=converter.host)
    assert [b.text for b in forced.parse(data, SourceInfo(path="t.txt")).iter_blocks()] == [
        "党建工作"
    ]
    wrong = Converter(config=Config(encoding="utf-8"), host=converter.host)
    with pytest.raises(DecodeError, match=r"t\.txt: not valid utf-8: byte 0x"):
        wrong.parse(data, SourceInfo(path="t.txt"))


def test_random_bytes_give_one_line_error_and_exit_1(tmp_path: Path) -> None:
    noise = random.Random(7).randbytes(5000)
    source = tmp_path / "noise.txt"
    source.write_bytes(noise)
    target = tmp_path / "noise.json"
    result = subprocess.run(
        [sys.executable, "-m", "convert", "convert", str(source), "-o", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert str(source) in result.stderr
    assert "--encoding" in result.stderr
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [source]
