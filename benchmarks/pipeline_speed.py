"""Speed and memory of the passes and of the JSON and Markdown sinks, against pandoc.

Builds the concatenated seeds (../shared/seeds) repeated ×1, ×4 and ×20 (about
18 MB of text at ×20; nothing is stored in the repository), then measures, each
in a fresh process (wall time and peak resident memory):

  * `gongwen convert big.txt -o big.json` and `-o big.md` (all passes);
  * pandoc reading the same text as Markdown and writing DOCX (the issue's
    reference figure) and JSON (its own AST, the closest to our JSON);
  * in one process at the largest size: the source, every pass and each sink
    alone, to show where the time goes.

The DOCX sink has its own benchmark (docx_speed.py).

Usage: python benchmarks/pipeline_speed.py [--times 20]
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from docx_speed import SEEDS, build_text, measure


def pass_timings(path: str) -> None:
    """Child mode: print the seconds of the source, of every pass and of each sink."""
    from convert import Converter
    from convert.pipeline import info_for_path

    converter = Converter()
    data = Path(path).read_bytes()
    info = info_for_path(path)
    gc.disable()  # as Converter.convert_bytes does
    timings: list[tuple[str, float]] = []
    start = time.perf_counter()
    document = converter.source_for(data, info).read(data, info, converter.config)
    timings.append(("source", time.perf_counter() - start))
    for normalization in converter.host.passes(converter.config.disable_passes):
        start = time.perf_counter()
        document = normalization.run(document, converter.config)
        timings.append((f"pass {normalization.name}", time.perf_counter() - start))
    for sink in ("json", "md"):
        start = time.perf_counter()
        converter.write(document, sink)
        timings.append((f"sink {sink}", time.perf_counter() - start))
    print(json.dumps(timings))


def main() -> None:
    """Build the inputs, run every measurement and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--times", type=int, default=20)
    parser.add_argument("--pass-timings", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.pass_timings:
        return pass_timings(args.pass_timings)
    if not SEEDS.is_dir():
        raise SystemExit(f"{SEEDS} is absent: the benchmark needs the seeds")
    gongwen = str(Path(sys.executable).with_name("gongwen"))
    pandoc = shutil.which("pandoc")
    rows: list[tuple[str, float, float]] = []
    seconds: dict[tuple[str, int], float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for times in sorted({1, 4, args.times}):
            source = Path(folder) / f"seeds-x{times}.txt"
            source.write_text(build_text(times), "utf-8")
            size = source.stat().st_size / 1e6
            for suffix in ("json", "md"):
                output = str(source.with_suffix(f".{suffix}"))
                figures = measure([gongwen, "convert", str(source), "-q", "-o", output])
                seconds[(suffix, times)] = figures["seconds"]
                label = f"gongwen → {suffix} ×{times} ({size:.1f} MB)"
                rows.append((label, figures["seconds"], figures["peak_mb"]))
            if pandoc:
                for target in ("docx", "json"):
                    output = str(source.with_suffix(f".pandoc.{target}"))
                    command = [pandoc, "-f", "markdown", "-t", target, "-o", output, str(source)]
                    figures = measure(command)
                    seconds[(f"pandoc {target}", times)] = figures["seconds"]
                    label = f"pandoc → {target} ×{times}"
                    rows.append((label, figures["seconds"], figures["peak_mb"]))
        big = str(Path(folder) / f"seeds-x{args.times}.txt")
        inner = measure([sys.executable, __file__, "--pass-timings", big])["inner"]
        timings: list[tuple[str, float]] = json.loads(inner)
    if not pandoc:
        print("pandoc is not installed (apt-get install pandoc): its rows are skipped")
    print(f"{'what':40} {'seconds':>9} {'peak MB':>9}")
    for name, wall, peak in rows:
        print(f"{name:40} {wall:9.2f} {peak:9.0f}")
    for suffix in ("json", "md"):
        first, middle, last = (seconds[(suffix, t)] for t in (1, 4, args.times))
        print(
            f"{suffix}: time ×4/×1 {middle / first:.2f} (linear 4, start-up included), "
            f"×{args.times}/×4 {last / middle:.2f} (linear {args.times / 4:g})"
        )
        if pandoc:
            ratio = last / seconds[("pandoc docx", args.times)]
            print(f"{suffix}: gongwen / pandoc → docx time at ×{args.times}: {ratio:.2f}")
    print(f"\nwhere the time goes at ×{args.times} (one process, no start-up):")
    for name, spent in timings:
        print(f"  {name:36} {spent:6.2f} s")


if __name__ == "__main__":
    main()
