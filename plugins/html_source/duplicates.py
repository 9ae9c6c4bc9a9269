"""Find text that a page shows twice: a run of lines repeating an earlier run.

Pages carry the same article more than once: a desktop and a mobile copy, a
print layer, a floating reader view. Only the first copy counts for the
extractor and reaches the output; the block builder records every later copy
as a change (rule "duplicate"), so nothing is lost without a trace.

A run is a maximal sequence of consecutive segments equal, one for one, to a
sequence that ends before it starts. It counts as a copy only when it is a run
of paragraphs (`MIN_SEGMENTS`), its unlinked words are more than a repeated
label, menu or separator (`MIN_CHARS`, counting word characters of lines with
`LINE_CHARS` or more) and it is a large part of all the text (`MIN_SHARE`): a
second copy of an article is, while a quoted post in a thread or a paragraph
an author repeats is not (and the benchmark's annotators keep those).
Each segment is compared with at most `CANDIDATES` earlier places with the
same text, so a page of a thousand "更多" stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate

from .segments import Segment

MIN_SEGMENTS = 2
MIN_CHARS = 100
MIN_SHARE = 0.25
LINE_CHARS = 8  # unlinked characters: shorter lines (labels, table cells) add no weight
CANDIDATES = 8
_WORD = re.compile(r"[^\W_]")


def repeated_segments(found: Sequence[Segment]) -> set[int]:
    """Return the indices of the segments that repeat an earlier run of segments."""
    texts = [segment.text for segment in found]
    weights = [_weight(segment) for segment in found]
    prefix = list(accumulate(weights, initial=0))
    least = max(MIN_CHARS, MIN_SHARE * prefix[-1])
    seen: dict[str, list[int]] = {}
    repeated: set[int] = set()
    index = 0
    while index < len(texts):
        length = _longest_repeat(texts, prefix, index, seen.get(texts[index], ()), least)
        step = length or 1
        for position in range(index, index + step):
            places = seen.setdefault(texts[position], [])
            places.append(position)
            del places[:-CANDIDATES]
        if length:
            repeated.update(range(index, index + length))
        index += step
    return repeated


def _weight(segment: Segment) -> int:
    if segment.link_chars * 2 > segment.chars:
        return 0
    words = len(_WORD.findall(segment.text))
    return words if words >= LINE_CHARS else 0


def _longest_repeat(
    texts: list[str], prefix: list[int], start: int, earlier: Sequence[int], least: float
) -> int:
    """Return the length of the longest heavy enough run at `start` repeating one before it.

    `prefix` holds the running sums of the weights. A run from `origin` ends
    before `start` - `origin` more segments, which bounds its weight: an origin
    that cannot reach `least` is not compared at all (pages repeating one line
    many times stay linear).
    """
    best, best_weight = 0, 0
    for origin in earlier:
        reach = min(len(texts), 2 * start - origin)
        if prefix[reach] - prefix[start] < least:
            continue
        length = 0
        while (
            start + length < len(texts)
            and origin + length < start
            and texts[origin + length] == texts[start + length]
        ):
            length += 1
        weight = prefix[start + length] - prefix[start]
        if weight > best_weight:
            best, best_weight = length, weight
    return best if best >= MIN_SEGMENTS and best_weight >= least else 0
