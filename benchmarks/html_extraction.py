"""Score HTML main-content extractors side by side: precision, recall, F1 and pages/second.

Usage::

    python benchmarks/html_extraction.py [--bench DIR] [--fixtures DIR] [--core] [--pages]

Sets: the real pages of ../shared/html-benchmark (never copied into this
repository) and the 文秘-style pages in fixtures/html (each `NAME.html` with its
expected article in `NAME.article.txt`).

Scoring (the benchmark README's): both texts are NFKC-normalised and stripped
of all white space, then compared as bags of characters; precision = shared /
output, recall = shared / truth, macro-averaged over pages. A page an extractor
fails on scores 0. For trafilatura's own test pages, which come with snippets
instead of a text, the share of `with` snippets found and of `without`
snippets leaked is reported.

Extractors: gongwen's built-in one and the whole page (`page`, the baseline)
through the HTML source, and trafilatura called directly on the same decoded
text (when installed). Speed counts decoding, parsing and extraction, for
every page of the set.
"""

from __future__ import annotations

import argparse
import json
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

from convert import Config, Converter, Document, SourceInfo, get_plugin_manager
from convert.model import labelled

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BENCH = ROOT.parent / "shared" / "html-benchmark"
DEFAULT_FIXTURES = ROOT / "fixtures" / "html"

Extract = Callable[[bytes, str], str]


@dataclass
class Page:
    """One page of a set and its truth (a text, or with/without snippets)."""

    name: str
    data: bytes
    truth: str | None = None
    with_snippets: list[str] = field(default_factory=list)
    without_snippets: list[str] = field(default_factory=list)


def squeeze(text: str) -> str:
    """NFKC-normalise and drop all white space."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def score(output: str, truth: str) -> tuple[float, float, float]:
    """Return bag-of-characters precision, recall and F1."""
    out, ref = Counter(squeeze(output)), Counter(squeeze(truth))
    shared = sum((out & ref).values())
    precision = shared / sum(out.values()) if out else 0.0
    recall = shared / sum(ref.values()) if ref else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def document_text(document: Document) -> str:
    """Every block's text as a reader sees it (with its label), one block a line."""
    return "\n".join(labelled(block.numbering, block.text) for block in document.iter_blocks())


def gongwen_extractor(name: str) -> Extract:
    """Return a function running gongwen's HTML source with extractor `name`."""
    converter = Converter(
        config=Config(extractor=name), host=get_plugin_manager(load_entrypoints=False)
    )

    def run(data: bytes, label: str) -> str:
        info = SourceInfo(path=label, extension="html")
        return document_text(converter.parse(data, info, "html", normalize=False))

    return run


def trafilatura_direct() -> Extract | None:
    """Return trafilatura's plain-text extraction over gongwen's decoding, if installed."""
    try:
        import trafilatura
    except ImportError:
        return None
    from convert_plugins.html_source.charset import decode_page

    def run(data: bytes, label: str) -> str:
        text = decode_page(data, SourceInfo(path=label), Config()).text
        return trafilatura.extract(text, include_comments=False) or ""

    return run


def _truth_text(base: Path, entry: dict[str, object]) -> Page | None:
    truth = entry.get("ground_truth")
    data = (base / str(entry["file"])).read_bytes()
    page = Page(name=str(entry["id"]), data=data)
    if not isinstance(truth, dict):
        return page
    path = base / str(truth["file"])
    kind = truth["kind"]
    if kind == "text":
        raw = path.read_text(encoding="utf-8", errors="replace")
        page.truth = json.loads(raw)[truth["field"]] if "field" in truth else raw
    elif kind == "html":
        page.truth = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text()
    elif kind == "with_without":
        snippets = json.loads(path.read_text(encoding="utf-8"))
        page.with_snippets = list(snippets.get("with", []))
        page.without_snippets = list(snippets.get("without", []))
    return page


def benchmark_pages(base: Path, core_only: bool) -> list[Page]:
    """Load the real pages (with or without ground truth) from the benchmark folder."""
    manifest = json.loads((base / "manifest.json").read_text(encoding="utf-8"))
    pages = []
    for entry in manifest["pages"]:
        if core_only and not entry.get("core"):
            continue
        page = _truth_text(base, entry)
        if page is not None:
            pages.append(page)
    return pages


def fixture_pages(folder: Path) -> list[Page]:
    """Load the 文秘-style fixture pages and their expected article texts."""
    pages = []
    for html in sorted(folder.glob("*.html")):
        expected = html.with_suffix(".article.txt")
        if expected.exists():
            truth = expected.read_text(encoding="utf-8")
            pages.append(Page(name=html.name, data=html.read_bytes(), truth=truth))
    return pages


@dataclass
class Result:
    """An extractor's figures on one set."""

    scores: list[tuple[float, float, float]] = field(default_factory=list)
    with_found: list[float] = field(default_factory=list)
    without_leaked: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    pages: int = 0


