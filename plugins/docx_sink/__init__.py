"""DOCX sink: Word output laid out by a profile (GB/T 9704-2012 by default)."""

from __future__ import annotations

from collections.abc import Sequence

from convert import Sink, hookimpl

from .writer import write_docx


@hookimpl
def gongwen_sinks() -> Sequence[Sink]:
    """Register the DOCX sink."""
    return [
        Sink(
            name="docx",
            extensions=("docx",),
            write=write_docx,
            binary=True,
            description="Word document in a layout profile (default gbt9704)",
        )
    ]
