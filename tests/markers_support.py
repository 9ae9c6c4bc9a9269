"""Helpers for the marker tests: run only the marker passes and render the result as lines."""

from __future__ import annotations

from dataclasses import replace

from convert import Block, Config, Converter, Document, Mark, SourceInfo, get_plugin_manager

MARKER_PASSES = (
    "paywall-marks",
    "site-chrome",
    "dangling-footnotes",
    "url-escapes",
    "censorship-repair",
    "punctuation",
    "placeholders",
)


def marker_converter(config: Config) -> Converter:
    """A converter whose only passes are the marker passes (the rules in isolation)."""
    host = get_plugin_manager(load_entrypoints=False)
    others = tuple(p.name for p in host.passes() if p.name not in MARKER_PASSES)
    return Converter(config=replace(config, disable_passes=others), host=host)


def parse_title_config(title: str) -> Config:
    """`[placeholders=keep repair=false] title` → the config those settings describe."""
    settings: dict[str, object] = {}
    if title.startswith("["):
        for item in title[1 : title.index("]")].split():
            key, value = item.split("=", 1)
            settings[key] = {"true": True, "false": False}.get(value, value)
    return Config(**settings)  # type: ignore[arg-type]


def show_marks(text: str, marks: tuple[Mark, ...]) -> str:
    """Text with each mark shown as ⟦text|role⟧ (⟦text|filled:role⟧ for filled ones)."""
    pieces, position = [], 0
    for mark in sorted(marks, key=lambda m: m.start):
        tag = mark.role if mark.kind == "placeholder" else f"{mark.kind}:{mark.role}"
        pieces += [text[position : mark.start], f"⟦{text[mark.start : mark.end]}|{tag}⟧"]
        position = mark.end
    return "".join([*pieces, text[position:]])


def block_line(block: Block) -> str:
    """One block as a line: lead (if any), a vertical bar, then the text."""
    text = show_marks(block.text, block.marks)
    if block.lead is not None:
        return show_marks(block.lead.text, block.lead.marks) + "|" + text
    return text


def _shown(text: str) -> str:
    """Audit text on one line: ⏎ for a line break, ∅ for nothing, ␣ for a space."""
    return text.replace("\n", "⏎").replace(" ", "␣") or "∅"


def render(document: Document) -> list[str]:
    """Block lines, then `~ rule: before → after` per change, then `? rule` per finding."""
    lines = [block_line(block) for block in document.iter_blocks()]
    audit = [f"~ {c.rule}: {_shown(c.before)} → {_shown(c.after)}" for c in document.changes]
    audit += [f"? {f.rule}" for f in document.findings]
    folded: list[str] = []
    count = 0
    for index, line in enumerate(audit):
        count += 1
        if index + 1 < len(audit) and audit[index + 1] == line:
            continue
        folded.append(line + (f" ×{count}" if count > 1 else ""))
        count = 0
    return lines + folded


def run_case(text: str, config: Config) -> list[str]:
    """Run the marker passes over `text` (a plain-text file) and render the outcome."""
    converter = marker_converter(config)
    document = converter.parse(text.encode("utf-8"), SourceInfo(path="case.txt", extension="txt"))
    return render(document)
