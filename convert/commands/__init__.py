"""Sub-commands of `gongwen`, one module each."""

from __future__ import annotations

from types import ModuleType

from . import convert_command, lint_command, outline_command, plugins_command

COMMANDS: tuple[ModuleType, ...] = (
    convert_command,
    lint_command,
    outline_command,
    plugins_command,
)
