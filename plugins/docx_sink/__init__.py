"""DOCX sink: Word output laid out by a profile (GB/T 9704-2012 by default)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from convert import Config, ConfigError, Document, Sink, hookimpl

from .profile import load_profile


def write_docx(document: Document, config: Config) -> bytes:
    """Render the document as a DOCX (see `writer.write_docx`)."""
    # Imported here: python-docx takes a tenth of a second to import, and a run that
    # writes JSON or Markdown should not pay for it.
    from .writer import write_docx as write

    return write(document, config)


@hookimpl
def gongwen_configure(config: Config) -> None:
    """Load the layout profile and look for the reference DOCX once, before any input.

    A broken profile file is then one error for the run, not one per file.
    """
    load_profile(config)
    if config.reference_docx and not Path(config.reference_docx).is_file():
        raise ConfigError(f"{config.reference_docx}: reference DOCX not found")


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
