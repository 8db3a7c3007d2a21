"""What a locked-out log-in is told: django-axes calls `locked_out`, the API's token view uses the message."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import ngettext


def lockout_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout_message() -> str:
    minutes = lockout_minutes()
    return ngettext(
        "Too many failed log-ins for this account from this connection. Try again in %(minutes)d minute.",
        "Too many failed log-ins for this account from this connection. Try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def locked_out(request, original_response=None, credentials=None):
    """429 with Retry-After: as JSON in the API's shape under /api/, as a page elsewhere."""
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": lockout_message(), "code": "throttled"}, status=429)
    else:
        response = render(request, "accounts/locked_out.html", {"message": lockout_message()}, status=429)
    response["Retry-After"] = str(lockout_minutes() * 60)
    return response