def run_set(pages: list[Page], extract: Extract, verbose: str | None) -> Result:
    """Run one extractor over a set of pages and score it."""
    result = Result()
    for page in pages:
        started = time.perf_counter()
        try:
            output = extract(page.data, page.name)
        except Exception as error:
            output = ""
            result.failures.append(f"{page.name}: {type(error).__name__}: {error}")
        result.seconds += time.perf_counter() - started
        result.pages += 1
        if page.truth is not None:
            figures = score(output, page.truth)
            result.scores.append(figures)
            if verbose:
                print(f"  {verbose:12} P {figures[0]:.2f} R {figures[1]:.2f} {page.name}")
        elif page.with_snippets or page.without_snippets:
            found = squeeze(output)
            hits = [squeeze(s) in found for s in page.with_snippets]
            leaks = [squeeze(s) in found for s in page.without_snippets]
            result.with_found.append(sum(hits) / len(hits) if hits else 1.0)
            result.without_leaked.append(sum(leaks) / len(leaks) if leaks else 0.0)
    return result


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def report(title: str, results: dict[str, Result]) -> None:
    """Print one table: an extractor a row."""
    print(f"\n{title}")
    print(
        f"{'extractor':14} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} {'with':>6} "
        f"{'leak':>6} {'fail':>4} {'pages/s':>8}"
    )
    for name, result in results.items():
        p, r, f = (_mean([s[i] for s in result.scores]) for i in range(3))
        with_share = _mean(result.with_found) if result.with_found else float("nan")
        leak_share = _mean(result.without_leaked) if result.without_leaked else float("nan")
        speed = result.pages / result.seconds if result.seconds else 0.0
        print(
            f"{name:14} {len(result.scores):5} {p:6.3f} {r:6.3f} {f:6.3f} "
            f"{with_share:6.2f} {leak_share:6.2f} {len(result.failures):4} {speed:8.1f}"
        )
    base = results.get("trafilatura")
    own = results.get("builtin")
    if base and own and base.seconds and own.seconds:
        ratio = (own.pages / own.seconds) / (base.pages / base.seconds)
        print(f"speed builtin / trafilatura: {ratio:.2f}")


def scaling() -> None:
    """Time generated pages of growing size and depth: the ratios show linear time."""
    builtin = gongwen_extractor("builtin")
    paragraph = "<p>　　全年完成地区生产总值8.6亿元，同比增长5.1%，各项工作取得新成效。</p>\n"
    print("\nscaling (generated pages; linear time keeps seconds/MB flat)")
    for megabytes in (1, 2, 4, 8):
        count = megabytes * 1_000_000 // len(paragraph.encode())
        page = f"<html><body><div>{paragraph * count}</div></body></html>".encode()
        started = time.perf_counter()
        builtin(page, f"{megabytes}MB.html")
        seconds = time.perf_counter() - started
        print(f"  {megabytes:2} MB: {seconds:6.2f} s  ({seconds / megabytes:.2f} s/MB)")
    for depth in (2_500, 5_000, 10_000):
        page = (
            "<html><body>"
            + "<div><span>" * depth
            + "正文内容，标点齐全。"
            + "</span></div>" * depth
            + "</body></html>"
        ).encode()
        started = time.perf_counter()
        builtin(page, f"deep{depth}.html")
        seconds = time.perf_counter() - started
        print(f"  nested {depth:6} levels: {seconds:6.2f} s")


def main() -> None:
    """Run every extractor over every set and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES)
    parser.add_argument("--core", action="store_true", help="only the 56 core pages")
    parser.add_argument("--pages", action="store_true", help="print each page's figures")
    parser.add_argument("--failures", action="store_true", help="print each failure")
    parser.add_argument("--only", help="run only this extractor")
    parser.add_argument("--scaling", action="store_true", help="also time generated big pages")
    args = parser.parse_args()
    extractors: dict[str, Extract] = {
        "builtin": gongwen_extractor("builtin"),
        "page": gongwen_extractor("page"),
    }
    direct = trafilatura_direct()
    if direct is not None:
        extractors["trafilatura"] = direct
    if args.only:
        extractors = {args.only: extractors[args.only]}
    sets = []
    if (args.bench / "manifest.json").exists():
        sets.append(
            ("real pages (" + str(args.bench.name) + ")", benchmark_pages(args.bench, args.core))
        )
    else:
        print(f"{args.bench}: not found, skipping the real pages")
    sets.append(("文秘-style fixture pages", fixture_pages(args.fixtures)))
    for title, pages in sets:
        results = {}
        for name, extract in extractors.items():
            results[name] = run_set(pages, extract, name if args.pages else None)
            if args.failures:
                for failure in results[name].failures:
                    print(f"  {name}: {failure}")
        report(f"{title}: {len(pages)} pages", results)
    if args.scaling:
        scaling()


if __name__ == "__main__":
    main()
