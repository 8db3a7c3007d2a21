"""The portal served as in production: gunicorn's sync workers (the Dockerfile's command) on the bench's
settings, on a free port of 127.0.0.1; its log in var/bench-gunicorn.log."""

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
    def __init__(self, *, workers: int) -> None:
        self.workers = workers
        self.port = _free_port()
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Server":
        LOG.parent.mkdir(exist_ok=True)
        self._log = LOG.open("w")
        self.process = subprocess.Popen(
            [
                *(GUNICORN, "lanzarote_portal.wsgi", "--bind", f"127.0.0.1:{self.port}"),
                *("--workers", str(self.workers), "--access-logfile", "-"),
            ],
            env=environment(),
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
                raise RuntimeError(f"gunicorn stopped (exit {self.process.returncode}); see {LOG}")
            try:
                ready = self.client().get("/healthz").status == 200
            except OSError:
                ready = False
            if ready and len(child_pids(self.process.pid)) >= self.workers:
                return
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer within {timeout:.0f} s; see {LOG}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
