"""Censorship repair (order 500): `D` for 党, the stripped `G`, deleted leader names.

Some document shops replace 党 by `D`, strip every Latin `G` and delete the
names of leaders. The repair is gated per document and guarded per token:

- `D` → 党 only in a document where 党 is absent or rare (at most one per ten
  candidates) and at least three guarded `D` candidates stand in CJK text.
  A candidate `D` has no Latin letter or digit on either side (`DIP`, `04D`,
  `3D`, `CBD`), is not followed by a grade or class word (`D级`, `（D类）`,
  `D型`…), is not one of a list of letters (`C、D`) and touches a CJK character.
- The stripped `G` is restored from a small dictionary, only in documents
  that passed the `D` gate and contain no `G` at all (see `G_DICTIONARY`).
- A deleted leader name is reported as a finding, never filled in, in
  documents that never name 习近平.
Every repair is a `Change`; `Config.repair=False` (`--no-repair`) turns the
repairs off and keeps the findings.
"""

from __future__ import annotations

import re

from convert import Config, Document

from .chars import HAN_RANGES, char_at, is_cjk, is_digit, is_latin
from .textedit import Edit, Note, Outcome, all_texts, apply_edits, rewrite_texts

PASS_NAME = "censorship-repair"
PARTY_RULE = "d-for-party"
G_RULE = "stripped-g"
LEADER_RULE = "deleted-leader"
MIN_CANDIDATES = 3
CANDIDATES_PER_PARTY = 10
NOT_PARTY_AFTER = set("级类档型座栋区号轮等段楼款式")
NOT_PARTY_NEXT_TO = set("-_./&")

G_DICTIONARY: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"(?<![0-9A-Za-z.])5(基站|信号|网络|通信|技术|应用|专网|用户|手机|终端|产业)"),
        r"5G\1",
    ),
    (re.compile(rf"(?<![A-Za-z])DP(?![A-Za-z])(?=[{HAN_RANGES}，。、；）])"), "GDP"),
    (re.compile(r"(?<![A-Za-z])IS(系统|平台|数据|技术)"), r"GIS\1"),
)

LEADER_GAPS: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?<!习近平)新时代中国特色社会主义思想"),
    re.compile(r"以同志为核心"),
    re.compile(r"(?:学习|贯彻|践行|落实)(?:法治|强军|生态文明|外交|经济|文化)思想"),
    re.compile(r"(?:学习|贯彻|落实)(?:对|关于)[^，。；]{1,24}重要(?:讲话|指示|论述)"),
    re.compile(r"以关于[^，。；]{1,24}重要(?:讲话|指示|论述)"),
    re.compile(
        r"(?:学习|贯彻|落实)(?:视察|考察|来[^，。；]{1,3}考察)[^，。；]{0,8}重要(?:讲话|指示)"
    ),
    re.compile(r"(?:学习|贯彻|落实)重要(?:回信|讲话|指示)精神"),
)


def _list_letter(char: str) -> bool:
    """A letter of an `A、B、C、D` list (a D there is a D, not 党)."""
    return is_latin(char) and char != "D"


def is_party_d(text: str, index: int) -> bool:
    """True when the `D` at `text[index]` can stand for 党 (the per-token guard)."""
    before, after = char_at(text, index - 1), char_at(text, index + 1)
    if is_latin(before) or is_digit(before) or is_latin(after) or is_digit(after):
        return False
    if after in NOT_PARTY_AFTER or before in NOT_PARTY_NEXT_TO or after in NOT_PARTY_NEXT_TO:
        return False
    if before == "、" and _list_letter(char_at(text, index - 2)):
        return False
    if after == "、" and _list_letter(char_at(text, index + 2)):
        return False
    if text[max(0, index - 3) : index] == "维生素":
        return False
    return is_cjk(before) or is_cjk(after)


def party_candidates(text: str) -> list[int]:
    """Offsets of every guarded `D` in `text`."""
    return [i for i, c in enumerate(text) if c == "D" and is_party_d(text, i)]


def party_gate(texts: list[str]) -> bool:
    """The per-document gate: many guarded `D`, (almost) no 党."""
    candidates = sum(len(party_candidates(t)) for t in texts)
    party = sum(t.count("党") for t in texts)
    return candidates >= MIN_CANDIDATES and party * CANDIDATES_PER_PARTY <= candidates


def g_stripped(texts: list[str]) -> bool:
    """A document with no `G` anywhere (the shop strips every G)."""
    return not any("G" in t for t in texts)


def _g_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    for pattern, replacement in G_DICTIONARY:
        edits.extend(
            Edit(m.start(), m.end(), m.expand(replacement), G_RULE) for m in pattern.finditer(text)
        )
    return edits


def _leader_notes(text: str) -> list[Note]:
    notes: list[Note] = []
    for pattern in LEADER_GAPS:
        for match in pattern.finditer(text):
            notes.append(
                Note(LEADER_RULE, f"“{match.group()}”: a leader's name seems deleted here")
            )
    return notes


def repair_censorship(document: Document, config: Config) -> Document:
    """Pass: repair `D` for 党 and the stripped `G`; report deleted leader names."""
    texts = all_texts(document)
    repair_party = config.repair and party_gate(texts)
    repair_g = repair_party and g_stripped(texts)
    report_leaders = not any("习近平" in t for t in texts)
    if not (repair_party or report_leaders):
        return document

    def rule(text: str) -> Outcome:
        edits: list[Edit] = []
        if repair_party:
            edits = [Edit(i, i + 1, "党", PARTY_RULE) for i in party_candidates(text)]
        if repair_g:
            edits.extend(_g_edits(text))
        if not report_leaders:
            return Outcome(edits=edits)
        # Quote the repaired text in findings, as the user will see it.
        repaired = apply_edits(text, (), edits)[0] if edits else text
        return Outcome(edits=edits, notes=_leader_notes(repaired))

    return rewrite_texts(document, PASS_NAME, rule)
