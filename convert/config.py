"""Typed settings, read from gongwen.toml / [tool.gongwen], GONGWEN_* and the CLI.

Precedence, lowest first: built-in defaults, the config file, environment
variables, command-line options. Every setting has the same name in all three
(`split_run_in` in TOML, `GONGWEN_SPLIT_RUN_IN` in the environment,
`--split-run-in` on the command line).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

from .errors import ConfigError

PlaceholderPolicy = Literal["keep", "unify", "mark", "fill"]
LabelPolicy = Literal["keep", "canonical", "renumber"]

ENV_PREFIX = "GONGWEN_"
CONFIG_FILE = "gongwen.toml"


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Every setting a source, pass or sink may read.

    Plugins keep their own settings under `plugins.<name>` in the config file;
    they arrive unparsed in `plugin_settings` and the plugin validates them.
    """

    encoding: str | None = None
    """Decode text inputs with this codec instead of detecting one."""
    disable_passes: tuple[str, ...] = ()
    """Names of passes to skip."""
    split_run_in: bool = True
    """Markdown shows a run-in heading ("（一）标题。正文") as a heading and a paragraph."""
    labels: LabelPolicy = "canonical"
    """Heading labels as written, in GB/T 9704 form, or renumbered sequentially."""
    repair: bool = True
    """Repair censorship substitutions (D for 党, stripped G)."""
    punctuation: bool = True
    """Normalize half-width punctuation and quotes next to CJK text."""
    placeholders: PlaceholderPolicy = "unify"
    """How anonymization placeholders are rendered."""
    fill_file: str | None = None
    """TOML file with values for the `fill` placeholder policy."""
    profile: str = "gbt9704"
    """DOCX layout profile: a built-in name."""
    profile_file: str | None = None
    """DOCX layout profile read from a TOML file."""
    reference_docx: str | None = None
    """Take DOCX styles, page setup, headers and footers from this Word file."""
    toc: bool = False
    """Put a table-of-contents field at the top of a DOCX."""
    extractor: str = "builtin"
    """Main-content extractor for HTML pages."""
    plugin_settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


_FIELDS = {f.name: f for f in dataclasses.fields(Config) if f.name != "plugin_settings"}


def load_config(
    *,
    config_file: Path | None = None,
    cwd: Path | None = None,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Config:
    """Build the effective `Config` from file, environment and explicit overrides."""
    settings: dict[str, Any] = {}
    file_settings, origin = _read_config_file(config_file, cwd or Path.cwd())
    settings.update(_coerce_all(file_settings, origin))
    settings.update(_coerce_all(_from_environment(environ or os.environ), "environment"))
    settings.update({k: v for k, v in (overrides or {}).items() if v is not None})
    return Config(**settings)


def _read_config_file(config_file: Path | None, cwd: Path) -> tuple[dict[str, Any], str]:
    if config_file is not None:
        return _parse_toml(config_file), str(config_file)
    own = cwd / CONFIG_FILE
    if own.is_file():
        return _parse_toml(own), str(own)
    pyproject = cwd / "pyproject.toml"
    if pyproject.is_file():
        table = _parse_toml(pyproject).get("tool", {}).get("gongwen", {})
        return dict(table), f"{pyproject} [tool.gongwen]"
    return {}, ""


def _parse_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config file: {error.strerror}") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from error


def _from_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name in _FIELDS:
        value = environ.get(ENV_PREFIX + name.upper())
        if value is not None:
            found[name] = value
    return found


def _coerce_all(raw: Mapping[str, Any], origin: str) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    for key, value in raw.items():
        name = key.replace("-", "_")
        if name == "plugins":
            settings["plugin_settings"] = _plugin_tables(value, origin)
        elif name not in _FIELDS:
            raise ConfigError(f"{origin}: unknown setting {key!r}")
        else:
            settings[name] = coerce_setting(name, value, origin)
    return settings


def _plugin_tables(value: Any, origin: str) -> dict[str, Mapping[str, Any]]:
    if not isinstance(value, Mapping) or not all(isinstance(v, Mapping) for v in value.values()):
        raise ConfigError(f"{origin}: [plugins] must hold one table per plugin")
    return {str(k): dict(v) for k, v in value.items()}


def coerce_setting(name: str, value: Any, origin: str) -> Any:
    """Convert a raw setting (TOML value or environment string) to its field's type."""
    annotation = str(_FIELDS[name].type)
    if annotation == "bool":
        return _to_bool(name, value, origin)
    if annotation.startswith("tuple"):
        items = value.split(",") if isinstance(value, str) else value
        return tuple(str(item).strip() for item in items if str(item).strip())
    if annotation in ("PlaceholderPolicy", "LabelPolicy"):
        allowed = get_args(PlaceholderPolicy if annotation == "PlaceholderPolicy" else LabelPolicy)
        if value not in allowed:
            raise ConfigError(
                f"{origin}: {name} must be one of {', '.join(allowed)}, not {value!r}"
            )
        return value
    if not isinstance(value, str):
        raise ConfigError(f"{origin}: {name} must be a string, not {value!r}")
    return value


def _to_bool(name: str, value: Any, origin: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{origin}: {name} must be true or false, not {value!r}")
