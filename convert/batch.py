"""Convert many inputs: plan output paths, run in parallel, never stop at a bad file.

This layer sits above the pipeline: it knows about files and directories,
the pipeline only about bytes and documents.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .adapters import Source, SourceInfo
from .config import Config
from .errors import ConvertError
from .outputs import unique_path, write_atomically
from .pipeline import Converter, info_for_path, read_input
from .split import split_document, split_paths

STDIO = "-"


@dataclass(frozen=True, slots=True)
class Job:
    """One input and where its output goes (`STDIO` for standard output)."""

    input: str
    output: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """How one job ended: `error` is None on success."""

    job: Job
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Settings:
    """What every job of a run shares (picklable, for worker processes)."""

    config: Config
    to: str
    source_name: str | None = None
    disabled_plugins: tuple[str, ...] = ()
    normalize: bool | None = None
    split: bool = False
    """Write one output per article into the job's output directory."""


def expand_inputs(
    inputs: Iterable[str], sources: Iterable[Source]
) -> Iterator[tuple[str, Path | None]]:
    """Yield each input with the directory it was found under (None for named files).

    A directory yields, in sorted order, every file below it that a source
    reads: by extension, and for extensions other formats share too (.json)
    only when the source's `sniff` claims the file's first bytes.
    """
    by_extension: dict[str, list[Source]] = {}
    for source in sources:
        for extension in source.extensions:
            by_extension.setdefault(extension, []).append(source)
    for name in inputs:
        path = Path(name)
        if name != STDIO and path.is_dir():
            for found in sorted(path.rglob("*")):
                candidates = by_extension.get(found.suffix[1:].lower(), [])
                if found.is_file() and any(_takes(source, found) for source in candidates):
                    yield str(found), path
        else:
            yield name, None


def readable_extensions(sources: Iterable[Source]) -> set[str]:
    """Return every file extension some source reads."""
    return {extension for source in sources for extension in source.extensions}


def _takes(source: Source, path: Path) -> bool:
    if not source.shared_extension or source.sniff is None:
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return True  # let the conversion report the problem for this file
    return source.sniff(info_for_path(path), head)


def plan_jobs(
    inputs: Sequence[tuple[str, Path | None]], output_dir: Path, extension: str
) -> list[Job]:
    """Name one output per input inside `output_dir`, mirroring directory trees."""
    taken: set[Path] = set()
    jobs = []
    for name, root in inputs:
        if name == STDIO:
            relative = Path("stdin")
        elif root is not None:
            relative = Path(name).relative_to(root)
        else:
            relative = Path(Path(name).name)
        target = unique_path(output_dir / relative.with_suffix("." + extension), taken)
        jobs.append(Job(input=name, output=str(target)))
    return jobs


def convert_one(converter: Converter, job: Job, settings: Settings) -> bytes:
    """Convert one job's input and return the output bytes."""
    if job.input == STDIO:
        data, info = sys.stdin.buffer.read(), SourceInfo(path=None)
    else:
        data, info = read_input(job.input), info_for_path(job.input)
    return converter.convert_bytes(
        data, settings.to, info=info, source_name=settings.source_name, normalize=settings.normalize
    )


def split_one(converter: Converter, job: Job, settings: Settings) -> None:
    """Convert one job's input into one file per article inside `job.output`.

    Every piece is rendered before the first is written, so a conversion
    error leaves no partial set of files behind.
    """
    if job.input == STDIO:
        data, info = sys.stdin.buffer.read(), SourceInfo(path=None)
    else:
        data, info = read_input(job.input), info_for_path(job.input)
    sink = converter.sink(settings.to)
    document = converter.parse(data, info, settings.source_name, settings.normalize)
    pieces = split_document(document)
    paths = split_paths(Path(job.output), [stem for stem, _ in pieces], sink.extensions[0])
    rendered = [sink.write(piece, converter.config) for _, piece in pieces]
    for path, output in zip(paths, rendered, strict=True):
        write_atomically(path, output)


def run_job(converter: Converter, job: Job, settings: Settings) -> Outcome:
    """Convert and write one job, turning every failure into an `Outcome` error."""
    name = job.input if job.input != STDIO else "<stdin>"
    try:
        if settings.split:
            split_one(converter, job, settings)
            return Outcome(job)
        data = convert_one(converter, job, settings)
        if job.output == STDIO:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            write_atomically(Path(job.output), data)
    except ConvertError as error:
        return Outcome(job, _name_file(name, str(error)))
    except Exception as error:
        if os.environ.get("GONGWEN_DEBUG"):
            raise
        detail = traceback.format_exception_only(error)[-1].strip()
        return Outcome(
            job,
            f"{name}: internal error ({detail}); rerun with GONGWEN_DEBUG=1 "
            "for a traceback and please report it",
        )
    return Outcome(job)


def _name_file(name: str, message: str) -> str:
    return message if message.startswith(name) else f"{name}: {message}"


_worker: tuple[Converter, Settings] | None = None


def _init_worker(settings: Settings) -> None:
    global _worker
    from .host import get_plugin_manager

    host = get_plugin_manager(disabled=settings.disabled_plugins)
    _worker = (Converter(config=settings.config, host=host), settings)


def _run_in_worker(job: Job) -> Outcome:
    assert _worker is not None, "worker not initialised"
    converter, settings = _worker
    return run_job(converter, job, settings)


def run_jobs(
    jobs: Sequence[Job],
    settings: Settings,
    converter: Converter,
    workers: int = 1,
    report: Callable[[int, Outcome], None] | None = None,
) -> list[Outcome]:
    """Run every job (in `workers` processes when > 1) and return their outcomes in order."""
    outcomes: list[Outcome] = []
    if workers <= 1 or len(jobs) <= 1:
        results: Iterable[Outcome] = (run_job(converter, job, settings) for job in jobs)
        for outcome in results:
            outcomes.append(outcome)
            if report:
                report(len(outcomes), outcome)
        return outcomes
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(settings,)
    ) as pool:
        for outcome in pool.map(_run_in_worker, jobs, chunksize=4):
            outcomes.append(outcome)
            if report:
                report(len(outcomes), outcome)
    return outcomes
