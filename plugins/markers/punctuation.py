"""Punctuation and spacing (order 600). Never NFKC, never a blanket conversion.

Rules (each its own `Change.rule`):
- `halfwidth-punctuation`: `, ; : ! ?` next to CJK text become `，；：！？`;
  not between two digits (`18,000`, `14:31`, `1:5`), not inside a URL.
- `parentheses`: a `( )` pair whose content holds a CJK ideograph becomes
  `（ ）` (mixed pairs such as `(一）` too); `(CIM)`, `(2)` stay.
- `book-title-nesting`: `<…>` inside `《…》` becomes `〈…〉`.
- `quotes`: straight and odd double quotes (`"`, `＂`, `″` not after a digit)
  become `“`/`”` by alternation within one paragraph, only when the marks
  pair up and agree with the curly quotes already there; otherwise a finding.
- `percent-sign`: `％` → `%`.
- `terminal-period`: a paragraph ending in `.` after a CJK ideograph ends in `。`.
- `stray-space`: spaces (also NBSP, EN SPACE, U+3000) between CJK characters, or
  between CJK and a Latin letter or digit, are removed; spaces between two
  ideographs inside quotes or 《》 are kept (slogans: “不忘初心 牢记使命”).
"""

from __future__ import annotations

import re

from convert import Config, Document

from .chars import char_at, is_cjk, is_digit, is_han, is_latin
from .textedit import Edit, Note, Outcome, rewrite_texts

PASS_NAME = "punctuation"
FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
URL = re.compile(r"(?:https?://|www\.)[!-~]+")
SPACES = re.compile(r"[ \u00a0\u2002\u2003\u2009\u3000]+")
QUOTE_CHARS = {'"', "“", "”", "＂", "″"}


def _in_spans(index: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= index < end for start, end in spans)


def _neighbour(text: str, index: int, step: int) -> str:
    index += step
    while 0 <= index < len(text) and text[index] in " \u00a0\u2002\u3000":
        index += step
    return char_at(text, index)


def _latin_word(char: str) -> bool:
    # x and X are the anonymizers' digits (`xx,8月`), not the end of a Latin word.
    return is_latin(char) and char not in "xXｘＸ"


def halfwidth_edits(text: str, urls: list[tuple[int, int]]) -> list[Edit]:
    """`, ; : ! ?` in CJK text → full width; not between digits, in URLs or Latin phrases."""
    edits = []
    han_text = any(is_han(c) for c in text)
    for index, char in enumerate(text):
        if char not in FULL_WIDTH or _in_spans(index, urls):
            continue
        before, after = _neighbour(text, index, -1), _neighbour(text, index, 1)
        if is_digit(before) and is_digit(after):
            continue
        if _latin_word(before) or _latin_word(after):
            convert = is_han(before) or is_han(after)  # `APP,提供` but not `world!”`
        else:
            convert = is_cjk(before) or is_cjk(after) or (han_text and bool(before and after))
        if convert:
            edits.append(Edit(index, index + 1, FULL_WIDTH[char], "halfwidth-punctuation"))
    return edits


def parenthesis_edits(text: str) -> list[Edit]:
    """Pairs of ( ) around CJK content → （ ）."""
    edits: list[Edit] = []
    stack: list[int] = []
    for index, char in enumerate(text):
        if char in "(（":
            stack.append(index)
        elif char in ")）" and stack:
            start = stack.pop()
            pair = text[start] + char
            content = text[start + 1 : index]
            if pair != "（）" and (
                any(is_han(c) for c in content) or _enumerator(content, char_at(text, index + 1))
            ):
                if text[start] == "(":
                    edits.append(Edit(start, start + 1, "（", "parentheses"))
                if char == ")":
                    edits.append(Edit(index, index + 1, "）", "parentheses"))
    return edits


def _enumerator(content: str, after: str) -> bool:
    """`(3)完成…`: a bracketed item number in running CJK text."""
    return is_han(after) and re.fullmatch(r"[0-9]{1,2}", content) is not None


