"""What every benchmark shares: its own PostgreSQL database and media folder, the machine's description,
statistics, and the results file."""

import datetime
import os
import platform
import re
import secrets
import statistics
import subprocess
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS = BASE_DIR / "bench" / "results.md"
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lanzarote_bench")
MEDIA_ROOT = BASE_DIR / "var" / "bench-media"
# The bench's own Redis databases: the cache (flushed for every cold request) and the Celery broker;
# overridable so that two runs on one machine do not flush each other's cache.
REDIS = "127.0.0.1:6379"
CACHE_DB = int(os.environ.get("BENCH_CACHE_DB", "3"))
BROKER_DB = int(os.environ.get("BENCH_BROKER_DB", "4"))
# One key for the run, shared by the bench's process, its server and its workers.
SECRET_KEY = secrets.token_urlsafe(50)


def environment() -> dict[str, str]:
    """The variables a benchmark's processes run with: production's settings (with the bench's additions),
    never the portal's own database, cache, broker or files."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lanzarote_portal.settings.bench",
        "BENCH": "1",
        "DATABASE_URL": DATABASE_URL,
        "CACHE_URL": f"rediscache://{REDIS}/{CACHE_DB}",
        "CELERY_BROKER_URL": f"redis://{REDIS}/{BROKER_DB}",
        "MEDIA_ROOT": str(MEDIA_ROOT),
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # The API's throttles stay on (their cost is part of a request) at rates the samples never reach.
        "API_ANON_RATE": "1000000/minute",
        "API_USER_RATE": "1000000/minute",
    }


def redis_flush(db: int) -> None:
    import redis

    redis.Redis.from_url(f"redis://{REDIS}/{db}").flushdb()


def require_redis() -> None:
    import redis

    try:
        redis.Redis.from_url(f"redis://{REDIS}/{CACHE_DB}").ping()
    except redis.ConnectionError as error:
        raise SystemExit(f"The benchmarks need Redis at {REDIS} (cache and broker): {error}") from None


def machine() -> str:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo") if line.startswith("model name")),
        platform.processor() or "unknown CPU",
    )
    memory_kb = next(
        (int(line.split()[1]) for line in _read("/proc/meminfo") if line.startswith("MemTotal")), 0
    )
    postgres = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory_kb / 1024 / 1024:.0f} GiB; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}; {postgres or 'psql not found'}"
    )


def _read(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


def child_pids(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


def high_water_kib(pid: int) -> int:
    """The highest resident set size the process has reached (VmHWM), 0 once it is gone."""
    return next(
        (int(line.split()[1]) for line in _read(f"/proc/{pid}/status") if line.startswith("VmHWM:")), 0
    )


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def write_section(name: str, body: str) -> None:
    """Replace the section `name` of bench/results.md (or add it), keeping the others."""
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    section = (
        f"<!-- {name} -->\n## {name}\n\nRun {stamp} on: {machine()}\n\n{body.strip()}\n<!-- /{name} -->\n"
    )
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n\n"
    pattern = re.compile(rf"<!-- {re.escape(name)} -->.*?<!-- /{re.escape(name)} -->\n", re.S)
    text = (
        pattern.sub(lambda _match: section, text)
        if pattern.search(text)
        else text.rstrip() + "\n\n" + section
    )
    RESULTS.write_text(text)


def met(ok: bool) -> str:
    """A target's verdict in the table."""
    return "met" if ok else "**missed**"
