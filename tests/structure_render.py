"""A compact, line-per-block rendering of a document for structure tests.

    [front] compilation_title 2: 2023年…汇编（8篇）
    == article 1: 区财政局…工作总结 (text)
    title 4: 区财政局…工作总结
    heading 6 L1 一、→一、 #1: 总体情况
    heading 9 L1 一、→一、 #1 O2: 重点任务 (outline level 2, under a section line)
    paragraph 7 lead L2 (一）→（一） #1 inferred: 标题。 | 正文…
    ~ join-lines/join 8-9: 国资国⏎企管理 → 国资国企管理
    ! numbering/gap 12: …

Changes (`~`) and findings (`!`) follow the blocks. `⏎` stands for a line
break inside a change.
"""

from __future__ import annotations

import re

from convert_plugins.structure import STRUCTURE_PASSES

from convert import Block, Config, Converter, Document, Numbering, get_plugin_manager

_OPTION = re.compile(r"\{(\w+)=(\w+)\}")


def _numbering(numbering: Numbering | None) -> str:
    if numbering is None:
        return ""
    number = "?" if numbering.number is None else str(numbering.number)
    inferred = " inferred" if numbering.inferred else ""
    return f" L{numbering.level} {numbering.label}→{numbering.canonical} #{number}{inferred}"


def render_block(block: Block) -> str:
    """Render one block on one line."""
    page = f" p.{block.page}" if block.page else ""
    if block.lead is not None:
        lead = block.lead
        return (
            f"{block.type} {block.lines} lead{_numbering(lead.numbering)}: "
            f"{lead.text} | {block.text}"
        )
    outline = f" O{block.outline_level}" if block.outline_level is not None else ""
    numbering = _numbering(block.numbering)
    return f"{block.type} {block.lines}{numbering}{outline}{page}: {block.text}"


def render(document: Document) -> str:
    """Render blocks, articles, changes and findings, one per line."""
    lines = [f"[front] {render_block(block)}" for block in document.front]
    for index, article in enumerate(document.articles, start=1):
        lines.append(f"== article {index}: {article.title or '-'} ({article.title_source})")
        lines.extend(render_block(block) for block in article.blocks)
    for change in document.changes:
        before, after = (s.replace("\n", "⏎") for s in (change.before, change.after))
        lines.append(f"~ {change.pass_name}/{change.rule} {change.lines}: {before} → {after}")
    for finding in document.findings:
        lines.append(f"! {finding.pass_name}/{finding.rule} {finding.lines}: {finding.message}")
    return "\n".join(lines)


def structure_only_converter(title: str = "") -> Converter:
    """A converter running only the structure passes, with options named in `title`.

    `{labels=renumber}` in a case title sets that option; other passes (markers,
    punctuation, placeholders) are disabled so that cases show this package alone.
    """
    host = get_plugin_manager(load_entrypoints=False)
    mine = {p.name for p in STRUCTURE_PASSES}
    others = tuple(p.name for p in host.passes() if p.name not in mine)
    options: dict[str, object] = dict(_OPTION.findall(title))
    config = Config(disable_passes=others, **options)  # type: ignore[arg-type]
    return Converter(config=config, host=host)


def parse_case_input(text: str) -> bytes:
    """Turn a case's input into file bytes: `\\t` stands for a TAB."""
    return (text.replace("\\t", "\t") + "\n").encode("utf-8")
