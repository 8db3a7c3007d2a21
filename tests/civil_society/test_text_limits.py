"""Civil society's free texts have limits (settings.TEXT_LIMITS): a contribution's items, general part
(typed or converted from Word), title and children's part, the answers to and the Secretariat's requests for
information, moderation notes and an organisation's description. The pages show the refusal on the form,
keeping what was typed, and nothing is stored; the editors count down near the limit."""

import datetime
import io

import docx
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from civil_society.models import Contribution, ContributionEvent, InformationRequest, Organisation
from civil_society.services import (
    contribution_make_confidential,
    information_request_answer,
    information_request_create,
)
from core.errors import TextTooLong
from tests.factories import ContributionFactory, ContributionItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings):
    settings.TEXT_LIMITS = {**settings.TEXT_LIMITS, "text": 30, "message": 20, "explanation": 10}
    return settings.TEXT_LIMITS


@pytest.fixture
def draft(world):
    return ContributionFactory(
        round=world.round,
        organisation=world.ngo1,
        created_by=world.member1,
        visibility="public",
        parties=[world.party_a],
        general_text="<p>Typed before.</p>",
    )


@pytest.fixture
def member(client, world):
    client.force_login(world.member1)
    return client


def docx_file(text: str) -> SimpleUploadedFile:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile("comment.docx", buffer.getvalue())


def stored(contribution: Contribution) -> tuple:
    contribution.refresh_from_db()
    return (
        contribution.title,
        contribution.general_text,
        contribution.children_involvement,
        contribution.document_name,
        list(contribution.items.values_list("question__number", "text")),
    )


# The contribution editor


def test_an_item_too_long_saved_by_htmx_shows_the_refusal_in_its_status(member, world, draft, limits):
    ContributionItemFactory(contribution=draft, question=world.questions["6"], text="Before")
    before = stored(draft)

    response = member.post(
        reverse("contribution-item-save", args=[draft.pk, "6"]), {"text": "x" * 31}, HTTP_HX_REQUEST="true"
    )

    fragment = response.content.decode()
    assert response.status_code == 400
    assert fragment.startswith(f'<p class="save-status" id="item-status-{world.questions["6"].pk}"')
    assert "Item on question 6: 31 characters, where at most 30 are accepted." in fragment
    assert stored(draft) == before


def test_an_item_too_long_without_javascript_shows_the_editor_again_with_the_text_kept(
    member, world, draft, limits
):
    response = member.post(
        reverse("contribution-item-save", args=[draft.pk, "6"]), {"text": "A comment a little too long here"}
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert ">A comment a little too long here</textarea>" in page
    assert "Item on question 6: 32 characters, where at most 30 are accepted." in page
    assert stored(draft)[-1] == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"general_text": "g" * 31}, "General part: 31 characters, where at most 30 are accepted."),
        (
            {"children_involved": "on", "children_involvement": "c" * 11},
            "How children took part: 11 characters, where at most 10 are accepted.",
        ),
    ],
)
def test_settings_too_long_are_refused_on_the_form_keeping_what_was_typed(
    member, draft, limits, changes, message
):
    before = stored(draft)
    data = {"visibility": "public", "language": "en", "title": "Kept title", **changes}

    response = member.post(reverse("contribution-edit", args=[draft.pk]), data)

    page = response.content.decode()
    assert response.status_code == 400
    assert message in page and 'role="alert"' in page
    assert 'value="Kept title"' in page
    assert stored(draft) == before


def test_a_word_document_converted_too_long_is_not_used_and_nothing_changes(member, draft, limits):
    before = stored(draft)

    response = member.post(
        reverse("contribution-document", args=[draft.pk]),
        {"file": docx_file("Shelters lack trained staff in the north.")},
        follow=True,
    )

    page = response.content.decode()
    assert (
        "comment.docx was not used: Text converted from the document, with its formatting: 48 characters, "
        "where at most 30 are accepted."
    ) in page
    assert "Nothing has changed." in page
    assert stored(draft) == before and not draft.document


def test_the_editor_counts_down_the_items_and_the_general_part(member, world, draft):
    page = member.get(reverse("contribution-edit", args=[draft.pk])).content.decode()

    assert "js/text-counter.js" in page
    item = f"item-{world.questions['6'].pk}"
    assert f'id="{item}-count" data-count-for="{item}" data-limit="100000" data-count-from="90000"' in page
    assert 'data-count-for="id_general_text" data-limit="100000"' in page
    assert 'name="children_involvement" cols="40" rows="3" maxlength="2000"' in page
    assert 'name="title" maxlength="200"' in page


# Information requests, moderation notes


@pytest.fixture
def submitted(world):
    return ContributionFactory(
        round=world.round,
        organisation=world.ngo1,
        created_by=world.member1,
        visibility="public",
        parties=[world.party_a],
        state=Contribution.State.SUBMITTED,
        submitted_at=timezone.now(),
    )


def due_on() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=10)


def test_a_request_for_information_longer_than_its_limit_is_refused_and_none_is_sent(
    world, submitted, limits, mailoutbox
):
    with pytest.raises(TextTooLong) as refused:
        information_request_create(contribution=submitted, by=world.staff, question="q" * 21, due_on=due_on())

    assert refused.value.context == {"field": "question", "limit": 20}
    assert not InformationRequest.objects.exists() and mailoutbox == []


def test_an_answer_too_long_to_a_request_is_refused_on_its_page_and_not_recorded(
    member, world, submitted, limits
):
    info = information_request_create(
        contribution=submitted, by=world.staff, question="Which region?", due_on=due_on()
    )

    response = member.post(reverse("information-request", args=[info.pk]), {"answer": "a" * 31})

    page = response.content.decode()
    assert response.status_code == 400
    assert "Your answer: 31 characters, where at most 30 are accepted." in page
    assert 'data-count-for="id_answer" data-limit="30"' in page
    info.refresh_from_db()
    assert (info.answer, info.answered_at) == ("", None)
    with pytest.raises(TextTooLong):
        information_request_answer(request=info, by=world.member1, answer="<p>" + "a" * 28 + "</p>")


def test_a_moderation_note_longer_than_its_limit_is_refused_and_nothing_changes(world, submitted, limits):
    with pytest.raises(TextTooLong):
        contribution_make_confidential(contribution=submitted, by=world.staff, note="n" * 21)

    submitted.refresh_from_db()
    assert submitted.is_public and not ContributionEvent.objects.exists()


# Registering an organisation


def test_a_description_too_long_is_refused_on_the_registration_form_and_nothing_is_created(
    client, world, limits, mailoutbox
):
    organisations = Organisation.objects.count()
    page = client.get(reverse("organisation-register")).content.decode()
    assert 'maxlength="10"' in page and "(up to 10 characters)" in page

    response = client.post(
        reverse("organisation-register"),
        {
            "name": "Gamma Youth",
            "email": "office@gamma.example.org",
            "description": "d" * 11,
            "username": "gamma-lead",
            "member_email": "lead@gamma.example.org",
            "password": "a long and unusual passphrase",
            "password_confirmation": "a long and unusual passphrase",
        },
    )

    assert response.status_code == 400
    assert "Description: 11 characters, where at most 10 are accepted." in response.content.decode()
    assert Organisation.objects.count() == organisations
    assert not get_user_model().objects.filter(username="gamma-lead").exists() and mailoutbox == []
