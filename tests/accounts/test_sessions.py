"""Sessions rotate at log-in, end after inactivity and at an absolute limit, and end with the account."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.accounts.conftest import log_in

pytestmark = pytest.mark.django_db
ACCOUNT = reverse("account")


def is_logged_in(client) -> bool:
    return client.get(ACCOUNT).status_code == 200


def test_log_in_gives_the_session_a_new_key(client, member):
    client.get(reverse("login"))
    client.session.save()
    before = client.session.session_key
    log_in(client, member)
    assert client.session.session_key != before and is_logged_in(client)


def test_a_session_ends_after_two_idle_hours(client, member):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        log_in(client, member)
    with time_machine.travel(start + datetime.timedelta(minutes=59), tick=False):
        assert is_logged_in(client)  # too soon to renew: the session still ends two hours after log-in
    with time_machine.travel(start + datetime.timedelta(minutes=121), tick=False):
        assert not is_logged_in(client)


def test_activity_keeps_a_session_alive_until_its_absolute_limit(client, member):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        log_in(client, member)
    for hours in (1.1, 2.2, 3.3, 4.4, 5.5, 6.6, 7.7, 8.8, 9.9, 11, 11.9):
        with time_machine.travel(start + datetime.timedelta(hours=hours), tick=False):
            assert is_logged_in(client), hours  # renewed at least once every hour
    with time_machine.travel(start + datetime.timedelta(hours=12, minutes=1), tick=False):
        response = client.get(ACCOUNT, follow=True)
        assert "Your session has ended. Please log in again." in response.content.decode()
        assert response.redirect_chain[-1][0].startswith(reverse("login"))


def test_a_disabled_account_loses_its_session_at_once(client, member):
    log_in(client, member)
    member.is_active = False
    member.save()
    assert not is_logged_in(client)
    assert log_in(client, member).status_code == 200  # the form again: an inactive account cannot log in
    assert not is_logged_in(client)


def test_changing_the_password_asks_for_the_current_one_and_ends_the_other_sessions(client, member):
    other = Client()
    log_in(other, member)
    log_in(client, member)
    url = reverse("password-change")

    refused = client.post(
        url, {"old_password": "wrong", "new_password1": "N3w-phrase!x", "new_password2": "N3w-phrase!x"}
    )
    assert "Your old password was entered incorrectly" in refused.content.decode()
    member.refresh_from_db()
    assert member.check_password("pass-word-123") and is_logged_in(other)

    changed = client.post(
        url,
        {"old_password": "pass-word-123", "new_password1": "N3w-phrase!x", "new_password2": "N3w-phrase!x"},
    )
    assert changed.status_code == 302
    member.refresh_from_db()
    assert member.check_password("N3w-phrase!x")
    assert is_logged_in(client) and not is_logged_in(other)
    from outbox.models import OutboundEmail

    (email,) = OutboundEmail.objects.all()
    assert email.to == [member.email] and "was changed" in email.subject
