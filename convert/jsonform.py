"""The JSON form of the document model (docs/json-format.md, docs/gongwen.schema.json).

`to_json` and `from_json` are exact inverses: JSON → model → JSON is
byte-identical. Keys appear in a fixed order and optional keys are left out
when empty, so the output is stable and diffs stay small.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from .errors import SourceError
from .model import (
    BLOCK_TYPES,
    FORMAT_NAME,
    FORMAT_VERSION,
    Article,
    Block,
    BlockType,
    Change,
    Document,
    Finding,
    Lead,
    Mark,
    Meta,
    Numbering,
    Span,
)

JsonObject = dict[str, Any]


def to_json(document: Document) -> str:
    """Serialize a document as JSON text ending in a newline.

    The outline is indented; each block, change and finding (every object
    with "lines") sits on one line, which keeps files greppable and diffs small.
    """
    pieces: list[str] = []
    _dump(_document_dict(document, lazy=True), "", pieces.append)
    pieces.append("\n")
    return "".join(pieces)


def to_json_bytes(document: Document) -> bytes:
    """`to_json(document)` in UTF-8, without holding the whole text as `str` too.

    Pieces go straight into one growing buffer: joining half a million small
    `bytes` would need a transient index as large as the output.
    """
    buffer = io.BytesIO()
    write = buffer.write
    _dump(_document_dict(document, lazy=True), "", lambda piece: write(piece.encode()))
    write(b"\n")
    return buffer.getvalue()


def _one_line_encoder() -> Callable[[Any], str]:
    """Return a function encoding one value on one line, as `JSONEncoder.encode` does.

    `JSONEncoder.encode` builds a new C encoder on every call, which costs more
    than encoding a block; a document has one call per block, change and finding,
    so the C encoder is built once here (where the interpreter has one).
    """
    encoder = json.JSONEncoder(ensure_ascii=False)
    try:
        from _json import make_encoder
    except ImportError:  # pragma: no cover - interpreters without the C accelerator
        return encoder.encode
    encode_chunks = make_encoder(
        None,  # no circular check: the model is acyclic
        encoder.default,
        json.encoder.encode_basestring,
        None,
        encoder.key_separator,
        encoder.item_separator,
        False,
        False,
        True,
    )
    return lambda value: "".join(encode_chunks(value, 0))


_ENCODE = _one_line_encoder()


def _dump(value: Any, indent: str, add: Callable[[str], object]) -> None:
    """Pass the JSON of `value` to `add` piece by piece (joined once: no copy per level).

    Blocks, changes and findings may come as model objects: each is converted
    and encoded on its own line, so the dicts of the whole document never exist
    at once.
    """
    if isinstance(value, dict) and value and "lines" not in value:
        inner = indent + " "
        separator = "{\n"
        for key, item in value.items():
            add(f"{separator}{inner}{_ENCODE(key)}: ")
            _dump(item, inner, add)
            separator = ",\n"
        add("\n" + indent + "}")
    elif isinstance(value, list) and value and _has_objects(value[0]):
        inner = indent + " "
        separator = "[\n" + inner
        for item in value:
            to_dict = _LINE_OBJECTS.get(type(item))
            if to_dict is not None:
                add(separator + _ENCODE(to_dict(item)))
            elif isinstance(item, dict) and "lines" in item:
                add(separator + _ENCODE(item))  # a block, change or finding: one line
            else:
                add(separator)
                _dump(item, inner, add)
            separator = ",\n" + inner
        add("\n" + indent + "]")
    else:
        add(_ENCODE(value))


def _has_objects(item: Any) -> bool:
    return isinstance(item, dict) or type(item) in _LINE_OBJECTS


def from_json(text: str, name: str = "<json>") -> Document:
    """Parse the JSON form back into a document, or raise `SourceError`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SourceError(f"{name}: invalid JSON at line {error.lineno}: {error.msg}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise SourceError(f'{name}: not a {FORMAT_NAME} document (no "format": "{FORMAT_NAME}")')
    if data.get("version") != FORMAT_VERSION:
        raise SourceError(
            f"{name}: {FORMAT_NAME} version {data.get('version')!r} is not supported "
            f"(this gongwen reads version {FORMAT_VERSION})"
        )
    try:
        return document_from_dict(data)
    except (KeyError, TypeError, ValueError) as error:
        raise SourceError(f"{name}: malformed {FORMAT_NAME} document: {error!r}") from None


def document_to_dict(document: Document) -> JsonObject:
    """Return the JSON-ready dict of a document."""
    return _document_dict(document, lazy=False)


def _document_dict(document: Document, lazy: bool) -> JsonObject:
    """With `lazy`, blocks, changes and findings stay model objects (see `_dump`)."""

    def items(objects: Sequence[Any]) -> list[Any]:
        return list(objects) if lazy else [_LINE_OBJECTS[type(o)](o) for o in objects]

    articles = []
    for article in document.articles:
        outline: JsonObject = {"title": article.title}
        _put(outline, "title_source", article.title_source)
        outline["blocks"] = items(article.blocks)
        articles.append(outline)
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "meta": _meta_to_dict(document.meta),
        "front": items(document.front),
        "articles": articles,
        "changes": items(document.changes),
        "findings": items(document.findings),
    }


