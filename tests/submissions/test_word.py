"""The Word round trip of a State reply: download pre-filled, upload back, preview, confirm."""

import io
import re

import docx
import factory
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from questionnaires.models import Question, Questionnaire, Theme
from rounds.models import Language
from submissions.answer_html import answer_html
from submissions.errors import EditConflict, InvalidFile, InvalidTransition, NotEditable
from submissions.models import Answer, AnswerVersion, Reply, WordImport
from submissions.services import answer_save, reply_submit
from submissions.services.word_import import (
    word_import_apply,
    word_import_changes,
    word_import_read,
    word_import_unmatched,
)
from submissions.word.export import reply_docx
from submissions.word.parse import reply_docx_parse
from tests.factories import (
    FocalPointFactory,
    ParticipationFactory,
    PartyFactory,
    QuestionFactory,
    QuestionnaireFactory,
    RoundFactory,
    answers_complete,
)

pytestmark = pytest.mark.django_db


class DraftReplyFactory(factory.django.DjangoModelFactory):
    """A draft reply of a Party monitored in the round (the participation is made with it)."""

    class Meta:
        model = Reply
        skip_postgeneration_save = True

    round = factory.SubFactory(RoundFactory, slug="2nd-round")
    party = factory.SubFactory(PartyFactory)
    participation = factory.RelatedFactory(
        ParticipationFactory, round=factory.SelfAttribute("..round"), party=factory.SelfAttribute("..party")
    )


@pytest.fixture
def draft(db) -> Reply:
    """A draft reply in English to a five-question questionnaire, three questions answered."""
    reply = DraftReplyFactory()
    questionnaire = QuestionnaireFactory(
        round=reply.round, title_en="Questionnaire", title_fr="Questionnaire"
    )
    themes = {"1": Theme.PREVENTION, "2": Theme.PREVENTION, "3": Theme.PROTECTION}
    themes |= {"3.1": Theme.PROTECTION, "4": Theme.PROSECUTION}
    for position, (number, theme) in enumerate(themes.items()):
        QuestionFactory(questionnaire=questionnaire, number=number, position=position, theme=theme)
    return reply


@pytest.fixture
def focal(draft):
    return FocalPointFactory(party=draft.party, user__username="focal-word").user


@pytest.fixture
def colleague(draft):
    return FocalPointFactory(party=draft.party, user__username="colleague-word").user


@pytest.fixture
def answered(draft, focal):
    """Questions 1, 2 and 3 answered; 3.1 and 4 not yet."""
    for number, text in (("1", "Old one"), ("2", "Old two\nsecond line"), ("3", "Same three")):
        answer_save(reply=draft, question=question(draft, number), by=focal, version=None, text=text)
    return draft


@pytest.fixture
def focal_client(client, focal):
    client.force_login(focal)
    return client


def question(reply: Reply, number: str) -> Question:
    return Question.objects.get(questionnaire__round=reply.round, number=number)


def url(name: str, reply: Reply, *args) -> str:
    return reverse(name, args=[reply.round.slug, reply.party.code, *args])


def exported(reply: Reply) -> docx.Document:
    return docx.Document(io.BytesIO(reply_docx(reply=reply)))


def answer_cell(document, number: str):
    for table in document.tables:
        if table.cell(0, 0).text.strip() == f"Question {number}":
            return table.cell(1, 1)
    raise AssertionError(f"no table for question {number}")


def write(document, number: str, text: str) -> None:
    """Replace an answer as a person would in Word: one paragraph per line."""
    cell = answer_cell(document, number)
    for paragraph in cell.paragraphs[1:]:
        paragraph._element.getparent().remove(paragraph._element)
    lines = text.split("\n")
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def as_upload(document, name: str = "reply.docx") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/octet-stream")


def snapshot(reply: Reply) -> tuple:
    answers = (
        Answer.objects.filter(reply=reply).order_by("pk").values_list("question__number", "text", "version")
    )
    return (
        list(answers),
        AnswerVersion.objects.filter(answer__reply=reply).count(),
        WordImport.objects.count(),
    )


def statuses(page: str) -> dict[str, str]:
    return dict(re.findall(r'data-number="([^"]+)" data-status="([^"]+)"', page))


# The whole round trip, through the pages


