"""The fill file for `placeholders = "fill"`: values keyed by role or by placeholder-in-context.

    # fill.toml
    "XX市" = "珠海市"        # exact placeholder in context (any masking glyph matches)
    "XX区人民政府" = "香洲区人民政府"
    place = "某地"           # a role: fills every remaining place placeholder
    person = "某某"

Keys that are role names fill by role; every other key must contain a
placeholder and fills the text it matches. Longer context keys win.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from convert import ConfigError

from .placeholder_detect import find_placeholders

ROLES = ("place", "number", "date", "person", "organisation", "document_number", "unknown")


@dataclass(frozen=True, slots=True)
class FillTable:
    """Values by role, and (key, value) pairs by context, longest key first."""

    roles: dict[str, str]
    contexts: tuple[tuple[str, str], ...]


def load_fill_table(path: str) -> FillTable:
    """Read and check a fill file; raise `ConfigError` naming the file and the problem."""
    resolved = Path(path)
    try:
        stamp = resolved.stat().st_mtime_ns
    except OSError as error:
        raise ConfigError(f"{path}: cannot read fill file: {error.strerror}") from None
    return _load(str(resolved), stamp)


@lru_cache(maxsize=8)
def _load(path: str, stamp: int) -> FillTable:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read fill file: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    roles: dict[str, str] = {}
    contexts: list[tuple[str, str]] = []
    for key, value in data.items():
        if not isinstance(value, str):
            raise ConfigError(f"{path}: value of {key!r} must be a string")
        if key in ROLES:
            roles[key] = value
        elif find_placeholders(key):
            contexts.append((key, value))
        else:
            raise ConfigError(
                f"{path}: key {key!r} is neither a role ({', '.join(ROLES)}) "
                "nor text containing a placeholder"
            )
    contexts.sort(key=lambda item: -len(item[0]))
    return FillTable(roles=roles, contexts=tuple(contexts))
