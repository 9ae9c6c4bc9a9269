"""Site chrome (order 110): page heads and tails, ad blocks, preview headers, `阅读全文` tails.

Every rule is anchored to where such lines occur: a run of lines at the very
top (site name and date, 热门搜索, 当前位置 breadcrumb, the repeated page
title, 浏览数 / 发布时间 meta, the teaser, the preview header of a document
shop — of its `文汇系列NNNN--` title line only the series prefix goes) or a
run at the very end (推荐访问 keyword line, 相关文章, Top, the ad block
closing a paid compilation), and everything from a standalone `阅读全文` on
when only short lines that are not sentences (no final 。) follow it. The
same words inside the body stay. A removed line becomes a `Change` whose
`before` is the whole line.

The page title (a head line repeated within the head run) is the only name
such a page gives its document: its first copy stays, as a
`compilation_title` block, and becomes `meta.title`; the repeats go. The
front-matter pass (200) keeps it in the front matter when the document has
no compilation header of its own, and drops it (on record) when it has one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from convert import Block, Change, Config, Document, map_blocks

PASS_NAME = "site-chrome"
# A document shop's series number in front of the compilation title
# (`文汇系列5694--…汇编(85篇)`): only the prefix goes, the title stays for the
# front-matter pass.
PREFIX_RULE = "preview-series-prefix"
HEAD_WINDOW = 12
TAIL_WINDOW = 12
READ_MORE_WINDOW = 80
READ_MORE_MAX_LINE = 100

_DATE = r"\d{4}(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2})"
HEAD_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("site-header", re.compile(rf"^.{{0,40}}(?:www\.|https?://)\S+.{{0,20}}{_DATE}.{{0,20}}$")),
    ("search-box", re.compile(r"^[•·]?\s*热门搜索\s*[:：]?.{0,60}$")),
    ("breadcrumb", re.compile(r"^[•·]?\s*当前位置\s*[:：]?\s*首页.{0,80}$")),
    (
        "page-meta",
        re.compile(
            r"^(?:(?:浏览数|浏览次数|阅读数|阅读量|点击数|发布时间|更新时间|来源|作者)\s*[:：]"
            r"[\s\w:./-]{0,30}){1,4}$"
        ),
    ),
    (PREFIX_RULE, re.compile(r"^文汇系列\d+\s*-{1,2}(?=.{2,80}$)")),
    ("preview-header", re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d(?::\d\d)?(?: \d+)?$")),
    ("teaser", re.compile(r"^.{0,400}(?:以下是为大家整理的.{0,200}|欢迎大家前来参考查阅[!！]?)$")),
)
TAIL_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("page-tail", re.compile(r"^(?:Top|TOP|返回顶部)$")),
    ("page-tail", re.compile(r"^(?:相关文章|相关阅读|相关推荐)\s*[:：]?.{0,200}$")),
    ("page-tail", re.compile(r"^推荐访问\s*[:：].{0,400}$")),
    ("page-tail", re.compile(r"^(?:上一篇|下一篇)\s*[:：].{0,80}$")),
    ("ad", re.compile(r"^【[^】]{2,10}】\s*——.{0,300}$")),
    ("ad", re.compile(r"^欢迎加入.{0,30}会员.{0,300}$")),
)
HEAD_PATTERNS = dict(HEAD_RULES)
READ_MORE = re.compile(r"^(?:阅读全文|展开阅读全文|点击阅读全文)\s*(?:>>|»)?$")


def _first_match(text: str, rules: Sequence[tuple[str, re.Pattern[str]]]) -> str | None:
    for rule, pattern in rules:
        if pattern.match(text):
            return rule
    return None


def _head_drops(blocks: Sequence[Block]) -> dict[int, str]:
    window = blocks[:HEAD_WINDOW]
    if not any(_first_match(b.text, HEAD_RULES) for b in window):
        return {}
    repeated = {text for text, n in Counter(b.text for b in window).items() if n > 1}
    drops: dict[int, str] = {}
    for index, block in enumerate(window):
        rule = _first_match(block.text, HEAD_RULES)
        if rule is None and block.text in repeated and len(block.text) <= 80:
            rule = "page-title"
        if rule is None:
            break
        drops[index] = rule
    return drops


def _tail_drops(blocks: Sequence[Block], start: int) -> dict[int, str]:
    drops: dict[int, str] = {}
    for index in range(len(blocks) - 1, max(start, len(blocks) - TAIL_WINDOW) - 1, -1):
        rule = _first_match(blocks[index].text, TAIL_RULES)
        if rule is None:
            break
        drops[index] = rule
    return drops


def _read_more_drops(blocks: Sequence[Block]) -> dict[int, str]:
    first = max(0, len(blocks) - READ_MORE_WINDOW)
    for index in range(first, len(blocks)):
        if READ_MORE.match(blocks[index].text):
            rest = blocks[index + 1 :]
            if all(len(b.text) <= READ_MORE_MAX_LINE and not b.text.endswith("。") for b in rest):
                return dict.fromkeys(range(index, len(blocks)), "read-more-tail")
    return {}


def _repeated_headers(blocks: Sequence[Block], drops: dict[int, str]) -> dict[int, str]:
    """Later copies of a dropped (or prefix-stripped) page header: a preview repeats it."""
    headers = {
        blocks[i].text for i, rule in drops.items() if rule in ("preview-header", PREFIX_RULE)
    }
    return {
        i: "preview-header"
        for i, block in enumerate(blocks)
        if block.text in headers and i not in drops
    }


def chrome_drops(blocks: Sequence[Block]) -> dict[int, str]:
    """Return {index of block: rule} for every chrome line among `blocks` (reading order)."""
    drops = _head_drops(blocks)
    read_more = _read_more_drops(blocks)
    body_end = min(read_more, default=len(blocks))
    body_start = max(drops, default=-1) + 1
    drops.update(read_more)
    drops.update(_tail_drops(blocks[:body_end], body_start))
    drops.update(_repeated_headers(blocks, drops))
    return drops


def _strip_series_prefix(block: Block, changes: list[Change]) -> list[Block]:
    """`文汇系列5694--标题` → `标题`; the prefix is the change's `before`."""
    match = HEAD_PATTERNS[PREFIX_RULE].match(block.text)
    assert match is not None  # the block was chosen by this very pattern
    prefix = match.group()
    changes.append(
        Change(pass_name=PASS_NAME, rule=PREFIX_RULE, lines=block.lines, before=prefix, after="")
    )
    return [replace(block, text=block.text[len(prefix) :])]


def remove_chrome(document: Document, config: Config) -> Document:
    """Pass: drop site chrome, ad lines and preview headers/tails, auditing each line.

    A preview's series prefix is cut from its title line, which stays; the
    first copy of a repeated page title stays as a `compilation_title` block.
    """
    blocks = list(document.iter_blocks())
    drops = chrome_drops(blocks)
    if not drops:
        return document
    changes: list[Change] = []
    titles: list[str] = []
    counter = iter(range(len(blocks)))

    def drop(block: Block) -> list[Block] | None:
        index = next(counter)
        rule = drops.get(index)
        if rule is None:
            return None
        if rule == PREFIX_RULE:
            return _strip_series_prefix(block, changes)
        if rule == "page-title":
            titles.append(block.text)
            if len(titles) == 1:
                return [replace(block, type="compilation_title")]
        changes.append(
            Change(pass_name=PASS_NAME, rule=rule, lines=block.lines, before=block.text, after="")
        )
        return []

    result = map_blocks(document, drop)
    if titles and result.meta.title is None:
        result = replace(result, meta=replace(result.meta, title=titles[0]))
    return result.with_audit(tuple(changes))