def document_from_dict(data: Mapping[str, Any]) -> Document:
    """Build a document from its JSON dict (the inverse of `document_to_dict`)."""
    return Document(
        meta=_meta_from_dict(data["meta"]),
        front=tuple(block_from_dict(item) for item in data["front"]),
        articles=tuple(_article_from_dict(item) for item in data["articles"]),
        changes=tuple(_change_from_dict(item) for item in data["changes"]),
        findings=tuple(_finding_from_dict(item) for item in data["findings"]),
    )


def _put(target: JsonObject, key: str, value: Any) -> None:
    if value is not None and value != () and value is not False and value != {}:
        target[key] = value


def _meta_to_dict(meta: Meta) -> JsonObject:
    result: JsonObject = {}
    _put(result, "source_path", meta.source_path)
    _put(result, "source_adapter", meta.source_adapter)
    _put(result, "encoding", meta.encoding)
    _put(result, "encoding_reason", meta.encoding_reason)
    _put(result, "title", meta.title)
    _put(result, "extra", dict(meta.extra))
    return result


def _meta_from_dict(data: Mapping[str, Any]) -> Meta:
    return Meta(
        source_path=data.get("source_path"),
        source_adapter=data.get("source_adapter"),
        encoding=data.get("encoding"),
        encoding_reason=data.get("encoding_reason"),
        title=data.get("title"),
        extra={str(k): str(v) for k, v in data.get("extra", {}).items()},
    )


def _span_to_list(span: Span) -> list[int]:
    return [span.first, span.last]


def _span_from_list(value: Any) -> Span:
    first, last = value
    return Span(first=int(first), last=int(last))


def _numbering_to_dict(numbering: Numbering | None, target: JsonObject) -> None:
    if numbering is None:
        return
    target["level"] = numbering.level
    _put(target, "number", numbering.number)
    target["label"] = numbering.label
    _put(target, "canonical_label", numbering.canonical)
    _put(target, "inferred", numbering.inferred)


def _numbering_from_dict(data: Mapping[str, Any]) -> Numbering | None:
    if "level" not in data:
        return None
    return Numbering(
        level=int(data["level"]),
        label=str(data["label"]),
        number=data.get("number"),
        canonical=data.get("canonical_label"),
        inferred=bool(data.get("inferred", False)),
    )


def _mark_to_dict(mark: Mark) -> JsonObject:
    result: JsonObject = {"start": mark.start, "end": mark.end, "kind": mark.kind}
    _put(result, "role", mark.role)
    _put(result, "original", mark.original)
    return result


