"""`gongwen convert`: convert one or many inputs."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from ..batch import (
    STDIO,
    Job,
    Outcome,
    Settings,
    expand_inputs,
    plan_jobs,
    readable_extensions,
    run_jobs,
)
from ..errors import ConfigError, ConvertError
from ..pipeline import Converter
from .common import add_common_options, add_normalization_options, converter_from_args

DEFAULT_STDOUT_FORMAT = "md"


def add_parser(subparsers: Any) -> None:
    """Register `convert` and its options."""
    parser = subparsers.add_parser(
        "convert",
        help="convert files (txt, html, json) to docx, md or json",
        description="Convert inputs to DOCX, Markdown or JSON. With one input and no -o, "
        "Markdown or JSON goes to standard output. With several inputs or a directory, "
        "-o names an output directory.",
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="input file, directory (converted recursively) or - for stdin",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="output file, output directory (ending in / or existing), or - for standard output",
    )
    parser.add_argument(
        "-t",
        "--to",
        metavar="FORMAT",
        help="output format: docx, md, json (default: from -o, else md)",
    )
    parser.add_argument(
        "-f",
        "--from",
        dest="source",
        metavar="FORMAT",
        help="input format: text, html, json (default: from the file name)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_workers,
        default=1,
        metavar="N",
        help="convert N files at once (default 1; 0 = one per CPU)",
    )
    parser.add_argument(
        "--split",
        action="store_true",
        help="write one output per article of a compilation, named NN-<title>, into the "
        "-o directory (a sub-directory per input when there are several)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    parser.add_argument(
        "--normalize",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="run the normalization passes (default: yes, except over gongwen "
        "JSON, which has been through them)",
    )
    add_common_options(parser)
    add_normalization_options(parser)
    html_group = parser.add_argument_group("HTML input")
    html_group.add_argument(
        "--extractor",
        metavar="NAME",
        help="main-content extractor for web pages: builtin (default), page (every "
        "text, no extraction) or one a plugin adds, e.g. trafilatura",
    )
    docx_group = parser.add_argument_group("Word output")
    docx_group.add_argument("--profile", help="layout profile (default: gbt9704)")
    docx_group.add_argument("--profile-file", metavar="FILE", help="layout profile TOML file")
    docx_group.add_argument(
        "--reference-docx", metavar="FILE", help="take styles and page setup from this Word file"
    )
    docx_group.add_argument(
        "--toc",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="insert a table of contents (compilations)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Convert every input; return 1 if any failed."""
    converter = converter_from_args(args)
    to = _output_format(args, converter)
    jobs = _plan(args, converter, to)
    if not jobs:
        raise ConvertError(
            "no input files found (directories are searched for "
            f"{', '.join(sorted(readable_extensions(converter.host.sources().values())))})"
        )
    settings = Settings(
        config=converter.config,
        to=to,
        source_name=args.source,
        disabled_plugins=tuple(args.disable_plugin),
        normalize=args.normalize,
        split=args.split,
    )
    workers = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    show_progress = len(jobs) > 1 and not args.quiet
    reporter = _progress(len(jobs)) if show_progress else _errors_only
    outcomes = run_jobs(jobs, settings, converter, workers=workers, report=reporter)
    failed = [outcome for outcome in outcomes if outcome.error]
    if len(jobs) > 1 and not args.quiet:
        print(
            f"gongwen: converted {len(jobs) - len(failed)} of {len(jobs)} files"
            + (f", {len(failed)} failed" if failed else ""),
            file=sys.stderr,
        )
    return 1 if failed else 0


