"""Built-in marker passes: clean-up before the structure passes, repairs after them.

| order | pass | module |
|---|---|---|
| 100 | paywall-marks | paywall |
| 110 | site-chrome | chrome |
| 120 | dangling-footnotes | footnotes |
| 130 | url-escapes | urlescape |
| 500 | censorship-repair | censorship |
| 600 | punctuation | punctuation |
| 700 | placeholders | placeholders |

See docs/markers.md for every rule and its guards.
"""

from __future__ import annotations

from collections.abc import Sequence

from convert import Config, ConfigError, Pass, hookimpl

from . import censorship, chrome, footnotes, paywall, placeholders, punctuation, urlescape
from .fill_file import load_fill_table

MARKER_PASSES: tuple[Pass, ...] = (
    Pass(
        name=paywall.PASS_NAME,
        order=100,
        run=paywall.remove_paywall_marks,
        description="remove ##paidbegin## / ##paidend## marks, re-joining split sentences",
    ),
    Pass(
        name=chrome.PASS_NAME,
        order=110,
        run=chrome.remove_chrome,
        description="drop page heads and tails, ad lines, preview headers, 阅读全文 tails",
    ),
    Pass(
        name=footnotes.PASS_NAME,
        order=120,
        run=footnotes.remove_dangling_footnotes,
        description="drop footnote markers [n] whose notes are missing",
    ),
    Pass(
        name=urlescape.PASS_NAME,
        order=130,
        run=urlescape.decode_url_escapes,
        description="decode URL escapes (%2B) leaked into body text",
    ),
    Pass(
        name=censorship.PASS_NAME,
        order=500,
        run=censorship.repair_censorship,
        description="repair D for 党 and the stripped G; report deleted leader names",
    ),
    Pass(
        name=punctuation.PASS_NAME,
        order=600,
        run=punctuation.normalize_punctuation_pass,
        description="full-width punctuation next to CJK, quote pairs, stray spaces",
    ),
    Pass(
        name=placeholders.PASS_NAME,
        order=700,
        run=placeholders.placeholder_pass,
        description="mark anonymization placeholders with roles; keep/unify/mark/fill",
    ),
)


@hookimpl
def gongwen_passes() -> Sequence[Pass]:
    """Register the marker passes."""
    return MARKER_PASSES


@hookimpl
def gongwen_configure(config: Config) -> None:
    """Check the fill file up front when the `fill` policy is chosen."""
    if config.placeholders != "fill":
        return
    if not config.fill_file:
        raise ConfigError('placeholders = "fill" needs a fill file (fill_file, --fill FILE)')
    load_fill_table(config.fill_file)
