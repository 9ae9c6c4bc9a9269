"""The built-in main-content extractor: the subtree with the most body text.

Every segment (displayed line) gets a value: positive for text that reads like
body text (sentence punctuation, little link text), negative for link lists,
labels, dates and menus. An element's score is the sum over its subtree,
computed in one bottom-up sweep; the article is the element with the highest
score, which takes in every paragraph of a text and leaves out the chrome
around it (a tree form of the maximum-subarray problem). Site profiles can
name the container outright (`content` selectors) when it holds most of that
score. Linear in the size of the page.
"""

from __future__ import annotations

from bs4 import Tag

from convert import Config, HtmlPage

from .dom import CONTENT_WORDS, class_words
from .duplicates import repeated_segments
from .segments import Segment, segments

# Values per character of a segment. Body text weighs 1; chrome counts against.
LINK_PENALTY = 1.0
LABEL_PENALTY = 0.6
LONG_ENOUGH = 40  # characters: a line this long without links is body text anyway
LABEL_CAP = 30  # characters: a short unpunctuated line costs at most this much
CONTENT_NAME_BONUS = 0.05  # share of score added to an element named like an article
CONTENT_SELECTOR_SHARE = 0.3  # a profile's container must hold this share of the best score
PLAIN_LINE = 20  # characters: an unpunctuated line this long is text written without marks
PLAIN_WEIGHT = 0.3
FALLBACK_SHARE = 0.55  # below this share of the page's body text, the article is the whole page
CLIMB_SHARE = 0.95
TIGHTEN_SHARE = 0.85
TIGHTEN_LEVELS = 10
SECTION_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
BOX_TAGS = frozenset(
    ("div", "section", "article", "main", "td", "table", "tbody", "tr", "center", "form", "font")
)
MERGE_LEVELS = 5
MERGE_SHARE = 0.1
MERGE_MIN_SCORE = 20.0
NEGLIGIBLE_SCORE = 5.0
OUTSIDE = "data-gongwen-outside"
"""Attribute marking a box inside the returned element that is not part of the article."""


def segment_value(segment: Segment) -> float:
    """Return how much a segment counts for (positive) or against (negative) its container."""
    chars = segment.chars
    links = segment.link_chars
    if links * 2 > chars:
        return -LINK_PENALTY * chars
    own = chars - links
    marks = segment.sentence_marks
    if own >= LONG_ENOUGH or marks >= 2:
        return own - LINK_PENALTY * links
    if marks == 1:
        return 0.5 * own - LINK_PENALTY * links
    if own >= PLAIN_LINE:
        return PLAIN_WEIGHT * own - LINK_PENALTY * links
    return -LABEL_PENALTY * min(own, LABEL_CAP) - LINK_PENALTY * links


def subtree_scores(root: Tag) -> tuple[dict[int, float], dict[int, float], list[Tag]]:
    """Return every element's score and body-text mass (by id), and the elements in order.

    The score adds up all segment values of a subtree; the mass only the positive ones.
    A second copy of a run of text counts for nothing (see `duplicates.py`).
    """
    tags: list[Tag] = []
    found = segments(root, tags)
    repeated = repeated_segments(found)
    scores: dict[int, float] = {id(tag): 0.0 for tag in tags}
    mass: dict[int, float] = {id(tag): 0.0 for tag in tags}
    for index, segment in enumerate(found):
        value = segment_value(segment)
        if index in repeated:
            value = min(value, 0.0)
        scores[id(segment.owner)] += value
        if value > 0:
            mass[id(segment.owner)] += value
    # Children come after their parents in document order: a reverse sweep adds
    # each finished subtree into its parent exactly once.
    for tag in reversed(tags):
        parent = tag.parent
        if parent is not None and id(parent) in scores and tag is not root:
            scores[id(parent)] += scores[id(tag)]
            mass[id(parent)] += mass[id(tag)]
    return scores, mass, tags


