"""The starting document: python-docx's template, or the user's `--reference-docx`.

A reference DOCX lends its styles, page setup, headers and footers (pandoc's
model): its body is emptied, its last section properties are kept. Styles the
body needs and the reference lacks are based on its related styles (see
`derived`), or made from the profile when it has none; styles it has are left
exactly as the user made them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from convert import SinkError

from .ooxml import sub, w
from .profile import Profile

# GB2312 charset and a family hint let Word substitute a similar installed face.
_GB2312_CHARSET = "86"


def open_base(reference: str | None) -> Any:
    """Return a python-docx Document to build on, with an empty body."""
    if reference is None:
        return docx.Document()
    path = Path(reference)
    if not path.is_file():
        raise SinkError(f"{path}: reference DOCX not found")
    try:
        word = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile):
        raise SinkError(f"{path}: not a Word .docx file") from None
    except ValueError as error:  # python-docx: a package of another type (.dotx, .xlsx)
        raise SinkError(f"{path}: not a Word .docx file: {error}") from None
    except KeyError as error:
        raise SinkError(f"{path}: damaged reference DOCX: {error}") from None
    except OSError as error:
        raise SinkError(f"{path}: cannot read reference DOCX: {error.strerror}") from None
    except etree.XMLSyntaxError as error:
        raise SinkError(f"{path}: damaged reference DOCX: {error}") from None
    _empty_body(word.element.body)
    return word


def _empty_body(body: etree._Element) -> None:
    # Keep only the final section properties: they carry page setup and footers.
    for child in list(body):
        if child.tag != w("sectPr"):
            body.remove(child)


def add_font_fallbacks(word: Any, profile: Profile) -> None:
    """Name a fallback (`w:altName`) for each profile font in word/fontTable.xml."""
    part = next(
        (p for p in word.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml"),
        None,
    )
    if part is None:
        return
    table = etree.fromstring(part.blob)
    for name in sorted(_profile_fonts(profile)):
        for old in table.findall(w("font")):
            if old.get(w("name")) == name:
                table.remove(old)
        font = sub(table, "font", name=name)
        fallback = profile.fallback.get(name)
        if fallback:
            sub(font, "altName", val=fallback)
        if any("\u4e00" <= char <= "\u9fff" for char in name):
            sub(font, "charset", val=_GB2312_CHARSET)
            sub(font, "family", val="modern" if "仿宋" in name or "楷" in name else "auto")
    # python-docx keeps unknown parts as plain blobs; replacing the blob is its way to edit one.
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def _profile_fonts(profile: Profile) -> set[str]:
    styles = (profile.body, profile.title, *profile.headings)
    names = {style.east_asia_font for style in styles} | {style.latin_font for style in styles}
    names |= {profile.page_number.east_asia_font, profile.page_number.latin_font}
    return names
