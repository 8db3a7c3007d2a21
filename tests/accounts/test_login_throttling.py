"""Five wrong passwords for a user name from one address lock that pair out for a quarter of an hour."""

import datetime

import pytest
import time_machine
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from tests.accounts.conftest import PASSWORD, log_in

pytestmark = pytest.mark.django_db
LOCKED = "Too many failed log-ins for this account from this connection. Try again in 15 minutes."


def fail(client, user, times: int, **extra) -> None:
    for _ in range(times):
        response = log_in(client, user, "not-the-password", **extra)
        assert response.status_code == 200 and "Please enter a correct" in response.content.decode()


def test_five_failures_lock_the_user_name_from_that_address(client, member):
    fail(client, member, 4)
    assert log_in(client, member).status_code == 302  # a success before the limit resets the count
    client.post(reverse("logout"))

    fail(client, member, 4)
    fifth = log_in(client, member, "not-the-password")
    assert fifth.status_code == 429 and LOCKED in fifth.content.decode()
    assert fifth["Retry-After"] == "900"
    response = log_in(client, member)  # the right password changes nothing now
    assert response.status_code == 429 and LOCKED in response.content.decode()
    assert client.get(reverse("account")).status_code == 302  # not logged in

    assert log_in(Client(REMOTE_ADDR="192.0.2.9"), member).status_code == 302  # another address is not locked
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=16)):
        assert log_in(client, member).status_code == 302


def test_the_api_token_endpoint_answers_the_lockout_in_the_apis_shape(client, member):
    url = reverse("api:token")
    for _ in range(5):
        client.post(url, {"username": member.username, "password": "wrong"})
    response = client.post(url, {"username": member.username, "password": PASSWORD})
    assert response.status_code == 429
    assert response.json() == {"detail": LOCKED, "code": "throttled"}


@override_settings(REST_FRAMEWORK={"NUM_PROXIES": 1})
def test_behind_a_proxy_the_address_the_proxy_saw_counts_and_a_forged_one_does_not(client, member):
    def via_proxy(forged: str, real: str) -> dict:
        return {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": f"{forged}, {real}"}

    for number in range(5):  # a new forged address each time, the same real one
        log_in(client, member, "wrong", **via_proxy(f"198.51.100.{number}", "203.0.113.7"))
    assert log_in(client, member, **via_proxy("198.51.100.99", "203.0.113.7")).status_code == 429
    # Everyone behind the same proxy is not locked out with the guesser.
    assert log_in(Client(), member, **via_proxy("203.0.113.7", "203.0.113.8")).status_code == 302
