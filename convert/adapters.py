"""What plugins register: sources, passes and sinks.

Each is a small frozen record holding a name and a plain function, so a plugin
needs no base class (simonw/llm and markdown-it-py rules work the same way).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .config import Config
from .model import Document


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceInfo:
    """What is known about an input before it is read.

    `path` is None for standard input; `extension` is lower-case without the
    dot ("txt", "html"), "" when unknown; `declared_charset` is a charset named
    outside the bytes (an HTTP header), if any.
    """

    path: str | None
    extension: str = ""
    declared_charset: str | None = None

    @property
    def display_name(self) -> str:
        """Name the input as error messages do."""
        return self.path if self.path is not None else "<stdin>"


ReadFunction = Callable[[bytes, SourceInfo, Config], Document]
SniffFunction = Callable[[SourceInfo, bytes], bool]
PassFunction = Callable[[Document, Config], Document]
WriteFunction = Callable[[Document, Config], bytes]


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """A source adapter: turns bytes into a `Document`.

    `extensions` are the file endings it reads by default; `sniff` may claim an
    input by its first bytes when the ending says nothing (standard input).
    Lower `priority` wins among several candidates, then `name`.
    `normalized` sources skip the passes unless asked (gongwen JSON).
    """

    name: str
    extensions: tuple[str, ...]
    read: ReadFunction
    sniff: SniffFunction | None = None
    priority: int = 100
    normalized: bool = False
    """Its documents have been through the passes already (gongwen JSON)."""
    description: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Pass:
    """A normalization pass: a pure function from document to document.

    Passes run sorted by (`order`, `name`); leave gaps between orders so that
    plugins can slot in (see docs/writing-plugins.md for the built-in orders).
    """

    name: str
    order: int
    run: PassFunction
    description: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Sink:
    """A sink adapter: renders a `Document` as bytes in one format.

    `binary` sinks (DOCX) are never written to a terminal.
    """

    name: str
    extensions: tuple[str, ...]
    write: WriteFunction
    binary: bool = False
    description: str = ""