def test_a_focal_point_downloads_edits_uploads_previews_and_confirms(focal_client, answered):
    # Given the reply downloaded from the portal as a .docx
    response = focal_client.get(url("reply-word-download", answered))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument")
    filename = f"lanzarote-2nd-round-{answered.party.code}-en.docx"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    document = docx.Document(io.BytesIO(response.content))
    assert answer_cell(document, "2").text == "Old two\nsecond line"
    assert answer_cell(document, "4").text == ""

    # When two answers are edited, a third is written and the file is uploaded
    write(document, "1", "New one")
    write(document, "2", "Old two\nsecond line, amended\nthird line")
    write(document, "4", "A first answer to question 4.")
    response = focal_client.post(url("reply-word-import", answered), {"document": as_upload(document)})
    word_import = WordImport.objects.get()
    assert response.status_code == 302
    assert response.url == url("reply-word-preview", answered, word_import.pk)

    # Then the preview lists what changes, with both texts, and nothing is saved yet
    page = focal_client.get(response.url).content.decode()
    assert statuses(page) == {
        "1": "changed",
        "2": "changed",
        "3": "unchanged",
        "3.1": "unchanged",
        "4": "new",
    }
    assert "Old one" in page and "New one" in page and "A first answer to question 4." in page
    assert Answer.objects.get(reply=answered, question__number="1").text == "Old one"

    # When the focal point confirms
    response = focal_client.post(url("reply-word-preview", answered, word_import.pk))

    # Then the three answers are saved as new versions, the others untouched, and the editor says so
    assert response.status_code == 302
    assert response.url == url("reply-edit", answered)
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "3 answers were imported from the Word document."
    ]
    answers = {a.question.number: a for a in Answer.objects.filter(reply=answered).select_related("question")}
    assert {number: (a.text, a.version) for number, a in answers.items()} == {
        "1": ("New one", 2),
        "2": ("Old two\nsecond line, amended\nthird line", 2),
        "3": ("Same three", 1),
        "4": ("A first answer to question 4.", 1),
    }
    assert list(answers["1"].versions.values_list("version", "text")) == [(2, "New one"), (1, "Old one")]
    assert answers["4"].versions.get().saved_by.username == "focal-word"
    word_import.refresh_from_db()
    assert word_import.applied_at is not None


def test_the_export_records_its_reply_and_ignores_nothing_of_the_questionnaire(answered):
    document = exported(answered)
    labels = [table.cell(0, 0).text for table in document.tables]
    assert labels == ["Question 1", "Question 2", "Question 3", "Question 3.1", "Question 4"]
    assert [table.cell(1, 0).text for table in document.tables] == ["Answer"] * 5
    assert document.core_properties.identifier == f"lanzarote-reply:2nd-round:{answered.party.code}:en"
    assert "What measures address point 3.1?" in answer_cell(document, "3.1")._parent.cell(0, 1).text


def test_a_reply_in_french_is_exported_with_the_french_questions_and_labels(client, draft, focal):
    # Given a reply whose official language is French
    Reply.objects.filter(pk=draft.pk).update(language="fr")
    client.force_login(focal)

    # When it is downloaded from an English page
    response = client.get(url("reply-word-download", draft))

    # Then the document is in French, whatever the interface language
    assert f"-{draft.party.code}-fr.docx" in response["Content-Disposition"]
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join([p.text for p in document.paragraphs] + [t.cell(0, 1).text for t in document.tables])
    assert "Quelles mesures répondent au point 1 ?" in text
    assert "What measures" not in text
    assert "Cycle de suivi" in text and "Prévention" in text
    assert [t.cell(0, 0).text for t in document.tables][:2] == ["Question 1", "Question 2"]
    assert document.core_properties.language == "fr"


def test_an_import_stores_the_html_of_the_texts_it_writes(answered, focal):
    document = exported(answered)
    write(document, "2", "New two <em>emphasised</em>\nsecond & last line")
    write(document, "4", "First answer to four")

    word_import_apply(
        word_import=word_import_read(reply=answered, by=focal, upload=as_upload(document)), by=focal
    )

    for answer in Answer.objects.filter(reply=answered):
        assert (answer.text_html, answer.national_text_html) == (answer_html(answer.text), "")
    assert "&lt;em&gt;" in Answer.objects.get(reply=answered, question__number="2").text_html


def test_a_french_document_comes_back_into_its_reply(draft, focal):
    Reply.objects.filter(pk=draft.pk).update(language="fr")
    draft.refresh_from_db()
    document = exported(draft)
    write(document, "2", "Réponse écrite en français.")
    word_import = word_import_read(reply=draft, by=focal, upload=as_upload(document))
    assert {row["number"]: row["status"] for row in word_import_changes(word_import)}["2"] == "new"


