"""An organisation's Word document, or HTML typed into a form, turned into HTML safe to show on the portal.

An upload is refused before anything in it is converted: too large, not really a .docx, a zip bomb or
macro-enabled. What mammoth produces is then cleaned by nh3 to a short list of tags, because a .docx is
written by whoever uploads it and mammoth keeps whatever links and text it holds.
"""

import os
from typing import BinaryIO

import mammoth
import nh3
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from submissions.errors import InvalidFile
from submissions.files import document_kind

ALLOWED_TAGS = {
    "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "sub", "sup",
    "blockquote", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "a",
}  # fmt: skip


def safe_html(text: str) -> str:
    """The HTML with only the portal's tags kept; every other tag is dropped and its text escaped."""
    return nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        # "*" given empty, or nh3 keeps its default lang and title on every tag.
        attributes={"*": set(), "a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        # Relative links (a Word table of contents' "#_Toc..." anchors, "/logout") point nowhere useful
        # once ids are stripped, or somewhere on the portal the author chose: drop them.
        url_relative="deny",
        link_rel="noopener noreferrer",
    )


def docx_to_safe_html(upload: BinaryIO) -> str:
    """The text of an uploaded .docx as safe HTML, without its images; InvalidFile naming what is wrong."""
    size = _size(upload)
    if size > settings.CONTRIBUTION_DOCUMENT_MAX_BYTES:
        # The portal's existing wording for an oversized upload, so it is already in the catalogue.
        raise InvalidFile(
            _("This file is %(size)s; the largest accepted is %(limit)s.")
            % {
                "size": filesizeformat(size),
                "limit": filesizeformat(settings.CONTRIBUTION_DOCUMENT_MAX_BYTES),
            }
        )
    # Real .docx (read from its bytes), zip directory bounded, no macros; leaves the file at its start.
    document_kind(upload, allowed=("docx",))
    result = mammoth.convert_to_html(
        upload,
        # mammoth's default embeds every image as a base64 data URI, and its img_element helper always
        # writes an <img>: a converter returning no nodes drops the image, and never opens its bytes or
        # follows a linked (TargetMode="External") one.
        convert_image=lambda image: [],
        # A style map stored inside the document would let its author choose the output tags.
        include_embedded_style_map=False,
        # Already mammoth's default since 1.11; said here so an upgrade cannot fetch linked files.
        external_file_access=False,
    )
    html = safe_html(result.value)
    if not strip_tags(html).strip():
        raise InvalidFile(_("This document has no text."))
    return html


def _size(upload: BinaryIO) -> int:
    size = getattr(upload, "size", None)
    if size is None:
        size = upload.seek(0, os.SEEK_END)
        upload.seek(0)
    return size
