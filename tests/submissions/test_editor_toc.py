"""The reply editor's contents (themes, questions and their states), deadline, attachments and languages."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from questionnaires.models import Theme
from rounds.models import Language, Participation
from submissions.services import answer_save, attachment_add, reply_settings_update
from tests.factories import QuestionFactory

from .conftest import pdf_upload

pytestmark = pytest.mark.django_db


def url(name: str, reply, *args) -> str:
    return reverse(name, args=[reply.round.slug, reply.party.code, *args])


@pytest.fixture
def focal_client(client, focal):
    client.force_login(focal)
    return client


def day(*ymd) -> str:
    with translation.override("en"):
        return date_format(datetime.date(*ymd))


def toc(page: str) -> str:
    return re.search(r'<nav class="toc".*?</nav>', page, re.S).group(0)


def state_of(page: str, question) -> str:
    return re.search(rf'id="toc-state-{question.pk}"[^>]*>([^<]*)<', page).group(1)


def test_the_contents_list_themes_and_questions_with_their_state(focal_client, reply, focal):
    questions = {q.number: q for q in reply.round.questionnaire.questions.all()}
    optional = QuestionFactory(
        questionnaire=reply.round.questionnaire, number="3", required=False, theme=Theme.PROTECTION
    )
    answer_save(reply=reply, question=questions["1"], by=focal, version=None, text="Yes")
    answer_save(reply=reply, question=questions["1.1"], by=focal, version=None, text="", no_information=True)
    # Spaces are no answer, as the completeness check counts them
    answer_save(reply=reply, question=questions["2"], by=focal, version=None, text="   ")

    page = focal_client.get(url("reply-edit", reply)).content.decode()

    contents = toc(page)
    assert '<details id="contents" data-toc>' in contents
    for number in ("1", "1.1", "2", "3"):
        assert f'href="#q-{number}"' in contents
    assert 'href="#theme-1">Prevention</a>' in contents and 'href="#theme-2">Protection</a>' in contents
    assert '<h2 id="theme-1">Prevention</h2>' in page and '<h2 id="theme-2">Protection</h2>' in page
    assert 'href="#attachments"' in contents
    assert state_of(page, questions["1"]) == "answered"
    assert state_of(page, questions["1.1"]) == "no information"
    assert state_of(page, questions["2"]) == "missing"
    assert state_of(page, optional) == "not answered"
    assert page.count('<a href="#contents">Back to contents</a>') == 2
    assert "js/toc.js" in page and "<script>" not in page


def test_autosave_updates_the_questions_state_in_the_contents_out_of_band(focal_client, reply):
    question = reply.round.questionnaire.questions.get(number="1")
    response = focal_client.post(
        url("answer-save", reply, "1"), {"text": "Typed", "version": ""}, HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert (
        f'<span class="toc-state toc-state-answered" id="toc-state-{question.pk}" hx-swap-oob="true">' in page
    )

    response = focal_client.post(
        url("answer-save", reply, "1"),
        {"text": "", "version": "1", "no_information": ["0", "1"]},
        HTTP_HX_REQUEST="true",
    )
    oob = f'toc-state-no_information" id="toc-state-{question.pk}" hx-swap-oob="true">no information<'
    assert oob in response.content.decode()


def test_the_french_editor_names_the_states_in_french(focal_client, reply, focal):
    question = reply.round.questionnaire.questions.get(number="1")
    answer_save(reply=reply, question=question, by=focal, version=None, text="Oui")
    page = focal_client.get(url("reply-edit", reply).replace("/en/", "/fr/")).content.decode()
    assert state_of(page, question) == "répondue"
    assert "Retour au sommaire" in page and "<summary>Sommaire</summary>" in page


def test_the_deadline_and_its_extension_show_in_the_editor_and_on_the_submit_page(focal_client, reply):
    page = focal_client.get(url("reply-edit", reply)).content.decode()
    assert f'<dt>Deadline</dt>\n  <dd><time datetime="2025-12-01">{day(2025, 12, 1)}</time></dd>' in page
    assert "extended" not in page

    Participation.objects.filter(round=reply.round, party=reply.party).update(
        deadline_extended_to=datetime.date(2026, 1, 15)
    )
    for name in ("reply-edit", "reply-submit"):
        page = focal_client.get(url(name, reply)).content.decode()
        assert f'<time datetime="2026-01-15">{day(2026, 1, 15)}</time>' in page, name
        assert f'the round\'s deadline was <time datetime="2025-12-01">{day(2025, 12, 1)}</time>' in page, (
            name
        )


def test_attachments_are_listed_under_their_question_with_languages_named(focal_client, reply, focal):
    polish = Language.objects.create(code="pl", name_en="Polish", name_fr="polonais")
    reply.party.national_languages.add(polish)
    reply_settings_update(reply=reply, by=focal, language="en", national_language=polish)
    question = reply.round.questionnaire.questions.get(number="2")
    attachment_add(
        reply=reply, by=focal, upload=pdf_upload(), title="Criminal Code", language="pl", question=question
    )
    attachment_add(reply=reply, by=focal, upload=pdf_upload(), title="Annual report", language="fr")

    page = focal_client.get(url("reply-edit", reply)).content.decode()

    block = re.search(r'<section class="answer-block depth-\d" id="q-2".*?</section>', page, re.S).group(0)
    assert "Documents on question 2" in block and "Criminal Code" in block and "Polish)" in block
    whole = re.search(r'<section id="attachments".*?</section>', page, re.S).group(0)
    assert "Annual report" in whole and "French)" in whole and "Criminal Code" not in whole
    assert '<option value="pl">Polish</option>' in whole and '<option value="fr">French</option>' in whole
    assert ", pl)" not in page and ">pl<" not in page

    page = focal_client.get(url("reply-edit", reply).replace("/en/", "/fr/")).content.decode()
    assert "polonais)" in page and '<option value="pl">Polonais</option>' in page


def test_the_save_status_writes_the_day_as_every_page_does(focal_client, reply):
    """One date format everywhere: the autosave's status says "1er avril 2026", not "01/04/2026"."""
    saved_on = datetime.datetime(2026, 4, 1, 10, 30, tzinfo=datetime.UTC)
    with time_machine.travel(saved_on, tick=False):
        english = focal_client.post(
            url("answer-save", reply, "1"), {"text": "Typed", "version": ""}, HTTP_HX_REQUEST="true"
        )
    assert "Saved 1 April 2026 12:30 by" in english.content.decode()

    french = focal_client.get(url("reply-edit", reply).replace("/en/", "/fr/")).content.decode()
    assert "Enregistrée le 1er avril 2026 à 12:30 par" in french and "01/04/2026" not in french
