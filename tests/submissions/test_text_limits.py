"""Every free text of a reply has a limit (settings.TEXT_LIMITS): answers in either language, attachment
titles, send-back messages and answers read from Word. A longer one is refused with `too_long`, naming the
limit, and nothing is stored; the editor counts down near it."""

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.errors import TextTooLong
from rounds.models import Language
from submissions.models import Answer, AnswerVersion, Attachment, Reply, ReplyTransition, WordImport
from submissions.services import answer_save, attachment_add, reply_register, reply_send_back
from submissions.services.word_import import word_import_read, word_import_unmatched
from submissions.word.export import reply_docx
from tests.factories import UserFactory

from .conftest import pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings):
    """Small limits, so that the texts of the tests read at a glance."""
    settings.TEXT_LIMITS = {**settings.TEXT_LIMITS, "text": 20, "message": 30}
    return settings.TEXT_LIMITS


def question(reply: Reply, number: str):
    return reply.round.questionnaire.questions.get(number=number)


def url(name: str, reply: Reply, *args) -> str:
    return reverse(name, args=[reply.round.slug, reply.party.code, *args])


def stored(reply: Reply) -> tuple:
    return (
        list(
            Answer.objects.filter(reply=reply).values_list(
                "question__number", "text", "national_text", "version"
            )
        ),
        AnswerVersion.objects.filter(answer__reply=reply).count(),
    )


# The service


def test_an_answer_of_100000_characters_is_saved_and_one_more_is_refused_storing_nothing(reply, focal):
    saved = answer_save(
        reply=reply, question=question(reply, "1"), by=focal, version=None, text="a" * 100_000
    )
    before = stored(reply)

    with pytest.raises(TextTooLong) as refused:
        answer_save(
            reply=reply, question=question(reply, "1"), by=focal, version=saved.version, text="a" * 100_001
        )

    assert refused.value.code == "too_long" and refused.value.status == 400
    assert refused.value.context == {"field": "text", "limit": 100_000}
    assert refused.value.message == (
        "Answer: 100,001 characters, where at most 100,000 are accepted. Shorten it and try again."
    )
    assert stored(reply) == before


def test_a_national_language_answer_has_the_same_limit(reply, focal, limits):
    reply.national_language = Language.objects.create(code="de", name="German")
    reply.save()

    with pytest.raises(TextTooLong) as refused:
        answer_save(
            reply=reply,
            question=question(reply, "1"),
            by=focal,
            version=None,
            text="ok",
            national_text="b" * 21,
        )

    assert refused.value.context["field"] == "national_text"
    assert stored(reply) == ([], 0)


def test_a_line_break_counts_as_one_character_however_the_browser_sent_it(reply, focal, limits):
    text = "\r\n".join(["abcd"] * 4)  # 16 letters and 3 line breaks: 19 characters, 22 code units

    answer = answer_save(reply=reply, question=question(reply, "1"), by=focal, version=None, text=text)

    assert answer.text == text


def test_an_attachment_title_longer_than_200_characters_is_refused_and_nothing_is_stored(reply, focal):
    with pytest.raises(TextTooLong) as refused:
        attachment_add(reply=reply, by=focal, upload=pdf_upload(), title="t" * 201, language="en")

    assert refused.value.context == {"field": "title", "limit": 200}
    assert not Attachment.objects.exists()


def test_a_send_back_message_longer_than_its_limit_is_refused_and_the_reply_stays_submitted(reply, limits):
    Reply.objects.filter(pk=reply.pk).update(state=Reply.State.SUBMITTED)
    staff = UserFactory(is_staff=True)

    with pytest.raises(TextTooLong) as refused:
        reply_send_back(reply=reply, by=staff, message="m" * 31)

    assert refused.value.context == {"field": "message", "limit": 30}
    reply.refresh_from_db()
    assert reply.state == Reply.State.SUBMITTED
    assert not ReplyTransition.objects.filter(reply=reply, to_state=Reply.State.RETURNED).exists()


