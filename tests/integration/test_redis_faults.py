"""The production stack's one Redis (broker and cache, as docker-compose.yml runs it) hung, then dead, while a
focal point saves an answer and submits through the API and readers browse the public pages.

The portal runs as in production: gunicorn on the production settings, with the test PostgreSQL database and
a Redis of the test's own, frozen (SIGSTOP: connections accepted, never answered) and then killed. Every
call must answer as it would with Redis up, within seconds; the writes reach PostgreSQL; `/readyz` counts
the cache's errors. Each call's status and time are logged (`-o log_cli=true` shows them).
"""

import contextlib
import json
import logging
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

import pytest
from django.conf import settings
from rest_framework.authtoken.models import Token

from outbox.models import OutboundEmail
from submissions.models import Answer, Reply
from tests.factories import QuestionFactory, answers_complete

from .conftest import RedisServer, draft_reply_with_focal_point, free_port, wait_for, worker_database_url

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

log = logging.getLogger(__name__)

# Two workers, two processes' views of Redis; each request's time (in microseconds) in the log.
GUNICORN = ["--workers", "2", "--timeout", "30", "--no-control-socket", "--access-logfile", "-"]
GUNICORN += ["--access-logformat", "%(r)s %(s)s %(D)sus", "--bind"]
# Generous, to stay clear of a loaded machine: the cache gives up after a second, the broker after two.
CALL_SECONDS = 8


@dataclass
class Answered:
    status: int
    seconds: float
    body: bytes

    def json(self) -> dict:
        return json.loads(self.body)


class Portal:
    """gunicorn on the production settings, in its own process group (killed whole at the end)."""

    def __init__(self, *, redis: RedisServer, folder):
        self.port = free_port()
        self.log = folder / "gunicorn.log"
        redis_address = f"127.0.0.1:{redis.port}"
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lanzarote_portal.settings.production",
            "SECRET_KEY": "integration-test-secret-key-not-for-production-use-0123456789",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": worker_database_url(),
            "CELERY_BROKER_URL": f"redis://{redis_address}/0",
            "CACHE_URL": f"rediscache://{redis_address}/1",
            "SECURE_SSL_REDIRECT": "false",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(free_port()),  # nobody listens: no worker runs here anyway
        }
        with open(self.log, "w") as output:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "lanzarote_portal.wsgi",
                    *GUNICORN,
                    f"127.0.0.1:{self.port}",
                ],
                cwd=settings.BASE_DIR,
                env=environment,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_for(self._up, what=f"gunicorn start\n{self.log_tail()}", timeout=30)

    def _up(self) -> bool:
        if self.process.poll() is not None:
            pytest.fail(f"gunicorn exited\n{self.log_tail()}")
        with contextlib.suppress(OSError):
            return self.call("GET", "/healthz").status == 200
        return False

    def call(self, method: str, path: str, *, token: str = "", data: dict | None = None) -> Answered:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}",
            method=method,
            data=None if data is None else json.dumps(data).encode(),
            headers={
                "Content-Type": "application/json",
                **({"Authorization": f"Token {token}"} if token else {}),
            },
        )
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (our own server)
                status, body = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
        return Answered(status, time.monotonic() - started, body)

    def log_tail(self, lines: int = 60) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


@pytest.fixture
def redis_server(services, tmp_path):
    server = RedisServer(free_port(), tmp_path / "redis")
    server.start()
    yield server
    server.kill()


@pytest.fixture
def portal(transactional_db, redis_server, tmp_path):
    web = Portal(redis=redis_server, folder=tmp_path)
    yield web
    web.stop()


def reply_with_one_answer_left(address: str) -> tuple[Reply, str, str]:
    """A draft reply complete but for one question, and its focal point's API token."""
    reply, user = draft_reply_with_focal_point(address)
    first = QuestionFactory(questionnaire__round=reply.round)
    last = QuestionFactory(questionnaire=first.questionnaire)
    answers_complete(reply, by=user)
    Answer.objects.filter(reply=reply, question=last).delete()
    return reply, last.number, Token.objects.create(user=user).key


