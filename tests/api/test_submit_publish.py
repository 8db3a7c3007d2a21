import datetime

import pytest
from django.utils import timezone

from rounds.models import Round
from submissions.models import Reply, ReplyTransition
from tests.factories import AnswerFactory, answers_complete

pytestmark = pytest.mark.django_db

REPLY_URL = "/api/v1/rounds/round-api/replies/za/"


def snapshot(reply: Reply) -> tuple:
    reply.refresh_from_db()
    return reply.state, reply.submitted_at, reply.published_on, reply.transitions.count()


def submitted(reply: Reply) -> Reply:
    """The reply as it reached the Secretariat, complete."""
    answers_complete(reply)
    Reply.objects.filter(pk=reply.pk).update(state=Reply.State.SUBMITTED, submitted_at=timezone.now())
    reply.refresh_from_db()
    return reply


@pytest.fixture
def complete_a(draft_a):
    """Party A's draft with every required question answered (2.1 is not required)."""
    AnswerFactory(reply=draft_a, question=draft_a.round.questionnaire.questions.get(number="2"), text="Two")
    return draft_a


def test_an_incomplete_reply_is_refused_naming_the_missing_questions(client_as, draft_a):
    before = snapshot(draft_a)

    response = client_as("focal_a").post(f"{REPLY_URL}submit/")

    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "incomplete_reply" and body["missing"] == ["2"]  # 2.1 is not required
    assert "1 required question has no answer" in body["detail"]
    assert snapshot(draft_a) == before
    assert not draft_a.transitions.filter(to_state="submitted").exists()


def test_a_question_marked_no_information_completes_the_reply(client_as, draft_a):
    client = client_as("focal_a")

    marked = client.put(
        f"{REPLY_URL}answers/2/",
        {"text": "No register is kept.", "language": "en", "version": None, "no_information": True},
        format="json",
    )
    response = client.post(f"{REPLY_URL}submit/")

    assert marked.status_code == 200
    assert marked.json()["no_information"] is True and marked.json()["version"] == 1
    assert response.status_code == 200
    body = response.json()
    assert body["state"] == "submitted" and body["submitted_at"] and body["is_late"] is False
    assert body["answers"]["2"]["no_information"] is True
    assert body["answers"]["2"]["text"] == "No register is kept."
    assert body["answers"]["1"] == {**body["answers"]["1"], "text": "Draft answer", "no_information": False}
    draft_a.refresh_from_db()
    assert draft_a.state == "submitted"
    assert draft_a.transitions.filter(to_state="submitted", by__username="focal-za").exists()


def test_the_mark_is_a_write_like_any_other_checked_against_the_version_read(client_as, draft_a):
    client = client_as("focal_a")
    answer = draft_a.answers.get()

    stale = client.put(
        f"{REPLY_URL}answers/1/",
        {"text": "", "language": "en", "version": 7, "no_information": True},
        format="json",
    )
    kept = client.put(
        f"{REPLY_URL}answers/1/", {"text": "Redrafted", "language": "en", "version": 1}, format="json"
    )
    unmarked = client.put(
        f"{REPLY_URL}answers/1/",
        {"text": "", "language": "en", "version": 2, "no_information": False},
        format="json",
    )

    assert stale.status_code == 409 and stale.json()["code"] == "edit_conflict"
    assert stale.json()["current"]["no_information"] is False
    assert kept.json()["no_information"] is False  # left out: the mark stays as it was
    assert unmarked.status_code == 200 and unmarked.json()["version"] == 3
    answer.refresh_from_db()
    assert (answer.text, answer.no_information, answer.version) == ("", False, 3)
    assert list(answer.versions.order_by("version").values_list("version", "no_information")) == [
        (2, False),
        (3, False),
    ]


def test_a_reply_submitted_after_the_partys_deadline_is_accepted_and_marked_late(
    client_as, world, complete_a
):
    Round.objects.filter(pk=world.round.pk).update(reply_deadline=datetime.date(2025, 6, 30))

    response = client_as("focal_a").post(f"{REPLY_URL}submit/")

    assert response.status_code == 200
    assert response.json()["state"] == "submitted" and response.json()["is_late"] is True


def test_a_submitted_reply_can_no_longer_be_written(client_as, complete_a):
    client = client_as("focal_a")
    client.post(f"{REPLY_URL}submit/")

    response = client.put(
        f"{REPLY_URL}answers/1/", {"text": "Afterthought", "language": "en", "version": 1}, format="json"
    )

    assert response.status_code == 409
    assert response.json()["code"] == "not_editable" and response.json()["detail"]
    answer = complete_a.answers.get(question__number="1")
    assert (answer.text, answer.version) == ("Draft answer", 1)


def test_submitting_twice_is_refused(client_as, complete_a):
    client = client_as("focal_a")
    client.post(f"{REPLY_URL}submit/")
    before = snapshot(complete_a)

    response = client.post(f"{REPLY_URL}submit/")

    assert response.status_code == 409
    assert response.json()["code"] == "not_editable"
    assert snapshot(complete_a) == before


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


def test_an_incomplete_reply_that_reached_the_secretariat_is_published_only_with_a_reason(client_as, draft_a):
    # Given a reply submitted before the rule, with question 2 unanswered
    Reply.objects.filter(pk=draft_a.pk).update(state=Reply.State.SUBMITTED, submitted_at=timezone.now())
    before = snapshot(draft_a)
    staff = client_as("staff")

    refused = staff.post(f"{REPLY_URL}publish/", {"reason": "  "}, format="json")

    assert refused.status_code == 409
    assert refused.json()["code"] == "incomplete_reply" and refused.json()["missing"] == ["2"]
    assert snapshot(draft_a) == before

    published = staff.post(
        f"{REPLY_URL}publish/", {"reason": "Sent by post; question 2 left blank."}, format="json"
    )

    assert published.status_code == 200 and published.json()["state"] == "published"
    registration = draft_a.transitions.get(to_state="registered")
    assert registration.message == "Sent by post; question 2 left blank."


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
