"""PostgreSQL restarted while a focal point saves answers through the API, on the production stack (gunicorn,
the default worker, one Redis as broker and cache, a mail server) and a PostgreSQL of the test's own. The
calls caught by the restart answer 503 `service_unavailable` with Retry-After, never a bare 500; the calls
after it succeed with no process restarted; every answer saved is whole (its audit row with it); a receipt
and a sweep afterwards show the worker back on the database too."""

import datetime
import shutil
import subprocess
import threading
import time

import psycopg2
import pytest
import requests
from django.db import connection
from django.utils import timezone
from rest_framework.authtoken.models import Token

from lanzarote_portal.tasks import SWEEP_KEY, sweep
from tests.factories import FocalPointFactory, QuestionFactory, ReplyFactory, RoundFactory

from .stack import Stack, postgres_cluster, smtp_server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

DOWN_SECONDS = 2


def copy_database(cluster) -> None:
    """What the test wrote in its database, into the cluster it restarts."""
    db = connection.settings_dict
    dump = subprocess.run(
        [
            *(shutil.which("pg_dump"), "--no-owner", "--no-privileges", "-h", db["HOST"] or "127.0.0.1"),
            *("-p", str(db["PORT"] or 5432), "-U", db["USER"] or "postgres", db["NAME"]),
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            shutil.which("psql"),
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            "127.0.0.1",
            "-p",
            str(cluster.port),
            "-U",
            "postgres",
            "portal",
        ],
        input=dump.stdout,
        check=True,
        capture_output=True,
    )


class Client(threading.Thread):
    """Saves the answer again and again, as an editor's autosave would, until told to stop; keeps each call's
    (seconds since start, status, body, duration)."""

    def __init__(self, url: str, token: str):
        super().__init__(daemon=True)
        self.url, self.session = url, requests.Session()
        self.session.headers["Authorization"] = f"Token {token}"
        self.calls, self.sent, self.version = [], [], None
        self.started, self.stopping = time.monotonic(), threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            text = f"<p>Saved {len(self.sent) + 1}</p>"
            began = time.monotonic()
            response = self.session.put(
                self.url, json={"text": text, "language": "en", "version": self.version}, timeout=30
            )
            body = response.json()
            self.calls.append((began - self.started, response.status_code, body, time.monotonic() - began))
            self.sent.append(text)
            if response.status_code == 200:
                self.version = body["version"]
            elif response.status_code == 409:  # saved, but its answer was lost with the connection
                self.version = body["current"]["version"]
            time.sleep(0.05)

    def statuses(self, after: float = 0) -> list[int]:
        return [status for at, status, _body, _seconds in self.calls if at >= after]


def test_a_postgres_restart_under_api_calls_answers_503_then_recovers_without_restarting_anything(
    redis_broker,
    smtp_server,  # noqa: F811 (the fixture imported above)
    postgres_cluster,  # noqa: F811
    tmp_path,
):
    round_ = RoundFactory(reply_deadline=timezone.localdate() + datetime.timedelta(days=30))
    reply = ReplyFactory(round=round_)
    focal = FocalPointFactory(party=reply.party, user__email="focal-restart@example.org").user
    question = QuestionFactory(questionnaire__round=round_, number="1")
    token = Token.objects.create(user=focal).key
    copy_database(postgres_cluster)

    stack = Stack(
        tmp_path,
        database_url=postgres_cluster.url,
        redis_url=f"redis://127.0.0.1:{redis_broker.port}",
        smtp_port=smtp_server.port,
    )
    base = None
    try:
        base = stack.web()
        stack.worker()
        api = f"{base}/api/v1/rounds/{round_.slug}/replies/{reply.party.code}"
        client = Client(f"{api}/answers/{question.number}/", token)
        client.start()
        stack.wait_for(lambda: client.statuses().count(200) >= 5, what="answers saved before the restart")

        down_at = time.monotonic() - client.started
        postgres_cluster.stop()
        time.sleep(DOWN_SECONDS)
        postgres_cluster.start()
        up_at = time.monotonic() - client.started
        stack.wait_for(lambda: len(client.statuses(after=up_at + 1)) >= 5, what="answers saved after it")
        client.stopping.set()
        client.join(timeout=30)

        during = [status for at, status, _body, _s in client.calls if down_at <= at < up_at]
        assert 503 in during and 500 not in during, during
        assert set(client.statuses(after=up_at + 1)) == {200}  # back at once, nothing restarted
        for _at, status, body, seconds in client.calls:
            assert status in (200, 409, 503), (status, body)
            assert seconds < 5, (status, seconds)  # refused at once, not hung on the database
            if status == 503:
                assert body == {
                    "detail": "The portal is briefly unavailable. Please try again in a moment.",
                    "code": "service_unavailable",
                }
        first_after = next(at for at, status, _b, _s in client.calls if at >= up_at and status == 200)
        recovery = first_after - up_at
        print([(round(at, 2), status) for at, status, _b, _s in client.calls if at >= down_at - 0.5][:40])

        # Nothing half-written: each save is the answer's row and its audit row, whole or not at all.
        with psycopg2.connect(postgres_cluster.url) as db, db.cursor() as cursor:
            cursor.execute("SELECT id, version, text FROM submissions_answer")
            [(answer_id, version, text)] = cursor.fetchall()
            cursor.execute("SELECT count(*) FROM submissions_historicalanswer WHERE id = %s", [answer_id])
            (history,) = cursor.fetchone()
        assert (version, history) == (client.version, version)
        assert version >= client.statuses().count(200) and text in client.sent

        # The worker is back on the database too: the receipt goes out, once; a sweep completes.
        response = requests.post(f"{api}/submit/", headers={"Authorization": f"Token {token}"}, timeout=30)
        assert response.status_code == 200, response.text
        stack.wait_for(lambda: smtp_server.messages, what="the receipt delivered")
        stack.cache.delete(SWEEP_KEY)
        sweep.apply_async()
        stack.wait_for(lambda: stack.cache.get(SWEEP_KEY), what="a sweep completed")
        stack.drain()
        assert [message["To"] for message in smtp_server.messages] == ["focal-restart@example.org"]
        assert all(process.process.poll() is None for process in stack.processes)  # none restarted
        print(
            f"{len(client.calls)} calls: {client.statuses().count(200)} saved, "
            f"{during.count(503)} answered 503 during the {up_at - down_at:.1f} s restart; "
            f"saving again {recovery:.2f} s after it"
        )
    finally:
        stack.stop()