def ready_with_the_cache(portal: Portal) -> bool:
    answered = portal.call("GET", "/readyz")
    return answered.status == 200 and answered.json()["cache"]["status"] == "ok"


def test_a_focal_point_saves_and_submits_and_readers_browse_while_redis_hangs_then_dies(portal, redis_server):
    hung_reply, hung_number, hung_token = reply_with_one_answer_left("focal-hung@example.org")
    dead_reply, dead_number, dead_token = reply_with_one_answer_left("focal-dead@example.org")
    round_, party = hung_reply.round, hung_reply.party
    pages = {  # each page, and a text it shows
        f"/en/rounds/{round_.slug}/": round_.theme_en,
        f"/en/rounds/{round_.slug}/parties/{party.code}/": party.name_en,
    }
    for path in pages:  # built and kept once while Redis is up
        assert portal.call("GET", path).status == 200

    calls: list[tuple[str, str, Answered]] = []

    def work(when: str, reply: Reply, number: str, token: str) -> None:
        api = f"/api/v1/rounds/{reply.round.slug}/replies/{reply.party.code}/"
        text = f"<p>Saved while Redis was {when}.</p>"
        data = {"text": text, "language": "en", "version": None}
        answer = portal.call("PUT", f"{api}answers/{number}/", token=token, data=data)
        calls.append((when, "PUT answer", answer))
        calls.append((when, "POST submit", portal.call("POST", f"{api}submit/", token=token)))
        calls.extend((when, f"GET {path}", portal.call("GET", path)) for path in pages)
        calls.append((when, "GET /readyz", portal.call("GET", "/readyz")))

    redis_server.freeze()
    try:
        work("hung", hung_reply, hung_number, hung_token)
    finally:
        redis_server.thaw()
    redis_server.kill()
    work("dead", dead_reply, dead_number, dead_token)

    for when, what, answered in calls:
        log.warning("Redis %s: %-60s %d in %.2f s", when, what, answered.status, answered.seconds)
    summary = [(when, what, answered.status) for when, what, answered in calls]
    assert [status for *_, status in summary] == [200, 200, 200, 200, 503] * 2, (summary, portal.log_tail())
    assert max(answered.seconds for *_, answered in calls) < CALL_SECONDS, summary

    for when, reply, number in (("hung", hung_reply, hung_number), ("dead", dead_reply, dead_number)):
        reply.refresh_from_db()
        assert reply.state == Reply.State.SUBMITTED
        assert reply.answers.get(question__number=number).text == f"<p>Saved while Redis was {when}.</p>"
    # The receipts wait in the outbox for the relay: the broker was unreachable too.
    assert sorted(OutboundEmail.objects.values_list("to", "status")) == [
        (["focal-dead@example.org"], OutboundEmail.Status.PENDING),
        (["focal-hung@example.org"], OutboundEmail.Status.PENDING),
    ]
    for when, what, answered in calls:
        if what == "POST submit":
            assert answered.json()["state"] == Reply.State.SUBMITTED
        elif what.startswith("GET /en/"):
            assert pages[what.removeprefix("GET ")] in answered.body.decode(), (when, what)
        elif what == "GET /readyz":  # not ready: the broker is the same Redis; the cache's part says so too
            body = answered.json()
            assert body["problems"] and body["problems"][0].startswith("broker unreachable"), (when, body)
            assert body["cache"]["status"] == "unavailable" and body["cache"]["errors"] >= 1, (when, body)

    redis_server.start()  # back, empty: once a process's pause is over, it uses the cache again
    wait_for(lambda: ready_with_the_cache(portal), what="ready again, with the cache", timeout=20)

    # One line per web process for the whole outage, not one per request or per cache call, and one when
    # the cache answers again.
    web_log = portal.log.read_text()
    assert 1 <= web_log.count("Shared cache unreachable, answering without it") <= 2, web_log
    assert 1 <= web_log.count("Shared cache reachable again") <= 2, web_log
    assert "Internal Server Error" not in web_log
