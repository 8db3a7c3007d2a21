"""The portal served as in production: gunicorn's sync workers (the Dockerfile's command) on the bench's
settings, on a free port of 127.0.0.1; its log in var/bench-gunicorn.log. The same command serves the load
benchmark's minimal application (bench/floor.py) beside it."""

import socket
import subprocess
import sys
import time
from pathlib import Path

from .client import Client
from .common import BASE_DIR, child_pids, environment, high_water_kib

GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
LOG = BASE_DIR / "var" / "bench-gunicorn.log"


class Server:
    def __init__(
        self, *, workers: int, app: str = "lanzarote_portal.wsgi", settings: str = "", log: Path = LOG
    ):
        """`app` and `settings`: another WSGI application and its settings module (default: the portal)."""
        self.workers = workers
        self.app, self.settings, self.log = app, settings, log
        self.port = _free_port()
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Server":
        self.log.parent.mkdir(exist_ok=True)
        self._log = self.log.open("w")
        self.process = subprocess.Popen(
            [
                *(GUNICORN, self.app, "--bind", f"127.0.0.1:{self.port}"),
                *("--workers", str(self.workers), "--access-logfile", "-"),
            ],
            env={**environment(), **({"DJANGO_SETTINGS_MODULE": self.settings} if self.settings else {})},
            cwd=BASE_DIR,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self._wait_ready()
        return self

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)
        self._log.close()

    def client(self) -> Client:
        return Client(self.port)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def peak_worker_mib(self) -> float:
        """The highest resident set size any web worker reached so far (VmHWM)."""
        return max((high_water_kib(pid) for pid in child_pids(self.process.pid)), default=0) / 1024

    def _wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped (exit {self.process.returncode}); see {self.log}")
            try:
                ready = self.client().get("/healthz").status == 200
            except OSError:
                ready = False
            if ready and len(child_pids(self.process.pid)) >= self.workers:
                return
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer within {timeout:.0f} s; see {self.log}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
