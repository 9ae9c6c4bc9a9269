"""Write output files atomically and name them safely."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from .errors import ConvertError

_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]+')
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}
MAX_NAME_CHARS = 80


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file and a rename.

    A reader never sees a partial file, and an error leaves no file behind
    (an existing file at `path` stays as it was).
    """
    directory = path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise ConvertError(f"{path}: cannot write: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o666 & ~_current_umask())
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise ConvertError(f"{path}: cannot write: {error.strerror}") from None
        raise


def _current_umask() -> int:
    # mkstemp creates files 0600; outputs should get the user's usual permissions.
    mask = os.umask(0)
    os.umask(mask)
    return mask


def safe_file_name(name: str, max_chars: int = MAX_NAME_CHARS) -> str:
    """Return `name` made safe as a file name on Windows, macOS and Linux.

    Path separators, control and reserved characters become "_", leading and
    trailing dots and spaces go, reserved device names get a "_" suffix, and
    the result is at most `max_chars` characters (never empty).
    """
    cleaned = _UNSAFE.sub("_", name).strip(" .")
    cleaned = cleaned[:max_chars].rstrip(" .") or "_"
    if cleaned.split(".", 1)[0].upper() in _RESERVED:
        cleaned += "_"
    return cleaned


def unique_path(path: Path, taken: set[Path]) -> Path:
    """Return `path`, or `stem-2.ext`, `stem-3.ext` … when already in `taken`; record it."""
    candidate = path
    counter = 2
    while candidate in taken:
        candidate = path.with_name(f"{path.stem}-{counter}{path.suffix}")
        counter += 1
    taken.add(candidate)
    return candidate
