"""JSON source and sink: the canonical, versioned dump of the document model.

The sink writes `convert.jsonform.to_json`; the source reads it back, marking
its source is marked `normalized`, so passes do not run over it again unless asked. JSON → JSON is
byte-identical.
"""

from __future__ import annotations

from collections.abc import Sequence

from convert import Config, Document, Sink, Source, SourceInfo, hookimpl
from convert.encoding import decode_bytes
from convert.jsonform import from_json, to_json_bytes


def read_json(data: bytes, info: SourceInfo, config: Config) -> Document:
    """Parse a gongwen JSON document."""
    text = decode_bytes(data, name=info.display_name, override=config.encoding).text
    return from_json(text, info.display_name)


def sniff_json(info: SourceInfo, head: bytes) -> bool:
    """Claim input that starts like a gongwen JSON document."""
    return head.lstrip().startswith(b"{") and b'"gongwen-json"' in head


def write_json(document: Document, config: Config) -> bytes:
    """Render the canonical JSON form (UTF-8, not ASCII-escaped)."""
    return to_json_bytes(document)


@hookimpl
def gongwen_sources() -> Sequence[Source]:
    """Register the JSON source."""
    return [
        Source(
            name="json",
            extensions=("json",),
            read=read_json,
            sniff=sniff_json,
            priority=10,
            normalized=True,
            shared_extension=True,
            description="gongwen JSON (the document model)",
        )
    ]


@hookimpl
def gongwen_sinks() -> Sequence[Sink]:
    """Register the JSON sink."""
    return [
        Sink(
            name="json",
            extensions=("json",),
            write=write_json,
            description="gongwen JSON (the document model, versioned)",
        )
    ]
