"""Wire a source, the passes and a sink together. Nothing else lives here."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .adapters import Sink, Source, SourceInfo
from .config import Config
from .errors import ConfigError, ConvertError
from .host import Host, get_plugin_manager
from .model import Document

_HEAD_BYTES = 4096


@dataclass(slots=True)
class Converter:
    """A host plus a config: converts any number of inputs with the same settings.

    Build one per run and reuse it: the plugin manager is built once.
    """

    config: Config = field(default_factory=Config)
    host: Host = field(default_factory=get_plugin_manager)

    def __post_init__(self) -> None:
        self._check_names()
        self.host.pm.hook.gongwen_configure(config=self.config)

    def _check_names(self) -> None:
        """Refuse pass and extractor names that no plugin provides (a typo does nothing)."""
        known = {normalization.name for normalization in self.host.passes()}
        unknown = sorted(set(self.config.disable_passes) - known)
        if unknown:
            raise ConfigError(
                f"unknown pass {', '.join(map(repr, unknown))} in disable_passes "
                f"(passes: {', '.join(sorted(known))})"
            )
        extractors = self.host.extractors()
        name = self.config.extractor
        if extractors and name not in extractors:
            hint = "; install it with pip install 'gongwen-convert[trafilatura]'"
            raise ConfigError(
                f"unknown HTML extractor {name!r} (available: {', '.join(sorted(extractors))})"
                + (hint if name == "trafilatura" else "")
            )

    def source_for(self, data: bytes, info: SourceInfo, source_name: str | None = None) -> Source:
        """Return the named source adapter, or the one detected for this input."""
        if source_name is None:
            return self.host.detect_source(info, data[:_HEAD_BYTES])
        sources = self.host.sources()
        if source_name not in sources:
            raise ConfigError(
                f"unknown input format {source_name!r} (known: {', '.join(sorted(sources))})"
            )
        return sources[source_name]

    def parse(
        self,
        data: bytes,
        info: SourceInfo,
        source_name: str | None = None,
        normalize: bool | None = None,
    ) -> Document:
        """Read input bytes and run the passes over them.

        Passes run unless `normalize` is False; by default they are skipped for
        sources whose documents have been through them already (gongwen JSON).
        """
        source = self.source_for(data, info, source_name)
        document = source.read(data, info, self.config)
        if normalize is None:
            normalize = not source.normalized
        return self.normalize(document) if normalize else document

    def normalize(self, document: Document) -> Document:
        """Run every enabled pass, in order, over the document."""
        for normalization in self.host.passes(self.config.disable_passes):
            document = normalization.run(document, self.config)
        return document

    def sink(self, format_name: str) -> Sink:
        """Return the sink for a format name or file extension."""
        sinks = self.host.sinks()
        if format_name in sinks:
            return sinks[format_name]
        for sink in sinks.values():
            if format_name in sink.extensions:
                return sink
        raise ConfigError(
            f"unknown output format {format_name!r} (known: {', '.join(sorted(sinks))})"
        )

    def write(self, document: Document, format_name: str) -> bytes:
        """Render the document in the given format."""
        return self.sink(format_name).write(document, self.config)

    def convert_bytes(
        self,
        data: bytes,
        to: str,
        *,
        info: SourceInfo | None = None,
        source_name: str | None = None,
        normalize: bool | None = None,
    ) -> bytes:
        """Convert input bytes to output bytes in format `to`."""
        sink = self.sink(to)
        with _cycle_collection_deferred():
            document = self.parse(data, info or SourceInfo(path=None), source_name, normalize)
            return sink.write(document, self.config)

    def convert_file(
        self,
        path: str | Path,
        to: str,
        *,
        source_name: str | None = None,
        normalize: bool | None = None,
    ) -> bytes:
        """Read a file and convert it to format `to`."""
        info = info_for_path(path)
        return self.convert_bytes(
            read_input(path), to, info=info, source_name=source_name, normalize=normalize
        )


@contextmanager
def _cycle_collection_deferred() -> Iterator[None]:
    """Pause the cyclic garbage collector for one conversion.

    The model is acyclic (frozen dataclasses and tuples), so reference counting
    frees it; but a large document holds millions of objects and every full
    collection walks them all, which cost a quarter of the run time on 18 MB.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def info_for_path(path: str | Path) -> SourceInfo:
    """Describe a file input by its path."""
    suffix = Path(path).suffix
    return SourceInfo(path=str(path), extension=suffix[1:].lower() if suffix else "")


def read_input(path: str | Path) -> bytes:
    """Read a whole input file, turning OS errors into a one-line `ConvertError`."""
    try:
        return Path(path).read_bytes()
    except IsADirectoryError:
        raise ConvertError(f"{path}: is a directory") from None
    except OSError as error:
        raise ConvertError(f"{path}: cannot read: {error.strerror}") from None


def convert_bytes(
    data: bytes,
    to: str,
    *,
    config: Config | None = None,
    path: str | None = None,
    source: str | None = None,
) -> bytes:
    """Convert bytes to format `to` ("json", "md", "docx") with the installed plugins.

    `path` names the input in messages and picks the source by its extension;
    `source` names the source adapter outright.
    """
    info = info_for_path(path) if path else SourceInfo(path=None)
    converter = Converter(config=config or Config())
    return converter.convert_bytes(data, to, info=info, source_name=source)


def convert_file(path: str | Path, to: str, *, config: Config | None = None) -> bytes:
    """Convert a file to format `to` with the installed plugins and return the output bytes."""
    return Converter(config=config or Config()).convert_file(path, to)


def parse(
    data: bytes,
    *,
    config: Config | None = None,
    path: str | None = None,
    source: str | None = None,
) -> Document:
    """Read and normalize input bytes into a `Document` (no sink)."""
    info = info_for_path(path) if path else SourceInfo(path=None)
    return Converter(config=config or Config()).parse(data, info, source)
