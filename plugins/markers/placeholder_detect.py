"""Find anonymization placeholders and give each a role from its context.

Recognised: runs of `X x Ｘ ｘ ×` (with a decimal point: `xxx.xx`), years
with masked digits (`20xx`), `○○…`, `**…`. Not placeholders: a run touching a
Latin letter (`Excel`, `index`, `VOCs`) or a digit (`7×24`, `3D`), except
`XX80MW` (an upper-case pair before a figure); a variable in a formula with
real terms (`5+X`, `1+7+N`); `X光`, `X线`, `X型`; a single `×`, which is only a
placeholder where its role is plain (`×月`); anything inside a URL.
`某` after a surname (`方某`) is kept as written and is not a placeholder.
A `**` pair around a phrase (`**运营平台**`) is Markdown bold, not two placeholders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .chars import char_at, is_digit, is_han, is_latin


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


PLACEHOLDER_CHARS = "XxＸｘ×*＊○"
TOKEN = re.compile(
    r"(?:19|20)(?:[Xx×]{2}|[*＊]{2})(?=[年\-—至~～])"
    r"|[Xx×Ｘｘ]+(?:\.[Xx×Ｘｘ]+)?"
    r"|○{2,}|[*＊]{2,}"
)
# Every TOKEN match holds one of these; most paragraphs hold none.
CANDIDATE = re.compile("[Xx×Ｘｘ○*＊]")
URL = re.compile(r"(?:https?://|www\.)[!-~]+")
FORMULA = re.compile(r"[0-9A-Za-zＸｘ×]+(?:\+[0-9A-Za-zＸｘ×]+)+")
ONLY_MARKS = re.compile(r"[Xx×Ｘｘ]+")
NOT_AFTER_SINGLE = set("光射线型轴")
# Markdown bold leaked into a page's text: `**运营平台**`. A redaction `**` stands
# alone where a word was cut (`综合整治**行动`), so only a well-formed pair is bold.
BOLD_PAIR = re.compile(r"(?<!\*)\*\*(?![*\s])([^*\n]{1,60}?)(?<![*\s])\*\*(?!\*)")
CLAUSE_PUNCTUATION = re.compile("[，。；：！？、,;:!?]")
BRACKET_PAIRS = ("《》", "“”", "（）", "()", "【】", "〔〕", "[]", "‘’", "「」")

PERSON_TITLES = _words(
    "副市长 市长 副县长 县长 副区长 区长 镇长 乡长 副书记 书记 副主任 主任 副局长 局长 "
    "副主席 主席 部长 处长 科长 所长 院长 校长 总经理 董事长 经理 同志 老师 医生 先生 女士"
)
PERSON_BEFORE = ("主任医师", "医师", "教授", "专家", "讲师", "记者")
PLACE_AFTER = _words(
    "开发区 新区 高新区 园区 片区 街道 社区 垦殖场 大道 大街 省 市 县 区 镇 乡 村 州 旗 盟 路 街"
)
# Slogans name a place whatever follows (`平安xx建设`, `美丽xx天蓝水清`: not 天 as a unit).
PLACE_SLOGAN = ("平安", "美丽", "幸福", "魅力", "生产在", "创新在", "生活在", "工作在")
PLACE_BEFORE = (*PLACE_SLOGAN, "在")
ORG_AFTER_LONG = _words(
    "派出所 公司 集团 医院 中学 小学 学校 大学 学院 银行 协会 商会 学会 委员会 中心 企业 "
    "制药 化工 科技 粮库 合作社 工厂 幼儿园 酒店 超市 公园 景区 项目 "
    "分局 分公司 分厅 分行 分院 分中心 分校 分所"
)
ORG_AFTER_SHORT = tuple("局厅办厂站馆部")
NUMBER_UNITS = _words(
    "万 亿 千 百 元 个 家 人 名 次 户 项 处 宗 条 份 场 篇 公斤 斤 吨 亩 平方 立方 余 多 件 辆 座 "
    "台 套 批 期 届 倍 公里 米 册 起 例 张 本 位 支 只 头 株 棵 间 栋 层 天 小时 分钟 分 周 岁 "
    "所 类 盏 床 幢 块 根 轮 课时 学时 标段 年 % ％ ‰ km m MW kW"
)
NOT_UNITS = ("篇章", "人民", "家园", "名片", "万达", "条例", "年代")
NUMBER_BEFORE = ("第", "达", "达到", "完成", "增长", "下降", "共", "约", "近", "超", "计", "为")
# Words ending in one of those characters that say nothing of a figure (`相约xx`).
NOT_NUMBER_BEFORE = _words("相约 预约 签约 制约 公约 节约 条约 合约 违约 履约 邀约 特约")
# `xx.xx世界无烟日`, `x·xx世界读书日`: a masked month and day before a named day.
NAMED_DAY = re.compile(r"^(?:世界|国际|全国|中国)[^\s，。；、“”（）]{1,8}?[日节]")
DOC_NUMBER_AFTER = re.compile(r"^[^，。；、\s]{0,6}[〔\[［]\d{4}[〕\]］]")
DATE_AFTER = re.compile(r"^(?:[\-—~～至到、][Xx×\d]{1,2})?[月日]|^[·.][Xx×\d]{1,2}")


@dataclass(frozen=True, slots=True)
class Placeholder:
    """One placeholder: `text[start:end]` with its role."""

    start: int
    end: int
    role: str
    original: str


def unify(token: str) -> str:
    """The `unify` shape: every masking character becomes ×, digits and dots stay."""
    return "".join("×" if c in PLACEHOLDER_CHARS else c for c in token)


def _in_formula(text: str, start: int, end: int) -> bool | None:
    """None when not in a `+` formula; else whether every term is a placeholder."""
    if char_at(text, start - 1) != "+" and char_at(text, end) != "+":
        return None
    for match in FORMULA.finditer(text):
        if match.start() <= start and end <= match.end():
            return all(ONLY_MARKS.fullmatch(term) for term in match.group().split("+"))
    return False


def _accepted(text: str, start: int, end: int, urls: list[tuple[int, int]]) -> bool:
    token = text[start:end]
    if token[0] in "*＊" and is_latin(char_at(text, start - 1)):
        return False  # a note mark after a word (`fair price**)`), not a cut word
    if token[0] in "○*＊" or token[:2] in ("19", "20"):
        return True
    before, after = char_at(text, start - 1), char_at(text, end)
    if any(s <= start < e for s, e in urls) or is_latin(before) or is_latin(after):
        return False
    formula = _in_formula(text, start, end)
    if formula is not None:
        return formula
    if is_digit(before) or before == ".":
        return False
    if is_digit(after) and not (len(token) >= 2 and (token.isupper() or set(token) == {"×"})):
        return False
    return not (len(token) == 1 and token in "XxＸｘ" and after in NOT_AFTER_SINGLE)


def _counted(after: str) -> bool:
    if after[:1] == "多" and is_han(after[1:2]):
        # `xx多人`, `xx多元。`, but `xx多恩科技` and `xx多元特色产业` name things.
        if after[1:2] == "元" and is_han(after[2:3]):
            return False
        return _counted(after[1:])
    return after.startswith(NUMBER_UNITS) and not after.startswith(NOT_UNITS)


def _named_day(token: str, before: str, after: str) -> bool:
    masked_date = ("." in token and len(token) <= 5) or before.endswith(("·", "."))
    return masked_date and NAMED_DAY.match(after) is not None


def _role(text: str, start: int, end: int) -> str:
    token, after, before = text[start:end], text[end : end + 8], text[max(0, start - 6) : start]
    if DOC_NUMBER_AFTER.match(text[end : end + 16]) or (
        before.endswith(("〕", "]", "］")) and after[:1] == "号"
    ):
        return "document_number"
    digits = len(token.replace(".", ""))
    if token[:2] in ("19", "20") or (after.startswith("年") and digits == 4):
        return "date"
    if DATE_AFTER.match(after) or _named_day(token, before, text[end : end + 12]):
        return "date"
    if after.startswith(PERSON_TITLES) or before.endswith(PERSON_BEFORE):
        return "person"
    if after.startswith(ORG_AFTER_LONG):
        return "organisation"
    if before.endswith(PLACE_SLOGAN) and "." not in token:
        return "place"
    if "." in token or before.endswith("第") or _counted(after):
        return "number"
    if after.startswith(PLACE_AFTER):
        return "place"
    if after.startswith(ORG_AFTER_SHORT):
        return "organisation"
    if before.endswith(PLACE_BEFORE) and not is_han(after[:1]):
        return "place"
    if (
        before.endswith(NUMBER_BEFORE)
        and not before.endswith(NOT_NUMBER_BEFORE)
        and not is_han(after[:1])
    ):
        return "number"
    return "unknown"


def _balanced(content: str) -> bool:
    return all(content.count(pair[0]) == content.count(pair[1]) for pair in BRACKET_PAIRS)


def bold_markers(text: str) -> set[int]:
    """Start offsets of the `**` that pair up as Markdown bold around a phrase.

    A pair encloses 1–60 characters with no space or `*` at its edges and
    balanced brackets and quotes. Between two ideographs with a clause break
    inside (`整治**行动方案》，正在清理**综合`) the two `**` are two cut words.
    """
    starts: set[int] = set()
    if "**" not in text:
        return starts
    for match in BOLD_PAIR.finditer(text):
        content = match.group(1)
        if not _balanced(content):
            continue
        enclosed_by_words = is_han(char_at(text, match.start() - 1)) and is_han(
            char_at(text, match.end())
        )
        if enclosed_by_words and CLAUSE_PUNCTUATION.search(content):
            continue
        starts.update((match.start(), match.end() - 2))
    return starts


def find_placeholders(text: str, before: str = "", after: str = "") -> list[Placeholder]:
    """Every placeholder in `text`, in order, with its role.

    `before` / `after` is the text the paragraph continues from / into (a run-in
    lead and its body): a bold pair may span the two.
    """
    if CANDIDATE.search(text) is None:
        return []
    urls = [m.span() for m in URL.finditer(text)]
    bold = {i - len(before) for i in bold_markers(before + text + after)}
    found = []
    for match in TOKEN.finditer(text):
        start, end = match.span()
        if start in bold or not _accepted(text, start, end, urls):
            continue
        role = _role(text, start, end)
        if match.group() == "×" and role == "unknown" and not _in_formula(text, start, end):
            continue
        found.append(Placeholder(start, end, role, match.group()))
    return found