def test_an_answer_is_read_as_the_reader_sees_it_in_word(answered, focal):
    # Given an answer with a manual line break, a tab, a table of figures and an extra row added by Tab
    document = exported(answered)
    cell = answer_cell(document, "4")
    run = cell.paragraphs[0].add_run("Victims:\tfigures below")
    run.add_break()
    run.add_text("(2016-2017)")
    figures = cell.add_table(rows=2, cols=2)
    for (row, column), value in {(0, 0): "Year", (0, 1): "Cases", (1, 0): "2017", (1, 1): "42"}.items():
        figures.cell(row, column).text = value
    extra = answer_cell(document, "4")._parent.add_row()
    extra.cells[1].text = "Source: national statistics."

    # When it is read
    word_import = word_import_read(reply=answered, by=focal, upload=as_upload(document))

    # Then every line is kept, in order
    rows = {row["number"]: row for row in word_import_changes(word_import)}
    assert rows["4"]["imported"] == (
        "Victims:\tfigures below\n(2016-2017)\nYear | Cases\n2017 | 42\nSource: national statistics."
    )


# Refusals: a message, and nothing changed


def test_a_document_without_question_tables_is_refused(focal_client, answered):
    # Given a Word document someone wrote from scratch
    document = docx.Document()
    document.add_heading("Our reply", 0)
    document.add_paragraph("Question 1: we have a law.")
    before = snapshot(answered)

    # When it is uploaded
    response = focal_client.post(url("reply-word-import", answered), {"document": as_upload(document)})

    # Then the form says why, and nothing is stored
    assert response.status_code == 400
    page = response.content.decode()
    assert "No question table was found: this document does not follow the portal&#x27;s template." in page
    assert snapshot(answered) == before


def test_the_document_of_another_partys_reply_is_refused(focal_client, answered, focal):
    # Given the .docx of another Party's reply in the same round
    other = DraftReplyFactory(round=answered.round)
    document = exported(other)
    write(document, "1", "Another Party's answer")
    before = snapshot(answered)

    # When it is uploaded into this reply
    response = focal_client.post(url("reply-word-import", answered), {"document": as_upload(document)})

    # Then it is refused, naming whose template it is
    assert response.status_code == 400
    whose = f"(round {answered.round.label}, Party {other.party.code})"
    assert f"This document is the template of another reply {whose}" in response.content.decode()
    assert snapshot(answered) == before


def test_a_document_downloaded_in_another_language_is_refused(answered, focal):
    document = exported(answered)
    write(document, "1", "New one")
    Reply.objects.filter(pk=answered.pk).update(language="fr")
    answered.refresh_from_db()
    before = snapshot(answered)
    with pytest.raises(InvalidFile, match="downloaded in English, but the reply is now written in French"):
        word_import_read(reply=answered, by=focal, upload=as_upload(document))
    assert snapshot(answered) == before


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
        bytes(range(256)) * 8,
        b"Question 1\tOur answer\n",
    ],
    ids=["pdf", "random-bytes", "plain-text"],
)
def test_a_file_that_is_not_a_docx_is_refused_whatever_its_name(focal_client, answered, content):
    before = snapshot(answered)
    upload = SimpleUploadedFile("reply.docx", content, content_type="application/vnd.ms-word")
    response = focal_client.post(url("reply-word-import", answered), {"document": upload})
    assert response.status_code == 400
    assert "This file is not a DOCX document." in response.content.decode()
    assert snapshot(answered) == before


def test_a_document_with_tracked_changes_is_refused(answered, focal):
    # Given an edit left as a tracked insertion
    document = exported(answered)
    paragraph = answer_cell(document, "1").paragraphs[0]
    insertion = OxmlElement("w:ins")
    insertion.set(qn("w:id"), "1")
    insertion.set(qn("w:author"), "Reviewer")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = " and more"
    run.append(text)
    insertion.append(run)
    paragraph._p.append(insertion)
    before = snapshot(answered)

    with pytest.raises(InvalidFile, match="tracked changes"):
        word_import_read(reply=answered, by=focal, upload=as_upload(document))
    assert snapshot(answered) == before


def test_unknown_question_numbers_are_shown_as_unmatched_and_never_applied(focal_client, answered):
    # Given a document where a question table was copied and renumbered 9
    document = exported(answered)
    write(document, "1", "New one")
    document.tables[0].cell(0, 0).paragraphs[0].text = "Question 9"
    write(document, "2", "Changed two")

    # When it is uploaded and previewed
    focal_client.post(url("reply-word-import", answered), {"document": as_upload(document)})
    word_import = WordImport.objects.get()
    page = focal_client.get(url("reply-word-preview", answered, word_import.pk)).content.decode()

    # Then question 9 is listed as unmatched with the text read, and question 1 as not in the document
    assert statuses(page)["9"] == "unmatched"
    assert "There is no question 9 in this questionnaire." in page and "New one" in page
    assert "1" not in statuses(page)
    focal_client.post(url("reply-word-preview", answered, word_import.pk))
    assert Answer.objects.get(reply=answered, question__number="1").text == "Old one"
    assert Answer.objects.get(reply=answered, question__number="2").text == "Changed two"


