"""The document model: what sources produce, passes rewrite and sinks render.

Every type is a frozen, slotted, keyword-only dataclass with tuple children, so a
pass can never change a document in place: it returns a new one (use
`dataclasses.replace`). The JSON form of this model is documented in
`docs/json-format.md`; `convert.jsonform` converts both ways.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

FORMAT_NAME = "gongwen-json"
FORMAT_VERSION = 1

BlockType = Literal[
    "compilation_title",  # 汇编 header: "…工作总结汇编（8篇）"
    "toc_title",  # the line "目录"
    "toc_entry",  # one 目录 entry; `page` holds its page number when given
    "title",  # an article's title line
    "heading",  # a numbered or unnumbered section heading; see `numbering`
    "paragraph",  # body text; a run-in heading is a paragraph with a `lead`
    "list_item",  # a numbered statement that is not a heading
    "salutation",  # "各位代表：" on its own line
    "signature",  # the issuing body at the end of an article
    "date",  # the date under the signature
    "table",  # `rows` holds the cells
    "blockquote",
]

BLOCK_TYPES: tuple[BlockType, ...] = BlockType.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A range of 1-based physical lines of the input, both ends included."""

    first: int
    last: int

    def __post_init__(self) -> None:
        if self.first < 0 or self.last < self.first:
            raise ValueError(f"bad line span {self.first}-{self.last}")

    def merge(self, other: Span) -> Span:
        """Return the smallest span covering both."""
        return Span(first=min(self.first, other.first), last=max(self.last, other.last))

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}-{self.last}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Mark:
    """An annotation over `text[start:end]` of the block (or lead) that holds it.

    `kind` is "placeholder" for anonymization placeholders; `role` says what the
    placeholder stands for and `original` is the text as the source wrote it.
    """

    start: int
    end: int
    kind: str
    role: str | None = None
    original: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Numbering:
    """The number in front of a heading or list item.

    `label` is exactly what the source wrote ("(一）", "1、", "()"); `canonical`
    is the GB/T 9704 form for its level ("（一）", "1.", "（二）"); `number` is
    the integer value and `inferred` says it was worked out from position
    because the source had lost it.
    """

    level: int
    label: str
    number: int | None = None
    canonical: str | None = None
    inferred: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Lead:
    """The heading phrase at the start of a run-in paragraph ("（一）标题。正文…")."""

    text: str
    numbering: Numbering | None = None
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """One block of a document.

    `text` never includes the numbering label of a heading (see `numbering`)
    nor the lead of a run-in paragraph (see `lead`). `lines` is where the block
    came from in the input. `outline_level` (1–4) is where a heading sits in
    the document outline when that differs from its label's level (the `一、`
    headings under an unnumbered section line sit at 2); None means "the
    label's level".
    """

    type: BlockType
    text: str
    lines: Span
    numbering: Numbering | None = None
    lead: Lead | None = None
    marks: tuple[Mark, ...] = ()
    rows: tuple[tuple[str, ...], ...] | None = None
    page: str | None = None
    outline_level: int | None = None

    @property
    def level(self) -> int | None:
        """Outline level 1–4: `outline_level` when set, else the label's level, else None."""
        if self.outline_level is not None:
            return self.outline_level
        return self.numbering.level if self.numbering else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One article of a compilation (or the whole body of a single document).

    `title_source` is "text" when the title line is in the body, "toc" when it
    came from the table of contents, "missing" when the source has none (it
    is never invented), and None before article splitting ran.
    """

    title: str | None
    blocks: tuple[Block, ...]
    title_source: Literal["text", "toc", "missing"] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Change:
    """One entry of the audit trail: what a pass dropped, joined or rewrote.

    `before` holds every character that left the text, so that nothing is
    silently lost; `after` is what replaced it ("" for a drop).
    """

    pass_name: str
    rule: str
    lines: Span
    before: str
    after: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """Something a pass noticed and did not (or could not) fix: a numbering gap,
    a placeholder left unfilled, a suspect spot."""

    pass_name: str
    rule: str
    lines: Span
    message: str
    severity: Literal["info", "warning"] = "warning"


@dataclass(frozen=True, slots=True, kw_only=True)
class Meta:
    """Where the document came from and how it was decoded."""

    source_path: str | None = None
    source_adapter: str | None = None
    encoding: str | None = None
    encoding_reason: str | None = None
    title: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """A whole document: front matter (compilation header, 目录), articles, audit."""

    meta: Meta
    articles: tuple[Article, ...]
    front: tuple[Block, ...] = ()
    changes: tuple[Change, ...] = ()
    findings: tuple[Finding, ...] = ()

    def iter_blocks(self) -> Iterator[Block]:
        """Yield every block, front matter first, in reading order."""
        yield from self.front
        for article in self.articles:
            yield from article.blocks

    def with_audit(
        self, changes: Iterable[Change] = (), findings: Iterable[Finding] = ()
    ) -> Document:
        """Return a copy with `changes` and `findings` (any iterables) appended to the audit."""
        changes, findings = tuple(changes), tuple(findings)
        if not changes and not findings:
            return self
        return replace(self, changes=self.changes + changes, findings=self.findings + findings)


def single_article_document(meta: Meta, blocks: tuple[Block, ...]) -> Document:
    """Return a document whose body is one article without a title (what sources make)."""
    return Document(meta=meta, articles=(Article(title=None, blocks=blocks),))


def labelled(numbering: Numbering | None, text: str, canonical: bool = False) -> str:
    """Return `text` with its numbering label in front, as a reader sees it.

    With `canonical`, the GB/T 9704 label replaces the one the source wrote.
    """
    if numbering is None:
        return text
    label = numbering.label
    if canonical and numbering.canonical:
        label = numbering.canonical
    return label + text