def _mark_from_dict(data: Mapping[str, Any]) -> Mark:
    return Mark(
        start=int(data["start"]),
        end=int(data["end"]),
        kind=str(data["kind"]),
        role=data.get("role"),
        original=data.get("original"),
    )


def _lead_to_dict(lead: Lead) -> JsonObject:
    result: JsonObject = {"text": lead.text}
    _numbering_to_dict(lead.numbering, result)
    _put(result, "marks", [_mark_to_dict(mark) for mark in lead.marks] or None)
    return result


def _lead_from_dict(data: Mapping[str, Any]) -> Lead:
    return Lead(
        text=str(data["text"]),
        numbering=_numbering_from_dict(data),
        marks=tuple(_mark_from_dict(item) for item in data.get("marks", ())),
    )


def block_to_dict(block: Block) -> JsonObject:
    """Return the JSON-ready dict of one block."""
    result: JsonObject = {
        "type": block.type,
        "text": block.text,
        "lines": _span_to_list(block.lines),
    }
    _numbering_to_dict(block.numbering, result)
    if block.lead is not None:
        result["lead"] = _lead_to_dict(block.lead)
    _put(result, "marks", [_mark_to_dict(mark) for mark in block.marks] or None)
    if block.rows is not None:
        result["rows"] = [list(row) for row in block.rows]
    _put(result, "page", block.page)
    _put(result, "outline_level", block.outline_level)
    return result


def block_from_dict(data: Mapping[str, Any]) -> Block:
    """Build one block from its JSON dict."""
    block_type = data["type"]
    if block_type not in BLOCK_TYPES:
        raise ValueError(f"unknown block type {block_type!r}")
    rows = data.get("rows")
    return Block(
        type=cast(BlockType, block_type),
        text=str(data["text"]),
        lines=_span_from_list(data["lines"]),
        numbering=_numbering_from_dict(data),
        lead=_lead_from_dict(data["lead"]) if "lead" in data else None,
        marks=tuple(_mark_from_dict(item) for item in data.get("marks", ())),
        rows=None if rows is None else tuple(tuple(str(c) for c in row) for row in rows),
        page=data.get("page"),
        outline_level=data.get("outline_level"),
    )


def _article_from_dict(data: Mapping[str, Any]) -> Article:
    return Article(
        title=data.get("title"),
        title_source=data.get("title_source"),
        blocks=tuple(block_from_dict(item) for item in data["blocks"]),
    )


def _change_to_dict(change: Change) -> JsonObject:
    return {
        "pass": change.pass_name,
        "rule": change.rule,
        "lines": _span_to_list(change.lines),
        "before": change.before,
        "after": change.after,
    }


def _change_from_dict(data: Mapping[str, Any]) -> Change:
    return Change(
        pass_name=str(data["pass"]),
        rule=str(data["rule"]),
        lines=_span_from_list(data["lines"]),
        before=str(data["before"]),
        after=str(data["after"]),
    )


def _finding_to_dict(finding: Finding) -> JsonObject:
    return {
        "pass": finding.pass_name,
        "rule": finding.rule,
        "lines": _span_to_list(finding.lines),
        "message": finding.message,
        "severity": finding.severity,
    }


def _finding_from_dict(data: Mapping[str, Any]) -> Finding:
    severity = data.get("severity", "warning")
    if severity not in ("info", "warning"):
        raise ValueError(f"unknown severity {severity!r}")
    return Finding(
        pass_name=str(data["pass"]),
        rule=str(data["rule"]),
        lines=_span_from_list(data["lines"]),
        message=str(data["message"]),
        severity=severity,
    )


# The objects that sit on one line each in the JSON form.
_LINE_OBJECTS: dict[type, Callable[[Any], JsonObject]] = {
    Block: block_to_dict,
    Change: _change_to_dict,
    Finding: _finding_to_dict,
}
