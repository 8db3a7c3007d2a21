"""Throughput under concurrent load, measured with wrk (Debian's package `wrk`): its connections ask for one
path without pause for a fixed time. Each cached public page is measured beside the floor, a minimal Django
application (bench/floor.py) serving a body of the same size under the same gunicorn command and workers,
one after the other in the same run, so that the ratio holds on a busy machine. The cache is warm (the page
is asked once before), as it is for readers once anyone has read the page; the client has no session."""

import dataclasses
import json
import shutil
import subprocess
from urllib.parse import quote

from .common import BASE_DIR
from .server import Server
from .targets import Targets

WRK = shutil.which("wrk")
SCRIPT = BASE_DIR / "bench" / "wrk.lua"
FLOOR_LOG = BASE_DIR / "var" / "bench-gunicorn-floor.log"
# Unmeasured load first: a worker's first requests load what Django loads lazily (URLs, templates, the
# page into its memory), seconds on a busy machine that would count against whichever page came first.
WARM_UP_SECONDS = 5


@dataclasses.dataclass(frozen=True)
class Load:
    requests: int
    errors: int  # socket errors and answers other than 2xx or 3xx
    per_second: float
    median_ms: float
    p95_ms: float
    max_ms: float


@dataclasses.dataclass(frozen=True)
class Result:
    name: str
    page: Load | None = None
    floor: Load | None = None
    failure: str = ""


def require_wrk() -> None:
    if WRK is None:
        raise SystemExit(
            "The load benchmark needs wrk, which is not installed: `sudo apt-get install wrk` (Debian, "
            "Ubuntu), `brew install wrk` (macOS); or leave `load` out of --only."
        )


def measure(server: Server, targets: Targets, *, connections: int, seconds: int) -> list[Result]:
    require_wrk()
    round_ = f"/en/rounds/{targets.round}"
    pages = {
        "Status page": f"{round_}/status/",
        f"Party page ({targets.party})": f"{round_}/parties/{targets.party}/",
        f"Question page ({targets.question})": f"{round_}/questions/{targets.question}/",
        f"Search ({targets.search!r})": f"/en/search/?q={quote(targets.search)}",
        "Liveness probe (/healthz, no database)": "/healthz",
    }
    results = []
    with Server(
        workers=server.workers, app="bench.floor:application", settings="bench.floor", log=FLOOR_LOG
    ) as floor:
        for name, path in pages.items():
            try:
                first = server.client().get(path)
            except OSError as error:
                results.append(Result(name, failure=f"GET {path} failed: {error!r}"))
                continue
            if first.status != 200:
                results.append(Result(name, failure=f"GET {path} answered {first.status}"))
                continue
            for url in (server.url + path, f"{floor.url}/bench/floor/{len(first.body)}/"):
                run(
                    url, connections=connections, seconds=WARM_UP_SECONDS
                )  # every worker past its first request
            page = run(server.url + path, connections=connections, seconds=seconds)
            minimal = run(
                f"{floor.url}/bench/floor/{len(first.body)}/", connections=connections, seconds=seconds
            )
            print(
                f"{name} under load: {page.per_second:.0f} req/s "
                f"(minimal application {minimal.per_second:.0f})"
            )
            results.append(Result(name, page, minimal))
    return results


def run(url: str, *, connections: int, seconds: int) -> Load:
    done = subprocess.run(
        [
            *(WRK, "--threads", "2", "--connections", str(connections), "--duration", f"{seconds}s"),
            *("--timeout", "10s", "--script", str(SCRIPT), url),
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"wrk failed on {url}:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    summary = json.loads(lines[-1])
    if summary["requests"] == 0:
        raise RuntimeError(f"wrk sent no request to {url}:\n{done.stdout[-2000:]}")
    return Load(
        requests=summary["requests"],
        errors=summary["socket_errors"] + summary["non_2xx"],
        per_second=summary["requests"] / (summary["duration_us"] / 1e6),
        median_ms=summary["median_us"] / 1000,
        p95_ms=summary["p95_us"] / 1000,
        max_ms=summary["max_us"] / 1000,
    )
