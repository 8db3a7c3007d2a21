import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory

PASSWORD = "pass-word-123"


@pytest.fixture
def staff(db):
    return UserFactory(username="clerk", is_staff=True, is_superuser=True)


@pytest.fixture
def member(db):
    return UserFactory(username="reader")


def code_of(device: TOTPDevice, *, later: int = 0) -> str:
    """The code the user's app shows now (or `later` steps on)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + later * device.step
    return f"{totp.token():06d}"


def log_in(client, user, password: str = PASSWORD, **extra):
    return client.post(reverse("login"), {"username": user.username, "password": password}, **extra)
