"""An answer's HTML is rendered when its texts are written and stored beside them: escaped, in paragraphs,
exactly what the templates' `|linebreaks` made of the text at every page. Every writer keeps it in step
(the seeders' and the restore's in tests/demo and tests/public/test_open_data.py, the API's in
tests/api/test_answers.py, the Word import's in test_word.py)."""

import importlib

import pytest
from django.apps import apps
from django.template.defaultfilters import linebreaks_filter

from submissions.answer_html import answer_html
from submissions.models import Answer
from submissions.services import answer_save
from tests.factories import AnswerFactory

pytestmark = pytest.mark.django_db

HOSTILE = "Campaigns <script>alert('x')</script> & helplines.\nA second line.\n\nA \"quoted\" paragraph."


def in_step(answer: Answer) -> bool:
    answer.refresh_from_db()
    return (answer.text_html, answer.national_text_html) == (
        answer_html(answer.text),
        answer_html(answer.national_text),
    )


def test_the_html_is_what_the_templates_linebreaks_made_of_the_text():
    html = answer_html(HOSTILE)

    assert html == linebreaks_filter(HOSTILE, autoescape=True)
    assert "<script>" not in html and "&lt;script&gt;" in html and "&#x27;x&#x27;" in html
    assert html.count("<p>") == 2 and "helplines.<br>A second line." in html
    assert answer_html("") == ""


def test_saving_an_answer_stores_the_html_of_both_texts(reply, focal):
    question = reply.round.questionnaire.questions.get(number="1")

    answer = answer_save(reply=reply, question=question, by=focal, version=None, text=HOSTILE)
    assert in_step(answer) and answer.national_text_html == ""

    answer = answer_save(
        reply=reply, question=question, by=focal, version=1, national_text="Kampagnen <b>für</b> Kinder"
    )
    assert in_step(answer) and "&lt;b&gt;" in answer.national_text_html and "<script>" not in answer.text_html

    answer = answer_save(reply=reply, question=question, by=focal, version=2, text="")
    assert in_step(answer) and answer.text_html == ""


def test_the_history_keeps_the_texts_without_their_html(reply, focal):
    question = reply.round.questionnaire.questions.get(number="1")
    answer = answer_save(reply=reply, question=question, by=focal, version=None, text=HOSTILE)

    fields = {field.name for field in answer.history.model._meta.get_fields()}
    assert "text" in fields and not fields & {"text_html", "national_text_html"}


def test_the_migration_renders_the_answers_written_before_it(reply):
    written = [AnswerFactory(reply=reply, text=HOSTILE, national_text="Zweite\n\nSprache", text_html="")]
    written += [AnswerFactory(reply=reply, text="", text_html="stale")]
    migration = importlib.import_module("submissions.migrations.0007_answer_html")

    migration.render(apps, schema_editor=None)

    assert all(in_step(answer) for answer in written)
