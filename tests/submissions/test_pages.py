import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from rounds.models import Round
from submissions.errors import DeadlinePassed
from submissions.models import Answer, Attachment, Reply
from submissions.services import answer_save, attachment_add, reply_open, reply_publish, reply_submit
from tests.factories import (
    FocalPointFactory,
    ParticipationFactory,
    QuestionFactory,
    QuestionnaireFactory,
    ReplyFactory,
    UserFactory,
    answers_complete,
)

from .conftest import pdf_upload

pytestmark = pytest.mark.django_db


def url(name: str, reply: Reply, *args) -> str:
    return reverse(name, args=[reply.round.slug, reply.party.code, *args])


@pytest.fixture
def focal_client(client, focal):
    client.force_login(focal)
    return client


def test_the_dashboard_lists_the_partys_rounds_with_state_and_progress(focal_client, reply, focal):
    answer_save(
        reply=reply,
        question=reply.round.questionnaire.questions.get(number="1"),
        by=focal,
        version=None,
        text="x",
    )
    page = focal_client.get(reverse("reply-dashboard")).content.decode()
    assert reply.round.label in page
    assert "1 of 3 answered" in page
    assert "2 required questions unanswered" in page
    assert url("reply-edit", reply) in page


def test_the_dashboard_queries_do_not_grow_with_the_rounds(
    focal_client, reply, django_assert_max_num_queries
):
    # 11: one of them asks the follow-up for the Party's open requests for clarifications (its notice).
    with django_assert_max_num_queries(11) as baseline:
        focal_client.get(reverse("reply-dashboard"))
    for _ in range(4):
        other = ReplyFactory(party=reply.party)
        QuestionFactory(questionnaire=QuestionnaireFactory(round=other.round))
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        response = focal_client.get(reverse("reply-dashboard"))
    assert len(response.context["rows"]) == 5


def test_the_editor_shows_every_question_with_its_kind_and_guidance(focal_client, reply):
    page = focal_client.get(url("reply-edit", reply)).content.decode()
    for number in ("1", "1.1", "2"):
        assert f'id="q-{number}"' in page
    assert "monitoring" in page and 'name="text"' in page and "Save" in page


@pytest.mark.parametrize(
    ("language", "heading", "remarks"),
    [("en", "Preliminary remarks", "REMARKS-EN"), ("fr", "Remarques préliminaires", "REMARQUES-FR")],
)
def test_the_editor_opens_with_the_preliminary_remarks_in_the_readers_language(
    focal_client, reply, language, heading, remarks
):
    questionnaire = reply.round.questionnaire
    questionnaire.introduction_en = "REMARKS-EN first.\n\nREMARKS-EN second."
    questionnaire.introduction_fr = "REMARQUES-FR first.\n\nREMARQUES-FR second."
    questionnaire.save()

    page = focal_client.get(url("reply-edit", reply).replace("/en/", f"/{language}/", 1)).content.decode()

    remarks_at = page.index('id="preliminary-remarks"')
    assert f'<h2 id="preliminary-remarks-heading">{heading}</h2>' in page
    assert f"<p>{remarks} first.</p>" in page and f"<p>{remarks} second.</p>" in page
    assert remarks_at < page.index('id="q-1"')
    assert page.count('href="#preliminary-remarks"') == 1  # in the contents
    assert ("REMARQUES-FR" if language == "en" else "REMARKS-EN") not in page


def test_an_editor_without_preliminary_remarks_has_no_such_section(focal_client, reply):
    page = focal_client.get(url("reply-edit", reply)).content.decode()

    assert "preliminary-remarks" not in page


def test_the_editor_queries_do_not_grow_with_the_questionnaire(
    focal_client, reply, focal, django_assert_max_num_queries, django_assert_num_queries
):
    questionnaire = reply.round.questionnaire
    with django_assert_max_num_queries(24) as baseline:
        focal_client.get(url("reply-edit", reply))
    for n in range(3, 40):
        question = QuestionFactory(questionnaire=questionnaire, number=str(n), required=n % 2 == 0)
        answer_save(
            reply=reply,
            question=question,
            by=focal,
            version=None,
            text=f"Answer {n}",
            no_information=n % 3 == 0,
        )
        attachment_add(
            reply=reply, by=focal, upload=pdf_upload(), title=f"Law {n}", language="fr", question=question
        )
    attachment_add(reply=reply, by=focal, upload=pdf_upload(), title="Whole reply", language="en")
    # The same number of queries, contents, states, deadline and attachments under their questions included.
    with django_assert_num_queries(len(baseline.captured_queries)):
        response = focal_client.get(url("reply-edit", reply))
    page = response.content.decode()
    assert page.count('class="answer-block') == 40
    assert page.count('class="toc-state ') == 40 and page.count('">Law ') == 37


