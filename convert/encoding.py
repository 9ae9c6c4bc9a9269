"""Decode input bytes without loss: a cascade of strict decodes.

Order: an explicit codec (`--encoding`) → a byte-order mark → a charset the
container declared (HTML), verified by a strict decode → strict UTF-8 → strict
GB18030 or Big5, whichever reads as ordinary Chinese → charset-normalizer,
restricted to Chinese-capable codecs → a `DecodeError` suggesting
`--encoding`. No step ever uses errors="ignore" or "replace".

GB18030 accepts almost any byte string, Big5 text included, so a strict decode
alone proves little: both readings are scored by the share of their Han
characters that fall in the codec's own "common characters" block (GB2312
level 1; Big5 常用字), which is near 1 for real text and far lower for the
wrong codec.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from .errors import DecodeError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Declared names that undersell the real codec: GB18030 is a strict superset.
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "euc-cn": "gb18030",
    "hz-gb-2312": "hz",
    "big5": "big5hkscs",
    "x-euc-tw": "big5hkscs",
}

CHINESE_CODECS = ("gb18030", "big5", "cp950", "big5hkscs", "utf_16", "utf_32", "hz")
# Tried in order; of the Big5 family only the first that decodes counts (they differ
# only in rare symbols, and plain Big5 is what most files claim to be).
_LEGACY_FAMILIES = (("gb18030",), ("big5", "cp950", "big5hkscs"))

_SAMPLE_HAN = 4000  # Han characters scored per candidate: enough, and bounded for 18 MB inputs
_MIN_COMMON_SHARE = 0.6
_MAX_ODD_SHARE = 0.02


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the codec used and how it was chosen."""

    text: str
    encoding: str
    reason: str


def decode_bytes(
    data: bytes, *, name: str, override: str | None = None, declared: str | None = None
) -> Decoded:
    """Decode `data` (read from `name`) without loss, or raise `DecodeError`."""
    if override:
        return _decode_override(data, name, override)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, "byte-order mark", name)
    if declared:
        found = _try_declared(data, declared)
        if found is not None:
            return found
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "valid UTF-8")
    except UnicodeDecodeError:
        pass
    found = _best_chinese_legacy(data) or _detect(data)
    if found is None:
        raise DecodeError(
            f"{name}: cannot tell the text encoding (not UTF-8, GB18030 or Big5); "
            "name it with --encoding"
        )
    return found


def normalize_codec_name(name: str) -> str:
    """Return the codec we decode a declared charset with (gb2312 and gbk → gb18030)."""
    key = name.strip().strip("\"'").lower()
    try:
        canonical = codecs.lookup(key).name
    except LookupError:
        return _ALIASES.get(key, key)
    return _ALIASES.get(key, _ALIASES.get(canonical, canonical))


def _decode_override(data: bytes, name: str, codec: str) -> Decoded:
    try:
        codecs.lookup(codec)
    except LookupError:
        raise DecodeError(f"{name}: unknown encoding {codec!r}") from None
    return _strict(data, codec, "--encoding", name)


def _strict(data: bytes, codec: str, reason: str, name: str) -> Decoded:
    try:
        return Decoded(data.decode(codec), codecs.lookup(codec).name, reason)
    except UnicodeDecodeError as error:
        raise DecodeError(
            f"{name}: not valid {codec}: byte 0x{data[error.start]:02x} at offset {error.start}"
        ) from None


def _try_declared(data: bytes, declared: str) -> Decoded | None:
    codec = normalize_codec_name(declared)
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
    legacy_chinese = any(codec in family for family in _LEGACY_FAMILIES)
    if legacy_chinese and _common_share(text, codec) < _MIN_COMMON_SHARE:
        return None
    return Decoded(text, codecs.lookup(codec).name, f"declared charset {declared!r}")


def _best_chinese_legacy(data: bytes) -> Decoded | None:
    best: tuple[float, Decoded] | None = None
    for family in _LEGACY_FAMILIES:
        found = _first_strict(data, family)
        if found is None or _odd_share(found[1]) > _MAX_ODD_SHARE:
            continue
        codec, text = found
        share = _common_share(text, codec)
        if share >= _MIN_COMMON_SHARE and (best is None or share > best[0]):
            best = (share, Decoded(text, codec, f"strict {codec}, {share:.0%} common characters"))
    return best[1] if best else None


def _first_strict(data: bytes, codecs_to_try: tuple[str, ...]) -> tuple[str, str] | None:
    for codec in codecs_to_try:
        try:
            return codec, data.decode(codec)
        except UnicodeDecodeError:
            continue
    return None


def _detect(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes  # imported late: costly, rarely needed

    match = from_bytes(data, cp_isolation=list(CHINESE_CODECS)).best()
    if match is None:
        return None
    codec = normalize_codec_name(match.encoding)
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
    if _odd_share(text) > _MAX_ODD_SHARE:
        return None
    return Decoded(text, codecs.lookup(codec).name, f"detected by charset-normalizer ({codec})")


def _common_share(text: str, codec: str) -> float:
    """Return the share of Han characters in the codec's common-character block."""
    han = _han_sample(text)
    if not han:
        return 1.0
    common = sum(1 for ch in han if _is_common(ch, codec))
    return common / len(han)


def _han_sample(text: str) -> list[str]:
    sample: list[str] = []
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
            sample.append(ch)
            if len(sample) >= _SAMPLE_HAN:
                break
    return sample


def _is_common(ch: str, codec: str) -> bool:
    try:
        if codec == "gb18030":
            return 0xB0 <= ch.encode("gb2312")[0] <= 0xD7
        code = int.from_bytes(ch.encode("big5"), "big")
    except UnicodeEncodeError:
        return False
    return 0xA440 <= code <= 0xC67E


def _odd_share(text: str) -> float:
    """Return the share of characters no text file holds (controls, unassigned, private use)."""
    sample = text[:20000]
    if not sample:
        return 0.0
    odd = sum(
        1
        for ch in sample
        if ch not in "\t\n\r\f" and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")
    )
    return odd / len(sample)
