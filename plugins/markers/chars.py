"""Character classes the marker rules share (no Unicode normalization anywhere)."""

from __future__ import annotations

import re

HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Full-width punctuation and the CJK quotation marks, brackets and dashes a
# Chinese sentence uses; a half-width mark next to one of these is in CJK text.
CJK_PUNCTUATION = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—·"
CJK_CLASS = f"[{HAN_RANGES}{CJK_PUNCTUATION}]"
HAN_CLASS = f"[{HAN_RANGES}]"
LATIN_CLASS = "[A-Za-z\uff21-\uff3a\uff41-\uff5a]"
DIGIT_CLASS = "[0-9\uff10-\uff19]"

_HAN = re.compile(HAN_CLASS)
_CJK = re.compile(CJK_CLASS)
_LATIN = re.compile(LATIN_CLASS)
_DIGIT = re.compile(DIGIT_CLASS)


def is_han(char: str) -> bool:
    """True for a CJK ideograph."""
    return bool(char) and _HAN.fullmatch(char) is not None


def is_cjk(char: str) -> bool:
    """True for a CJK ideograph or full-width / CJK punctuation."""
    return bool(char) and _CJK.fullmatch(char) is not None


def is_latin(char: str) -> bool:
    """True for a Latin letter, half- or full-width."""
    return bool(char) and _LATIN.fullmatch(char) is not None


def is_digit(char: str) -> bool:
    """True for a decimal digit, half- or full-width."""
    return bool(char) and _DIGIT.fullmatch(char) is not None


def char_at(text: str, index: int) -> str:
    """Return text[index], or "" outside the string (no wrap-around for -1)."""
    return text[index] if 0 <= index < len(text) else ""
