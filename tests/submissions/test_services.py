import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings

from questionnaires.models import Question
from rounds.errors import InvalidExtension
from rounds.models import Participation
from rounds.services import participation_extend_deadline
from submissions.errors import (
    EditConflict,
    InvalidDate,
    InvalidFile,
    InvalidTransition,
    NotEditable,
    NotFound,
)
from submissions.models import Answer, AnswerVersion, Attachment, Reply, ReplyTransition
from submissions.services import (
    answer_save,
    attachment_add,
    reply_publish,
    reply_register,
    reply_send_back,
    reply_submit,
)
from tests.factories import QuestionFactory, UserFactory, answers_complete

from .conftest import docx_upload, pdf_upload, zip_upload

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def question(reply, number: str) -> Question:
    return Question.objects.get(questionnaire__round=reply.round, number=number)


def snapshot(reply) -> tuple:
    reply.refresh_from_db()
    answers = list(
        Answer.objects.filter(reply=reply).order_by("pk").values_list("text", "national_text", "version")
    )
    return (
        reply.state,
        reply.submitted_at,
        answers,
        AnswerVersion.objects.count(),
        ReplyTransition.objects.count(),
    )


# Answers and their versions


def test_a_first_save_creates_version_1_and_keeps_it_in_the_history(reply, focal):
    answer = answer_save(
        reply=reply, question=question(reply, "1"), by=focal, version=None, text="Our law says…"
    )
    assert (answer.text, answer.version, answer.saved_by) == ("Our law says…", 1, focal)
    assert list(answer.versions.values_list("version", "text", "saved_by")) == [
        (1, "Our law says…", focal.pk)
    ]


def test_each_save_is_a_new_version_and_every_version_is_kept(reply, focal, colleague):
    first = answer_save(reply=reply, question=question(reply, "1"), by=focal, version=None, text="Draft")
    second = answer_save(
        reply=reply, question=question(reply, "1"), by=colleague, version=first.version, text="Better"
    )
    assert (second.version, second.saved_by) == (2, colleague)
    assert list(second.versions.values_list("version", "text")) == [(2, "Better"), (1, "Draft")]


def test_saving_a_stale_version_never_overwrites_a_colleagues_newer_text(reply, focal, colleague):
    q = question(reply, "1")
    answer_save(reply=reply, question=q, by=focal, version=None, text="Mine v1")
    answer_save(reply=reply, question=q, by=colleague, version=1, text="Colleague v2")
    before = snapshot(reply)

    with pytest.raises(EditConflict) as conflict:
        answer_save(reply=reply, question=q, by=focal, version=1, text="Mine, from the stale page")

    assert conflict.value.code == "edit_conflict"
    assert "focal-a2 saved a newer version" in conflict.value.message
    assert conflict.value.context["current"].text == "Colleague v2"
    assert snapshot(reply) == before


def test_two_first_saves_of_the_same_answer_conflict(reply, focal, colleague):
    answer_save(reply=reply, question=question(reply, "2"), by=colleague, version=None, text="First")
    before = snapshot(reply)
    with pytest.raises(EditConflict):
        answer_save(reply=reply, question=question(reply, "2"), by=focal, version=None, text="Also first")
    assert snapshot(reply) == before


def test_the_national_text_is_saved_without_touching_the_official_one(reply, focal):
    q = question(reply, "1")
    answer_save(reply=reply, question=q, by=focal, version=None, text="Official")
    answer = answer_save(reply=reply, question=q, by=focal, version=1, national_text="National")
    assert (answer.text, answer.national_text, answer.version) == ("Official", "National", 2)


def test_a_question_of_another_round_is_refused(reply, focal):
    stray = QuestionFactory(number="1")
    before = snapshot(reply)
    with pytest.raises(NotFound):
        answer_save(reply=reply, question=stray, by=focal, version=None, text="x")
    assert snapshot(reply) == before


# Submission


def test_submitting_locks_the_reply_and_sends_a_receipt(
    reply, focal, mailoutbox, django_capture_on_commit_callbacks
):
    answer_save(reply=reply, question=question(reply, "1"), by=focal, version=None, text="Answer")
    now = datetime.datetime(2025, 11, 1, 10, tzinfo=PARIS)
    answers_complete(reply, by=focal)
    with django_capture_on_commit_callbacks(execute=True):
        reply_submit(reply=reply, by=focal, now=now)

    reply.refresh_from_db()
    assert (reply.state, reply.submitted_at, reply.is_late) == (Reply.State.SUBMITTED, now, False)
    assert reply.transitions.last().to_state == "submitted" and reply.transitions.last().by == focal
    assert len(mailoutbox) == 1
    assert sorted(mailoutbox[0].to) == ["focal-a1@example.org", "focal-a2@example.org"]
    assert "Receipt" in mailoutbox[0].subject and reply.party.name_en in mailoutbox[0].subject
    assert mailoutbox[0].alternatives[0][1] == "text/html"


