import pytest
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db

TOKEN_URL = "/api/v1/auth/token/"


def test_a_user_exchanges_username_and_password_for_a_token(api, world):
    response = api.post(TOKEN_URL, {"username": "focal-za", "password": "pass-word-123"}, format="json")

    assert response.status_code == 200
    assert response.json() == {"token": Token.objects.get(user=world.focal_a).key}


def test_asking_again_returns_the_same_token(api, world):
    first = api.post(TOKEN_URL, {"username": "focal-za", "password": "pass-word-123"}, format="json")
    second = api.post(TOKEN_URL, {"username": "focal-za", "password": "pass-word-123"}, format="json")

    assert first.json()["token"] == second.json()["token"]
    assert Token.objects.count() == 1


def test_a_wrong_password_gets_no_token(api, world):
    response = api.post(TOKEN_URL, {"username": "focal-za", "password": "guess"}, format="json")

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid" and body["detail"]
    assert "non_field_errors" in body["errors"]
    assert not Token.objects.exists()


def test_a_missing_password_names_the_field(api, world):
    response = api.post(TOKEN_URL, {"username": "focal-za"}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert "password" in response.json()["errors"]
    assert not Token.objects.exists()


def test_the_token_authenticates_the_focal_point(api, world, draft_a):
    token = api.post(TOKEN_URL, {"username": "focal-za", "password": "pass-word-123"}, format="json").json()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token['token']}")

    response = api.get("/api/v1/rounds/round-api/replies/za/")

    assert response.status_code == 200
    assert response.json()["state"] == "draft"


def test_an_unknown_token_is_refused_with_401(api, world, draft_a):
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")

    response = api.get("/api/v1/rounds/round-api/replies/")

    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"
    assert response["WWW-Authenticate"] == "Token"


def test_password_guessing_is_throttled(api, world, settings):
    allowed = int(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["auth-token"].split("/")[0])
    for _ in range(allowed):
        api.post(TOKEN_URL, {"username": "focal-za", "password": "guess"}, format="json")

    response = api.post(TOKEN_URL, {"username": "focal-za", "password": "pass-word-123"}, format="json")

    assert response.status_code == 429
    assert response.json()["code"] == "throttled"
    assert int(response["Retry-After"]) > 0
    assert not Token.objects.exists()