def test_a_document_with_only_unknown_question_numbers_is_refused_naming_them(answered, focal):
    document = exported(answered)
    for index, table in enumerate(document.tables):
        table.cell(0, 0).paragraphs[0].text = f"Question {20 + index}"
    with pytest.raises(InvalidFile) as refused:
        word_import_read(reply=answered, by=focal, upload=as_upload(document))
    assert "There is no question 20 in this questionnaire." in refused.value.message
    assert "There is no question 24 in this questionnaire." in refused.value.message
    assert WordImport.objects.count() == 0


def test_confirming_after_a_colleague_saved_is_refused_and_applies_nothing(focal_client, answered, colleague):
    # Given an import previewed with question 1 changed and question 4 new
    document = exported(answered)
    write(document, "1", "New one")
    write(document, "4", "New four")
    focal_client.post(url("reply-word-import", answered), {"document": as_upload(document)})
    word_import = WordImport.objects.get()

    # And a colleague then writes question 4 in the portal
    answer_save(reply=answered, question=question(answered, "4"), by=colleague, version=None, text="Theirs")
    before = snapshot(answered)
    preview_page = focal_client.get(url("reply-word-preview", answered, word_import.pk)).content.decode()
    assert "confirming would be refused" in preview_page

    # When the focal point confirms
    response = focal_client.post(url("reply-word-preview", answered, word_import.pk))

    # Then it is a conflict naming the colleague, and nothing is applied, not even question 1
    assert response.status_code == 409
    assert "colleague-word saved the answer to question 4 after this document was read." in (
        response.content.decode()
    )
    assert snapshot(answered) == before
    assert Answer.objects.get(reply=answered, question__number="1").text == "Old one"
    assert Answer.objects.get(reply=answered, question__number="4").text == "Theirs"
    word_import.refresh_from_db()
    assert word_import.applied_at is None


def test_applying_a_stale_import_raises_edit_conflict(answered, focal, colleague):
    document = exported(answered)
    write(document, "2", "Mine")
    word_import = word_import_read(reply=answered, by=focal, upload=as_upload(document))
    current = Answer.objects.get(reply=answered, question__number="2")
    answer_save(
        reply=answered, question=current.question, by=colleague, version=current.version, text="Theirs"
    )
    before = snapshot(answered)

    with pytest.raises(EditConflict) as conflict:
        word_import_apply(word_import=word_import, by=focal)

    assert conflict.value.code == "edit_conflict"
    assert snapshot(answered) == before


def test_an_answer_left_as_downloaded_keeps_the_newer_text_a_colleague_saved(answered, focal, colleague):
    # Given a document downloaded, then question 3 saved by a colleague in the portal
    document = exported(answered)
    current = Answer.objects.get(reply=answered, question__number="3")
    answer_save(
        reply=answered, question=current.question, by=colleague, version=current.version, text="Newer"
    )

    # When the document, with only question 1 edited, is imported
    write(document, "1", "New one")
    word_import = word_import_read(reply=answered, by=focal, upload=as_upload(document))
    rows = {row["number"]: row for row in word_import_changes(word_import)}
    word_import_apply(word_import=word_import, by=focal)

    # Then question 3 is unchanged, and its newer text is kept
    assert (rows["3"]["status"], rows["3"]["kept"]) == ("unchanged", True)
    assert Answer.objects.get(reply=answered, question__number="3").text == "Newer"
    assert Answer.objects.get(reply=answered, question__number="1").text == "New one"


def test_confirming_twice_is_refused_the_second_time(focal_client, answered, focal):
    document = exported(answered)
    write(document, "1", "New one")
    focal_client.post(url("reply-word-import", answered), {"document": as_upload(document)})
    word_import = WordImport.objects.get()
    assert focal_client.post(url("reply-word-preview", answered, word_import.pk)).status_code == 302
    before = snapshot(answered)

    response = focal_client.post(url("reply-word-preview", answered, word_import.pk))

    assert response.status_code == 409
    assert "This Word document has already been imported" in response.content.decode()
    assert snapshot(answered) == before
    word_import.refresh_from_db()
    with pytest.raises(InvalidTransition):
        word_import_apply(word_import=word_import, by=focal)


