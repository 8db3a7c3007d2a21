"""What an uploaded document really is, read from its bytes: never from its name or declared type.

Office documents are zip archives: their directory is read and bounded before anything is decompressed.
"""

import zipfile
from typing import BinaryIO

from django.conf import settings
from django.utils.translation import gettext as _

from .errors import InvalidFile

DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
MACRO_MARKERS = ("vbaproject.bin", "macroenabled", "vbadata.xml")


def document_kind(upload: BinaryIO, *, allowed: tuple[str, ...] = ("pdf", "docx", "odt")) -> str:
    """'pdf', 'docx' or 'odt', or InvalidFile naming what is wrong. Leaves the file at its start."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        kind = "pdf"
    elif head.startswith(b"PK\x03\x04"):
        kind = _office_kind(upload)
    else:
        kind = None
    upload.seek(0)
    if kind not in allowed:
        *others, last = [name.upper() for name in allowed]
        if others:
            message = _("This file is not a %(kinds)s or %(last)s document.") % {
                "kinds": ", ".join(others),
                "last": last,
            }
        else:
            message = _("This file is not a %(kind)s document.") % {"kind": last}
        raise InvalidFile(message)
    return kind


def _office_kind(upload: BinaryIO) -> str | None:
    try:
        archive = zipfile.ZipFile(upload)
    except zipfile.BadZipFile:
        raise InvalidFile(_("This file is damaged: it cannot be opened as a document.")) from None
    with archive:
        entries = archive.infolist()
        if len(entries) > settings.UPLOAD_ZIP_MAX_ENTRIES:
            raise InvalidFile(_("This document holds too many parts to be safe to open."))
        if sum(entry.file_size for entry in entries) > settings.UPLOAD_ZIP_MAX_UNCOMPRESSED_BYTES:
            raise InvalidFile(_("This document expands to more than the portal accepts."))
        names = {entry.filename for entry in entries}
        if any(marker in name.lower() for name in names for marker in MACRO_MARKERS):
            raise InvalidFile(_("This document contains macros, which the portal does not accept."))
        if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
            return "odt"
        if "[Content_Types].xml" in names:
            content_types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
            if "macroEnabled" in content_types:
                raise InvalidFile(_("This document contains macros, which the portal does not accept."))
            if DOCX_MAIN in content_types and "word/document.xml" in names:
                return "docx"
    return None
