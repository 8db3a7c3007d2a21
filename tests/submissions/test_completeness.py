"""A reply's completeness: every required question has text or is marked "no information available" before
the reply is submitted; the Secretariat sees completeness and registers an incomplete reply only with a
reason; readers see the mark, with its explanation, where the answer would be."""

import datetime
import json

import pytest
from django.urls import reverse

from public.opendata.build import open_data_document
from submissions.errors import EditConflict, IncompleteReply
from submissions.models import Answer, AnswerVersion, Reply, ReplyTransition
from submissions.selectors import reply_completeness
from submissions.services import answer_save, reply_publish, reply_register, reply_submit
from submissions.services.word_import import word_import_apply, word_import_changes, word_import_read
from tests.factories import QuestionFactory, UserFactory, answers_complete

from .test_word import as_upload, exported, write

pytestmark = pytest.mark.django_db


def question(reply, number: str):
    return reply.round.questionnaire.questions.get(number=number)


def snapshot(reply) -> tuple:
    reply.refresh_from_db()
    return (
        reply.state,
        reply.submitted_at,
        reply.registered_at,
        reply.published_on,
        list(Answer.objects.filter(reply=reply).values_list("text", "no_information", "version")),
        AnswerVersion.objects.count(),
        ReplyTransition.objects.count(),
    )


@pytest.fixture
def secretariat(db):
    return UserFactory(username="sec", is_staff=True)


def arrived_incomplete(reply) -> Reply:
    """A reply that reached the Secretariat without question 2 (before the rule, or by post)."""
    answers_complete(reply)
    Answer.objects.get(reply=reply, question__number="2").delete()
    reply.state = Reply.State.SUBMITTED
    reply.save(update_fields=["state"])
    return reply


# --- The rule ---------------------------------------------------------------------------------------------


def test_an_incomplete_reply_is_refused_naming_what_is_missing_and_nothing_changes(
    reply, focal, mailoutbox, django_capture_on_commit_callbacks
):
    answer_save(reply=reply, question=question(reply, "1"), by=focal, version=None, text="Our law")
    answer_save(reply=reply, question=question(reply, "2"), by=focal, version=None, text="  \n ")  # no text
    before = snapshot(reply)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(IncompleteReply) as refused:
        reply_submit(reply=reply, by=focal)

    assert refused.value.code == "incomplete_reply" and refused.value.status == 409
    assert refused.value.context["missing"] == ["1.1", "2"]
    assert "2 required questions have no answer" in refused.value.message
    assert snapshot(reply) == before
    assert mailoutbox == []


def test_a_question_marked_no_information_is_complete_and_the_mark_is_kept_in_the_history(reply, focal):
    answers_complete(reply, by=focal)
    answer = Answer.objects.get(reply=reply, question__number="2")

    marked = answer_save(
        reply=reply,
        question=question(reply, "2"),
        by=focal,
        version=answer.version,
        text="No register of these cases is kept.",
        no_information=True,
    )
    completeness = reply_completeness(reply=reply)
    reply_submit(reply=reply, by=focal)

    assert (marked.no_information, marked.version) == (True, 2)
    assert completeness.is_complete and completeness.answered == 2
    assert [q.number for q in completeness.no_information] == ["2"]
    assert list(marked.versions.order_by("version").values_list("version", "no_information")) == [(2, True)]
    reply.refresh_from_db()
    assert reply.state == Reply.State.SUBMITTED


def test_marking_a_stale_version_is_refused_like_any_save(reply, focal, colleague):
    answer_save(reply=reply, question=question(reply, "2"), by=focal, version=None, text="Draft")
    answer_save(reply=reply, question=question(reply, "2"), by=colleague, version=1, text="Colleague's")
    before = snapshot(reply)

    with pytest.raises(EditConflict) as conflict:
        answer_save(reply=reply, question=question(reply, "2"), by=focal, version=1, no_information=True)

    assert conflict.value.context["current"].text == "Colleague's"
    assert snapshot(reply) == before


