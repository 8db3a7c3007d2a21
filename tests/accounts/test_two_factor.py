"""The admin asks staff for a second factor: an authenticator app, or a single-use recovery code."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.conftest import code_of, log_in

pytestmark = pytest.mark.django_db
ADMIN = "/en/admin/"
VERIFY = reverse("two-factor-verify")
SETUP = reverse("two-factor-setup")
CODES = reverse("two-factor-recovery-codes")


def enrol(client, staff) -> list[str]:
    log_in(client, staff)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    client.post(SETUP, {"code": code_of(device), "next": ADMIN})
    page = client.get(CODES).content.decode()
    return [code for code in StaticToken.objects.values_list("token", flat=True) if code in page]


def log_in_again(client, staff) -> TOTPDevice:
    """A new log-in with the password alone, by a user who enrolled earlier; their authenticator."""
    client.post(reverse("logout"))
    log_in(client, staff)
    return TOTPDevice.objects.get(user=staff, confirmed=True)


def test_a_password_alone_does_not_open_the_admin(client, staff):
    response = log_in(client, staff, next=ADMIN)
    assert response.status_code == 302 and response.url.startswith(VERIFY)

    response = client.get(ADMIN)
    assert response.status_code == 302 and "/admin/login/" in response.url
    response = client.get(response.url)
    assert response.status_code == 302 and response.url.startswith(VERIFY)
    # With no authenticator yet, the second-factor page leads to enrolment.
    assert client.get(VERIFY).url.startswith(SETUP)


def test_enrolling_an_authenticator_verifies_the_session_and_shows_recovery_codes_once(client, staff):
    log_in(client, staff)
    page = client.get(SETUP).content.decode()
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    assert "<svg" in page and "otp-key" in page

    wrong = client.post(SETUP, {"code": "000000", "next": ADMIN})
    assert "This code is wrong or has expired." in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=staff, confirmed=True).exists()
    assert client.get(ADMIN).status_code == 302

    session_key = client.session.session_key
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=2)):  # past the wait of a miss
        right = client.post(SETUP, {"code": code_of(device), "next": ADMIN})
    assert right.status_code == 302 and right.url.startswith(CODES)
    assert client.session.session_key != session_key  # a new key for the verified session
    shown = client.get(CODES).content.decode()
    codes = list(StaticToken.objects.filter(device__user=staff).values_list("token", flat=True))
    assert len(codes) == 10 and all(code in shown for code in codes)
    assert not any(code in client.get(CODES).content.decode() for code in codes)  # shown once
    assert client.get(ADMIN).status_code == 200


def test_each_log_in_asks_for_the_code(client, staff):
    enrol(client, staff)
    device = log_in_again(client, staff)
    refused = client.post(VERIFY, {"code": "123456", "next": ADMIN})
    assert "This code is wrong or has expired." in refused.content.decode()
    assert client.get(ADMIN).status_code == 302

    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=31)):
        accepted = client.post(VERIFY, {"code": code_of(device), "next": ADMIN})
    assert accepted.status_code == 302 and accepted.url == ADMIN
    assert client.get(ADMIN).status_code == 200


def test_a_recovery_code_works_once(client, staff):
    codes = enrol(client, staff)
    log_in_again(client, staff)
    response = client.post(VERIFY, {"code": codes[0].upper(), "next": ADMIN}, follow=True)
    assert "You used a recovery code: 9 are left." in response.content.decode()
    assert client.get(ADMIN).status_code == 200

    log_in_again(client, staff)
    again = client.post(VERIFY, {"code": codes[0], "next": ADMIN})
    assert "This code is wrong or has expired." in again.content.decode()
    assert client.get(ADMIN).status_code == 302


def test_wrong_codes_slow_down_guessing(client, staff):
    enrol(client, staff)
    device = log_in_again(client, staff)
    for _ in range(3):
        client.post(VERIFY, {"code": "999999"})
        client.post(VERIFY, {"code": "wrong-one"})

    response = client.post(VERIFY, {"code": code_of(device, later=1)})
    assert "Too many wrong codes. Wait a little, then try again." in response.content.decode()
    assert client.get(ADMIN).status_code == 302


def test_a_password_alone_cannot_replace_the_authenticator(client, staff):
    enrol(client, staff)
    original = log_in_again(client, staff)
    response = client.get(SETUP)
    assert response.status_code == 302 and response.url.startswith(VERIFY)
    client.post(SETUP, {"code": "123456"})
    assert list(TOTPDevice.objects.filter(user=staff)) == [original]


def test_a_verified_session_moves_to_another_authenticator(client, staff):
    enrol(client, staff)
    old = TOTPDevice.objects.get(user=staff, confirmed=True)
    client.get(SETUP)
    new = TOTPDevice.objects.get(user=staff, confirmed=False)
    client.post(SETUP, {"code": code_of(new)})
    assert list(TOTPDevice.objects.filter(user=staff)) == [new]
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()


def test_new_recovery_codes_replace_the_old_ones(client, staff):
    old = enrol(client, staff)
    client.post(CODES)
    new = list(StaticToken.objects.values_list("token", flat=True))
    assert len(new) == 10 and not set(old) & set(new)


def test_the_second_factor_pages_are_for_staff_only(client, member):
    client.force_login(member)
    for url in (VERIFY, SETUP, CODES):
        assert client.get(url).status_code == 404
    assert not TOTPDevice.objects.exists()


def test_the_next_address_stays_on_the_portal(client, staff):
    enrol(client, staff)
    device = log_in_again(client, staff)
    response = client.post(VERIFY, {"code": code_of(device, later=1), "next": "https://elsewhere.example/"})
    assert response.url == ADMIN


def test_the_demo_secretariat_gets_its_code_from_a_command(db, staff):
    from io import StringIO

    from django.core.management import call_command

    from demo.services import DEMO_DEVICE, DEMO_TOTP_KEY

    device = TOTPDevice.objects.create(user=staff, name=DEMO_DEVICE, key=DEMO_TOTP_KEY, confirmed=True)
    out = StringIO()
    call_command("demo_code", "clerk", stdout=out)
    assert device.verify_token(out.getvalue().strip())
