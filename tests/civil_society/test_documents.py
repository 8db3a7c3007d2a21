"""An organisation's Word document becomes safe HTML, or is refused before anything in it is converted.

Every document here is a real file built in the test: python-docx for Word documents, zipfile for the
archives a hostile upload could be.
"""

import io
import struct
import zipfile
import zlib

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from civil_society.documents import docx_to_safe_html, safe_html
from submissions.errors import InvalidFile

DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    f'<Override PartName="/word/document.xml" ContentType="{DOCX_MAIN}"/></Types>'
)
NOT_A_DOCX = "This file is not a DOCX document."


def png() -> bytes:
    """A valid 1x1 white PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\0\xff\xff\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def add_hyperlink(paragraph, url: str, text: str) -> None:
    """python-docx has no API for hyperlinks: the w:hyperlink element and its relationship, by hand."""
    relationship = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    hyperlink.append(run)
    paragraph._p.append(hyperlink)


def as_upload(document, name: str = "contribution.docx") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def rezipped(upload, *, replace: dict[str, bytes], add: dict[str, bytes]) -> SimpleUploadedFile:
    """The same Word document with some parts replaced and others added."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(upload) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            target.writestr(entry.filename, replace.get(entry.filename, source.read(entry.filename)))
        for name, body in add.items():
            target.writestr(name, body)
    return SimpleUploadedFile(upload.name, buffer.getvalue())


def refusal(upload) -> str:
    with pytest.raises(InvalidFile) as refused:
        docx_to_safe_html(upload)
    return str(refused.value)


def test_a_word_document_keeps_its_structure_and_text():
    document = docx.Document()
    document.add_heading("Comments on Question 6", level=1)
    paragraph = document.add_paragraph("Helplines are ")
    paragraph.add_run("not funded").bold = True
    paragraph.add_run(" in rural areas.")
    document.add_paragraph("Schools", style="List Bullet")
    document.add_paragraph("Sports clubs", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("Year", "Cases"), ("2021", "42")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    add_hyperlink(document.add_paragraph("See "), "https://www.coe.int/lanzarote", "the Convention")

    html = docx_to_safe_html(as_upload(document))

    assert html == (
        "<h1>Comments on Question 6</h1>"
        "<p>Helplines are <strong>not funded</strong> in rural areas.</p>"
        "<ul><li>Schools</li><li>Sports clubs</li></ul>"
        "<table><tbody>"
        "<tr><td><p>Year</p></td><td><p>Cases</p></td></tr>"
        "<tr><td><p>2021</p></td><td><p>42</p></td></tr>"
        "</tbody></table>"
        '<p>See <a href="https://www.coe.int/lanzarote" rel="noopener noreferrer">the Convention</a></p>'
    )


def test_an_embedded_image_is_dropped_and_the_text_kept():
    document = docx.Document()
    document.add_paragraph("Before the chart.")
    document.add_picture(io.BytesIO(png()))
    document.add_paragraph("After the chart.")

    html = docx_to_safe_html(as_upload(document))

    assert html == "<p>Before the chart.</p><p>After the chart.</p>"


def test_hostile_content_is_neutralised():
    document = docx.Document()
    document.add_picture(io.BytesIO(png()))
    # Turn the embedded picture into one linked from an outside server, as Word's "Link to File" does.
    blip = document.element.body.xpath(".//a:blip")[0]
    external = document.part.relate_to("http://evil.example/x.png", RT.IMAGE, is_external=True)
    del blip.attrib[qn("r:embed")]
    blip.set(qn("r:link"), external)
    document.add_paragraph("<script>alert(1)</script>")
    add_hyperlink(document.add_paragraph(), "javascript:alert(document.cookie)", "Click here")
    upload = as_upload(document)
    assert b'TargetMode="External"' in zipfile.ZipFile(upload).read("word/_rels/document.xml.rels")

    html = docx_to_safe_html(upload)

    assert "<img" not in html
    assert "evil.example" not in html
    assert "javascript:" not in html
    assert "<script" not in html
    assert "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>" in html
    assert '<a rel="noopener noreferrer">Click here</a>' in html


def test_a_zip_bomb_is_refused_from_its_directory():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/media/zeros.bin", "w", force_zip64=True) as entry:
            chunk = bytes(1024 * 1024)
            for _ in range(300):
                entry.write(chunk)
    assert len(buffer.getvalue()) < 1024 * 1024

    message = refusal(SimpleUploadedFile("bomb.docx", buffer.getvalue()))

    assert message == "This document expands to more than the portal accepts."


def test_a_document_with_too_many_parts_is_refused(settings):
    settings.UPLOAD_ZIP_MAX_ENTRIES = 30
    document = docx.Document()
    document.add_paragraph("Text")
    upload = rezipped(as_upload(document), replace={}, add={f"extra/part{n}.xml": b"<x/>" for n in range(30)})

    assert refusal(upload) == "This document holds too many parts to be safe to open."


@pytest.mark.parametrize("with_vba_project", [True, False], ids=["vba-project", "content-type-only"])
def test_a_macro_enabled_document_renamed_docx_is_refused(with_vba_project):
    document = docx.Document()
    document.add_paragraph("Enable editing to see this contribution.")
    upload = as_upload(document)
    content_types = (
        zipfile.ZipFile(upload).read("[Content_Types].xml").replace(DOCX_MAIN.encode(), DOCM_MAIN.encode())
    )
    vba = {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"} if with_vba_project else {}
    upload = rezipped(upload, replace={"[Content_Types].xml": content_types}, add=vba)

    assert refusal(upload) == "This document contains macros, which the portal does not accept."


def test_a_plain_zip_is_not_a_word_document():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")

    assert refusal(SimpleUploadedFile("contribution.docx", buffer.getvalue())) == NOT_A_DOCX


def test_a_pdf_renamed_docx_is_refused():
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

    assert refusal(SimpleUploadedFile("contribution.docx", pdf)) == NOT_A_DOCX


@pytest.mark.parametrize("wrap", [SimpleUploadedFile.__name__, "BytesIO"])
def test_a_file_over_the_limit_is_refused_before_being_read(settings, wrap):
    settings.CONTRIBUTION_DOCUMENT_MAX_BYTES = 1024 * 1024
    body = bytes(2 * 1024 * 1024)  # not even a zip: the size is checked first
    upload = SimpleUploadedFile("contribution.docx", body) if wrap != "BytesIO" else io.BytesIO(body)

    assert refusal(upload) == "This file is 2.0\xa0MB; the largest accepted is 1.0\xa0MB."


@pytest.mark.parametrize("with_picture", [False, True], ids=["blank", "picture-only"])
def test_a_document_without_text_is_refused(with_picture):
    document = docx.Document()
    document.add_paragraph("   ")
    if with_picture:
        document.add_picture(io.BytesIO(png()))

    assert refusal(as_upload(document)) == "This document has no text."


def test_html_typed_into_a_form_keeps_only_the_allowed_tags():
    typed = (
        '<h2 class="title" style="color:red">Findings</h2>'
        '<p onclick="steal()">See <a href="javascript:alert(1)">this</a>, '
        '<a href="/admin/" title="x">that</a> and <a href="mailto:ngo@example.org">us</a>.</p>'
        '<img src="https://evil.example/x.png"><script>alert(1)</script><div><em>kept</em></div>'
    )

    assert safe_html(typed) == (
        "<h2>Findings</h2>"
        '<p>See <a rel="noopener noreferrer">this</a>, <a rel="noopener noreferrer">that</a> and '
        '<a href="mailto:ngo@example.org" rel="noopener noreferrer">us</a>.</p><em>kept</em>'
    )
