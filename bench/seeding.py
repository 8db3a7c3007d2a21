"""The benchmark's data: its own database, seeded at the scale asked for, and seeded only once.

Seeding the full volume takes minutes, so the command that seeded the database is recorded in a table of
its own (`bench_seed`). A run asking for the same command reuses the database as it is; any other scale,
or a database without that record (a seeding that stopped half-way), starts again from an empty database.
"""

import io
import os
import shutil
import time

import psycopg2
from psycopg2 import sql

from .common import DATABASE_URL, MEDIA_ROOT, environment

# `seed_scale` without flags is the full volume; "small" is the same shape in a few seconds.
SCALES = {
    "default": ["seed_scale", "--force"],
    "small": [
        *("seed_scale", "--force", "--parties", "20", "--rounds", "3", "--questions", "20"),
        *("--contributions", "500", "--findings", "200", "--min-words", "100", "--max-words", "600"),
        *("--attachments", "20"),
    ],
    "demo": ["seed_demo", "--force"],
}
MARKER = "bench_seed"


def setup_django(scale: str = "demo", *, reseed: bool = False) -> float | None:
    """Set Django up on the benchmark database holding the data of `scale` (seeded again from an empty
    database with `reseed`); returns the seconds seeding took, or None when the database held that data."""
    os.environ.update(environment())
    import django

    django.setup()
    from django.core.management import call_command

    command = SCALES[scale]
    if command[0] not in _commands():
        raise SystemExit(f"`manage.py {command[0]}` does not exist here: try `python -m bench --scale demo`.")
    if reseed or _seeded_with() != " ".join(command):
        _recreate_database()
    call_command("migrate", verbosity=0)
    if _seeded_with() == " ".join(command):
        return None
    began = time.perf_counter()
    call_command(*command, verbosity=0, stdout=io.StringIO())
    seconds = time.perf_counter() - began
    _settle()
    _record(" ".join(command), seconds)
    return seconds


def _settle() -> None:
    """VACUUM ANALYZE, as autovacuum would soon after a load: statistics for the planner, and the visibility
    map that lets counts read an index alone. Measured on a freshly loaded database, pages would pay for
    the load's hint bits instead of their own work."""
    connection = _connect(_name())
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    connection.close()


def _commands() -> set[str]:
    from django.core.management import get_commands

    return set(get_commands())


def _connect(database: str):
    connection = psycopg2.connect(DATABASE_URL.rsplit("/", 1)[0] + "/" + database)
    connection.autocommit = True
    return connection


def _name() -> str:
    return DATABASE_URL.rsplit("/", 1)[1]


def _seeded_with() -> str | None:
    try:
        connection = _connect(_name())
    except psycopg2.OperationalError:
        return None  # no database yet
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass(%s)", [MARKER])
            if cursor.fetchone()[0] is None:
                return None
            cursor.execute(sql.SQL("SELECT command FROM {}").format(sql.Identifier(MARKER)))
            row = cursor.fetchone()
    finally:
        connection.close()
    return row[0] if row else None


def _recreate_database() -> None:
    """An empty database and media folder (attachments and factsheets of the previous data)."""
    shutil.rmtree(MEDIA_ROOT, ignore_errors=True)
    connection = _connect("postgres")
    with connection.cursor() as cursor:
        name = sql.Identifier(_name())
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(name))
    connection.close()


def _record(command: str, seconds: float) -> None:
    connection = _connect(_name())
    with connection.cursor() as cursor:
        table = sql.Identifier(MARKER)
        cursor.execute(
            sql.SQL("CREATE TABLE {} (command text NOT NULL, seconds double precision NOT NULL)").format(
                table
            )
        )
        cursor.execute(sql.SQL("INSERT INTO {} VALUES (%s, %s)").format(table), [command, seconds])
    connection.close()


def data_set(scale: str) -> str:
    """What the database holds, in words, for the results: which command seeded it and how much."""
    from civil_society.models import Contribution
    from reports.models import Finding
    from rounds.models import Party, Round
    from submissions.models import Answer, Reply

    counts = (
        (Party, "Parties"),
        (Round, "rounds"),
        (Reply, "replies"),
        (Answer, "answers"),
        (Contribution, "contributions"),
        (Finding, "findings"),
    )
    volume = ", ".join(f"{model.objects.count()} {label}" for model, label in counts)
    return f"`{' '.join(SCALES[scale])}` ({scale}): {volume}"
