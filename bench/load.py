"""Throughput under concurrent load: locust, headless, in a process of its own, its users asking for one page
without pause for a fixed time; then the same for the minimal view at that page's size. The cache is warm
(the page is asked once before), as it is for readers once anyone has read the page."""

import csv
import dataclasses
import subprocess
import sys
from pathlib import Path

from .common import BASE_DIR, environment
from .server import Server
from .targets import Targets

LOCUST = str(Path(sys.executable).with_name("locust"))
LOCUSTFILE = BASE_DIR / "bench" / "locustfile.py"
FOLDER = BASE_DIR / "var" / "bench-load"


@dataclasses.dataclass(frozen=True)
class Load:
    requests: int
    failures: int
    per_second: float
    median_ms: float
    p95_ms: float
    max_ms: float
    generator_saturated: bool  # locust warned that its own CPU was the limit


@dataclasses.dataclass(frozen=True)
class Result:
    name: str
    page: Load | None = None
    floor: Load | None = None
    failure: str = ""


def measure(server: Server, targets: Targets, *, users: int, seconds: int) -> list[Result]:
    pages = {
        f"Party page ({targets.party})": f"/en/rounds/{targets.round}/parties/{targets.party}/",
        f"Question page ({targets.question})": f"/en/rounds/{targets.round}/questions/{targets.question}/",
    }
    results = []
    for name, path in pages.items():
        try:
            first = server.client().get(path)
        except OSError as error:
            results.append(Result(name, failure=f"GET {path} failed: {error!r}"))
            continue
        if first.status != 200:
            results.append(Result(name, failure=f"GET {path} answered {first.status}"))
            continue
        page = run(server, path, users=users, seconds=seconds)
        floor = run(server, f"/bench/floor/{len(first.body)}/", users=users, seconds=seconds)
        print(f"{name} under load: {page.per_second:.0f} req/s (floor {floor.per_second:.0f})")
        results.append(Result(name, page, floor))
    return results


def run(server: Server, path: str, *, users: int, seconds: int) -> Load:
    FOLDER.mkdir(parents=True, exist_ok=True)
    prefix = FOLDER / "run"
    done = subprocess.run(
        [
            *(LOCUST, "-f", str(LOCUSTFILE), "--headless", "--only-summary", "--host", server.url),
            *("--users", str(users), "--spawn-rate", str(users), "--run-time", f"{seconds}s"),
            *("--csv", str(prefix), "--loglevel", "WARNING"),
        ],
        env={**environment(), "BENCH_PATH": path},
        capture_output=True,
        text=True,
        timeout=seconds + 120,
    )
    with open(f"{prefix}_stats.csv", newline="") as stats:
        total = next(row for row in csv.DictReader(stats) if row["Name"] == "Aggregated")
    if int(total["Request Count"]) == 0:
        raise RuntimeError(f"locust sent no request to {path}:\n{done.stderr[-2000:]}")
    return Load(
        requests=int(total["Request Count"]),
        failures=int(total["Failure Count"]),
        per_second=float(total["Requests/s"]),
        median_ms=float(total["50%"]),
        p95_ms=float(total["95%"]),
        max_ms=float(total["Max Response Time"]),
        generator_saturated="CPU usage" in done.stderr,
    )
