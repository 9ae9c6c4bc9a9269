"""Find the charset an HTML page declares in its first bytes, and decode it.

The declaration is read from the bytes before decoding (as browsers do): a
`<meta charset>`, an `http-equiv` Content-Type, an XML declaration or the
CleanEval wrapper's `encoding=` attribute. It is only a hint: the host's
cascade (`convert.encoding.decode_bytes`) verifies it with a strict decode and
falls back to detection when the page lies about itself.
"""

from __future__ import annotations

import re

from convert import Config, SourceInfo
from convert.encoding import Decoded, decode_bytes, normalize_codec_name
from convert.errors import DecodeError

_ESCAPED = re.compile("[\udc80-\udcff]")
MAX_STRAY_BYTES = 16
STRAY_BYTES_PER = 2_000  # and one more per this many bytes of a long page
# Declarations sit in the head; 8 KiB covers pages with long inline styles before it.
_PRESCAN_BYTES = 8192
_DECLARATION = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.\-]+)"""
    rb"""|<text\b[^>]*?encoding\s*=\s*["']?([A-Za-z0-9_.\-]+)""",
    re.IGNORECASE,
)


def declared_charset(data: bytes) -> str | None:
    """Return the charset the page's head declares, lower-cased, or None."""
    match = _DECLARATION.search(data[:_PRESCAN_BYTES])
    if match is None:
        return None
    found = next(group for group in match.groups() if group)
    return found.decode("ascii").lower()


def decode_page(data: bytes, info: SourceInfo, config: Config) -> Decoded:
    """Decode page bytes without loss: BOM, then the verified declaration, then detection.

    A charset named outside the bytes (an HTTP header in `info`) outranks the
    one the page declares, as in browsers.
    """
    declared = info.declared_charset or declared_charset(data)
    try:
        decoded = decode_bytes(
            data, name=info.display_name, override=config.encoding, declared=declared
        )
    except DecodeError:
        if config.encoding:
            raise
        found = _with_stray_bytes(data, declared)
        if found is None:
            raise
        return found
    if declared and not config.encoding and not decoded.reason.startswith("declared"):
        reason = f"{decoded.reason}; the declared charset {declared!r} does not fit the bytes"
        return Decoded(decoded.text, decoded.encoding, reason)
    return decoded


def _with_stray_bytes(data: bytes, declared: str | None) -> Decoded | None:
    """Decode a page whose text is valid but for a few stray bytes, marking each with U+FFFD.

    Browsers show such bytes as U+FFFD too. Only a handful are tolerated (see
    `MAX_STRAY_BYTES`); the reason names how many and where the first one is,
    so the substitution is on record.
    """
    candidates = [normalize_codec_name(declared)] if declared else []
    candidates += [codec for codec in ("utf-8", "gb18030") if codec not in candidates]
    for codec in candidates:
        try:
            escaped = data.decode(codec, errors="surrogateescape")
        except LookupError:
            continue
        bad = [match.start() for match in _ESCAPED.finditer(escaped)]
        if len(bad) <= max(MAX_STRAY_BYTES, len(data) // STRAY_BYTES_PER):
            reason = (
                f"{codec} with {len(bad)} undecodable byte(s) shown as U+FFFD "
                f"(first at character {bad[0]})"
            )
            return Decoded(_ESCAPED.sub("\ufffd", escaped), codec, reason)
    return None
