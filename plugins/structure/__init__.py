"""Structure of a 公文 text: the built-in passes that turn lines into an outline.

Orders (see docs/structure.md): 200 compilation header and 目录, 300 numbered
headings, 320 cut lines re-joined, 340 run-in headings and list items,
360 titles, salutations, signatures and dates, 400 articles, 450 numbering
repair. Each pass is a module of this package with one `run_*` function.
"""

from __future__ import annotations

from collections.abc import Sequence

from convert import Pass, hookimpl

from .articles import run_articles
from .front import run_front
from .headings import run_headings
from .join import run_join
from .numbering import run_numbering
from .roles import run_roles
from .run_in import run_run_in

STRUCTURE_PASSES: tuple[Pass, ...] = (
    Pass(
        name="front-matter",
        order=200,
        run=run_front,
        description="compilation header (…汇编（N篇）) and 目录 to the front matter",
    ),
    Pass(
        name="headings", order=300, run=run_headings, description="numbered headings by label style"
    ),
    Pass(name="join-lines", order=320, run=run_join, description="re-join lines cut mid-sentence"),
    Pass(
        name="run-in",
        order=340,
        run=run_run_in,
        description="run-in headings, numbered list items, buried (n) headings",
    ),
    Pass(
        name="roles",
        order=360,
        run=run_roles,
        description="article titles, salutations, signatures, dates",
    ),
    Pass(
        name="articles", order=400, run=run_articles, description="split compilations into articles"
    ),
    Pass(
        name="numbering",
        order=450,
        run=run_numbering,
        description="canonical labels, lost numerals, gaps and duplicates",
    ),
)


@hookimpl
def gongwen_passes() -> Sequence[Pass]:
    """Register the structure passes."""
    return list(STRUCTURE_PASSES)
