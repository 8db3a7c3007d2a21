"""A text longer than its limit is refused over the API with 400 `too_long`, naming the field and the limit,
and nothing is stored: answers, attachment titles, contributions (their items, general part and title) and
the text converted from a Word document."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from civil_society.models import Contribution
from submissions.models import AnswerVersion
from tests.civil_society.conftest import make_world
from tests.factories import ContributionFactory

from .conftest import PDF_BYTES, docx_bytes

pytestmark = pytest.mark.django_db

ANSWER_URL = "/api/v1/rounds/round-api/replies/za/answers/1/"


def answer_of(reply) -> tuple:
    answer = reply.answers.get()
    return answer.text, answer.national_text, answer.version, AnswerVersion.objects.count()


# Answers and attachments


def test_an_answer_longer_than_100000_characters_is_refused_naming_the_limit(client_as, world, draft_a):
    before = answer_of(draft_a)

    response = client_as("focal_a").put(
        ANSWER_URL, {"text": "a" * 100_001, "language": "en", "version": 1}, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Answer: 100,001 characters, where at most 100,000 are accepted. Shorten it and try again.",
        "code": "too_long",
        "field": "text",
        "limit": 100_000,
    }
    assert answer_of(draft_a) == before


def test_an_answer_of_exactly_the_limit_is_saved(client_as, world, draft_a, settings):
    settings.TEXT_LIMITS = {**settings.TEXT_LIMITS, "text": 12}

    response = client_as("focal_a").put(
        ANSWER_URL, {"text": "twelve chars", "language": "en", "version": 1}, format="json"
    )

    assert response.status_code == 200 and response.json()["text"] == "twelve chars"


def test_the_national_language_answer_is_refused_in_the_callers_language(client_as, world, draft_a, settings):
    settings.TEXT_LIMITS = {**settings.TEXT_LIMITS, "text": 1000}
    before = answer_of(draft_a)

    response = client_as("focal_a").put(
        ANSWER_URL,
        {"text": "ä" * 1500, "language": "de", "version": 1},
        format="json",
        HTTP_ACCEPT_LANGUAGE="fr",
    )

    assert response.status_code == 400
    body = response.json()
    assert (body["code"], body["field"], body["limit"]) == ("too_long", "national_text", 1000)
    assert body["detail"] == (
        "Réponse dans la langue nationale : 1\xa0500 caractères, alors que 1\xa0000 au plus sont acceptés. "
        "Raccourcissez le texte et réessayez."
    )
    assert answer_of(draft_a) == before


def test_an_attachment_title_longer_than_200_characters_is_refused(client_as, world, draft_a):
    response = client_as("focal_a").post(
        "/api/v1/rounds/round-api/replies/za/attachments/",
        {"file": SimpleUploadedFile("law.pdf", PDF_BYTES), "title": "t" * 201, "language": "en"},
        format="multipart",
    )

    assert response.status_code == 400
    assert (response.json()["code"], response.json()["field"], response.json()["limit"]) == (
        "too_long",
        "title",
        200,
    )
    assert not draft_a.attachments.exists()


# Contributions


@pytest.fixture
def cs(db, settings):
    """Party A's reply published; a member of Alpha Child Rights writes. Limits kept small to read."""
    settings.TEXT_LIMITS = {**settings.TEXT_LIMITS, "text": 40, "explanation": 10}
    world = make_world()
    world.client = APIClient()
    world.client.force_login(world.member1)
    return world


def comment(cs, **fields) -> dict:
    return {
        "party": cs.party_a.code,
        "language": "en",
        "visibility": "public",
        "question": "6",
        "text": "Helplines close at night.",
        **fields,
    }


@pytest.mark.parametrize(
    ("fields", "field", "limit"),
    [
        ({"text": "x" * 41}, "text", 40),
        ({"items": [{"question": "1", "text": "short"}, {"question": "6", "text": "y" * 41}]}, "text", 40),
        ({"general_text": "g" * 41}, "general_text", 40),
        ({"title": "t" * 201}, "title", 200),
        ({"children_involved": True, "children_involvement": "c" * 11}, "children_involvement", 10),
    ],
)
def test_a_contribution_with_a_text_too_long_is_refused_and_none_is_created(cs, fields, field, limit):
    body = comment(cs, **fields)
    if "items" in fields:
        del body["question"], body["text"]

    response = cs.client.post(f"/api/v1/rounds/{cs.round.slug}/comments/", body, format="json")

    assert response.status_code == 400, response.content
    assert (response.json()["code"], response.json()["field"], response.json()["limit"]) == (
        "too_long",
        field,
        limit,
    )
    assert str(limit) in response.json()["detail"]
    assert not Contribution.objects.exists()


def test_an_item_is_counted_as_stored_sanitised_html(cs):
    # 36 characters typed are 40 once "&" is stored as "&amp;": accepted; one more is refused.
    response = cs.client.post(
        f"/api/v1/rounds/{cs.round.slug}/comments/",
        comment(cs, text="Night & day: five calls an hour, ok."),
        format="json",
    )
    assert response.status_code == 201, response.content

    response = cs.client.post(
        f"/api/v1/rounds/{cs.round.slug}/comments/",
        comment(cs, text="Night & day: five calls an hour, ok!!"),
        format="json",
    )
    assert response.status_code == 400 and response.json()["code"] == "too_long"


def test_a_word_document_whose_converted_text_is_too_long_is_refused_and_nothing_is_kept(cs, media_root):
    draft = ContributionFactory(
        round=cs.round,
        organisation=cs.ngo1,
        created_by=cs.member1,
        visibility="public",
        parties=[cs.party_a],
        general_text="<p>Typed before.</p>",
    )
    # 37 characters of text; with its formatting (<p>…</p>) the general part would hold 44.
    content = docx_bytes("Shelters lack staff trained for this.")

    response = cs.client.post(
        f"/api/v1/comments/{draft.pk}/document/",
        {"file": SimpleUploadedFile("long.docx", content)},
        format="multipart",
    )

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Text converted from the document, with its formatting: 44 characters, where at most 40 "
        "are accepted. Shorten it and try again.",
        "code": "too_long",
        "field": "file",
        "limit": 40,
    }
    draft.refresh_from_db()
    assert (draft.general_text, draft.document_name, bool(draft.document)) == (
        "<p>Typed before.</p>",
        "",
        False,
    )
    assert not any(path.is_file() for path in media_root.rglob("*"))
