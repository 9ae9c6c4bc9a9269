"""Shared vocabulary of the structure passes: numerals, labels, line shapes.

Everything here is a pure function over one line of text, so that each pass can
ask the same questions ("is this a date line?", "does this end a sentence?")
the same way.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from convert import Block

CJK_DIGITS = "〇一二三四五六七八九"
CJK_NUMERAL = "零〇一二三四五六七八九十百两"
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

# Characters after which a line is a finished sentence or phrase.
TERMINAL = "。！？；：…”’）》】!?;:)」』"
# Characters that end a sentence inside a line (where a run-in heading may stop).
SENTENCE_BREAK = "。！？!?"
# A line ending in one of these cannot be complete (a heading cut by a page break).
DANGLING = "，,、的和及与等对在把将并或从向于"

PAYWALL_PREFIX = re.compile(r"^(?:##[a-z]+##)+")
DATE_LINE = re.compile(
    r"^(?:\d{4}|[〇零一二三四五六七八九]{4})年"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})日$"
)
SALUTATION = re.compile(r"^(?:(?:尊敬的|各)[^，,。；;：:!！？?]{1,38}|同志们|同事们|朋友们)[：:]$")
ORGANISATION_END = re.compile(
    r"(?:局|委员会|委|政府|办公室|办|中心|厅|部|院|所|站|队|会|社|处|科|室|镇|乡|街道|公司|集团)$"
)
TITLE_END = re.compile(r"(?:总结|计划|思路|安排|要点|报告|汇报|方案|打算)$")
# The kinds of official document (文种) a stand-alone first line may name.
DOCUMENT_KIND_END = re.compile(
    r"(?:总结|计划|思路|安排|要点|报告|汇报|方案|打算|通知|通报|决定|意见|办法|规定|细则|"
    r"纪要|请示|批复|公告|公报|讲话|发言|致辞|规划|函)$"
)
COMPILATION_HEADER = re.compile(r"汇编\s*[（(]\s*\d+\s*篇\s*[)）]$")
TOC_TITLE = re.compile(r"^目\s*录$")
GENERATOR_LABEL = re.compile(r"多篇篇\d+$")


def cjk_to_int(numeral: str) -> int | None:
    """Return the value of a Chinese numeral up to 999 ("十三" → 13), None if not one."""
    if not numeral or any(ch not in CJK_NUMERAL for ch in numeral):
        return None
    digits = {ch: i for i, ch in enumerate(CJK_DIGITS)} | {"零": 0, "两": 2}
    total, current = 0, 0
    for ch in numeral:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = digits[ch]
    return total + current


def int_to_cjk(number: int) -> str:
    """Return the Chinese numeral for 1–999 as used in heading labels (13 → "十三")."""
    if number <= 0:
        return str(number)
    hundreds, rest = divmod(number, 100)
    tens, ones = divmod(rest, 10)
    parts = []
    if hundreds:
        parts.append(CJK_DIGITS[hundreds] + "百")
        if tens == 0 and ones:
            parts.append("零")
    if tens:
        parts.append(("" if tens == 1 and not hundreds else CJK_DIGITS[tens]) + "十")
    if ones:
        parts.append(CJK_DIGITS[ones])
    return "".join(parts)


def canonical_label(level: int, number: int) -> str:
    """Return the GB/T 9704 label of `number` at heading `level` (1–4)."""
    if level == 1:
        return int_to_cjk(number) + "、"
    if level == 2:
        return "（" + int_to_cjk(number) + "）"
    if level == 3:
        return f"{number}."
    return f"（{number}）"


def ascii_digits(text: str) -> str:
    """Return `text` with full-width digits made ASCII (same length)."""
    return text.translate(_FULLWIDTH_DIGITS)


@dataclass(frozen=True, slots=True)
class Label:
    """A numbering label found at the start of a line."""

    level: int
    label: str
    number: int | None


_LEVEL_1 = re.compile(r"^([一二三四五六七八九十百]{1,4})、")
_LEVEL_2 = re.compile(r"^[（(]([一二三四五六七八九十]{0,3})[）)]")
_LEVEL_3 = re.compile(r"^(\d{1,2})(?:、|[.．](?!\d)|[.．](?=\d{4}年))")
_LEVEL_4 = re.compile(r"^[（(](\d{1,2})[）)]")
# `3.4月份…`: item 3 whose text starts with a number; only the list context can tell.
DECIMAL_START = re.compile(r"^(\d{1,2})[.．](?=\d)")


def find_label(text: str) -> Label | None:
    """Return the heading label at the start of `text`, if it has one.

    Decimals (`2.97亿元`), years (`2023年`), ranges (`1-9月`), circled numbers
    and `一是` are not labels.
    """
    plain = ascii_digits(text)
    for level, pattern in ((1, _LEVEL_1), (2, _LEVEL_2), (3, _LEVEL_3), (4, _LEVEL_4)):
        match = pattern.match(plain)
        if match is None:
            continue
        numeral = match.group(1)
        if level == 1 and cjk_to_int(numeral) is None:
            continue
        number = int(numeral) if level in (3, 4) else cjk_to_int(numeral)
        return Label(level=level, label=text[: match.end()], number=number)
    return None


def strip_paywall(text: str) -> str:
    """Return `text` without paywall marks glued to its start (they belong to another pass)."""
    return PAYWALL_PREFIX.sub("", text)


def ends_terminal(text: str) -> bool:
    """Tell whether `text` ends a sentence or phrase."""
    return bool(text) and text[-1] in TERMINAL


def has_cjk(text: str, at_least: int = 1) -> bool:
    """Tell whether `text` holds at least `at_least` CJK ideographs."""
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") >= at_least


def gap(before: Block, after: Block) -> int:
    """Return how many blank lines lie between two blocks of the input."""
    return max(0, after.lines.first - before.lines.last - 1)


def is_spaced(blocks: tuple[Block, ...] | list[Block]) -> bool:
    """Tell whether the input puts a blank line after every line (web dumps, PDF text).

    In such inputs one blank line separates nothing, so blank-line cues need two.
    """
    pairs = list(itertools.pairwise(blocks))
    if len(pairs) < 4:
        return False
    spaced = sum(1 for a, b in pairs if gap(a, b) >= 1)
    return spaced >= 0.7 * len(pairs)
