"""The error contract shared by every endpoint: `{"detail", "code"}` with the right 4xx status."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_path_that_names_no_endpoint_answers_the_json_404(api):
    response = api.get("/api/v1/no-such-thing/here/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "code": "not_found"}


def test_a_path_without_its_final_slash_is_still_redirected(api, world):
    response = api.get("/api/v1/rounds")

    assert response.status_code == 301
    assert response["Location"] == "/api/v1/rounds/"


def test_a_method_an_endpoint_does_not_take_is_refused(api, world):
    response = api.delete("/api/v1/rounds/round-api/")

    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed" and response.json()["detail"]


def test_a_page_past_the_end_is_not_found(api, world):
    response = api.get("/api/v1/parties/", {"page": 9})

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_errors_read_in_the_callers_language(api, world, draft_a):
    response = api.get("/api/v1/rounds/round-api/replies/za/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert response.json()["detail"] != "Not found."


def test_a_json_body_larger_than_the_portal_reads_is_413_too_large(client_as, world, draft_a, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = client_as("focal_a").put(
        "/api/v1/rounds/round-api/replies/za/answers/1/",
        {"text": "x" * 2000, "language": "en", "version": 1},
        format="json",
    )

    assert response.status_code == 413
    assert response.json()["code"] == "too_large" and response.json()["detail"]
    assert draft_a.answers.get().text == "Draft answer"


def test_form_fields_larger_than_the_portal_reads_are_413_too_large(client_as, world, draft_a, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = client_as("focal_a").post(
        "/api/v1/rounds/round-api/replies/za/attachments/",
        {"title": "t" * 2000, "language": "en"},
        format="multipart",
    )

    assert response.status_code == 413 and response.json()["code"] == "too_large"
    assert not draft_a.attachments.exists()


def test_a_path_naming_no_possible_party_is_not_found(client_as, world, draft_a):
    response = client_as("focal_a").get("/api/v1/rounds/round-api/replies/z%00/")

    assert response.status_code == 404 and response.json()["code"] == "not_found"