def test_nothing_is_imported_into_a_submitted_reply(focal_client, answered, focal):
    # Given an import read while the reply was a draft, and the reply then submitted
    document = exported(answered)
    write(document, "1", "New one")
    pending = word_import_read(reply=answered, by=focal, upload=as_upload(document))
    answers_complete(answered, by=focal)
    reply_submit(reply=answered, by=focal)
    before = snapshot(answered)

    # When a document is uploaded, or the pending import confirmed
    response = focal_client.post(url("reply-word-import", answered), {"document": as_upload(document)})
    with pytest.raises(NotEditable):
        word_import_apply(word_import=pending, by=focal)
    confirm = focal_client.post(url("reply-word-preview", answered, pending.pk))

    # Then both are refused with the reason, and nothing changes
    assert response.status_code == 400
    assert "This reply is submitted and can no longer be edited." in response.content.decode()
    assert confirm.status_code == 409
    assert "can no longer be edited" in confirm.content.decode()
    assert snapshot(answered) == before


# Access


def test_a_focal_point_of_another_party_gets_404_on_every_word_page(client, answered, focal):
    # Given a focal point of another Party monitored in the same round, and an import of this reply
    document = exported(answered)
    write(document, "1", "New one")
    word_import = word_import_read(reply=answered, by=focal, upload=as_upload(document))
    outsider = FocalPointFactory(party=ParticipationFactory(round=answered.round).party).user
    client.force_login(outsider)
    before = snapshot(answered)

    # Then every page of this reply is 404 to them, reading or writing
    assert client.get(url("reply-word-download", answered)).status_code == 404
    assert client.get(url("reply-word-import", answered)).status_code == 404
    upload = client.post(url("reply-word-import", answered), {"document": as_upload(document)})
    assert upload.status_code == 404
    assert client.get(url("reply-word-preview", answered, word_import.pk)).status_code == 404
    assert client.post(url("reply-word-preview", answered, word_import.pk)).status_code == 404
    assert snapshot(answered) == before


def test_an_import_of_another_reply_is_404_from_this_replys_pages(focal_client, answered, focal):
    other = DraftReplyFactory(party=answered.party, round__slug="3rd-round")
    QuestionFactory(questionnaire=QuestionnaireFactory(round=other.round), number="1")
    document = exported(other)
    write(document, "1", "Elsewhere")
    foreign = word_import_read(reply=other, by=focal, upload=as_upload(document))

    assert focal_client.get(url("reply-word-preview", answered, foreign.pk)).status_code == 404
    assert focal_client.post(url("reply-word-preview", answered, foreign.pk)).status_code == 404
    foreign.refresh_from_db()
    assert foreign.applied_at is None


def test_the_word_pages_ask_anonymous_visitors_to_log_in(client, answered):
    response = client.get(url("reply-word-download", answered))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_the_upload_page_shows_an_accessible_form(focal_client, answered):
    page = focal_client.get(url("reply-word-import", answered)).content.decode()
    assert '<label for="word-document">' in page and 'id="word-document"' in page
    assert url("reply-word-download", answered) in page


# The national-language text


@pytest.fixture
def bilingual(answered, focal) -> Reply:
    """The reply of test_word's `answered`, with German as its national language and two German texts."""
    answered.national_language = Language.objects.get_or_create(code="de", defaults={"name": "German"})[0]
    answered.save(update_fields=["national_language"])
    for number, text in (("1", "Alt eins"), ("3", "Gleich drei")):
        current = Answer.objects.get(reply=answered, question__number=number)
        answer_save(
            reply=answered, question=current.question, by=focal, version=current.version, national_text=text
        )
    return answered


def national_cell(document, number: str):
    table = answer_cell(document, number)._parent
    assert table.cell(2, 0).text == "Answer (German)"
    return table.cell(2, 1)


def write_national(document, number: str, text: str) -> None:
    cell = national_cell(document, number)
    for paragraph in cell.paragraphs[1:]:
        paragraph._element.getparent().remove(paragraph._element)
    lines = text.split("\n")
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def texts(reply: Reply) -> dict[str, tuple]:
    return {
        a.question.number: (a.text, a.national_text, a.no_information, a.version)
        for a in Answer.objects.filter(reply=reply).select_related("question")
    }


