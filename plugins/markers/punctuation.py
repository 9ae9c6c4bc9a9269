"""Punctuation and spacing (order 600). Never NFKC, never a blanket conversion.

Rules (each its own `Change.rule`):
- `halfwidth-punctuation`: `, ; : ! ?` next to CJK text become `，；：！？`;
  not between two digits (`18,000`, `14:31`, `1:5`), not inside a URL.
- `parentheses`: a `( )` pair whose content holds a CJK ideograph, or a bare
  number in CJK text (`(3)完成`, `标准(2017)》`), becomes `（ ）` (mixed pairs
  such as `(一）` too); `(CIM)`, `9001(2015)版` stay.
- `book-title-nesting`: `<…>` inside `《…》` becomes `〈…〉`.
- `quotes`: straight and odd double quotes (`"`, `＂`, `″` not after a digit)
  become `“`/`”` by alternation within one paragraph, only when the marks
  pair up and agree with the curly quotes already there; otherwise a finding.
- `percent-sign`: `％` → `%`.
- `terminal-period`: a paragraph ending in `.` after a CJK ideograph ends in `。`.
- `stray-space`: spaces (also NBSP, EN SPACE, U+3000) between CJK characters, or
  between CJK and a Latin letter or digit, are removed; spaces between two
  ideographs inside quotes or 《》 are kept (slogans: “不忘初心 牢记使命”), and
  so is the space that ends a URL.
"""

from __future__ import annotations

import re

from convert import Config, Document

from .chars import HAN_CLASS, char_at, is_cjk, is_digit, is_han, is_latin
from .textedit import NOTHING, Edit, Note, Outcome, rewrite_texts

PASS_NAME = "punctuation"
FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
URL = re.compile(r"(?:https?://|www\.)[!-~]+")
SPACES = re.compile(r"[ \u00a0\u2002\u2003\u2009\u3000]+")
# Most paragraphs hold none of the characters a rule looks at: one regex scan
# per rule finds the candidates instead of a Python loop over every character.
_HALFWIDTH = re.compile("[,;:!?]")
_PARENTHESES = re.compile("[(（)）]")
_QUOTES = re.compile('["“”＂″]')  # straight, curly, full-width and double-prime quotes
_HAN = re.compile(HAN_CLASS)
_BOOK_TITLE = re.compile(r"《[^《》]*》")
_ANGLE_PAIR = re.compile(r"<([^<>]*)>")
_ITEM_NUMBER = re.compile(r"[0-9]{1,2}")
_BARE_NUMBER = re.compile(r"[0-9]{1,4}")
# A text holding none of these (and not ending in ".") gives no rule anything to do.
_ANY_TRIGGER = re.compile('[,;:!?()<"“”＂″％ \u00a0\u2002\u2003\u2009\u3000]')


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
    edits: list[Edit] = []
    han_text: bool | None = None
    for match in _HALFWIDTH.finditer(text):
        index, char = match.start(), match.group()
        if urls and _in_spans(index, urls):
            continue
        if (index and _HAN.match(text, index - 1)) or _HAN.match(text, index + 1):
            # Right next to an ideograph: every branch below converts (the common case).
            edits.append(Edit(index, index + 1, FULL_WIDTH[char], "halfwidth-punctuation"))
            continue
        before, after = _neighbour(text, index, -1), _neighbour(text, index, 1)
        if is_digit(before) and is_digit(after):
            continue
        if _latin_word(before) or _latin_word(after):
            convert = is_han(before) or is_han(after)  # `APP,提供` but not `world!”`
        else:
            if han_text is None and before and after:
                han_text = _HAN.search(text) is not None
            convert = is_cjk(before) or is_cjk(after) or bool(han_text and before and after)
        if convert:
            edits.append(Edit(index, index + 1, FULL_WIDTH[char], "halfwidth-punctuation"))
    return edits