def test_a_question_that_is_not_required_does_not_hold_the_reply_back(reply, focal):
    QuestionFactory(questionnaire=reply.round.questionnaire, number="3", required=False)
    answers_complete(reply, by=focal)
    Answer.objects.get(reply=reply, question__number="3").delete()

    reply_submit(reply=reply, by=focal)

    reply.refresh_from_db()
    assert reply.state == Reply.State.SUBMITTED


def test_the_editors_box_sets_and_clears_the_mark_and_a_form_without_it_leaves_it(client, reply, focal):
    client.force_login(focal)
    save = reverse("answer-save", args=[reply.round.slug, reply.party.code, "2"])

    client.post(save, {"version": "", "text": "Not collected.", "no_information": ["0", "1"]})
    ticked = Answer.objects.get(reply=reply, question__number="2")
    client.post(save, {"version": "1", "text": "Not collected, as said."})  # e.g. the conflict form of old
    kept = Answer.objects.get(pk=ticked.pk)
    client.post(save, {"version": "2", "text": "Now we know: 12 cases.", "no_information": "0"})
    cleared = Answer.objects.get(pk=ticked.pk)

    assert (ticked.no_information, kept.no_information, cleared.no_information) == (True, True, False)
    assert cleared.version == 3

    # A stale save keeps the writer's text and mark to save again
    stale = client.post(
        save, {"version": "1", "text": "Mine", "no_information": ["0", "1"]}, HTTP_HX_REQUEST="true"
    )
    assert stale.status_code == 409
    assert '<input type="hidden" name="no_information" value="1">' in stale.content.decode()
    assert Answer.objects.get(pk=ticked.pk).version == 3
    editor = client.get(reverse("reply-edit", args=[reply.round.slug, reply.party.code])).content.decode()
    assert 'id="no-information-' in editor


# --- The Secretariat ---------------------------------------------------------------------------------------


def test_an_incomplete_reply_is_registered_only_with_a_reason_which_is_recorded(reply, secretariat):
    arrived_incomplete(reply)
    before = snapshot(reply)

    with pytest.raises(IncompleteReply) as refused:
        reply_register(reply=reply, by=secretariat, reason="   ")
    assert refused.value.context["missing"] == ["2"]
    assert snapshot(reply) == before

    reply_register(reply=reply, by=secretariat, reason="Received by post; question 2 left blank.")
    reply.refresh_from_db()
    assert reply.state == Reply.State.REGISTERED
    registration = reply.transitions.get(to_state="registered")
    assert (registration.by, registration.message) == (
        secretariat,
        "Received by post; question 2 left blank.",
    )


def test_publishing_registers_an_incomplete_reply_only_with_a_reason(reply, secretariat):
    arrived_incomplete(reply)
    before = snapshot(reply)

    with pytest.raises(IncompleteReply):
        reply_publish(reply=reply, by=secretariat)
    assert snapshot(reply) == before

    reply_publish(reply=reply, by=secretariat, reason="Sent by e-mail.")
    reply.refresh_from_db()
    assert reply.state == Reply.State.PUBLISHED
    assert reply.transitions.get(to_state="registered").message == "Sent by e-mail."


