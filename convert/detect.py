"""The host's fallback for choosing a source adapter (a built-in plugin).

Registered `trylast`, so any plugin's `gongwen_detect_source` answers first.
"""

from __future__ import annotations

from collections.abc import Sequence

from .adapters import Source, SourceInfo
from .hookspecs import hookimpl

FALLBACK_SOURCE = "text"


@hookimpl(trylast=True)
def gongwen_detect_source(
    info: SourceInfo, head: bytes, sources: Sequence[Source]
) -> Source | None:
    """Pick by extension, then by sniffing the first bytes, then plain text."""
    if info.extension:
        for source in sources:
            if info.extension in source.extensions:
                return source
    for source in sources:
        if source.sniff is not None and source.sniff(info, head):
            return source
    for source in sources:
        if source.name == FALLBACK_SOURCE:
            return source
    return sources[0] if sources else None
