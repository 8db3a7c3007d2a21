"""The production stack as `docker-compose.yml` runs it, for the recovery tests: gunicorn, the default worker,
the PDF worker and beat on the production settings (`tests.integration.production_settings`), one Redis as
broker and cache, PostgreSQL, and a mail server of the test's own that counts what it receives.

Each process is started in its own process group and killed whole at the end of the test. PostgreSQL is the
test database (`transactional_db`), or, where a test restarts it, a cluster of its own (`PostgresCluster`).
"""

import contextlib
import email
import os
import shutil
import signal
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache.backends.redis import RedisCache

from lanzarote_portal.tasks import HEARTBEAT_KEY

from .conftest import QUIET, STARTUP_SECONDS, free_port, wait_for

SECRET_KEY = "integration-tests-only-" + "x" * 40


class SmtpServer(socketserver.ThreadingTCPServer):
    """Just enough SMTP for Django's backend (EHLO, MAIL, RCPT, DATA, QUIT): every message it accepts is
    kept in `messages`, parsed, in the order received."""

    daemon_threads = allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _SmtpSession)
        self.port = self.server_address[1]
        self.messages: list[email.message.Message] = []
        self.received_at: list[float] = []
        threading.Thread(target=self.serve_forever, daemon=True).start()


class _SmtpSession(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self) -> None:
        self.reply("220 test SMTP")
        for raw in self.rfile:
            command = raw.decode(errors="replace").strip().upper()
            if command.startswith("EHLO"):
                self.reply("250 test")
            elif command == "DATA":
                self.reply("354 go on")
                lines = []
                for line in self.rfile:
                    if line in (b".\r\n", b".\n"):
                        break
                    lines.append(line[1:] if line.startswith(b"..") else line)
                self.server.messages.append(email.message_from_bytes(b"".join(lines)))
                self.server.received_at.append(time.monotonic())
                self.reply("250 queued")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:  # HELO, MAIL FROM, RCPT TO, RSET, NOOP
                self.reply("250 ok")


@pytest.fixture
def smtp_server():
    server = SmtpServer()
    yield server
    server.shutdown()
    server.server_close()


class PostgresCluster:
    """A PostgreSQL of the test's own (`initdb`, `pg_ctl`), which it may stop and start while the portal
    runs. As root, the server runs as the `postgres` user, as it refuses to run as root."""

    def __init__(self):
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="pg-recover-"))
        self.data = self.folder / "data"
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_owner:
            shutil.chown(self.folder, "postgres")
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/portal"

    def _run(self, *command: str) -> None:
        subprocess.run([*self.as_owner, *command], check=True, capture_output=True, timeout=60)

    def create(self) -> None:
        binaries = Path(shutil.which("initdb")).parent
        self._run(
            str(binaries / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "--no-sync"
        )
        self.start()
        createdb = [shutil.which("createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]
        subprocess.run([*createdb, "portal"], check=True)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"), "-w", "start"
        )

    def stop(self) -> None:
        """A fast shutdown, as a restart or a failover does: open transactions rolled back, sessions cut."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def destroy(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def postgres_cluster(services):
    if shutil.which("initdb") is None or shutil.which("pg_ctl") is None:
        pytest.skip("no initdb and pg_ctl to start the test's own PostgreSQL")
    cluster = PostgresCluster()
    cluster.create()
    yield cluster
    cluster.destroy()


class Process:
    def __init__(self, name: str, process: subprocess.Popen, log: Path):
        self.name, self.process, self.log = name, process, log

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def log_tail(self, lines: int = 40) -> str:
        return f"--- {self.name} ---\n" + "\n".join(self.output().splitlines()[-lines:])

    def kill(self) -> None:
        """The process and its children at once (a pool, gunicorn's workers), as a machine that dies."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


class Stack:
    """The production processes on `database_url`, `redis_url` (broker on /0, cache on /1, as compose) and
    the test's mail server."""

    def __init__(self, folder: Path, *, database_url: str, redis_url: str, smtp_port: int):
        self.folder = folder
        self.processes: list[Process] = []
        self.killed: list[Process] = []
        self.cache = RedisCache(f"{redis_url}/1", {})
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.integration.production_settings",
            "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": database_url,
            "CELERY_BROKER_URL": f"{redis_url}/0",
            "CACHE_URL": f"rediscache://{redis_url.removeprefix('redis://')}/1",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_port),
            "MEDIA_ROOT": str(folder / "media"),
            "API_USER_RATE": "100000/minute",  # one client, many calls: the test, not the throttle
            "PYTHONUNBUFFERED": "1",
        }

    def _start(self, name: str, *arguments: str) -> Process:
        log = self.folder / f"{name}-{len(self.processes)}.log"
        with open(log, "w") as output:
            process = subprocess.Popen(
                [sys.executable, "-m", *arguments],
                cwd=settings.BASE_DIR,
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        started = Process(name, process, log)
        self.processes.append(started)
        return started

    def wait_for(self, predicate, *, what: str, timeout: float = 20) -> None:
        wait_for(predicate, what=what, timeout=timeout, workers=self.processes)

    def worker(self, queue: str = "celery", *, concurrency: int = 1) -> Process:
        """`worker` or `pdf-worker` of docker-compose.yml (prefork), with the tests' quiet options."""
        options = f"--concurrency={concurrency} -Q {queue} -n {queue}-{free_port()}@%h {QUIET}"
        worker = self._start(queue, "celery", "-A", "lanzarote_portal", "worker", *options.split())
        self.wait_for(
            lambda: " ready." in worker.output(), what=f"{queue} worker start", timeout=STARTUP_SECONDS
        )
        return worker

    def beat(self) -> Process:
        schedule = str(self.folder / "celerybeat-schedule")
        return self._start(
            "beat", "celery", "-A", "lanzarote_portal", "beat", "--loglevel=INFO", f"--schedule={schedule}"
        )

    def web(self) -> str:
        """gunicorn as the image runs it (two workers here); returns its address."""
        port = free_port()
        self._start(
            "web", "gunicorn", "lanzarote_portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"
        )
        address = f"http://127.0.0.1:{port}"
        self.wait_for(lambda: _answers(f"{address}/healthz"), what="gunicorn start", timeout=STARTUP_SECONDS)
        return address

    def kill(self, process: Process) -> None:
        """`kill -9` of a process and its children; no longer watched."""
        process.kill()
        self.processes.remove(process)
        self.killed.append(process)

    def drain(self) -> None:
        """A heartbeat through the default queue: the tasks sent before it are done once it has run."""
        from lanzarote_portal.tasks import worker_heartbeat

        self.cache.delete(HEARTBEAT_KEY)
        worker_heartbeat.apply_async()
        self.wait_for(lambda: self.cache.get(HEARTBEAT_KEY), what="the heartbeat")

    def logs(self) -> str:
        return "\n".join(process.log_tail() for process in self.processes)

    def stop(self) -> None:
        for process in self.processes:
            process.kill()


def _answers(url: str) -> bool:
    import urllib.request

    with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
        return response.status == 200
    return False
