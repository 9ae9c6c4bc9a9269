"""gongwen-convert: normalize Chinese work-report documents and convert them.

The public surface, for users and plugin authors::

    from convert import convert_file, hookimpl, Block, Pass
"""

from __future__ import annotations

from .adapters import Extractor, HtmlPage, Pass, Sink, SiteProfile, Source, SourceInfo
from .config import Config, load_config
from .errors import (
    ConfigError,
    ConvertError,
    DecodeError,
    PluginError,
    SinkError,
    SourceError,
)
from .hookspecs import hookimpl
from .host import get_plugin_manager
from .model import (
    Article,
    Block,
    Change,
    Document,
    Finding,
    Lead,
    Mark,
    Meta,
    Numbering,
    Span,
)
from .pipeline import Converter, convert_bytes, convert_file, parse
from .walk import map_blocks

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Block",
    "Change",
    "Config",
    "ConfigError",
    "ConvertError",
    "Converter",
    "DecodeError",
    "Document",
    "Extractor",
    "Finding",
    "HtmlPage",
    "Lead",
    "Mark",
    "Meta",
    "Numbering",
    "Pass",
    "PluginError",
    "Sink",
    "SinkError",
    "SiteProfile",
    "Source",
    "SourceError",
    "SourceInfo",
    "Span",
    "__version__",
    "convert_bytes",
    "convert_file",
    "get_plugin_manager",
    "hookimpl",
    "load_config",
    "map_blocks",
    "parse",
]
