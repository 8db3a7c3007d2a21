"""A session's two limits. Idle: it ends SESSION_COOKIE_AGE after it was last renewed, and a request renews
it once half that time has passed (so a session is written at most twice per period, not on every
request). Absolute: whatever the activity, it ends SESSION_MAX_AGE_SECONDS after the log-in."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.translation import gettext as _

LOGGED_IN_AT = "accounts_logged_in_at"
RENEWED_AT = "accounts_renewed_at"


@receiver(user_logged_in)
def stamp_log_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[LOGGED_IN_AT] = request.session[RENEWED_AT] = int(time.time())


class SessionLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            if now - request.session.get(LOGGED_IN_AT, 0) > settings.SESSION_MAX_AGE_SECONDS:
                logout(request)
                messages.info(request, _("Your session has ended. Please log in again."))
            elif now - request.session.get(RENEWED_AT, 0) > settings.SESSION_COOKIE_AGE / 2:
                request.session[RENEWED_AT] = now  # saved with a new expiry, and the cookie sent again
        return self.get_response(request)
