"""DOCX layout profiles: TOML data describing page, fonts and sizes.

Built-in profiles live in `profiles/*.toml` beside this module; `--profile-file`
reads a user's file of the same shape.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from convert import Config, ConfigError


@dataclass(frozen=True, slots=True, kw_only=True)
class TextStyle:
    """Fonts and size of one paragraph style."""

    east_asia_font: str
    latin_font: str
    size: float
    align: str = "left"


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    """Everything the DOCX sink needs to know about a layout."""

    name: str
    page: dict[str, float]
    body: TextStyle
    first_line_chars: float
    line_pitch: float
    title: TextStyle
    headings: tuple[TextStyle, TextStyle, TextStyle, TextStyle]


def builtin_profiles() -> list[str]:
    """Return the names of the built-in profiles."""
    folder = resources.files(__package__).joinpath("profiles")
    return sorted(
        p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")
    )


def load_profile(config: Config) -> Profile:
    """Return the profile the config asks for (a file wins over a built-in name)."""
    if config.profile_file:
        path = Path(config.profile_file)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise ConfigError(f"{path}: cannot read profile: {error}") from None
        return profile_from_dict(data, str(path))
    if config.profile not in builtin_profiles():
        raise ConfigError(
            f"unknown profile {config.profile!r} (built-in: {', '.join(builtin_profiles())})"
        )
    text = (
        resources.files(__package__)
        .joinpath("profiles", f"{config.profile}.toml")
        .read_text(encoding="utf-8")
    )
    return profile_from_dict(tomllib.loads(text), config.profile)


def _style(data: dict[str, Any], origin: str, key: str) -> TextStyle:
    try:
        return TextStyle(
            east_asia_font=str(data["east_asia_font"]),
            latin_font=str(data.get("latin_font", "Times New Roman")),
            size=float(data["size"]),
            align=str(data.get("align", "left")),
        )
    except KeyError as error:
        raise ConfigError(f"{origin}: [{key}] needs {error.args[0]}") from None


def profile_from_dict(data: dict[str, Any], origin: str) -> Profile:
    """Validate and build a profile from parsed TOML."""
    try:
        body = data["body"]
        headings = data["heading"]
        return Profile(
            name=str(data.get("name", origin)),
            page={k: float(v) for k, v in data["page"].items()},
            body=_style(body, origin, "body"),
            first_line_chars=float(body.get("first_line_chars", 2)),
            line_pitch=float(body.get("line_pitch", 0)),
            title=_style(data["title"], origin, "title"),
            headings=tuple(  # type: ignore[arg-type]
                _style(headings[str(level)], origin, f"heading.{level}") for level in range(1, 5)
            ),
        )
    except KeyError as error:
        raise ConfigError(f"{origin}: profile lacks [{error.args[0]}]") from None
