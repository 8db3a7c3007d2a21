"""What every benchmark shares: its own PostgreSQL database and media folder, the machine's description,
statistics, and the results file."""

import datetime
import os
import platform
import re
import statistics
import subprocess
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS = BASE_DIR / "bench" / "results.md"
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lanzarote_bench")
MEDIA_ROOT = BASE_DIR / "var" / "bench-media"


def environment() -> dict[str, str]:
    """The variables a benchmark's processes run with: never the portal's own database or files."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lanzarote_portal.settings.base",
        "DATABASE_URL": DATABASE_URL,
        "MEDIA_ROOT": str(MEDIA_ROOT),
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }


def setup_django() -> None:
    """Create the benchmark database if needed, then set Django up on it with the demo data."""
    os.environ.update(environment())
    _create_database()
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("seed_demo", "--force", verbosity=0)


def _create_database() -> None:
    import psycopg2
    from psycopg2 import sql

    name = DATABASE_URL.rsplit("/", 1)[1]
    connection = psycopg2.connect(DATABASE_URL.rsplit("/", 1)[0] + "/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    connection.close()


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