def test_the_admin_shows_completeness_and_asks_for_the_reason_on_the_register_screen(
    admin_client, reply, focal
):
    answers_complete(reply, by=focal)
    answer_save(
        reply=reply,
        question=question(reply, "1.1"),
        by=focal,
        version=Answer.objects.get(reply=reply, question__number="1.1").version,
        no_information=True,
    )
    listing = admin_client.get(reverse("admin:submissions_reply_changelist")).content.decode()
    assert "complete, 1 no information" in listing

    Answer.objects.get(reply=reply, question__number="2").delete()
    reply.state = Reply.State.SUBMITTED
    reply.save(update_fields=["state"])
    listing = admin_client.get(reverse("admin:submissions_reply_changelist"), {"complete": "no"})
    assert (
        listing.context["cl"].result_count == 1 and "1 missing, 1 no information" in listing.content.decode()
    )

    register = reverse("admin:submissions_reply_register", args=[reply.pk])
    page = admin_client.get(register).content.decode()
    assert "Incomplete: 1 required question has neither an answer" in page and "Missing: 2" in page
    assert "No information available: 1.1" in page
    refused = admin_client.post(register, {"reason": ""})
    assert refused.status_code == 200 and "give the reason" in refused.content.decode()
    reply.refresh_from_db()
    assert reply.state == Reply.State.SUBMITTED

    admin_client.post(register, {"reason": "Question 2 was answered in the annex."})
    reply.refresh_from_db()
    assert reply.state == Reply.State.REGISTERED
    change = admin_client.get(reverse("admin:submissions_reply_change", args=[reply.pk])).content.decode()
    assert "Question 2 was answered in the annex." in change
    assert "missing: 2" in change

    publish = admin_client.get(reverse("admin:submissions_reply_publish", args=[reply.pk])).content.decode()
    assert "Missing: 2" in publish


# --- Readers -----------------------------------------------------------------------------------------------


@pytest.fixture
def published(reply, focal, secretariat):
    answers_complete(reply, by=focal)
    answer = Answer.objects.get(reply=reply, question__number="2")
    answer_save(
        reply=reply,
        question=question(reply, "2"),
        by=focal,
        version=answer.version,
        text="No figures are collected on this.",
        no_information=True,
    )
    reply_submit(reply=reply, by=focal)
    reply_publish(reply=reply, by=secretariat, published_on=datetime.date(2025, 12, 10))
    return reply


def test_readers_see_no_information_available_with_its_explanation_rather_than_no_answer(client, published):
    party_page = client.get(
        reverse("party-reply", args=[published.round.slug, published.party.code])
    ).content.decode()
    compare = client.get(reverse("question-compare", args=[published.round.slug, "2"])).content.decode()

    for page in (party_page, compare):
        assert "No information available." in page
        assert "No figures are collected on this." in page
        assert "No answer." not in page


def test_the_api_and_open_data_say_which_answers_are_marked(client, published):
    api = client.get(f"/api/v1/rounds/{published.round.slug}/replies/{published.party.code}/").json()
    rows = {row["question"]: row for row in open_data_document(round=published.round)["answers"]}

    assert api["answers"]["2"]["no_information"] is True and api["answers"]["1"]["no_information"] is False
    assert rows["2"]["no_information"] is True and rows["2"]["text"] == "No figures are collected on this."
    assert rows["1"]["no_information"] is False
    json.dumps(rows)  # plain data


# --- Word -------------------------------------------------------------------------------------------------


def test_the_mark_survives_the_word_round_trip(reply, focal):
    answers_complete(reply, by=focal)
    answer = Answer.objects.get(reply=reply, question__number="2")
    answer_save(
        reply=reply,
        question=question(reply, "2"),
        by=focal,
        version=answer.version,
        text="",
        no_information=True,
    )
    document = exported(reply)

    # Read back as downloaded, nothing changes; the mark written on question 1 in French marks it
    unchanged = word_import_read(reply=reply, by=focal, upload=as_upload(document))
    assert {row["number"]: row["status"] for row in word_import_changes(unchanged)}["2"] == "unchanged"
    write(document, "1", "[Aucune information disponible]\nLes données ne sont pas ventilées.")
    pending = word_import_read(reply=reply, by=focal, upload=as_upload(document))
    word_import_apply(word_import=pending, by=focal)

    marked = {a.question.number: (a.no_information, a.text) for a in Answer.objects.filter(reply=reply)}
    assert marked["1"] == (True, "Les données ne sont pas ventilées.")
    assert marked["2"] == (True, "")
    assert not marked["1.1"][0]
