"""`POST /api/v1/auth/token/`: username and password in, the user's API token out (DESIGN §4)."""

from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.throttling import ScopedRateThrottle


class TokenObtainApi(ObtainAuthToken):
    """DRF's token view, throttled per client address so passwords cannot be guessed at speed."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth-token"