def test_both_languages_go_out_to_word_and_come_back(focal_client, bilingual):
    # Given the reply downloaded: each question has its German text below the English one
    response = focal_client.get(url("reply-word-download", bilingual))
    document = docx.Document(io.BytesIO(response.content))
    assert [t.cell(2, 0).text for t in document.tables] == ["Answer (German)"] * 5
    assert national_cell(document, "1").text == "Alt eins"
    assert national_cell(document, "4").text == ""
    languages = {
        run.element.rPr.find(qn("w:lang")).get(qn("w:val"))
        for run in national_cell(document, "1").paragraphs[0].runs
    }
    assert languages == {"de"}

    # When both texts of question 1, the German text of 2 and the English text of 4 are written in Word
    write(document, "1", "New one")
    write_national(document, "1", "Neu eins\nzweite Zeile")
    write_national(document, "2", "Neu zwei")
    write(document, "4", "A first answer to question 4.")
    focal_client.post(url("reply-word-import", bilingual), {"document": as_upload(document)})
    word_import = WordImport.objects.get()

    # Then the preview shows both texts, and nothing is saved yet
    page = focal_client.get(url("reply-word-preview", bilingual, word_import.pk)).content.decode()
    assert statuses(page) == {
        "1": "changed",
        "2": "changed",
        "4": "new",
        "3": "unchanged",
        "3.1": "unchanged",
    }
    assert "Neu eins" in page and "Alt eins" in page and 'lang="de"' in page
    before = texts(bilingual)

    # And once confirmed, both languages are saved, the rest as it was
    focal_client.post(url("reply-word-preview", bilingual, word_import.pk))
    after = texts(bilingual)
    assert after["1"][:3] == ("New one", "Neu eins\nzweite Zeile", False)
    assert after["2"][:3] == ("Old two\nsecond line", "Neu zwei", False)
    assert after["4"][:3] == ("A first answer to question 4.", "", False)
    assert after["3"] == before["3"]


def test_the_mark_no_information_comes_back_with_its_national_explanation(bilingual, focal):
    document = exported(bilingual)
    write(document, "4", "[No information available]\nNo data is collected.")
    write_national(document, "4", "Es werden keine Daten erhoben.")
    word_import_apply(
        word_import=word_import_read(reply=bilingual, by=focal, upload=as_upload(document)), by=focal
    )
    assert texts(bilingual)["4"][:3] == ("No data is collected.", "Es werden keine Daten erhoben.", True)

    # And exported again, the mark stays in the official text, the national one is the explanation only
    document = exported(bilingual)
    assert answer_cell(document, "4").text == "[No information available]\nNo data is collected."
    assert national_cell(document, "4").text == "Es werden keine Daten erhoben."


def test_a_document_exported_before_the_national_text_leaves_it_as_it_is(bilingual, focal):
    # Given a document of the old format: two rows per question, no national row
    document = exported(bilingual)
    for table in document.tables:
        table._tbl.remove(table.rows[2]._tr)
    write(document, "1", "New one")

    # When it is imported
    word_import = word_import_read(reply=bilingual, by=focal, upload=as_upload(document))
    word_import_apply(word_import=word_import, by=focal)

    # Then the English text changes and the German one is kept
    assert texts(bilingual)["1"][:2] == ("New one", "Alt eins")
    assert texts(bilingual)["3"][:2] == ("Same three", "Gleich drei")


def test_a_national_text_left_as_downloaded_keeps_the_newer_one_saved_in_the_portal(
    bilingual, focal, colleague
):
    # Given a document downloaded, then the German text of question 1 saved by a colleague in the portal
    document = exported(bilingual)
    current = Answer.objects.get(reply=bilingual, question__number="1")
    answer_save(
        reply=bilingual,
        question=current.question,
        by=colleague,
        version=current.version,
        national_text="Neuer",
    )

    # When the document, with only the English text of question 1 edited, is imported
    write(document, "1", "New one")
    word_import = word_import_read(reply=bilingual, by=focal, upload=as_upload(document))
    row = {row["number"]: row for row in word_import_changes(word_import)}["1"]
    word_import_apply(word_import=word_import, by=focal)

    # Then the English text is imported and the colleague's German text is not overwritten
    assert (row["status"], row["kept"], row["imported_national"]) == ("changed", True, None)
    assert texts(bilingual)["1"][:2] == ("New one", "Neuer")


def test_a_national_text_edited_in_both_places_is_shown_to_compare(focal_client, bilingual, focal, colleague):
    document = exported(bilingual)
    current = Answer.objects.get(reply=bilingual, question__number="3")
    answer_save(
        reply=bilingual,
        question=current.question,
        by=colleague,
        version=current.version,
        national_text="Neuer",
    )
    write_national(document, "3", "Aus Word")
    word_import = word_import_read(reply=bilingual, by=focal, upload=as_upload(document))
    page = focal_client.get(url("reply-word-preview", bilingual, word_import.pk)).content.decode()
    assert statuses(page)["3"] == "changed"
    assert "Also edited in the portal since the document was downloaded: compare both texts." in page
    assert "Neuer" in page and "Aus Word" in page