def _output_format(args: argparse.Namespace, converter: Converter) -> str:
    output = args.output
    several = len(args.inputs) > 1 or any(Path(name).is_dir() for name in args.inputs)
    if output and output != STDIO and several and not args.split:
        _refuse_file_name_as_directory(output, converter)
    file_target = output and output != STDIO and not _is_directory_target(output, len(args.inputs))
    named = _format_named_by(output, converter) if file_target else None
    if args.to:
        chosen = converter.sink(args.to).name
        if named is not None and named != chosen:
            raise ConfigError(
                f"{output}: the name says {named} but -t asks for {chosen}; change one of them"
            )
        return chosen
    if named is not None:
        return named
    if file_target:
        raise ConfigError(f"{output}: cannot tell the output format from the name; use -t")
    if output is None or output == STDIO:
        return DEFAULT_STDOUT_FORMAT
    raise ConfigError("name the output format with -t when -o is a directory")


def _format_named_by(output: str, converter: Converter) -> str | None:
    """Return the sink whose extension `output` ends in, if any."""
    suffix = Path(output).suffix[1:].lower()
    for sink in converter.host.sinks().values():
        if suffix in sink.extensions:
            return sink.name
    return None


def _workers(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    return number


def _is_directory_target(output: str, input_count: int) -> bool:
    return output.endswith(("/", os.sep)) or Path(output).is_dir() or input_count > 1


def _plan(args: argparse.Namespace, converter: Converter, to: str) -> list[Job]:
    inputs = list(expand_inputs(args.inputs, converter.host.sources().values()))
    if args.split:
        return _plan_split(args.output, inputs, converter.sink(to).extensions[0])
    several = len(inputs) > 1 or any(root is not None for _, root in inputs)
    output = args.output
    sink = converter.sink(to)
    if output is not None and output != STDIO and (several or _is_directory_target(output, 1)):
        _refuse_file_name_as_directory(output, converter)
        return plan_jobs(inputs, Path(output), sink.extensions[0])
    if several:
        raise ConfigError("several inputs need an output directory: add -o DIR/")
    if not inputs:
        return []
    if output is None and sink.binary:
        raise ConfigError(
            f"{sink.name.upper()} is binary and goes to standard output only when asked: "
            "name an output file with -o, or use -o - for standard output"
        )
    if output is None and sink.binary is False:
        output = STDIO
    assert output is not None
    if output == STDIO and sink.binary and sys.stdout.isatty():
        raise ConvertError(f"refusing to write {sink.name.upper()} to a terminal")
    return [Job(input=inputs[0][0], output=output)]


def _refuse_file_name_as_directory(output: str, converter: Converter) -> None:
    """Several outputs need a directory; `-o report.md` is almost surely a mistake."""
    target = Path(output)
    if target.is_dir() or output.endswith(("/", os.sep)):
        return
    if target.exists() or _format_named_by(output, converter) is not None:
        raise ConfigError(
            f"{output}: several outputs need a directory, and this names a file "
            "(end it with / to use it as a directory)"
        )


def _plan_split(output: str | None, inputs: list[tuple[str, Path | None]], ext: str) -> list[Job]:
    """Plan --split: the -o directory itself for one input, a sub-directory per input else."""
    if output is None or output == STDIO:
        raise ConfigError("--split writes one file per article: name a directory with -o DIR/")
    if Path(output).is_file():
        raise ConfigError(f"{output}: --split needs a directory, not a file")
    if len(inputs) == 1 and inputs[0][1] is None:
        return [Job(input=inputs[0][0], output=output)]
    return [
        Job(input=job.input, output=str(Path(job.output).with_suffix("")))
        for job in plan_jobs(inputs, Path(output), ext)
    ]


def _progress(total: int) -> Any:
    def report(done: int, outcome: Outcome) -> None:
        if outcome.error:
            print(f"gongwen: error: {outcome.error}", file=sys.stderr)
        elif sys.stderr.isatty():
            print(f"[{done}/{total}] {outcome.job.input} → {outcome.job.output}", file=sys.stderr)

    return report


def _errors_only(done: int, outcome: Outcome) -> None:
    if outcome.error:
        print(f"gongwen: error: {outcome.error}", file=sys.stderr)
