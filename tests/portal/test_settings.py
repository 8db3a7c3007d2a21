import os
import subprocess
import sys

from django.conf import settings
from django.core import checks

PRODUCTION_ENV = {
    "SECRET_KEY": "a-real-secret-key-of-sufficient-length-and-entropy-0123456789abcdef!",
    "ALLOWED_HOSTS": "monitoring.example.org",
    "DATABASE_URL": "postgres://portal@db.example.org:5432/portal",
    "CACHE_URL": "rediscache://redis.example.org:6379/1",
    "CELERY_BROKER_URL": "redis://redis.example.org:6379/0",
}


def test_production_settings_pass_the_deployment_checklist():
    env = {**os.environ, **PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": "lanzarote_portal.settings.production"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests, never in a deployment
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {key: value for key, value in {**os.environ, **PRODUCTION_ENV}.items() if key != "SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "lanzarote_portal.settings.production"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_a_missing_pdf_library_is_named_with_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # the import fails as it does without Pango
    errors = [message for message in checks.run_checks() if message.id == "reports.E001"]
    assert len(errors) == 1
    assert "apt-get install libpango" in errors[0].hint
