"""Site profiles: clean-up rules kept as data (TOML files here, or `SiteProfile`s from plugins).

A profile file holds one table of plain lists::

    name = "wenmi"
    description = "文秘 / 范文 sites"
    match = ["文秘", "范文"]          # regexes searched in the title and URLs
    content = ["div.article-content"] # CSS selectors of the article container
    drop = [".vip-download"]          # CSS selectors of chrome
    drop_text = ["^推荐访问"]          # regexes matched at the start of a text line
    chrome_words = ["share"]          # class/id words that mark chrome
    chrome_titles = ["相关文章"]       # whole headings of boxes that are chrome

Compiled profiles merge every rule of the profiles that match a page.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from convert import SiteProfile
from convert.errors import ConfigError

_FIELDS = ("match", "content", "drop", "drop_text", "chrome_words", "chrome_titles")


def profile_from_mapping(table: dict[str, Any], origin: str) -> SiteProfile:
    """Build a `SiteProfile` from a parsed TOML table, checking every field."""
    name = table.get("name")
    if not isinstance(name, str) or not name:
        raise ConfigError(f"{origin}: a site profile needs a name")
    unknown = set(table) - {"name", "description", *_FIELDS}
    if unknown:
        raise ConfigError(f"{origin}: unknown site-profile keys {', '.join(sorted(unknown))}")
    lists: dict[str, tuple[str, ...]] = {}
    for key in _FIELDS:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ConfigError(f"{origin}: {key} must be a list of strings")
        lists[key] = tuple(value)
    for pattern in lists["match"] + lists["drop_text"] + lists["chrome_titles"]:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ConfigError(f"{origin}: bad regular expression {pattern!r}: {error}") from None
    return SiteProfile(name=name, description=str(table.get("description", "")), **lists)


def builtin_profiles() -> list[SiteProfile]:
    """Load the profiles shipped in this package's `profiles/` folder."""
    folder = resources.files(__package__).joinpath("profiles")
    found = []
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".toml"):
            table = tomllib.loads(entry.read_text(encoding="utf-8"))
            found.append(profile_from_mapping(table, f"site profile {entry.name}"))
    return found


@dataclass(frozen=True, slots=True)
class Rules:
    """The merged, compiled rules of every profile that applies to one page."""

    names: tuple[str, ...]
    content: tuple[str, ...]
    drop: tuple[str, ...]
    drop_text: re.Pattern[str] | None
    chrome_words: frozenset[str]
    chrome_titles: re.Pattern[str] | None

    def is_chrome_text(self, text: str) -> bool:
        """Say whether a text line is chrome by the profiles' `drop_text` rules."""
        return self.drop_text is not None and self.drop_text.match(text) is not None

    def is_chrome_title(self, text: str) -> bool:
        """Say whether a box heading names the box as chrome ("相关文章")."""
        return self.chrome_titles is not None and self.chrome_titles.fullmatch(text) is not None


def matching(profiles: Iterable[SiteProfile], haystack: str) -> tuple[SiteProfile, ...]:
    """Return the profiles that apply to a page whose title and URLs are `haystack`."""
    return tuple(
        profile
        for profile in sorted(profiles, key=lambda p: p.name)
        if not profile.match or any(re.search(p, haystack) for p in profile.match)
    )


def compile_rules(profiles: Sequence[SiteProfile]) -> Rules:
    """Merge the rules of `profiles` into one compiled set."""
    patterns = [p for profile in profiles for p in profile.drop_text]
    titles = [p for profile in profiles for p in profile.chrome_titles]
    return Rules(
        names=tuple(profile.name for profile in profiles),
        content=tuple(s for profile in profiles for s in profile.content),
        drop=tuple(s for profile in profiles for s in profile.drop),
        drop_text=re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None,
        chrome_words=frozenset(w.lower() for profile in profiles for w in profile.chrome_words),
        chrome_titles=re.compile("|".join(f"(?:{p})" for p in titles)) if titles else None,
    )
