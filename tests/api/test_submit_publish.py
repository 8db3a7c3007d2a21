import datetime

import pytest
from django.utils import timezone

from rounds.models import Round
from submissions.models import Reply, ReplyTransition

pytestmark = pytest.mark.django_db

REPLY_URL = "/api/v1/rounds/round-api/replies/za/"


def snapshot(reply: Reply) -> tuple:
    reply.refresh_from_db()
    return reply.state, reply.submitted_at, reply.published_on, reply.transitions.count()


def submitted(reply: Reply) -> Reply:
    Reply.objects.filter(pk=reply.pk).update(state=Reply.State.SUBMITTED, submitted_at=timezone.now())
    reply.refresh_from_db()
    return reply


def test_a_focal_point_submits_and_learns_which_required_answers_are_missing(client_as, draft_a):
    response = client_as("focal_a").post(f"{REPLY_URL}submit/")

    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "submitted" and body["submitted_at"] and body["is_late"] is False
    assert body["unanswered_required"] == ["2"]
    assert body["answers"]["1"]["text"] == "Draft answer"
    draft_a.refresh_from_db()
    assert draft_a.state == "submitted"
    assert draft_a.transitions.filter(to_state="submitted", by__username="focal-za").exists()


def test_a_reply_submitted_after_the_partys_deadline_is_accepted_and_marked_late(client_as, world, draft_a):
    Round.objects.filter(pk=world.round.pk).update(reply_deadline=datetime.date(2025, 6, 30))

    response = client_as("focal_a").post(f"{REPLY_URL}submit/")

    assert response.status_code == 200
    assert response.json()["state"] == "submitted" and response.json()["is_late"] is True


def test_a_submitted_reply_can_no_longer_be_written(client_as, draft_a):
    client = client_as("focal_a")
    client.post(f"{REPLY_URL}submit/")

    response = client.put(
        f"{REPLY_URL}answers/1/", {"text": "Afterthought", "language": "en", "version": 1}, format="json"
    )

    assert response.status_code == 409
    assert response.json()["code"] == "not_editable" and response.json()["detail"]
    answer = draft_a.answers.get()
    assert (answer.text, answer.version) == ("Draft answer", 1)


def test_submitting_twice_is_refused(client_as, draft_a):
    client = client_as("focal_a")
    client.post(f"{REPLY_URL}submit/")
    before = snapshot(draft_a)

    response = client.post(f"{REPLY_URL}submit/")

    assert response.status_code == 409
    assert response.json()["code"] == "not_editable"
    assert snapshot(draft_a) == before


@pytest.mark.parametrize(
    ("role", "status", "code"),
    [
        ("anonymous", 401, "not_authenticated"),
        ("focal_b", 404, "not_found"),
        ("stranger", 404, "not_found"),
        ("staff", 404, "not_found"),
    ],
)
def test_only_the_partys_focal_points_submit(client_as, draft_a, role, status, code):
    before = snapshot(draft_a)

    response = client_as(role).post(f"{REPLY_URL}submit/")

    assert response.status_code == status
    assert response.json()["code"] == code
    assert snapshot(draft_a) == before


def test_the_secretariat_publishes_a_submitted_reply_today(client_as, draft_a):
    submitted(draft_a)

    response = client_as("staff").post(f"{REPLY_URL}publish/", {}, format="json")

    assert response.status_code == 200
    assert response.json()["state"] == "published"
    assert response.json()["published_on"] == timezone.localdate().isoformat()
    draft_a.refresh_from_db()
    assert draft_a.state == "published" and draft_a.registered_at is not None
    assert list(draft_a.transitions.values_list("to_state", flat=True)) == ["registered", "published"]


def test_a_past_publication_date_is_kept(client_as, draft_a):
    submitted(draft_a)

    response = client_as("staff").post(f"{REPLY_URL}publish/", {"published_on": "2018-03-01"}, format="json")

    assert response.status_code == 200
    assert response.json()["published_on"] == "2018-03-01"
    draft_a.refresh_from_db()
    assert draft_a.published_on == datetime.date(2018, 3, 1)


def test_a_published_reply_is_then_read_by_the_public(client_as, draft_a):
    submitted(draft_a)
    client_as("staff").post(f"{REPLY_URL}publish/", {}, format="json")

    response = client_as("anonymous").get(REPLY_URL)

    assert response.status_code == 200
    assert response.json()["answers"]["1"]["text"] == "Draft answer"


def test_a_future_publication_date_is_refused(client_as, draft_a):
    submitted(draft_a)
    before = snapshot(draft_a)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = client_as("staff").post(
        f"{REPLY_URL}publish/", {"published_on": tomorrow.isoformat()}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "invalid_date"
    assert snapshot(draft_a) == before


def test_a_date_that_is_not_a_date_names_the_field(client_as, draft_a):
    submitted(draft_a)
    before = snapshot(draft_a)

    response = client_as("staff").post(f"{REPLY_URL}publish/", {"published_on": "soon"}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid" and "published_on" in response.json()["errors"]
    assert snapshot(draft_a) == before


def test_a_draft_cannot_be_published(client_as, draft_a):
    before = snapshot(draft_a)

    response = client_as("staff").post(f"{REPLY_URL}publish/", {}, format="json")

    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition"
    assert snapshot(draft_a) == before


def test_publishing_an_unknown_reply_is_not_found(client_as, world):
    response = client_as("staff").post("/api/v1/rounds/round-api/replies/zb/publish/", {}, format="json")

    assert response.status_code == 404
    assert not Reply.objects.exists()


@pytest.mark.parametrize(
    ("role", "status", "code"),
    [
        ("anonymous", 401, "not_authenticated"),
        ("focal_a", 404, "not_found"),
        ("focal_b", 404, "not_found"),
        ("stranger", 404, "not_found"),
    ],
)
def test_nobody_but_the_secretariat_publishes(client_as, draft_a, role, status, code):
    submitted(draft_a)
    before = snapshot(draft_a)

    response = client_as(role).post(f"{REPLY_URL}publish/", {"published_on": "2024-01-01"}, format="json")

    assert response.status_code == status
    assert response.json()["code"] == code
    assert snapshot(draft_a) == before
    assert not ReplyTransition.objects.filter(to_state="published").exists()
