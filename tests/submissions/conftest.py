import io
import zipfile

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import FocalPointFactory, QuestionFactory, QuestionnaireFactory, ReplyFactory


@pytest.fixture
def reply(db):
    """A draft reply of a Party, with a three-question questionnaire and two focal points."""
    reply = ReplyFactory()
    questionnaire = QuestionnaireFactory(round=reply.round)
    for number in ("1", "1.1", "2"):
        QuestionFactory(questionnaire=questionnaire, number=number)
    FocalPointFactory(party=reply.party, user__username="focal-a1")
    FocalPointFactory(party=reply.party, user__username="focal-a2")
    return reply


@pytest.fixture
def focal(reply):
    return reply.party.focal_points.get(user__username="focal-a1").user


@pytest.fixture
def colleague(reply):
    return reply.party.focal_points.get(user__username="focal-a2").user


def pdf_upload(name: str = "report.pdf") -> SimpleUploadedFile:
    body = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def docx_upload(name: str = "law.docx", text: str = "Criminal Code, article 22") -> SimpleUploadedFile:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/octet-stream")


def zip_upload(name: str, members: dict[str, bytes]) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    return SimpleUploadedFile(name, buffer.getvalue())
