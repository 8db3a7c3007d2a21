"""How fast the API may be called: per client address for anonymous callers, per user once logged in.

The rates are settings (`API_ANON_RATE`, `API_USER_RATE`), read on each request rather than once at import,
so that an override (a test's, or a reloaded configuration) takes effect at once. A refused request
answers 429 `throttled` with `Retry-After` (lanzarote_portal.api_errors).
"""

from rest_framework import throttling
from rest_framework.settings import api_settings


class _RatesFromSettings:
    scope: str

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class AnonymousRateThrottle(_RatesFromSettings, throttling.AnonRateThrottle):
    """Callers without a login, counted by address (X-Forwarded-For behind NUM_PROXIES proxies)."""


class UserRateThrottle(_RatesFromSettings, throttling.UserRateThrottle):
    """Logged-in callers, counted per user whatever address or token they call from."""
