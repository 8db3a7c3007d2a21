"""Real worker processes, a real Redis and the test PostgreSQL database, for the faults of issue 5.

Each test gets a `redis-server` of its own on a free port, so that it can kill, freeze or restart it and
shorten the visibility timeout without touching the machine's Redis, which other tests and workers use. The
web side (this process) publishes to it; workers are `celery -A lanzarote_portal worker` processes, each in
its own process group (killed whole at the end), with the settings of `tests.integration.worker_settings`,
connected to the test database: what a test commits (`transactional_db`) is what they see.
"""

import contextlib
import email
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from django.conf import settings
from django.core.cache.backends.filebased import FileBasedCache
from django.db import OperationalError, connection, transaction

from lanzarote_portal.celery import app as celery_app
from lanzarote_portal.tasks import HEARTBEAT_KEY, worker_heartbeat
from outbox.models import OutboundEmail
from tests.factories import FocalPointFactory, ReplyFactory

STARTUP_SECONDS = 30
# No gossip, mingle or heartbeats between workers: each starts faster, and none needs the others.
QUIET = "--without-gossip --without-mingle --without-heartbeat --loglevel=INFO"
SEPARATOR = b"\n" + b"-" * 79 + b"\n"  # what the file e-mail backend writes after each message


@pytest.fixture
def services():
    """Skips where the integration suite has no PostgreSQL or Redis (fails instead with REQUIRE_SERVICES)."""
    problem = None
    if connection.vendor != "postgresql":
        problem = "DATABASE_URL does not point to PostgreSQL"
    elif not os.environ.get("CELERY_BROKER_URL", "").startswith("redis://"):
        problem = "CELERY_BROKER_URL does not point to Redis"
    elif shutil.which("redis-server") is None:
        problem = "no redis-server binary to start the tests' own Redis"
    if problem:
        if os.environ.get("REQUIRE_SERVICES"):
            pytest.fail(f"the integration tests need PostgreSQL and Redis: {problem}")
        pytest.skip(f"integration tests need PostgreSQL and Redis: {problem}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(predicate, *, what: str, timeout: float = 20, workers=()) -> None:
    """Polls `predicate` until it holds; fails early, with the workers' logs, if a worker has died."""
    deadline = time.monotonic() + timeout
    while not predicate():
        dead = [worker for worker in workers if worker.process.poll() is not None]
        if dead or time.monotonic() > deadline:
            logs = "\n".join(worker.log_tail() for worker in workers)
            pytest.fail(f"{what}: {'a worker died' if dead else f'not after {timeout} s'}\n{logs}")
        time.sleep(0.1)


class RedisServer:
    """A `redis-server` without persistence on a fixed port: killed, it loses everything, like a crash."""

    def __init__(self, port: int, folder: Path):
        self.port, self.folder, self.process = port, folder, None
        self.url = f"redis://127.0.0.1:{port}/0"

    def start(self) -> None:
        self.folder.mkdir(exist_ok=True)
        command = f"redis-server --port {self.port} --bind 127.0.0.1 --appendonly no --save".split()
        with open(self.folder / "redis.log", "a") as log:
            self.process = subprocess.Popen(
                [*command, ""], cwd=self.folder, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        client = redis.Redis(port=self.port, socket_connect_timeout=0.5)
        try:
            wait_for(lambda: self._answers(client), what="redis-server start", timeout=10)
        except BaseException:
            self.kill()
            raise

    @staticmethod
    def _answers(client) -> bool:
        with contextlib.suppress(redis.RedisError):
            return client.ping()
        return False

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.thaw()
            self.process.kill()
            self.process.wait(timeout=10)

    def freeze(self) -> None:
        """Stopped, not dead: connections open, commands unanswered (a hung server, a dropped network)."""
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        self.process.send_signal(signal.SIGCONT)


@pytest.fixture
def redis_broker(services, tmp_path, monkeypatch):
    """A Redis of the test's own, which this process publishes to (not inline, as the test settings do)."""
    server = RedisServer(free_port(), tmp_path / "redis")
    server.start()
    monkeypatch.setenv("CELERY_BROKER_URL", server.url)  # Celery reads it before its configuration
    monkeypatch.setitem(celery_app.conf, "broker_url", server.url)
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    # Connections pooled for another broker are set aside, and given back after the test.
    monkeypatch.setattr(celery_app, "_pool", None)
    monkeypatch.setattr(celery_app.amqp, "_producer_pool", None)
    yield server
    for pool in (celery_app.amqp._producer_pool, celery_app._pool):
        if pool is not None:
            pool.force_close_all()
    server.kill()


@pytest.fixture
def mailbox(tmp_path) -> Path:
    """Where the workers' file e-mail backend writes."""
    folder = tmp_path / "mail"
    folder.mkdir()
    return folder


def delivered(mailbox: Path) -> list[email.message.Message]:
    """Every e-mail written to `mailbox`, however many files they are in."""
    messages = []
    for path in sorted(mailbox.iterdir()):
        for part in path.read_bytes().split(SEPARATOR):
            if part.strip():
                messages.append(email.message_from_bytes(part))
    return messages


def worker_database_url() -> str:
    """The database this test process uses (pytest-django's `test_` one), as a DATABASE_URL for a worker."""
    db = connection.settings_dict
    user, password = quote(db["USER"] or "", safe=""), quote(db["PASSWORD"] or "", safe="")
    credentials = f"{user}:{password}@" if password else f"{user}@" if user else ""
    host = quote(db["HOST"] or "localhost", safe="")
    return f"postgres://{credentials}{host}:{db['PORT'] or 5432}/{quote(db['NAME'], safe='')}"


class Worker:
    def __init__(self, process: subprocess.Popen, log: Path, cache: FileBasedCache):
        self.process, self.log, self.cache = process, log, cache

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def log_tail(self, lines: int = 40) -> str:
        return f"--- worker {self.process.pid} ---\n" + "\n".join(self.output().splitlines()[-lines:])

    def kill(self) -> None:
        """Kills the worker and its pool processes at once, as a machine that dies would."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def drain(self, timeout: float = 20) -> None:
        """Runs a heartbeat through the queue and waits for it: a worker taking one task at a time, in
        order, has by then finished every task sent before."""
        self.cache.delete(HEARTBEAT_KEY)
        worker_heartbeat.apply_async()
        wait_for(lambda: self.cache.get(HEARTBEAT_KEY), what="the heartbeat", timeout=timeout, workers=[self])


@pytest.fixture
def start_worker(transactional_db, redis_broker, mailbox, tmp_path):
    """Starts workers on the test's Redis and database; each is killed (its whole process group) after the
    test, before the database is flushed."""
    cache_folder = tmp_path / "cache"
    cache = FileBasedCache(str(cache_folder), {})
    workers = []

    def start(*, pool: str = "solo", concurrency: int = 1, env: dict | None = None) -> Worker:
        name = f"itest-{uuid.uuid4().hex[:8]}"
        log = tmp_path / f"{name}.log"
        options = f"--pool={pool} --concurrency={concurrency} -Q celery -n {name}@%h {QUIET}"
        with open(log, "w") as output:
            process = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "lanzarote_portal", "worker", *options.split()],
                cwd=settings.BASE_DIR,
                env={
                    **os.environ,
                    "DJANGO_SETTINGS_MODULE": "tests.integration.worker_settings",
                    "DATABASE_URL": worker_database_url(),
                    "CELERY_BROKER_URL": redis_broker.url,
                    "CACHE_URL": f"filecache://{cache_folder}",
                    "EMAIL_FILE_PATH": str(mailbox),
                    **(env or {}),
                },
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: killed with its pool processes
            )
        worker = Worker(process, log, cache)
        workers.append(worker)
        wait_for(
            lambda: " ready." in worker.output(),
            what="worker start",
            timeout=STARTUP_SECONDS,
            workers=[worker],
        )
        return worker

    yield start
    for worker in workers:  # at once: the test is over, and nothing is left to finish cleanly
        worker.kill()


def draft_reply_with_focal_point(address: str):
    """A Party's draft reply and its focal point, who gets the receipt at `address`."""
    reply = ReplyFactory()
    user = FocalPointFactory(
        party=reply.party, user__username=address.split("@")[0], user__email=address
    ).user
    return reply, user


def row_locked(email_id: int) -> bool:
    """Whether another connection (a worker delivering the e-mail) holds the row's lock."""
    try:
        with transaction.atomic():
            OutboundEmail.objects.select_for_update(nowait=True).get(pk=email_id)
    except OperationalError:
        return True
    return False
