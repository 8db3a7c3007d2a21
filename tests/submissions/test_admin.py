"""The Secretariat's page of one reply: the buttons its state allows, each leading to its confirmation
screen and the service; lateness as a word; the publication date picked as a date; the admin's name."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from submissions.models import Reply, ReplyTransition
from tests.factories import answers_complete

pytestmark = pytest.mark.django_db

BUTTONS = {
    "register": "admin:submissions_reply_register",
    "send back": "admin:submissions_reply_send_back",
    "publish": "admin:submissions_reply_publish",
}


def in_state(reply: Reply, state: str, **fields) -> Reply:
    answers_complete(reply)
    for name, value in {"state": state, **fields}.items():
        setattr(reply, name, value)
    reply.save()
    return reply


def shown_buttons(client, reply: Reply) -> set[str]:
    page = client.get(reverse("admin:submissions_reply_change", args=[reply.pk])).content.decode()
    return {name for name, url in BUTTONS.items() if f'href="{reverse(url, args=[reply.pk])}"' in page}


@pytest.mark.parametrize(
    ("state", "buttons"),
    [
        ("draft", set()),
        ("submitted", {"register", "send back", "publish"}),
        ("registered", {"send back", "publish"}),
        ("returned", set()),
        ("published", set()),
    ],
)
def test_the_replys_page_shows_the_buttons_its_state_allows(admin_client, reply, state, buttons):
    in_state(reply, state, published_on=datetime.date(2025, 1, 1) if state == "published" else None)

    assert shown_buttons(admin_client, reply) == buttons


def test_each_button_leads_to_its_confirmation_and_the_service(admin_client, reply):
    in_state(reply, "submitted", submitted_at=timezone.now())
    register = reverse("admin:submissions_reply_register", args=[reply.pk])

    confirmation = admin_client.get(register)
    assert confirmation.status_code == 200 and 'value="Register the reply"' in confirmation.content.decode()
    assert reply.state == Reply.State.SUBMITTED
    response = admin_client.post(register, {"reason": ""})
    assert response.url == reverse("admin:submissions_reply_change", args=[reply.pk])
    reply.refresh_from_db()
    assert reply.state == Reply.State.REGISTERED

    publish = reverse("admin:submissions_reply_publish", args=[reply.pk])
    admin_client.post(publish, {"published_on": "2026-01-15", "reason": ""})
    reply.refresh_from_db()
    assert reply.state == Reply.State.PUBLISHED and reply.published_on == datetime.date(2026, 1, 15)


def test_sending_back_from_the_page_needs_a_message_and_then_returns_the_reply(admin_client, reply):
    in_state(reply, "registered")
    send_back = reverse("admin:submissions_reply_send_back", args=[reply.pk])

    refused = admin_client.post(send_back, {"message": ""})
    assert refused.status_code == 200 and "This field is required." in refused.content.decode()
    reply.refresh_from_db()
    assert reply.state == Reply.State.REGISTERED and not ReplyTransition.objects.exists()

    admin_client.post(send_back, {"message": "Question 2 needs the figures."})
    reply.refresh_from_db()
    assert reply.state == Reply.State.RETURNED


def test_a_refused_transition_is_shown_on_its_screen_and_changes_nothing(admin_client, reply):
    in_state(reply, "published", published_on=datetime.date(2025, 1, 1))

    response = admin_client.post(reverse("admin:submissions_reply_publish", args=[reply.pk]), {"reason": ""})

    assert response.status_code == 200
    assert "A reply that is published cannot be published." in response.content.decode()
    reply.refresh_from_db()
    assert reply.published_on == datetime.date(2025, 1, 1) and not ReplyTransition.objects.exists()


def test_the_publication_date_is_picked_as_a_date_with_its_format_stated(admin_client, reply):
    in_state(reply, "registered")

    page = admin_client.get(reverse("admin:submissions_reply_publish", args=[reply.pk])).content.decode()

    assert 'type="date"' in page and 'name="published_on"' in page
    assert "Format: YYYY-MM-DD" in page


def test_lateness_is_a_word_in_the_list_not_an_icon(admin_client, reply):
    in_state(reply, "submitted", submitted_at=timezone.now(), is_late=True)

    page = admin_client.get(reverse("admin:submissions_reply_changelist")).content.decode()
    with translation.override("fr"):
        french = admin_client.get(reverse("admin:submissions_reply_changelist")).content.decode()

    assert '<td class="field-lateness">Late</td>' in page and "icon-yes.svg" not in page
    assert '<td class="field-lateness">En retard</td>' in french


def test_the_admin_names_the_portal(admin_client):
    page = admin_client.get(reverse("admin:index")).content.decode()
    with translation.override("fr"):
        french = admin_client.get(reverse("admin:index")).content.decode()

    assert "Lanzarote Committee — Secretariat" in page and "Django administration" not in page
    assert "<title>Secretariat | Lanzarote Committee — Secretariat</title>" in page
    assert "Comité de Lanzarote — Secrétariat" in french and "Administration de Django" not in french
