"""The production settings pass Django's deployment checklist as they are, with nothing silenced, and carry
the transport and cookie protections the portal's confidential data needs."""

import json
import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "lanzarote_portal.settings.production",
    "SECRET_KEY": "kq8#Vd2!pZ0w@Lr5$Ty7^Nb3&Hc9*Jm1(Xe4)Gs6_Fa8+Ui2=Oo5-Wn7~Ql3",
    "ALLOWED_HOSTS": "monitoring.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://monitoring.example.org",
    "DATABASE_URL": os.environ.get("DATABASE_URL", "postgres://portal@db.example.org:5432/portal"),
    "CACHE_URL": "rediscache://redis.example.org:6379/1",
    "CELERY_BROKER_URL": "redis://redis.example.org:6379/0",
}
# What the checklist must not be told to ignore.
UNSET = ("DEBUG", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_PRELOAD", "PROXY_SSL_HEADER")


def run_production(*arguments: str, **extra_env: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in UNSET}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests, never in a deployment
    env.update(PRODUCTION_ENV, **extra_env)
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


SETTINGS_AS_JSON = """
import json, django
django.setup()
from django.conf import settings as s
names = ["DEBUG", "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER", "SECURE_HSTS_SECONDS",
         "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "SECURE_CONTENT_TYPE_NOSNIFF",
         "SECURE_REFERRER_POLICY", "SECURE_CROSS_ORIGIN_OPENER_POLICY", "X_FRAME_OPTIONS",
         "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_NAME", "CSRF_COOKIE_SECURE",
         "CSRF_COOKIE_HTTPONLY", "CSRF_COOKIE_NAME", "LANGUAGE_COOKIE_SECURE", "CONTENT_SECURITY_POLICY",
         "MIDDLEWARE"]
print(json.dumps({name: getattr(s, name, None) for name in names}, default=str))
"""


def production_settings(**extra_env: str) -> dict:
    result = run_production("-c", SETTINGS_AS_JSON, **extra_env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_reports_nothing_at_warning_level():
    result = run_production("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."
    assert "WARNING" not in result.stderr and "?:" not in result.stderr


def test_production_is_https_only_with_a_years_hsts_and_secure_cookies():
    values = production_settings()
    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True and values["SECURE_HSTS_PRELOAD"] is True
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["SECURE_REFERRER_POLICY"] == "same-origin"
    assert values["SECURE_CROSS_ORIGIN_OPENER_POLICY"] == "same-origin"
    assert values["X_FRAME_OPTIONS"] == "DENY"
    for cookie in ("SESSION", "CSRF"):
        assert values[f"{cookie}_COOKIE_SECURE"] is True and values[f"{cookie}_COOKIE_HTTPONLY"] is True
        assert values[f"{cookie}_COOKIE_NAME"].startswith("__Host-")
    assert values["LANGUAGE_COOKIE_SECURE"] is True
    assert "lanzarote_portal.csp.CSPMiddleware" in values["MIDDLEWARE"]  # django-csp's, its policy built once
    directives = values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    assert directives["script-src"] == ["'self'"] and "'unsafe-inline'" not in directives["style-src"]
    assert directives["frame-ancestors"] == ["'none'"]


def test_the_proxy_header_and_hsts_preload_are_configurable():
    values = production_settings(PROXY_SSL_HEADER="X-Forwarded-Scheme", SECURE_HSTS_PRELOAD="false")
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_SCHEME", "https"]
    assert values["SECURE_HSTS_PRELOAD"] is False
    # Without a proxy in front, no client-sent header is trusted to say the request came over HTTPS.
    assert production_settings(PROXY_SSL_HEADER="")["SECURE_PROXY_SSL_HEADER"] is None
