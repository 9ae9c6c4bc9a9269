"""DOCX speed and memory at scale: gongwen against plain python-docx and pandoc.

Builds the concatenated seeds (../shared/seeds) repeated ×1, ×4 and ×20 (about
18 MB of text at ×20; nothing is stored in the repository), then measures, each
in a fresh process (time and peak resident memory):

  * `gongwen convert big.txt -o big.docx` — the whole pipeline, all passes;
  * the DOCX sink alone, on the already parsed document;
  * plain python-docx calling `add_paragraph` once per line (quadratic);
  * pandoc converting the same text (one paragraph per line) to DOCX.

Usage: python benchmarks/docx_speed.py [--times 20] [--skip-python-docx]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def build_text(times: int) -> str:
    """The seeds, decoded and concatenated, repeated `times` times."""
    from convert.encoding import decode_bytes

    parts = [
        decode_bytes(path.read_bytes(), name=str(path)).text for path in sorted(SEEDS.glob("*.txt"))
    ]
    return "\n".join(parts * times)


def measure(command: list[str]) -> dict[str, float]:
    """Run `command` in a wrapper process; return wall time and the child's peak RSS."""
    wrapper = (
        "import resource, subprocess, sys, time, json\n"
        "start = time.perf_counter()\n"
        "done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE)\n"
        "elapsed = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps({'seconds': elapsed, 'peak_mb': peak, 'status': done.returncode,"
        " 'inner': done.stdout.decode()}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", wrapper, *command], capture_output=True, text=True, check=True
    )
    figures: dict[str, float] = json.loads(result.stdout)
    if figures["status"]:
        raise SystemExit(f"failed: {' '.join(command)}")
    return figures


def sink_only(path: str) -> None:
    """Child mode: parse (all passes), then time the DOCX sink alone."""
    from convert import Converter
    from convert.pipeline import info_for_path

    converter = Converter()
    document = converter.parse(Path(path).read_bytes(), info_for_path(path))
    start = time.perf_counter()
    data = converter.write(document, "docx")
    elapsed = time.perf_counter() - start
    Path(path).with_suffix(".sink.docx").write_bytes(data)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"sink_seconds": elapsed, "process_peak_mb": peak}))


def python_docx(path: str) -> None:
    """Child mode: the naive python-docx way, one add_paragraph per line."""
    import docx

    word = docx.Document()
    for line in Path(path).read_text("utf-8").splitlines():
        if line.strip():
            word.add_paragraph(line.strip())
    word.save(str(Path(path).with_suffix(".python-docx.docx")))


def main() -> None:
    """Build the inputs, run every measurement and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--times", type=int, default=20)
    parser.add_argument("--skip-python-docx", action="store_true")
    parser.add_argument("--sink-only", help=argparse.SUPPRESS)
    parser.add_argument("--python-docx", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.sink_only:
        return sink_only(args.sink_only)
    if args.python_docx:
        return python_docx(args.python_docx)
    if not SEEDS.is_dir():
        raise SystemExit(f"{SEEDS} is absent: the benchmark needs the seeds")
    gongwen = str(Path(sys.executable).with_name("gongwen"))
    with tempfile.TemporaryDirectory() as folder:
        rows: list[tuple[str, float, float]] = []
        convert_seconds: dict[int, float] = {}
        empty = Path(folder) / "empty.txt"
        empty.write_text("空\n", "utf-8")
        startup = measure([gongwen, "convert", str(empty), "-o", str(empty.with_suffix(".docx"))])
        rows.append(("gongwen start-up (one-line file)", startup["seconds"], startup["peak_mb"]))
        for times in sorted({1, 4, args.times}):
            source = Path(folder) / f"seeds-x{times}.txt"
            source.write_text(build_text(times), "utf-8")
            size = source.stat().st_size / 1e6
            figures = measure(
                [gongwen, "convert", str(source), "-o", str(source.with_suffix(".docx"))]
            )
            convert_seconds[times] = figures["seconds"]
            rows.append(
                (
                    f"gongwen convert ×{times} ({size:.1f} MB)",
                    figures["seconds"],
                    figures["peak_mb"],
                )
            )
        big = Path(folder) / f"seeds-x{args.times}.txt"
        sink = json.loads(measure([sys.executable, __file__, "--sink-only", str(big)])["inner"])
        rows.append(
            (f"DOCX sink alone ×{args.times}", sink["sink_seconds"], sink["process_peak_mb"])
        )
        if not args.skip_python_docx:
            figures = measure([sys.executable, __file__, "--python-docx", str(big)])
            rows.append(
                (f"python-docx add_paragraph ×{args.times}", figures["seconds"], figures["peak_mb"])
            )
        pandoc = shutil.which("pandoc")
        if pandoc:
            markdown = big.with_suffix(".md")
            lines = (line.strip() for line in big.read_text("utf-8").splitlines())
            markdown.write_text("\n\n".join(line for line in lines if line), "utf-8")
            figures = measure(
                [
                    pandoc,
                    "-f",
                    "markdown",
                    "-t",
                    "docx",
                    "-o",
                    str(big.with_suffix(".pandoc.docx")),
                    str(markdown),
                ]
            )
            rows.append((f"pandoc ×{args.times}", figures["seconds"], figures["peak_mb"]))
        else:
            print("pandoc is not installed (apt-get install pandoc): its column is skipped")
    print(f"{'what':44} {'seconds':>9} {'peak MB':>9}")
    for name, seconds, peak in rows:
        print(f"{name:44} {seconds:9.2f} {peak:9.0f}")
    print(f"time ratio ×4 / ×1: {convert_seconds[4] / convert_seconds[1]:.2f} (linear = 4)")
    if args.times != 4:
        ratio = convert_seconds[args.times] / convert_seconds[4]
        print(f"time ratio ×{args.times} / ×4: {ratio:.2f} (linear = {args.times / 4:g})")
    by_name = {name.split(" ×")[0]: seconds for name, seconds, _ in rows}
    if "python-docx add_paragraph" in by_name:
        speedup = by_name["python-docx add_paragraph"] / by_name["DOCX sink alone"]
        print(f"DOCX sink speed-up over python-docx: {speedup:.1f}×")
    if "pandoc" in by_name:
        print(
            f"gongwen convert / pandoc time: {convert_seconds[args.times] / by_name['pandoc']:.2f}"
        )


if __name__ == "__main__":
    main()
