"""`manage.py migrate` then `runserver`, without `make run`: the embedded broker's folders are made by the
portal's start, and a broker that cannot take a message (here, its folder missing) never fails a page or an
API call: the e-mail waits in the outbox for the relay, which hands it over once the broker is back."""

import logging
import os
import subprocess
import sys

import pytest
from django.apps import apps
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from lanzarote_portal.celery import app as celery_app
from outbox.models import OutboundEmail
from outbox.services import outbox_relay
from outbox.tasks import email_send_task
from submissions.models import Reply
from tests.factories import AnswerFactory, FocalPointFactory, QuestionFactory, ReplyFactory

pytestmark = pytest.mark.django_db
Status = OutboundEmail.Status


def complete_draft(address: str) -> tuple[Reply, object]:
    """A Party's draft reply, its one question answered, and its focal point, who gets the receipt."""
    reply = ReplyFactory()
    AnswerFactory(reply=reply, question=QuestionFactory(questionnaire__round=reply.round))
    user = FocalPointFactory(party=reply.party, user__username=address.split("@")[0], user__email=address)
    return reply, user.user


def not_enqueued(caplog) -> list[type]:
    return [r.exc_info[0] for r in caplog.records if "the outbox relay will send it" in r.getMessage()]


def relay_and_deliver() -> None:
    """What the sweep and a worker do once the broker's folders exist: the relay hands the e-mail over, the
    worker takes it from the queue folder and runs its task."""
    assert outbox_relay(now=timezone.now(), older_than=0) == 1
    with celery_app.connection_for_read() as connection:
        message = connection.SimpleQueue("celery", no_ack=True).get(timeout=5)
    assert message.headers["task"] == "outbox.tasks.email_send_task"
    args, kwargs, _ = message.payload
    email_send_task.apply(args=args, kwargs=kwargs)


@pytest.mark.parametrize("through", ["page", "api"])
def test_a_submission_answers_normally_with_the_broker_folder_missing_and_the_receipt_goes_later(
    through, embedded_broker, client, caplog, django_capture_on_commit_callbacks
):
    reply, focal = complete_draft("focal-embedded@example.org")
    client.force_login(focal)
    caplog.set_level(logging.WARNING, logger="outbox.services")

    with django_capture_on_commit_callbacks(execute=True):
        if through == "page":
            response = client.post(reverse("reply-submit", args=[reply.round.slug, reply.party.code]))
        else:
            response = client.post(f"/api/v1/rounds/{reply.round.slug}/replies/{reply.party.code}/submit/")

    assert response.status_code == (302 if through == "page" else 200)
    reply.refresh_from_db()
    assert reply.state == Reply.State.SUBMITTED
    assert not_enqueued(caplog) == [FileNotFoundError]
    assert OutboundEmail.objects.get().status == Status.PENDING and mail.outbox == []

    apps.get_app_config("lanzarote_portal").ready()  # the next start of the web process or the worker
    assert (embedded_broker / "queue").is_dir() and (embedded_broker / "control").is_dir()
    relay_and_deliver()

    assert [message.to for message in mail.outbox] == [["focal-embedded@example.org"]]
    assert OutboundEmail.objects.get().status == Status.SENT


def test_the_relay_leaves_the_email_pending_while_the_broker_still_cannot_take_it(embedded_broker, caplog):
    OutboundEmail.objects.create(
        to=["focal-later@example.org"], subject="Receipt", body="", html="", language="en"
    )
    caplog.set_level(logging.WARNING, logger="outbox.services")

    assert outbox_relay(now=timezone.now(), older_than=0) == 1  # a sweep's run does not fail either

    assert not_enqueued(caplog) == [FileNotFoundError]
    assert OutboundEmail.objects.get().status == Status.PENDING


def start(tmp_path, **environ) -> subprocess.CompletedProcess:
    """`manage.py check` with the default settings (those of `runserver`), everything under `tmp_path`."""
    env = {
        **{key: value for key, value in os.environ.items() if key not in ("CELERY_BROKER_URL", "CACHE_URL")},
        "DJANGO_SETTINGS_MODULE": "lanzarote_portal.settings.base",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'var' / 'portal.sqlite3'}",
        "CACHE_URL": f"filecache://{tmp_path / 'var' / 'cache'}",
        "MEDIA_ROOT": str(tmp_path / "var" / "media"),
        "CELERY_FILESYSTEM_BROKER_DIR": str(tmp_path / "var" / "broker"),
        **environ,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def folders_under(root) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_dir()}


def test_the_portal_makes_the_folders_of_the_embedded_setup_at_start(tmp_path):
    start(tmp_path)

    assert folders_under(tmp_path) == {
        "var",
        "var/cache",
        "var/broker",
        "var/broker/queue",
        "var/broker/processed",
        "var/broker/control",
    }


def test_with_servers_for_database_cache_and_broker_no_folder_is_made(tmp_path):
    start(
        tmp_path,
        DATABASE_URL="postgres://portal@db.example.org:5432/portal",
        CACHE_URL="rediscache://redis.example.org:6379/1",
        CELERY_BROKER_URL="redis://redis.example.org:6379/0",
    )

    assert folders_under(tmp_path) == set()