def test_an_answer_cannot_be_edited_after_submission(reply, focal):
    answer_save(reply=reply, question=question(reply, "1"), by=focal, version=None, text="Final")
    answers_complete(reply, by=focal)
    reply_submit(reply=reply, by=focal)
    before = snapshot(reply)
    with pytest.raises(NotEditable) as refused:
        answer_save(reply=reply, question=question(reply, "1"), by=focal, version=1, text="Changed my mind")
    assert refused.value.code == "not_editable"
    assert snapshot(reply) == before


def test_submitting_twice_is_refused(reply, focal, mailoutbox, django_capture_on_commit_callbacks):
    answers_complete(reply, by=focal)
    reply_submit(reply=reply, by=focal)
    before = snapshot(reply)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(NotEditable, match="already been submitted"),
    ):
        reply_submit(reply=reply, by=focal)
    assert snapshot(reply) == before
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("submitted", "late"),
    [
        (datetime.datetime(2025, 12, 1, 23, 59, tzinfo=PARIS), False),  # the last minute of the deadline day
        (datetime.datetime(2025, 12, 2, 0, 0, tzinfo=PARIS), True),
    ],
)
def test_a_reply_after_the_deadline_day_in_strasbourg_is_accepted_and_marked_late(
    reply, focal, submitted, late
):
    reply.round.reply_deadline = datetime.date(2025, 12, 1)
    reply.round.save()
    answers_complete(reply, by=focal)
    reply_submit(reply=reply, by=focal, now=submitted)
    reply.refresh_from_db()
    assert reply.state == Reply.State.SUBMITTED
    assert reply.is_late is late


def test_an_extension_moves_the_deadline_for_one_party(reply, focal):
    reply.round.reply_deadline = datetime.date(2025, 12, 1)
    reply.round.save()
    participation = Participation.objects.get(round=reply.round, party=reply.party)
    participation_extend_deadline(participation=participation, until=datetime.date(2025, 12, 15))
    answers_complete(reply, by=focal)
    reply_submit(reply=reply, by=focal, now=datetime.datetime(2025, 12, 10, tzinfo=PARIS))
    reply.refresh_from_db()
    assert reply.is_late is False


def test_an_extension_must_end_after_the_deadline(reply):
    participation = Participation.objects.get(round=reply.round, party=reply.party)
    with pytest.raises(InvalidExtension, match="must end after"):
        participation_extend_deadline(participation=participation, until=reply.round.reply_deadline)
    participation.refresh_from_db()
    assert participation.deadline_extended_to is None


# The Secretariat's steps


@pytest.fixture
def secretariat(db):
    return UserFactory(username="sec", is_staff=True)


