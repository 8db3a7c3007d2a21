import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from submissions.models import Attachment, Reply

from .conftest import PDF_BYTES, docx_bytes

pytestmark = pytest.mark.django_db

URL = "/api/v1/rounds/round-api/replies/za/attachments/"


def files_under(root) -> list:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def upload(client, name: str, content: bytes, **fields):
    data = {
        "file": SimpleUploadedFile(name, content),
        "title": "Annual statistics",
        "language": "en",
        **fields,
    }
    return client.post(URL, data, format="multipart")


def test_a_focal_point_attaches_a_pdf(client_as, draft_a, media_root):
    response = upload(client_as("focal_a"), "statistics.pdf", PDF_BYTES)

    assert response.status_code == 201
    body = response.json()
    attachment = Attachment.objects.get()
    assert body == {
        "id": attachment.pk,
        "title": "Annual statistics",
        "language": "en",
        "kind": "pdf",
        "size": len(PDF_BYTES),
        "question": None,
        "url": f"http://testserver/en/attachments/{attachment.pk}/",
    }
    assert attachment.reply == draft_a and attachment.uploaded_by.username == "focal-za"
    assert [path.read_bytes() for path in files_under(media_root)] == [PDF_BYTES]


def test_a_focal_point_attaches_a_word_document_to_a_question_in_the_national_language(client_as, draft_a):
    response = upload(client_as("focal_a"), "Statistik.docx", docx_bytes(), language="de", question="2")

    assert response.status_code == 201
    assert response.json()["kind"] == "docx" and response.json()["question"] == "2"
    attachment = Attachment.objects.get()
    assert attachment.question.number == "2" and attachment.language == "de"


def test_the_attachment_is_listed_with_the_reply(client_as, draft_a):
    client = client_as("focal_a")
    upload(client, "statistics.pdf", PDF_BYTES)

    attachments = client.get("/api/v1/rounds/round-api/replies/za/").json()["attachments"]

    assert [(a["title"], a["kind"]) for a in attachments] == [("Annual statistics", "pdf")]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("statistics.pdf", b"Just some text pretending to be a PDF.\n"),
        ("empty.pdf", b""),
        ("fake.docx", b"PK\x03\x04junk"),
    ],
)
def test_a_file_that_is_not_a_document_is_refused_and_nothing_is_stored(
    client_as, draft_a, media_root, name, content
):
    response = upload(client_as("focal_a"), name, content)

    assert response.status_code == 400
    assert response.json()["code"] == "invalid_file" and response.json()["detail"]
    assert not Attachment.objects.exists()
    assert files_under(media_root) == []


def test_an_attachment_in_another_language_is_refused(client_as, draft_a, media_root):
    response = upload(client_as("focal_a"), "statistics.pdf", PDF_BYTES, language="it")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid_language"
    assert not Attachment.objects.exists() and files_under(media_root) == []


def test_an_attachment_to_an_unknown_question_is_refused(client_as, draft_a, media_root):
    response = upload(client_as("focal_a"), "statistics.pdf", PDF_BYTES, question="42")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid" and "question" in response.json()["errors"]
    assert not Attachment.objects.exists() and files_under(media_root) == []


def test_a_missing_file_names_the_field(client_as, draft_a):
    response = client_as("focal_a").post(URL, {"title": "Annex", "language": "en"}, format="multipart")

    assert response.status_code == 400
    assert "file" in response.json()["errors"]
    assert not Attachment.objects.exists()


def test_a_submitted_reply_takes_no_more_attachments(client_as, draft_a, media_root):
    Reply.objects.filter(pk=draft_a.pk).update(state=Reply.State.SUBMITTED)

    response = upload(client_as("focal_a"), "statistics.pdf", PDF_BYTES)

    assert response.status_code == 409
    assert response.json()["code"] == "not_editable"
    assert not Attachment.objects.exists() and files_under(media_root) == []


@pytest.mark.parametrize(
    ("role", "status", "code"),
    [
        ("anonymous", 401, "not_authenticated"),
        ("focal_b", 404, "not_found"),
        ("stranger", 404, "not_found"),
        ("staff", 404, "not_found"),
    ],
)
def test_only_the_partys_focal_points_attach_documents(client_as, draft_a, media_root, role, status, code):
    response = upload(client_as(role), "statistics.pdf", PDF_BYTES)

    assert response.status_code == status
    assert response.json()["code"] == code
    assert not Attachment.objects.exists() and files_under(media_root) == []