def parenthesis_edits(text: str) -> list[Edit]:
    """Pairs of ( ) around CJK content → （ ）."""
    edits: list[Edit] = []
    if "(" not in text and ")" not in text:
        return edits  # only （ ） pairs, which stay
    stack: list[int] = []
    for match in _PARENTHESES.finditer(text):
        index, char = match.start(), match.group()
        if char in "(（":
            stack.append(index)
        elif stack:
            start = stack.pop()
            pair = text[start] + char
            if pair != "（）" and (
                _HAN.search(text, start + 1, index) is not None
                or _bare_number(
                    text[start + 1 : index], char_at(text, start - 1), char_at(text, index + 1)
                )
            ):
                if text[start] == "(":
                    edits.append(Edit(start, start + 1, "（", "parentheses"))
                if char == ")":
                    edits.append(Edit(index, index + 1, "）", "parentheses"))
    return edits


def _bare_number(content: str, before: str, after: str) -> bool:
    """A bracketed number in running CJK text.

    `(3)完成…` (an item number before an ideograph) and `标准(2017)》` (a number
    or year between an ideograph and CJK text or punctuation). `GB/T 4754(2017)`,
    `9001(2015)版` and `x(2)` are not in CJK text on both sides and stay.
    """
    if is_han(after) and _ITEM_NUMBER.fullmatch(content) is not None:
        return True
    return is_han(before) and is_cjk(after) and _BARE_NUMBER.fullmatch(content) is not None


def nesting_edits(text: str) -> list[Edit]:
    """`<…>` inside `《…》` → `〈…〉`."""
    edits: list[Edit] = []
    if "<" not in text or "《" not in text:
        return edits
    for outer in _BOOK_TITLE.finditer(text):
        for inner in _ANGLE_PAIR.finditer(outer.group()):
            if _HAN.search(inner.group(1)) is not None:
                start = outer.start() + inner.start()
                end = outer.start() + inner.end()
                edits.append(Edit(start, start + 1, "〈", "book-title-nesting"))
                edits.append(Edit(end - 1, end, "〉", "book-title-nesting"))
    return edits


def _quote_positions(text: str) -> list[int]:
    return [
        m.start()
        for m in _QUOTES.finditer(text)
        if not (m.group() == "″" and is_digit(char_at(text, m.start() - 1)))
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


def space_edits(
    text: str, protected: list[tuple[int, int]], urls: list[tuple[int, int]]
) -> list[Edit]:
    """Stray spaces inside CJK text; slogan spaces inside quotes stay, and so does the
    space that ends a URL (without it the text after would read as part of the URL)."""
    edits = []
    for match in SPACES.finditer(text):
        before, after = char_at(text, match.start() - 1), char_at(text, match.end())
        if not before or not after:
            continue
        if urls and _in_spans(match.start() - 1, urls):
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
    return [m.span() for m in _BOOK_TITLE.finditer(text)] if "《" in text else []


def normalize_punctuation(text: str) -> Outcome:
    """Every punctuation and spacing edit for one paragraph."""
    if _ANY_TRIGGER.search(text) is None and not text.endswith("."):
        return NOTHING
    urls = [m.span() for m in URL.finditer(text)]
    quotes, notes, quoted = quote_edits(text)
    edits = halfwidth_edits(text, urls) + parenthesis_edits(text) + nesting_edits(text) + quotes
    if "％" in text:
        edits += [Edit(m.start(), m.end(), "%", "percent-sign") for m in re.finditer("％", text)]
    if text.endswith(".") and is_han(char_at(text, len(text) - 2)):
        edits.append(Edit(len(text) - 1, len(text), "。", "terminal-period"))
    edits += space_edits(text, quoted + book_title_spans(text), urls)
    return Outcome(edits=edits, notes=notes)


def normalize_punctuation_pass(document: Document, config: Config) -> Document:
    """Pass: punctuation and spacing next to CJK text (off with `punctuation=False`)."""
    if not config.punctuation:
        return document
    return rewrite_texts(document, PASS_NAME, normalize_punctuation)
