"""A refusal in a page: its message for the person, the rest of the block skipped, and 404 for what may not be
seen (core/page_errors.py)."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.http import Http404
from django.test import RequestFactory

from core.errors import DomainError, NotFound
from core.page_errors import refusal_shown


@pytest.fixture
def request_():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def _refuse() -> None:
    raise DomainError("The window is closed.")


def test_a_refusal_becomes_an_error_message_and_stops_the_block(request_):
    done = []
    with refusal_shown(request_):
        _refuse()
        done.append("success")
    assert [(m.message, m.level_tag) for m in get_messages(request_)] == [("The window is closed.", "error")]
    assert done == []


def test_a_refusal_is_put_in_the_sentence_asked_for(request_):
    with refusal_shown(request_, wrap=lambda reason: f"report.docx was not used: {reason}"):
        raise DomainError("Not a Word document.")
    assert [m.message for m in get_messages(request_)] == ["report.docx was not used: Not a Word document."]


def test_with_a_form_the_refusal_is_the_forms_error_not_a_message(request_):
    form = forms.Form(data={})
    form.is_valid()
    with refusal_shown(request_, form=form):
        raise DomainError("This e-mail address is already a member.")
    assert form.non_field_errors() == ["This e-mail address is already a member."]
    assert list(get_messages(request_)) == []


def test_what_may_not_be_seen_answers_404(request_):
    with pytest.raises(Http404), refusal_shown(request_):
        raise NotFound()
    assert list(get_messages(request_)) == []


def test_a_block_that_succeeds_shows_nothing(request_):
    with refusal_shown(request_):
        pass
    assert list(get_messages(request_)) == []
