import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from submissions.answer_html import answer_html
from submissions.models import Answer, AnswerVersion, Reply

pytestmark = pytest.mark.django_db

URL = "/api/v1/rounds/round-api/replies/za/answers/{}/"


def stored(reply, number):
    return (
        Answer.objects.filter(reply=reply, question__number=number)
        .values_list("text", "national_text", "version")
        .first()
    )


def test_a_focal_point_writes_a_new_answer_then_updates_it(client_as, draft_a):
    client = client_as("focal_a")

    created = client.put(
        URL.format("2"), {"text": "First text", "language": "en", "version": None}, format="json"
    )

    assert created.status_code == 200
    body = created.json()
    assert body["question"] == "2" and body["text"] == "First text" and body["version"] == 1
    assert body["saved_by"] == "focal-za" and body["saved_at"]

    updated = client.put(
        URL.format("2"), {"text": "Second text", "language": "en", "version": 1}, format="json"
    )

    assert updated.status_code == 200
    assert updated.json()["version"] == 2 and updated.json()["text"] == "Second text"
    assert stored(draft_a, "2") == ("Second text", "", 2)
    assert list(
        AnswerVersion.objects.filter(answer__question__number="2").values_list("version", "text")
    ) == [
        (2, "Second text"),
        (1, "First text"),
    ]


def test_a_write_stores_the_html_of_the_texts_beside_them(client_as, draft_a):
    text = "Helplines <script>x()</script>\n\nfor children & parents"

    client_as("focal_a").put(
        URL.format("2"), {"text": text, "language": "en", "version": None}, format="json"
    )
    client_as("focal_a").put(URL.format("2"), {"text": "Ja", "language": "de", "version": 1}, format="json")

    answer = Answer.objects.get(reply=draft_a, question__number="2")
    assert (answer.text, answer.national_text) == (text, "Ja")
    assert answer.text_html == answer_html(text) and "&lt;script&gt;" in answer.text_html
    assert answer.national_text_html == answer_html("Ja") == "<p>Ja</p>"


def test_the_national_language_writes_the_national_text(client_as, draft_a):
    response = client_as("focal_a").put(
        URL.format("1"), {"text": "Deutscher Text", "language": "de", "version": 1}, format="json"
    )

    assert response.status_code == 200
    assert stored(draft_a, "1") == ("Draft answer", "Deutscher Text", 2)


def test_a_first_write_opens_the_draft_when_none_exists(client_as, world):
    response = client_as("focal_a").put(
        URL.format("1"), {"text": "Opening words", "language": "en", "version": None}, format="json"
    )

    assert response.status_code == 200
    assert Reply.objects.get(party=world.party_a).answers.get().text == "Opening words"


def test_a_stale_version_is_refused_with_the_stored_answer(client_as, world, draft_a):
    client = client_as("focal_a")
    client.put(URL.format("1"), {"text": "Colleague's text", "language": "en", "version": 1}, format="json")

    response = client.put(URL.format("1"), {"text": "My text", "language": "en", "version": 1}, format="json")

    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "edit_conflict" and "focal-za" in body["detail"]
    assert body["current"]["text"] == "Colleague's text" and body["current"]["version"] == 2
    assert body["current"]["national_text"] == "" and body["current"]["saved_by"] == "focal-za"
    assert stored(draft_a, "1") == ("Colleague's text", "", 2)
    assert AnswerVersion.objects.count() == 1


def test_writing_as_new_an_answer_a_colleague_already_wrote_is_a_conflict(client_as, draft_a):
    response = client_as("focal_a").put(
        URL.format("1"), {"text": "Fresh start", "language": "en", "version": None}, format="json"
    )

    assert response.status_code == 409
    assert response.json()["code"] == "edit_conflict"
    assert response.json()["current"]["text"] == "Draft answer"
    assert stored(draft_a, "1") == ("Draft answer", "", 1)


def test_a_version_for_an_answer_never_written_is_a_conflict_with_nothing_stored(client_as, draft_a):
    response = client_as("focal_a").put(
        URL.format("2"), {"text": "Text", "language": "en", "version": 3}, format="json"
    )

    assert response.status_code == 409
    assert response.json()["code"] == "edit_conflict" and response.json()["current"] is None
    assert stored(draft_a, "2") is None


@pytest.mark.parametrize("language", ["fr", "it", ""])
def test_a_language_the_reply_is_not_written_in_is_refused(client_as, draft_a, language):
    response = client_as("focal_a").put(
        URL.format("1"), {"text": "Texte", "language": language, "version": 1}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["code"] == ("invalid" if language == "" else "invalid_language")
    assert stored(draft_a, "1") == ("Draft answer", "", 1)
    assert not AnswerVersion.objects.exists()


@pytest.mark.parametrize("role", ["focal_b", "stranger", "staff"])
def test_only_the_partys_focal_points_write_its_answers(client_as, draft_a, role):
    response = client_as(role).put(
        URL.format("1"), {"text": "Mine", "language": "en", "version": 1}, format="json"
    )

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert stored(draft_a, "1") == ("Draft answer", "", 1)


def test_an_anonymous_writer_is_asked_to_log_in(client_as, draft_a):
    response = client_as("anonymous").put(
        URL.format("1"), {"text": "Mine", "language": "en", "version": 1}, format="json"
    )

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert stored(draft_a, "1") == ("Draft answer", "", 1)


def test_an_unknown_question_is_not_found(client_as, draft_a):
    response = client_as("focal_a").put(
        URL.format("99"), {"text": "Text", "language": "en", "version": None}, format="json"
    )

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert draft_a.answers.count() == 1


def test_a_body_without_a_version_names_the_field(client_as, draft_a):
    response = client_as("focal_a").put(URL.format("2"), {"text": "Text", "language": "en"}, format="json")

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid" and body["errors"]["version"]
    assert stored(draft_a, "2") is None


def test_malformed_json_is_a_parse_error(client_as, draft_a):
    response = client_as("focal_a").put(URL.format("2"), "{not json", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"
    assert stored(draft_a, "2") is None


def test_a_session_write_without_the_csrf_token_is_refused(world, draft_a):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(world.focal_a)

    response = client.put(URL.format("1"), {"text": "Forged", "language": "en", "version": 1}, format="json")

    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"
    assert stored(draft_a, "1") == ("Draft answer", "", 1)


def test_a_token_write_needs_no_csrf_token(world, draft_a):
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=world.focal_a).key}")

    response = client.put(
        URL.format("1"), {"text": "Scripted", "language": "en", "version": 1}, format="json"
    )

    assert response.status_code == 200
    assert stored(draft_a, "1") == ("Scripted", "", 2)
