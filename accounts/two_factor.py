"""The second factor of staff accounts: one authenticator app (TOTP) and single-use recovery codes.

A user enrols an authenticator only while they have none, or from a session already verified: a stolen
password alone can never register the thief's own device.
"""

import base64
import re

import segno
from django.conf import settings
from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

AUTHENTICATOR = "authenticator"
RECOVERY = "recovery"
TOTP_CODE = re.compile(r"^\d{6}$")


def needs_second_factor(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_staff


def has_authenticator(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def may_enrol(request) -> bool:
    return not has_authenticator(request.user) or request.user.is_verified()


def pending_authenticator(user) -> TOTPDevice:
    """The device being enrolled: created unconfirmed, kept until confirmed with its first code."""
    device, _created = TOTPDevice.objects.get_or_create(user=user, name=AUTHENTICATOR, confirmed=False)
    return device


def enrolment_details(device: TOTPDevice) -> dict[str, str]:
    """The QR code (inline SVG: no image request, nothing for the policy to allow) and the key to type."""
    key = base64.b32encode(device.bin_key).decode()
    return {
        "qr_svg": segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#1a1a1a"),
        "key": " ".join(key[i : i + 4] for i in range(0, len(key), 4)),
    }


@transaction.atomic
def confirm_authenticator(request, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the pending device with its first code: it replaces any earlier authenticator, verifies this
    session and comes with a fresh set of recovery codes (returned, to be shown once). None if the code
    is wrong."""
    if not TOTP_CODE.match(code) or not device.verify_token(code):
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    _verify_session(request, device)
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """A new set of recovery codes; the earlier ones stop working."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name=RECOVERY)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(settings.TWO_FACTOR_RECOVERY_CODES)]
    for code in codes:
        device.token_set.create(token=code)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__name=RECOVERY).count()


def verify(request, code: str) -> str | None:
    """Check a code from the authenticator, or a recovery code (used up by this), and verify the session.
    Returns which kind matched, or None. Each device counts its own failures and slows down guessing."""
    user = request.user
    code = code.replace(" ", "").replace("-", "").lower()
    if TOTP_CODE.match(code):
        devices = TOTPDevice.objects.filter(user=user, confirmed=True)
        kind = AUTHENTICATOR
    else:
        devices = StaticDevice.objects.filter(user=user, name=RECOVERY, confirmed=True)
        kind = RECOVERY
    for device in devices:
        if device.verify_token(code):
            _verify_session(request, device)
            return kind
    return None


def _verify_session(request, device) -> None:
    request.session.cycle_key()  # a new key for the more trusted session
    otp_login(request, device)


def throttled(user) -> bool:
    """Whether a device holds back after wrong codes (each doubles its wait: 1 s, 2 s, 4 s…)."""
    devices = [*TOTPDevice.objects.filter(user=user), *StaticDevice.objects.filter(user=user)]
    return any(not device.verify_is_allowed()[0] for device in devices)
