"""One exception root, a few subclasses named after the failure.

Messages are written for the user: the CLI prints `str(error)` on one line.
"""

from __future__ import annotations


class ConvertError(Exception):
    """Base of every error gongwen reports to a user instead of a traceback."""


class DecodeError(ConvertError):
    """The input bytes could not be decoded without loss."""


class SourceError(ConvertError):
    """No source adapter can read the input, or the input is malformed."""


class SinkError(ConvertError):
    """The document cannot be written in the requested format."""


class ConfigError(ConvertError):
    """A setting in gongwen.toml, the environment or the command line is invalid.

    The CLI treats it as a usage error (exit code 2).
    """


class PluginError(ConvertError):
    """Plugins conflict (two adapters with one name) or misbehave."""