def test_a_reason_for_registering_longer_than_its_limit_is_refused_and_the_reply_stays_submitted(
    reply, limits
):
    Reply.objects.filter(pk=reply.pk).update(state=Reply.State.SUBMITTED)

    with pytest.raises(TextTooLong) as refused:
        reply_register(reply=reply, by=UserFactory(is_staff=True), reason="r" * 31)

    assert refused.value.context == {"field": "reason", "limit": 30}
    reply.refresh_from_db()
    assert (reply.state, reply.registered_at) == (Reply.State.SUBMITTED, None)


def test_an_answer_too_long_in_a_word_document_is_left_unmatched_and_the_others_are_read(
    reply, focal, limits
):
    document = docx.Document(io.BytesIO(reply_docx(reply=reply)))
    cells = {table.cell(0, 0).text.strip(): table.cell(1, 1) for table in document.tables}
    cells["Question 1"].paragraphs[0].text = "w" * 21
    cells["Question 2"].paragraphs[0].text = "Short enough"
    buffer = io.BytesIO()
    document.save(buffer)

    word_import = word_import_read(
        reply=reply, by=focal, upload=SimpleUploadedFile("reply.docx", buffer.getvalue())
    )

    entries = {entry["number"]: entry for entry in word_import.entries}
    assert "1" not in entries and entries["2"]["text"] == "Short enough"
    (unmatched,) = word_import_unmatched(word_import)
    assert unmatched["number"] == "1"
    assert unmatched["message"] == (
        "The answer to question 1 is longer than the 20 characters an answer holds: shorten it in the "
        "document and upload it again."
    )
    assert WordImport.objects.count() == 1 and not Answer.objects.exists()


# The editor


@pytest.fixture
def focal_client(client, focal):
    client.force_login(focal)
    return client


def test_an_autosave_too_long_shows_the_refusal_in_its_status_and_stores_nothing(focal_client, reply, limits):
    response = focal_client.post(
        url("answer-save", reply, "1"), {"text": "x" * 21, "version": ""}, HTTP_HX_REQUEST="true"
    )

    fragment = response.content.decode()
    assert response.status_code == 400
    assert fragment.startswith(f'<p class="save-status" id="status-{question(reply, "1").pk}"')
    assert "Answer: 21 characters, where at most 20 are accepted." in fragment
    assert stored(reply) == ([], 0)


def test_a_save_too_long_without_javascript_shows_the_editor_again_with_the_text_kept(
    focal_client, reply, limits
):
    response = focal_client.post(
        url("answer-save", reply, "1"), {"text": "Kept but too long text", "version": ""}
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert ">Kept but too long text</textarea>" in page
    assert "Answer: 22 characters, where at most 20 are accepted." in page
    assert stored(reply) == ([], 0)


def test_the_editor_counts_down_each_answer_from_90_percent_of_its_limit_in_both_languages(
    focal_client, reply
):
    pk = question(reply, "1").pk

    page = focal_client.get(url("reply-edit", reply)).content.decode()

    assert "js/text-counter.js" in page
    assert (
        f'<p class="text-count" id="text-{pk}-count" data-count-for="text-{pk}" data-limit="100000" '
        'data-count-from="90000" data-near="%(count)s of %(limit)s characters" '
        'data-over="%(count)s of %(limit)s characters: %(over)s too many. Shorten the text to save it." '
        'aria-live="polite" hidden></p>'
    ) in page
    assert 'name="title" required maxlength="200"' in page
    french = focal_client.get(f"/fr{url('reply-edit', reply)[3:]}").content.decode()
    assert 'data-near="%(count)s caractères sur %(limit)s"' in french


def test_a_title_counts_every_character_it_stores_line_breaks_included(reply, focal):
    """A title's column holds 200 characters: a title sent with line breaks is counted as stored."""
    with pytest.raises(TextTooLong):
        attachment_add(reply=reply, by=focal, upload=pdf_upload(), title="t\r\n" * 67 + "t", language="en")

    assert not Attachment.objects.exists()
