"""Signature (署名) and date (成文日期) placement, and Arabic date digits (§7.3.5).

GB/T 9704-2012 writes the date in Arabic numerals without zero padding
("2024年1月5日"); the 1999 edition used Chinese numerals ("二〇二四年一月五日").
"""

from __future__ import annotations

import re
import unicodedata

_CHINESE_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "Ｏ": 0,
    "O": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_NUMERAL = "0-9０-９〇○零Ｏ一二三四五六七八九十"
DATE = re.compile(
    rf"^([{_NUMERAL}O]{{4}})\s*年\s*([{_NUMERAL}]{{1,3}})\s*月\s*([{_NUMERAL}]{{1,3}})\s*日$"
)


def arabic_date(text: str) -> str | None:
    """Return a full date ("二〇二四年一月五日", "2024年01月05日") as "2024年1月5日".

    Returns None when `text` is not a complete date of that form or a number
    is out of range, so the caller keeps the text as written.
    """
    found = DATE.match(text.strip())
    if found is None:
        return None
    year_text, month_text, day_text = found.groups()
    year = _digits(year_text)
    month, day = _number(month_text), _number(day_text)
    if year is None or month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year}年{month}月{day}日"


def _digits(text: str) -> int | None:
    value = 0
    for char in text:
        digit = _digit(char)
        if digit is None:
            return None
        value = value * 10 + digit
    return value


def _digit(char: str) -> int | None:
    if char in _CHINESE_DIGITS:
        return _CHINESE_DIGITS[char]
    normal = unicodedata.normalize("NFKC", char)
    return int(normal) if normal.isdigit() else None


def _number(text: str) -> int | None:
    if "十" not in text:
        return _digits(text)
    tens_text, _, ones_text = text.partition("十")
    tens = _digits(tens_text) if tens_text else 1
    ones = _digits(ones_text) if ones_text else 0
    if tens is None or ones is None or "十" in ones_text:
        return None
    return tens * 10 + ones


def display_width(text: str) -> float:
    """Width in 字: full-width characters count 1, half-width (Arabic digits, ASCII) ½."""
    return sum(0.5 if unicodedata.east_asian_width(char) in "NaH" else 1.0 for char in text)


def signature_right_chars(signature: str, date: str | None, date_right: float) -> float:
    """Right indent that centres the signature over the date (§7.3.5.1), in 字.

    Without a date the signature sits where the date would have been.
    """
    if date is None:
        return date_right
    offset = date_right + (display_width(date) - display_width(signature)) / 2
    return max(offset, 0.0)
