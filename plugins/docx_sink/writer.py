"""Build the DOCX: styles, page and footers from the profile (or a reference DOCX),
body XML written directly.

python-docx's `add_paragraph` searches the body for its insertion point on
every call, which makes a large document quadratic; here each block becomes
an lxml element and the body is filled in one pass, so time grows linearly.
"""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from convert import Config, Document, __version__

from .body import Layout, body_elements
from .derived import RELATIVES, derive_missing_styles, style_size
from .footers import set_page_numbers
from .ooxml import element, sub, w
from .profile import Profile, load_profile, text_width_pt
from .reference import add_font_fallbacks, open_base
from .styles import ROLE_STYLES, set_page, set_styles, style_id

# CT_Settings children that must follow w:updateFields (schema order).
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)


def write_docx(document: Document, config: Config) -> bytes:
    """Render the document as a DOCX in the configured profile or reference DOCX."""
    profile = load_profile(config)
    word = open_base(config.reference_docx)
    if config.reference_docx is None:
        set_page(word, profile)
        set_styles(word, profile)
        set_page_numbers(word, profile)
        add_font_fallbacks(word, profile)
    else:
        _add_missing_styles(word, profile)
    _set_properties(word, document)
    _drop_template_thumbnail(word)
    if config.toc:
        _ask_to_update_fields(word.settings.element)
    layout = _layout(word, profile, config)
    _fill_body(word.element.body, body_elements(document, layout))
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _add_missing_styles(word: Any, profile: Profile) -> None:
    # Styles with no relative first (Title, headings), so derived ones can be based on them.
    missing = {name for name in ROLE_STYLES.values() if name not in word.styles}
    unrelated = missing - RELATIVES.keys()
    set_styles(word, profile, only=unrelated)
    left = derive_missing_styles(word, profile, missing - unrelated)
    if left:
        set_styles(word, profile, only=left)


def _layout(word: Any, profile: Profile, config: Config) -> Layout:
    section = word.sections[-1]
    sizes = (section.page_width, section.left_margin, section.right_margin)
    # A reference DOCX may leave page size or margins to the application's defaults.
    width = sizes[0] - sizes[1] - sizes[2] if None not in sizes else None
    closing = profile.closing
    return Layout(
        style_ids={role: style_id(word, name) for role, name in ROLE_STYLES.items()},
        canonical_labels=config.labels != "keep",
        # Under `fill` the placeholders left carry their mark (filled spans are `filled`):
        # highlighted as under `mark`, so what is left to fill stands out, as in Markdown.
        highlight=(
            profile.placeholder_highlight if config.placeholders in ("mark", "fill") else None
        ),
        arabic_dates=closing.date_digits == "arabic",
        date_right_chars=closing.date_right_chars,
        center_signature=closing.signature_placement == "center_over_date",
        signature_right_chars=closing.signature_right_chars,
        # Indents given in 字 are converted with the body font the document really uses.
        body_size=profile.body.size
        if config.reference_docx is None
        else style_size(word, "Body Text"),
        text_width_twips=int(width / 635) if width else round(text_width_pt(profile) * 20),
        toc=config.toc,
    )


def _fill_body(body: etree._Element, elements: Any) -> None:
    # Detach the section properties, append everything in order, put them back last.
    section_properties = body.find(w("sectPr"))
    if section_properties is not None:
        body.remove(section_properties)
    body.extend(elements)
    if len(body) == 0:
        body.append(element("p"))  # Word expects a body to hold at least one paragraph
    if section_properties is not None:
        body.append(section_properties)


def _ask_to_update_fields(settings: etree._Element) -> None:
    for old in settings.findall(w("updateFields")):
        settings.remove(old)
    update = sub(settings, "updateFields", val="true")
    settings.remove(update)
    for child in settings:
        if etree.QName(child).localname in _AFTER_UPDATE_FIELDS:
            child.addprevious(update)
            return
    settings.append(update)


def _drop_template_thumbnail(word: Any) -> None:
    # The template's preview picture shows another document in file browsers.
    relationships = word.part.package.rels
    for key, relationship in list(relationships.items()):
        if relationship.reltype == RT.THUMBNAIL:
            del relationships[key]


def _set_properties(word: Any, document: Document) -> None:
    properties = word.core_properties
    properties.title = _document_title(document)
    properties.author = "gongwen-convert"
    properties.comments = f"Converted by gongwen-convert {__version__}"
    properties.last_modified_by = f"gongwen-convert {__version__}"
    # python-docx's template carries 2013 dates; SOURCE_DATE_EPOCH makes builds reproducible.
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = (
        datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    ).replace(microsecond=0, tzinfo=None)
    properties.created = properties.modified = moment


def _document_title(document: Document) -> str:
    """The compilation title, else the first article title, else the source's title
    (`meta.title`), else the first line (as Word itself proposes)."""
    for block in document.front:
        if block.type == "compilation_title" and block.text.strip():
            return block.text.strip()
    for article in document.articles:
        if article.title:
            return article.title
    if document.meta.title:
        return document.meta.title
    first = next(document.iter_blocks(), None)
    return first.text[:80] if first is not None else ""