def test_a_national_text_saved_between_reading_and_confirming_is_a_conflict(
    focal_client, bilingual, focal, colleague
):
    # Given a document whose German text of question 3 was edited, read into a preview
    document = exported(bilingual)
    write_national(document, "3", "Aus Word")
    word_import = word_import_read(reply=bilingual, by=focal, upload=as_upload(document))

    # When a colleague saves that German text in the portal before the import is confirmed
    current = Answer.objects.get(reply=bilingual, question__number="3")
    answer_save(
        reply=bilingual,
        question=current.question,
        by=colleague,
        version=current.version,
        national_text="Neuer",
    )
    before = texts(bilingual)

    # Then confirming is refused, naming the colleague, and nothing changes
    with pytest.raises(EditConflict, match="colleague-word saved the answer to question 3"):
        word_import_apply(word_import=word_import, by=focal)
    response = focal_client.post(url("reply-word-preview", bilingual, word_import.pk))
    assert response.status_code == 409
    assert "colleague-word saved the answer to question 3" in response.content.decode()
    assert texts(bilingual) == before
    word_import.refresh_from_db()
    assert word_import.applied_at is None


def test_an_answer_opening_like_a_label_stays_the_answer(bilingual, focal):
    document = exported(bilingual)
    write(document, "2", "Answer (partial)\nSee the annex.")
    word_import = word_import_read(reply=bilingual, by=focal, upload=as_upload(document))
    row = {row["number"]: row for row in word_import_changes(word_import)}["2"]
    assert (row["imported"], row["imported_national"], word_import.unmatched) == (
        "Answer (partial)\nSee the annex.",
        None,
        [],
    )


def test_a_national_text_too_long_leaves_its_question_out(bilingual, focal, settings):
    settings.TEXT_LIMITS = {**settings.TEXT_LIMITS, "text": 20}
    document = exported(bilingual)
    write_national(document, "2", "w" * 21)
    write(document, "4", "Short enough")
    word_import = word_import_read(reply=bilingual, by=focal, upload=as_upload(document))
    assert [(item["number"], item["reason"]) for item in word_import.unmatched] == [("2", "too_long")]
    assert "2" not in {entry["number"] for entry in word_import.entries}


def test_a_text_in_another_national_language_is_left_out_and_said_so(bilingual, focal):
    document = exported(bilingual)
    write_national(document, "1", "Nieuw")
    answer_cell(document, "1")._parent.cell(2, 0).paragraphs[0].runs[0].text = "Answer (Dutch)"
    write(document, "2", "New two")
    word_import = word_import_read(reply=bilingual, by=focal, upload=as_upload(document))
    assert [item["message"] for item in word_import_unmatched(word_import)] == [
        "The text of question 1 in “Dutch” is left out: it is not this reply's national language."
    ]
    word_import_apply(word_import=word_import, by=focal)
    assert texts(bilingual)["1"][:2] == ("Old one", "Alt eins")
    assert texts(bilingual)["2"][0] == "New two"


def test_the_preview_lists_changed_answers_first_with_the_button_above_and_below(focal_client, answered):
    # Given a document changing questions 3 and 4 while 1, 2 and 3.1 are left as they are
    document = exported(answered)
    write(document, "3", "Changed three")
    write(document, "4", "A first answer to question 4.")
    focal_client.post(url("reply-word-import", answered), {"document": as_upload(document)})
    page = focal_client.get(url("reply-word-preview", answered, WordImport.objects.get().pk)).content.decode()

    # Then the changed rows come first, the unchanged ones folded below, and the button is at both ends
    assert list(statuses(page)) == ["3", "4", "1", "2", "3.1"]
    folded = page[page.index("<details") : page.index("</details>")]
    assert set(statuses(folded)) == {"1", "2", "3.1"}
    button = "Import 2 answers"
    assert page.count(button) == 2
    assert page.index(button) < page.index('data-number="3"') < page.rindex(button)


