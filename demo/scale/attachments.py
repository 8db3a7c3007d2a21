"""Documents attached to the scale replies: small but real PDF, Word and OpenDocument files (the portal's
own check, `submissions.files.document_kind`, accepts them), stored in MEDIA_ROOT through the model's file
field, whose names the model chooses (at random: the one thing a seed does not repeat)."""

import hashlib
import io
import random
import textwrap
import zipfile
from xml.sax.saxutils import escape

from django.core.files.base import ContentFile

from submissions.models import Attachment

from . import phrases
from .replies import ReplyRecord
from .text import Pool
from .timeline import between
from .writing import Writer

KINDS = {Attachment.Kind.PDF: 6, Attachment.Kind.DOCX: 3, Attachment.Kind.ODT: 1}
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed, so that a file's bytes depend on its text alone
DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
ODT_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def attachments_create(
    writer: Writer, *, records: list[ReplyRecord], count: int, pool: Pool, seed: int
) -> list[Attachment]:
    if not records or count <= 0:
        return []
    rng = random.Random(f"{seed}:attachments")
    attachments = [_attachment(rng.choice(records), pool=pool, rng=rng) for _ in range(count)]
    created = writer.insert(Attachment, attachments)
    writer.say(f"attachments: {len(created)} files")
    return created


def _attachment(record: ReplyRecord, *, pool: Pool, rng: random.Random) -> Attachment:
    reply = record.reply
    language = record.national_code if record.national_code and rng.random() < 0.3 else reply.language
    title_en, title_fr = rng.choice(phrases.ATTACHMENT_TITLES)
    title = title_fr if language == "fr" else title_en
    groups = pool.compose(rng, words=rng.randint(150, 600), language=reply.language)
    paragraphs = pool.read(groups, language).split("\n\n")
    kind = rng.choices(list(KINDS), weights=list(KINDS.values()))[0]
    content = {"pdf": _pdf, "docx": _docx, "odt": _odt}[kind](title, paragraphs)
    at = between(record.story.opened_at, record.story.writing_ends, rng)
    attachment = Attachment(
        reply=reply,
        question=rng.choice(record.item.questions) if rng.random() < 0.5 else None,
        title=title,
        language=language,
        original_name=f"{title_en.lower().replace(' ', '-')}-{reply.party.code.lower()}.{kind}",
        kind=kind,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=record.focal_point,
        created_at=at,
        updated_at=at,
    )
    attachment.file.save(attachment.original_name, ContentFile(content), save=False)
    return attachment


def _pdf(title: str, paragraphs: list[str]) -> bytes:
    """A one-page PDF with the title and as many lines of the text as fit."""
    lines = [title, ""] + [line for p in paragraphs for line in [*textwrap.wrap(p, 90), ""]]
    text = " ".join(f"({_pdf_string(line)}) '" for line in lines[:52])
    stream = f"BT /F1 10 Tf 50 800 Td 14 TL {text} ET".encode("cp1252", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _pdf_string(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _zip(entries: list[tuple[str, str]], *, stored_first: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for position, (name, content) in enumerate(entries):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            stored = stored_first and position == 0  # an ODT's `mimetype` comes first, uncompressed
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return out.getvalue()


def _docx(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{escape(p)}</w:t></w:r></w:p>" for p in [title, *paragraphs])
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    return _zip(
        [("[Content_Types].xml", DOCX_TYPES), ("_rels/.rels", DOCX_RELS), ("word/document.xml", document)]
    )


def _odt(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<text:p>{escape(p)}</text:p>" for p in [title, *paragraphs])
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    return _zip(
        [
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("META-INF/manifest.xml", ODT_MANIFEST),
            ("content.xml", content),
        ],
        stored_first=True,
    )