def test_a_reply_sent_back_can_be_corrected_and_keeps_its_first_submission(
    reply, focal, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    first = datetime.datetime(2025, 11, 1, tzinfo=PARIS)
    answers_complete(reply, by=focal)
    reply_submit(reply=reply, by=focal, now=first)
    with django_capture_on_commit_callbacks(execute=True):
        reply_send_back(reply=reply, by=secretariat, message="Please add figures to question 2.")
    reply.refresh_from_db()
    assert reply.state == Reply.State.RETURNED and reply.is_editable
    assert "Please add figures to question 2." in mailoutbox[0].body

    answer_save(reply=reply, question=question(reply, "2"), by=focal, version=1, text="Figures")
    reply_submit(reply=reply, by=focal, now=datetime.datetime(2026, 3, 1, tzinfo=PARIS))
    reply.refresh_from_db()
    assert reply.submitted_at == first and reply.is_late is False
    assert list(reply.transitions.values_list("from_state", "to_state")) == [
        ("draft", "submitted"),
        ("submitted", "returned"),
        ("returned", "submitted"),
    ]


def test_sending_back_needs_a_message(reply, focal, secretariat):
    answers_complete(reply, by=focal)
    reply_submit(reply=reply, by=focal)
    before = snapshot(reply)
    with pytest.raises(InvalidTransition, match="what to correct"):
        reply_send_back(reply=reply, by=secretariat, message="  ")
    assert snapshot(reply) == before


def test_publishing_a_submitted_reply_registers_it_too(reply, focal, secretariat):
    answers_complete(reply, by=focal)
    reply_submit(reply=reply, by=focal)
    reply_publish(reply=reply, by=secretariat, published_on=datetime.date(2017, 11, 20))
    reply.refresh_from_db()
    assert (reply.state, reply.published_on) == (Reply.State.PUBLISHED, datetime.date(2017, 11, 20))
    assert reply.registered_at is not None
    assert list(reply.transitions.values_list("to_state", "by"))[-2:] == [
        ("registered", secretariat.pk),
        ("published", secretariat.pk),
    ]


def test_a_registered_reply_is_published_today_by_default(reply, focal, secretariat):
    answers_complete(reply, by=focal)
    reply_submit(reply=reply, by=focal)
    reply_register(reply=reply, by=secretariat)
    now = datetime.datetime(2026, 1, 5, 9, tzinfo=PARIS)
    reply_publish(reply=reply, by=secretariat, now=now)
    reply.refresh_from_db()
    assert reply.published_on == datetime.date(2026, 1, 5)


def test_a_draft_cannot_be_published(reply, secretariat):
    before = snapshot(reply)
    with pytest.raises(InvalidTransition) as refused:
        reply_publish(reply=reply, by=secretariat)
    assert refused.value.code == "invalid_transition"
    assert snapshot(reply) == before


def test_a_future_publication_date_is_refused(reply, focal, secretariat):
    answers_complete(reply, by=focal)
    reply_submit(reply=reply, by=focal)
    before = snapshot(reply)
    with pytest.raises(InvalidDate):
        reply_publish(
            reply=reply, by=secretariat, published_on=datetime.date.today() + datetime.timedelta(days=2)
        )
    assert snapshot(reply) == before


# Attachments


def stored_files() -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return set(root.rglob("*")) if root.exists() else set()


@pytest.mark.parametrize(("upload", "kind"), [(pdf_upload, "pdf"), (docx_upload, "docx")])
def test_pdf_and_docx_documents_are_attached_with_a_server_chosen_name(reply, focal, upload, kind):
    attachment = attachment_add(reply=reply, by=focal, upload=upload(), title="Criminal Code", language="en")
    assert attachment.kind == kind
    assert attachment.original_name.endswith(kind)
    assert Path(attachment.file.name).stem not in attachment.original_name
    assert len(attachment.sha256) == 64
    attachment.file.delete()


def test_an_odt_document_is_recognised_by_its_content(reply, focal):
    upload = zip_upload(
        "notes.odt", {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}
    )
    attachment = attachment_add(reply=reply, by=focal, upload=upload, title="Notes", language="fr")
    assert attachment.kind == "odt"
    attachment.file.delete()


@pytest.mark.parametrize(
    ("upload", "reason"),
    [
        (
            lambda: pdf_upload("report.docx").__class__("statute.pdf", b"just some text", "application/pdf"),
            "not a PDF, DOCX or ODT",
        ),
        (lambda: zip_upload("archive.docx", {"readme.txt": b"hello"}), "not a PDF, DOCX or ODT"),
        (
            lambda: zip_upload(
                "macro.docx",
                {
                    "[Content_Types].xml": b"application/vnd.ms-word.document.macroEnabled.main+xml",
                    "word/document.xml": b"<x/>",
                },
            ),
            "contains macros",
        ),
        (
            lambda: zip_upload("macro2.docx", {"[Content_Types].xml": b"", "word/vbaProject.bin": b"\x00"}),
            "contains macros",
        ),
        (
            lambda: pdf_upload("broken.docx").__class__(
                "broken.docx", b"PK\x03\x04 truncated", "application/zip"
            ),
            "damaged",
        ),
    ],
    ids=["text-renamed-pdf", "plain-zip", "macro-content-type", "vba-project", "damaged-zip"],
)
def test_a_file_that_is_not_a_real_document_is_refused_and_nothing_is_stored(reply, focal, upload, reason):
    files_before = stored_files()
    with pytest.raises(InvalidFile, match=reason) as refused:
        attachment_add(reply=reply, by=focal, upload=upload(), title="Law", language="en")
    assert refused.value.code == "invalid_file"
    assert not Attachment.objects.exists()
    assert stored_files() == files_before


def test_a_file_over_the_size_limit_is_refused(reply, focal, settings):
    settings.ATTACHMENT_MAX_BYTES = 50
    with pytest.raises(InvalidFile, match="largest accepted is 50"):
        attachment_add(reply=reply, by=focal, upload=pdf_upload(), title="Law", language="en")
    assert not Attachment.objects.exists()


def test_a_document_that_would_expand_past_the_bound_is_refused_before_decompressing(reply, focal, settings):
    settings.UPLOAD_ZIP_MAX_UNCOMPRESSED_BYTES = 10_000
    bomb = zip_upload("bomb.docx", {"[Content_Types].xml": b"x", "word/document.xml": b"0" * 50_000})
    assert bomb.size < 10_000
    with pytest.raises(InvalidFile, match="expands to more"):
        attachment_add(reply=reply, by=focal, upload=bomb, title="Law", language="en")
    assert not Attachment.objects.exists()


def test_nothing_can_be_attached_to_a_submitted_reply(reply, focal):
    answers_complete(reply, by=focal)
    reply_submit(reply=reply, by=focal)
    with pytest.raises(NotEditable):
        attachment_add(reply=reply, by=focal, upload=pdf_upload(), title="Law", language="en")
    assert not Attachment.objects.exists()
