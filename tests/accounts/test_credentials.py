"""A forgotten password is reset through the mailbox; a new e-mail address is asked with the password and
confirmed from the new mailbox."""

import datetime
import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from outbox.models import OutboundEmail
from tests.accounts.conftest import PASSWORD, log_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def link_in(email: OutboundEmail) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", email.body).group(1)


def test_a_password_reset_goes_through_the_mailbox_and_opens_no_session(client, member):
    other = Client()
    log_in(other, member)
    response = client.post(reverse("password-reset"), {"email": member.email})
    assert response.status_code == 302
    (email,) = OutboundEmail.objects.all()
    assert email.to == [member.email] and email.language == "en"

    form = client.get(link_in(email), follow=True)
    assert "Choose a new password" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": "Fresh-words-42", "new_password2": "Fresh-words-42"}
    )
    assert done.status_code == 302
    member.refresh_from_db()
    assert member.check_password("Fresh-words-42")
    assert client.get(reverse("account")).status_code == 302  # the reset logged nobody in
    assert other.get(reverse("account")).status_code == 302  # and ended the sessions open elsewhere
    again = client.get(link_in(email), follow=True)
    assert "This link is not valid, has expired, or was already used." in again.content.decode()


def test_a_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client, member):
    response = client.post(reverse("password-reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302 and response.url == reverse("password-reset-done")
    assert not OutboundEmail.objects.exists()


def test_a_new_address_needs_the_password(client, member):
    log_in(client, member)
    response = client.post(reverse("email-change"), {"email": "new@example.org", "password": "guess"})
    assert "Your password was entered incorrectly." in response.content.decode()
    assert not OutboundEmail.objects.exists()
    member.refresh_from_db()
    assert member.email == "reader@example.org"


def test_a_new_address_is_confirmed_from_its_mailbox_and_the_old_one_is_told(client, member):
    log_in(client, member)
    client.post(reverse("email-change"), {"email": "new@example.org", "password": PASSWORD})
    (confirm,) = OutboundEmail.objects.all()
    assert confirm.to == ["new@example.org"]
    member.refresh_from_db()
    assert member.email == "reader@example.org"  # nothing changes before the link is opened

    page = client.get(link_in(confirm))
    assert "new@example.org" in page.content.decode()
    member.refresh_from_db()
    assert member.email == "reader@example.org"  # opening the page changes nothing either
    client.post(link_in(confirm))
    member.refresh_from_db()
    assert member.email == "new@example.org"
    told = OutboundEmail.objects.exclude(pk=confirm.pk).get()
    assert told.to == ["reader@example.org"] and "new@example.org" in told.body
    assert client.post(link_in(confirm)).status_code == 404  # used: the address it replaces is gone


def test_a_confirmation_link_works_for_its_own_account_only_and_for_a_day(client, member):
    log_in(client, member)
    client.post(reverse("email-change"), {"email": "new@example.org", "password": PASSWORD})
    link = link_in(OutboundEmail.objects.get())
    intruder = Client()
    intruder.force_login(UserFactory(username="intruder"))
    assert intruder.post(link).status_code == 404
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=25)):
        log_in(client, member)
        assert client.post(link).status_code == 404
    member.refresh_from_db()
    assert member.email == "reader@example.org"


def test_an_address_another_account_uses_is_refused(client, member):
    UserFactory(username="taken", email="taken@example.org")
    log_in(client, member)
    response = client.post(reverse("email-change"), {"email": "TAKEN@example.org", "password": PASSWORD})
    assert "Another account uses this address." in response.content.decode()
    assert not OutboundEmail.objects.exists()
