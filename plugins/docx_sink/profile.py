"""DOCX layout profiles: TOML data describing page, grid, fonts, closing and page numbers.

`profiles/gbt9704.toml` is complete and defines which keys exist. Any other
profile (built-in or a user's `--profile-file`) names a `base` and sets only
the keys it changes; the loader merges it over the base, rejects keys the base
does not have and values of the wrong type, so a typo never passes silently.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from convert import Config, ConfigError

ROOT_PROFILE = "gbt9704"
ALIGNMENTS = ("left", "center", "right", "justify", "both")


@dataclass(frozen=True, slots=True, kw_only=True)
class TextStyle:
    """Fonts, size and paragraph layout of one paragraph style."""

    east_asia_font: str
    latin_font: str
    size: float
    bold: bool = False
    align: str = "left"
    first_line_chars: float = 0
    space_before_lines: float = 0
    space_after_lines: float = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """Paper size and margins in millimetres."""

    width_mm: float
    height_mm: float
    margin_top_mm: float
    margin_bottom_mm: float
    margin_left_mm: float
    margin_right_mm: float
    header_mm: float
    footer_mm: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Grid:
    """Document grid; 0 lines/chars writes no grid. `line_pitch` is in points."""

    lines_per_page: int
    chars_per_line: int
    line_pitch: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Closing:
    """Where the signature (署名) and date (成文日期) go."""

    date_right_chars: float
    date_digits: str
    signature_placement: str
    signature_right_chars: float
    space_before_lines: float


@dataclass(frozen=True, slots=True, kw_only=True)
class PageNumber:
    """Page-number footers; `text` holds `{PAGE}` where the field goes."""

    enabled: bool
    text: str
    east_asia_font: str
    latin_font: str
    size: float
    odd_align: str
    even_align: str
    outside_chars: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    """Everything the DOCX sink (and `gongwen check`) needs to know about a layout."""

    name: str
    description: str
    page: Page
    grid: Grid
    body: TextStyle
    title: TextStyle
    headings: tuple[TextStyle, TextStyle, TextStyle, TextStyle]
    closing: Closing
    page_number: PageNumber
    placeholder_highlight: str
    fallback: dict[str, str]


def builtin_profiles() -> list[str]:
    """Return the names of the built-in profiles."""
    folder = resources.files(__package__).joinpath("profiles")
    return sorted(
        p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")
    )


def load_profile(config: Config) -> Profile:
    """Return the profile the config asks for.

    With `profile_file`, that file is merged over its `base` (or over
    `config.profile` when it names none); otherwise the built-in `config.profile`.
    Raises `ConfigError` with a one-line message for any problem.
    """
    if config.profile_file:
        path = Path(config.profile_file)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise ConfigError(f"{path}: cannot read profile: {error}") from None
        named = "name" in data
        merged = _merged(data, str(path), default_base=config.profile)
        if not named:
            merged["name"] = path.stem
        return profile_from_dict(merged, str(path))
    return profile_from_dict(_builtin_data(config.profile, ()), config.profile)


def _builtin_data(name: str, seen: tuple[str, ...]) -> dict[str, Any]:
    if name not in builtin_profiles():
        raise ConfigError(f"unknown profile {name!r} (built-in: {', '.join(builtin_profiles())})")
    if name in seen:
        raise ConfigError(f"profile {name!r}: circular base ({' → '.join((*seen, name))})")
    text = resources.files(__package__).joinpath("profiles", f"{name}.toml").read_text("utf-8")
    data = tomllib.loads(text)
    if name == ROOT_PROFILE:
        return data
    return _merged(data, name, default_base=ROOT_PROFILE, seen=(*seen, name))


def _merged(
    data: dict[str, Any], origin: str, *, default_base: str, seen: tuple[str, ...] = ()
) -> dict[str, Any]:
    base_name = str(data.pop("base", default_base))
    if base_name not in builtin_profiles():
        raise ConfigError(
            f"{origin}: unknown base profile {base_name!r} "
            f"(built-in: {', '.join(builtin_profiles())})"
        )
    base = _builtin_data(base_name, seen)
    _check_keys(data, _builtin_data(ROOT_PROFILE, ()), origin, "")
    return _deep_update(base, data)


def _check_keys(data: dict[str, Any], schema: dict[str, Any], origin: str, prefix: str) -> None:
    for key, value in data.items():
        where = f"{prefix}{key}"
        if prefix == "fallback.":
            if not isinstance(value, str):
                raise ConfigError(f"{origin}: {where} must be a font name")
            continue
        if key not in schema:
            raise ConfigError(f"{origin}: unknown profile key {where!r}")
        expected = schema[key]
        if isinstance(expected, dict):
            if not isinstance(value, dict):
                raise ConfigError(f"{origin}: {where} must be a table")
            _check_keys(value, expected, origin, where + ".")
        elif not _same_kind(expected, value):
            raise ConfigError(f"{origin}: {where} must be {type(expected).__name__}, not {value!r}")


def _same_kind(expected: Any, value: Any) -> bool:
    if isinstance(expected, bool) or isinstance(value, bool):
        return isinstance(expected, bool) and isinstance(value, bool)
    if isinstance(expected, int | float):
        return isinstance(value, int | float)
    return isinstance(value, type(expected))


def _deep_update(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    result = dict(base)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = _deep_update(result[key], value)
        else:
            result[key] = value
    return result


def _style(data: dict[str, Any], origin: str, key: str) -> TextStyle:
    style = TextStyle(**data)
    if style.align not in ALIGNMENTS:
        raise ConfigError(f"{origin}: {key}.align must be one of {', '.join(ALIGNMENTS)}")
    if style.size <= 0:
        raise ConfigError(f"{origin}: {key}.size must be positive")
    return style


def profile_from_dict(data: dict[str, Any], origin: str) -> Profile:
    """Build a profile from merged TOML data (every key present)."""
    try:
        closing = Closing(**data["closing"])
        page_number = PageNumber(**data["page_number"])
        grid = Grid(**data["grid"])
        profile = Profile(
            name=str(data.get("name", origin)),
            description=str(data.get("description", "")),
            page=Page(**{k: float(v) for k, v in data["page"].items()}),
            grid=Grid(
                lines_per_page=int(grid.lines_per_page),
                chars_per_line=int(grid.chars_per_line),
                line_pitch=float(grid.line_pitch),
            ),
            body=_style(data["body"], origin, "body"),
            title=_style(data["title"], origin, "title"),
            headings=(
                _style(data["heading"]["1"], origin, "heading.1"),
                _style(data["heading"]["2"], origin, "heading.2"),
                _style(data["heading"]["3"], origin, "heading.3"),
                _style(data["heading"]["4"], origin, "heading.4"),
            ),
            closing=closing,
            page_number=page_number,
            placeholder_highlight=str(data["placeholder"]["highlight"]),
            fallback={str(k): str(v) for k, v in data.get("fallback", {}).items()},
        )
    except (KeyError, TypeError) as error:
        raise ConfigError(f"{origin}: incomplete profile: {error}") from None
    _validate(profile, origin)
    return profile


def _validate(profile: Profile, origin: str) -> None:
    if profile.closing.date_digits not in ("arabic", "keep"):
        raise ConfigError(f"{origin}: closing.date_digits must be arabic or keep")
    if profile.closing.signature_placement not in ("center_over_date", "right"):
        raise ConfigError(
            f"{origin}: closing.signature_placement must be center_over_date or right"
        )
    for key in ("odd_align", "even_align"):
        if getattr(profile.page_number, key) not in ("left", "center", "right"):
            raise ConfigError(f"{origin}: page_number.{key} must be left, center or right")
    if "{PAGE}" not in profile.page_number.text:
        raise ConfigError(f"{origin}: page_number.text must contain {{PAGE}}")
    if profile.grid.line_pitch <= 0:
        raise ConfigError(f"{origin}: grid.line_pitch must be positive")
    text_width = profile.page.width_mm - profile.page.margin_left_mm - profile.page.margin_right_mm
    if text_width <= 0:
        raise ConfigError(f"{origin}: page margins leave no room for text")


def character_spacing_twips(profile: Profile) -> int:
    """Character spacing (1/20 pt) that puts `chars_per_line` body characters on a line.

    156 mm / 28 = 15.79 pt per character for 16 pt type: condensed by 0.25 pt (rounded
    down to whole twentieths, so that the last character always fits). 0 without a
    character count.
    """
    if profile.grid.chars_per_line <= 0:
        return 0
    pitch = text_width_pt(profile) / profile.grid.chars_per_line
    return math.floor((pitch - profile.body.size) * 20)


def text_width_pt(profile: Profile) -> float:
    """Width of the text block (版心) in points."""
    page = profile.page
    return (page.width_mm - page.margin_left_mm - page.margin_right_mm) * 72 / 25.4