def test_autosave_answers_with_the_save_status_and_the_new_version(focal_client, reply):
    response = focal_client.post(
        url("answer-save", reply, "1"), {"text": "Typed", "version": ""}, HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "by focal-a1 (version 1)" in page
    assert 'name="version" value="1"' in page and 'hx-swap-oob="true"' in page
    assert Answer.objects.get(reply=reply).text == "Typed"


def test_the_save_button_works_without_javascript(focal_client, reply):
    response = focal_client.post(url("answer-save", reply, "1.1"), {"text": "Saved by button", "version": ""})
    assert response.status_code == 302 and response.url.endswith("#q-1.1")
    page = focal_client.get(response.url).content.decode()
    assert "Answer 1.1 saved." in page and "Saved by button" in page


def test_a_stale_autosave_shows_both_texts_and_saves_nothing(focal_client, reply, colleague):
    question = reply.round.questionnaire.questions.get(number="1")
    answer_save(reply=reply, question=question, by=colleague, version=None, text="Colleague's text")
    response = focal_client.post(
        url("answer-save", reply, "1"), {"text": "My text", "version": ""}, HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert response.status_code == 409
    assert "Colleague&#x27;s text" in page and "My text" in page and "Keep my text" in page
    assert Answer.objects.get(reply=reply).text == "Colleague's text"


def test_a_stale_save_without_javascript_rerenders_the_editor_keeping_my_text(focal_client, reply, colleague):
    question = reply.round.questionnaire.questions.get(number="1")
    answer_save(reply=reply, question=question, by=colleague, version=None, text="Colleague's text")
    response = focal_client.post(url("answer-save", reply, "1"), {"text": "My text", "version": ""})
    page = response.content.decode()
    assert response.status_code == 409
    assert "a colleague changed this answer" in page
    assert ">My text</textarea>" in page
    assert Answer.objects.get(reply=reply).text == "Colleague's text"


def test_the_history_lists_every_version_with_its_author(focal_client, reply, focal, colleague):
    question = reply.round.questionnaire.questions.get(number="2")
    answer_save(reply=reply, question=question, by=focal, version=None, text="First words")
    answer_save(reply=reply, question=question, by=colleague, version=1, text="Second words")
    page = focal_client.get(url("answer-history", reply, "2")).content.decode()
    assert "Version 2, saved by focal-a2" in page and "Version 1, saved by focal-a1" in page
    assert page.index("Second words") < page.index("First words")


def test_submitting_is_refused_until_every_required_question_is_done_listing_those_missing(
    focal_client, reply, focal
):
    # Given a draft with question 1 answered, 1.1 and 2 not
    answer_save(
        reply=reply,
        question=reply.round.questionnaire.questions.get(number="1"),
        by=focal,
        version=None,
        text="Our law",
    )
    # The confirmation page lists the missing questions, each linked to its place in the editor, and
    # offers no Submit button
    page = focal_client.get(url("reply-submit", reply)).content.decode()
    assert "2 required questions have no answer" in page
    for number in ("1.1", "2"):
        assert f'href="{url("reply-edit", reply)}#q-{number}"' in page
    assert f'href="{url("reply-edit", reply)}#q-1"' not in page
    assert "Submit the reply</button>" not in page

    # A submission posted all the same is refused (409) with the same list, and nothing changes
    refused = focal_client.post(url("reply-submit", reply))
    assert refused.status_code == 409
    assert "The reply has not been submitted." in refused.content.decode()
    assert f'href="{url("reply-edit", reply)}#q-1.1"' in refused.content.decode()
    reply.refresh_from_db()
    assert reply.state == Reply.State.DRAFT and not reply.transitions.filter(to_state="submitted").exists()

    # Once 1.1 is answered and 2 marked "no information available" (the editor's form), it is submitted
    for number, fields in (("1.1", {"text": "Yes"}), ("2", {"text": "", "no_information": ["0", "1"]})):
        focal_client.post(url("answer-save", reply, number), {"version": "", **fields})
    page = focal_client.get(url("reply-submit", reply)).content.decode()
    assert "1 of them is marked “no information available”." in page and "Submit the reply</button>" in page
    response = focal_client.post(url("reply-submit", reply))
    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.state == Reply.State.SUBMITTED
    editor = focal_client.get(url("reply-edit", reply)).content.decode()
    assert "<textarea" not in editor and "No information available." in editor


def test_another_partys_focal_point_gets_404_everywhere(client, reply, focal):
    answer_save(
        reply=reply,
        question=reply.round.questionnaire.questions.get(number="1"),
        by=focal,
        version=None,
        text="x",
    )
    attachment = attachment_add(reply=reply, by=focal, upload=pdf_upload(), title="Law", language="en")
    client.force_login(FocalPointFactory().user)
    for page in (
        url("reply-edit", reply),
        url("answer-history", reply, "1"),
        url("reply-submit", reply),
        reverse("attachment-download", args=[attachment.pk]),
    ):
        assert client.get(page).status_code == 404, page
    before = Answer.objects.get(reply=reply).text
    assert (
        client.post(url("answer-save", reply, "1"), {"text": "Intrusion", "version": "1"}).status_code == 404
    )
    assert (
        client.post(
            url("attachment-add", reply), {"title": "x", "language": "en", "file": pdf_upload()}
        ).status_code
        == 404
    )
    assert Answer.objects.get(reply=reply).text == before
    assert Attachment.objects.count() == 1


def test_attachments_are_downloaded_through_the_gate_as_attachments(client, focal_client, reply, focal):
    focal_client.post(
        url("attachment-add", reply),
        {"title": "Penal code", "language": "en", "file": pdf_upload("code.pdf")},
    )
    attachment = Attachment.objects.get()
    response = focal_client.get(reverse("attachment-download", args=[attachment.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="code.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF")

    client.logout()
    assert client.get(reverse("attachment-download", args=[attachment.pk])).status_code == 404


def test_a_refused_upload_says_why_and_stores_nothing(focal_client, reply):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("law.pdf", b"not really a pdf")
    response = focal_client.post(
        url("attachment-add", reply), {"title": "Law", "language": "en", "file": fake}, follow=True
    )
    assert (
        "law.pdf was not attached: This file is not a PDF, DOCX or ODT document." in response.content.decode()
    )
    assert not Attachment.objects.exists()


def test_the_public_can_download_attachments_of_a_published_reply_only(client, reply, focal):
    attachment = attachment_add(reply=reply, by=focal, upload=pdf_upload(), title="Law", language="en")
    assert client.get(reverse("attachment-download", args=[attachment.pk])).status_code == 404
    answers_complete(reply, by=focal)
    reply_submit(reply=reply, by=focal)
    reply_publish(reply=reply, by=UserFactory(is_staff=True))
    assert client.get(reverse("attachment-download", args=[attachment.pk])).status_code == 200


def test_the_secretariat_sends_a_reply_back_and_publishes_it_from_the_admin(
    admin_client, reply, focal, mailoutbox
):
    answers_complete(reply, by=focal)
    reply_submit(reply=reply, by=focal)
    change = reverse("admin:submissions_reply_change", args=[reply.pk])
    assert "Send back for corrections" in admin_client.get(change).content.decode()

    refused = admin_client.post(
        reverse("admin:submissions_reply_send_back", args=[reply.pk]), {"message": ""}
    )
    assert refused.status_code == 200
    reply.refresh_from_db()
    assert reply.state == Reply.State.SUBMITTED

    admin_client.post(
        reverse("admin:submissions_reply_send_back", args=[reply.pk]), {"message": "Add figures."}
    )
    reply.refresh_from_db()
    assert reply.state == Reply.State.RETURNED
    reply_submit(reply=reply, by=focal)
    admin_client.post(
        reverse("admin:submissions_reply_publish", args=[reply.pk]), {"published_on": "2025-01-10"}
    )
    reply.refresh_from_db()
    assert (reply.state, str(reply.published_on)) == (Reply.State.PUBLISHED, "2025-01-10")
    history = admin_client.get(change).content.decode()
    assert "Add figures." in history


def test_the_secretariat_reply_list_filters_and_shows_progress(
    admin_client, reply, django_assert_max_num_queries
):
    for _ in range(5):
        ReplyFactory(round=reply.round)
    with django_assert_max_num_queries(12):
        response = admin_client.get(
            reverse("admin:submissions_reply_changelist"), {"state": "draft", "late": "no"}
        )
    assert response.status_code == 200
    assert response.context["cl"].result_count == 6
    assert "0/3" in response.content.decode()


def test_no_reply_is_started_in_a_round_that_is_over(client):
    """A focal point following an old link or the API finds no draft to start once the report is adopted;
    a reply already there still opens."""
    participation = ParticipationFactory(round__status=Round.Status.REPORT_ADOPTED)
    focal = FocalPointFactory(party=participation.party).user
    client.force_login(focal)
    edit = reverse("reply-edit", args=[participation.round.slug, participation.party.code])

    dashboard = client.get(reverse("reply-dashboard")).content.decode()
    assert "The round is over" in dashboard
    assert edit not in dashboard
    assert client.get(edit).status_code == 404
    with pytest.raises(DeadlinePassed, match="is over: no reply can be started in it any more"):
        reply_open(participation=participation, by=focal)
    api = APIClient()
    api.force_authenticate(focal)
    path = f"/api/v1/rounds/{participation.round.slug}/replies/{participation.party.code}/answers/1/"
    response = api.put(path, {"text": "x", "language": "en", "version": None}, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "deadline_passed"
    assert not Reply.objects.filter(round=participation.round).exists()

    reply = Reply.objects.create(round=participation.round, party=participation.party)
    assert reply_open(participation=participation, by=focal) == reply
    assert client.get(edit).status_code == 200