def nesting_edits(text: str) -> list[Edit]:
    """`<…>` inside `《…》` → `〈…〉`."""
    edits: list[Edit] = []
    for outer in re.finditer(r"《[^《》]*》", text):
        for inner in re.finditer(r"<([^<>]*)>", outer.group()):
            if any(is_han(c) for c in inner.group(1)):
                start = outer.start() + inner.start()
                end = outer.start() + inner.end()
                edits.append(Edit(start, start + 1, "〈", "book-title-nesting"))
                edits.append(Edit(end - 1, end, "〉", "book-title-nesting"))
    return edits


def _quote_positions(text: str) -> list[int]:
    return [
        i
        for i, c in enumerate(text)
        if c in QUOTE_CHARS and not (c == "″" and is_digit(char_at(text, i - 1)))
    ]


def quote_edits(text: str) -> tuple[list[Edit], list[Note], list[tuple[int, int]]]:
    """Pair double quotes by alternation; return edits, notes and the quoted spans."""
    positions = _quote_positions(text)
    ambiguous = [i for i in positions if text[i] not in "“”"]
    agrees = all(
        text[i] not in "“”" or text[i] == ("“" if n % 2 == 0 else "”")
        for n, i in enumerate(positions)
    )
    if len(positions) % 2 == 0 and agrees:
        spans = [(positions[n], positions[n + 1]) for n in range(0, len(positions), 2)]
        edits = [
            Edit(i, i + 1, "“" if positions.index(i) % 2 == 0 else "”", "quotes") for i in ambiguous
        ]
        return edits, [], spans
    if ambiguous:
        note = Note("quotes", "quotation marks do not pair up; left as written", "info")
        return [], [note], []
    return [], [Note("quotes", "unbalanced quotation marks", "info")], []


def _cjk_like(char: str, other: str) -> bool:
    return is_cjk(char) or (char in FULL_WIDTH and is_han(other))


def space_edits(text: str, protected: list[tuple[int, int]]) -> list[Edit]:
    """Stray spaces inside CJK text; slogan spaces inside quotes stay."""
    edits = []
    for match in SPACES.finditer(text):
        before, after = char_at(text, match.start() - 1), char_at(text, match.end())
        if not before or not after:
            continue
        if is_han(before) and is_han(after) and _in_spans(match.start(), protected):
            continue
        # Half-width marks next to an ideograph turn full-width in this pass.
        cjk_both = _cjk_like(before, after) and _cjk_like(after, before)
        mixed = (is_han(before) and (is_latin(after) or is_digit(after))) or (
            is_han(after) and (is_latin(before) or is_digit(before))
        )
        if cjk_both or mixed:
            edits.append(Edit(match.start(), match.end(), "", "stray-space"))
    return edits


def book_title_spans(text: str) -> list[tuple[int, int]]:
    """Spans of 《…》 titles."""
    return [m.span() for m in re.finditer(r"《[^《》]*》", text)]


def normalize_punctuation(text: str) -> Outcome:
    """Every punctuation and spacing edit for one paragraph."""
    urls = [m.span() for m in URL.finditer(text)]
    quotes, notes, quoted = quote_edits(text)
    edits = halfwidth_edits(text, urls) + parenthesis_edits(text) + nesting_edits(text) + quotes
    edits += [Edit(m.start(), m.end(), "%", "percent-sign") for m in re.finditer("％", text)]
    if text.endswith(".") and is_han(char_at(text, len(text) - 2)):
        edits.append(Edit(len(text) - 1, len(text), "。", "terminal-period"))
    edits += space_edits(text, quoted + book_title_spans(text))
    return Outcome(edits=edits, notes=notes)


def normalize_punctuation_pass(document: Document, config: Config) -> Document:
    """Pass: punctuation and spacing next to CJK text (off with `punctuation=False`)."""
    if not config.punctuation:
        return document
    return rewrite_texts(document, PASS_NAME, normalize_punctuation)