def best_container(root: Tag, content_selectors: tuple[str, ...] = ()) -> Tag | None:
    """Return the element holding the article, or None when nothing reads like one."""
    scores, mass, tags = subtree_scores(root)
    best: Tag | None = None
    best_score = 0.0
    for tag in tags:
        score = scores[id(tag)]
        if tag.attrs and class_words(tag) & CONTENT_WORDS:
            score += CONTENT_NAME_BONUS * abs(score)
        # >=: on a tie the deeper element wins, as the outer one adds nothing.
        if score >= best_score and score > 0:
            best, best_score = tag, score
    if best is None:
        return None
    for selector in content_selectors:
        for tag in root.select(selector):
            if scores.get(id(tag), 0.0) >= CONTENT_SELECTOR_SHARE * best_score:
                return tag
    if mass[id(best)] < FALLBACK_SHARE * mass[id(root)]:
        return root
    best = climb(best, scores, best_score)
    best = tighten(best, mass)
    return merge_siblings(best, root, scores, scores[id(best)])


def climb(best: Tag, scores: dict[int, float], best_score: float) -> Tag:
    """Return the outermost ancestor that scores nearly as well as the best element.

    A thread or a long text broken by code blocks has its best single box
    inside a container that adds more text at almost no cost.
    """
    chosen = best
    node = best.parent
    while node is not None and id(node) in scores:
        if scores[id(node)] >= CLIMB_SHARE * best_score:
            chosen = node
        node = node.parent
    return chosen


def tighten(best: Tag, mass: dict[int, float]) -> Tag:
    """Descend into the box that holds nearly all of the container's body text.

    A sidebar of punctuated teasers can add a little to its parent's score,
    lifting the maximum one level too high; its share of the text is small.
    Only boxes are entered (not a paragraph), never leaving a heading behind,
    and at most `TIGHTEN_LEVELS` deep.
    """
    node = best
    for _ in range(TIGHTEN_LEVELS):
        children = node.find_all(True, recursive=False)
        heaviest = max(children, key=lambda c: mass.get(id(c), 0.0), default=None)
        if (
            heaviest is None
            or heaviest.name not in BOX_TAGS
            or mass.get(id(heaviest), 0.0) < TIGHTEN_SHARE * mass[id(node)]
            or any(_has_heading(c) for c in children if c is not heaviest)
        ):
            break
        node = heaviest
    return node


def _has_heading(tag: Tag) -> bool:
    # h1 is the page title, which the source finds wherever it is.
    return tag.name in SECTION_HEADINGS or tag.find(list(SECTION_HEADINGS)) is not None


def merge_siblings(best: Tag, root: Tag, scores: dict[int, float], best_score: float) -> Tag:
    """Widen the article to the text-bearing boxes that follow its container.

    Threads, multi-part articles and pages that split a text over several
    boxes continue the text after the best container. Up to `MERGE_LEVELS`
    ancestors up, the run of following siblings that each score at least
    `MERGE_SHARE` of the best joins the article (near-empty boxes are stepped
    over; anything else ends the run). The widened element is returned with
    every other box inside it marked `OUTSIDE`, so that the block builder
    skips them while headings before the article stay findable.
    """
    threshold = max(MERGE_MIN_SCORE, MERGE_SHARE * best_score)
    kept: set[int] = {id(best)}
    path = [best]
    top = best
    node = best
    for _ in range(MERGE_LEVELS):
        parent = node.parent
        if parent is None or id(parent) not in scores:
            break
        path.append(parent)
        kept.add(id(parent))
        following = _following_run(node, scores, threshold)
        if following:
            kept.update(id(tag) for tag in following)
            top = parent
        node = parent
    for ancestor in path[1 : path.index(top) + 1]:
        for child in ancestor.find_all(True, recursive=False):
            if id(child) not in kept:
                child[OUTSIDE] = ""
    return top


def _following_run(node: Tag, scores: dict[int, float], threshold: float) -> list[Tag]:
    run: list[Tag] = []
    for sibling in node.find_next_siblings(True):
        score = scores.get(id(sibling), 0.0)
        if score >= threshold:
            run.append(sibling)
        elif abs(score) > NEGLIGIBLE_SCORE:
            break
    return run


def extract_builtin(page: HtmlPage, config: Config) -> Tag | None:
    """Return the article container of the page (see the module docstring)."""
    body = page.soup.body or page.soup
    selectors = tuple(s for profile in page.profiles for s in profile.content)
    return best_container(body, selectors)


def extract_whole_page(page: HtmlPage, config: Config) -> Tag | None:
    """Return the whole body: every visible text of the page, chrome included."""
    return page.soup.body or page.soup