def test_the_national_text_comes_back_from_a_french_screen_too(focal_client, bilingual):
    """The file names the national language in the reply's language; an import from /fr/ still reads it."""
    Language.objects.filter(pk=bilingual.national_language_id).update(name_fr="allemand")
    response = focal_client.get(url("reply-word-download", bilingual))
    document = docx.Document(io.BytesIO(response.content))
    write_national(document, "2", "Neu zwei")

    focal_client.post(
        url("reply-word-import", bilingual).replace("/en/", "/fr/"), {"document": as_upload(document)}
    )
    focal_client.post(url("reply-word-preview", bilingual, WordImport.objects.get().pk))

    assert texts(bilingual)["2"][1] == "Neu zwei"


# The questionnaire's preliminary remarks: before the questions, in the reply's language, never imported

REMARKS = {
    "en": "DEFINITIONS-EN: “self-generated sexually explicit images and/or videos”.\n\nSECOND-EN: content.",
    "fr": "DÉFINITIONS-FR : « images sexuellement explicites autoproduites ».\n\nSECOND-FR : contenus.",
}


@pytest.fixture
def with_remarks(answered):
    Questionnaire.objects.filter(round=answered.round).update(
        introduction_en=REMARKS["en"], introduction_fr=REMARKS["fr"]
    )
    return answered


@pytest.mark.parametrize(
    ("language", "heading"), [("en", "Preliminary remarks"), ("fr", "Remarques préliminaires")]
)
def test_the_preliminary_remarks_open_the_document_in_the_replys_language(with_remarks, language, heading):
    Reply.objects.filter(pk=with_remarks.pk).update(language=language)
    with_remarks.refresh_from_db()

    document = exported(with_remarks)

    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    at = paragraphs.index(("Heading 1", heading))
    first, second = REMARKS[language].split("\n\n")
    assert paragraphs[at + 1 : at + 3] == [("Normal", first), ("Normal", second)]
    other = "fr" if language == "en" else "en"
    assert REMARKS[other].split(":")[0] not in "\n".join(text for _, text in paragraphs)
    # Before the first theme, hence before every question table.
    themes = [text for style, text in paragraphs if style == "Heading 1" and text != heading]
    assert paragraphs.index(("Heading 1", themes[0])) > at + 2
    body = document.element.body
    remarks_at = next(i for i, child in enumerate(body) if child.xpath("string(.)") == first)
    table_at = next(i for i, child in enumerate(body) if child.tag == qn("w:tbl"))
    assert remarks_at < table_at


def test_the_preliminary_remarks_are_passed_over_on_import(focal_client, with_remarks):
    # Given the document downloaded with its remarks, one answer changed, the remarks themselves edited
    document = exported(with_remarks)
    write(document, "1", "New one")
    for paragraph in document.paragraphs:
        if paragraph.text.startswith("DEFINITIONS-EN"):
            paragraph.text = (
                "Question 2: an edit of the remarks, which the import must not read as an answer."
            )

    # When it is uploaded and confirmed
    focal_client.post(url("reply-word-import", with_remarks), {"document": as_upload(document)})
    word_import = WordImport.objects.get()
    rows = word_import_changes(word_import)
    focal_client.post(url("reply-word-preview", with_remarks, word_import.pk))

    # Then only the question tables were read: the remarks are neither an answer nor unmatched
    assert {row["number"]: row["status"] for row in rows} == {
        "1": "changed",
        "2": "unchanged",
        "3": "unchanged",
        "3.1": "unchanged",
        "4": "unchanged",
    }
    assert word_import_unmatched(word_import) == []
    answers = dict(Answer.objects.filter(reply=with_remarks).values_list("question__number", "text"))
    assert answers == {"1": "New one", "2": "Old two\nsecond line", "3": "Same three"}
    assert Questionnaire.objects.get(round=with_remarks.round).introduction_en == REMARKS["en"]


def test_a_reply_with_every_question_of_a_long_questionnaire_answered_goes_out_and_comes_back(
    focal_client, draft, focal
):
    # Given 60 questions answered: the versions recorded in the file run past 255 characters
    questionnaire = Questionnaire.objects.get(round=draft.round)
    for n in range(5, 60):
        QuestionFactory(questionnaire=questionnaire, number=f"{n}.1", position=n, theme=Theme.PROSECUTION)
    for question_ in Question.objects.filter(questionnaire=questionnaire):
        answer_save(reply=draft, question=question_, by=focal, version=None, text=f"On {question_.number}.")

    # When it is downloaded
    response = focal_client.get(url("reply-word-download", draft))

    # Then the file records every version and reads back with them
    assert response.status_code == 200
    parsed = reply_docx_parse(io.BytesIO(response.content))
    assert len(parsed.versions) == 60 and set(parsed.versions.values()) == {1}
    assert len(docx.Document(io.BytesIO(response.content)).core_properties.version) > 255
