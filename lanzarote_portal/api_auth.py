"""`POST /api/v1/auth/token/`: username and password in, the user's API token out (DESIGN §4)."""

from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import ErrorDetail, Throttled, ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.throttling import ScopedRateThrottle

from accounts.lockout import lockout_message, lockout_minutes
from core.api_schema import errors

from .api_parsers import BoundedJSONParser


@extend_schema_serializer(component_name="Login")
class TokenInput(AuthTokenSerializer):
    pass


@extend_schema_serializer(component_name="Token")
class TokenOutput(serializers.Serializer):
    token = serializers.CharField(help_text="Send it as `Authorization: Token <token>`.")


class TokenObtainApi(ObtainAuthToken):
    """DRF's token view, throttled per client address so passwords cannot be guessed at speed."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth-token"
    parser_classes = [BoundedJSONParser, FormParser, MultiPartParser]

    @extend_schema(
        operation_id="auth_token_create",
        tags=["authentication"],
        summary="Get an API token",
        description="The same token each time for the same user. Throttled per client address.",
        auth=[],
        request=TokenInput,
        responses={
            200: TokenOutput,
            **errors(
                400,
                413,
                429,
                extra={400: "`invalid`: a field is missing, or the username and password do not match."},
            ),
        },
    )
    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except ValidationError:
            # The log-in throttle refused even to check the password: say so, as the log-in page does.
            if getattr(request, "axes_locked_out", False):
                locked = Throttled(wait=lockout_minutes() * 60)
                locked.detail = ErrorDetail(
                    lockout_message(), code="throttled"
                )  # without DRF's "expected in"
                raise locked from None
            raise
