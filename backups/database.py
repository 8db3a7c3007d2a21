"""The database part of a backup: `pg_dump -Fc` and `pg_restore` on PostgreSQL, SQLite's online backup API
on SQLite. Both read the connection settings of the `default` database, which come from DATABASE_URL.

The PostgreSQL tools get the password in their environment, never on their command line (where any user
of the machine could read it in the process list), and never prompt for one.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

from .errors import ToolFailed, ToolMissing
from .manifest import file_create_private

# libpq reads these from its environment (https://www.postgresql.org/docs/current/libpq-envars.html).
LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "options": "PGOPTIONS",
}


def database_vendor() -> str:
    return connection.vendor


def database_name() -> str:
    return str(connection.settings_dict["NAME"])


def database_tables() -> list[str]:
    """The tables of the target: an empty database has none (not even Django's migration history)."""
    with connection.cursor() as cursor:
        return sorted(connection.introspection.table_names(cursor))


def database_tables_drop() -> None:
    """Every table of the target, so that a forced restore starts from an empty database."""
    tables = database_tables()
    if not tables:
        return
    if connection.vendor == "sqlite":
        return  # the backup API replaces the whole database file's content
    quoted = ", ".join(connection.ops.quote_name(table) for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {quoted} CASCADE")


def migrations_applied() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def migrations_known() -> set[tuple[str, str]]:
    """The migrations of this version of the code, with those its squashed migrations replace."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations)
    for migration in loader.disk_migrations.values():
        known.update(migration.replaces)
    return known


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise ToolMissing(
            _("%(tool)s is not installed: install the PostgreSQL client tools (Debian: postgresql-client).")
            % {"tool": name}
        )
    return path


def _libpq_environment() -> dict[str, str]:
    settings_dict = connection.settings_dict
    env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
    }
    for option, variable in LIBPQ_OPTIONS.items():
        values[variable] = (settings_dict.get("OPTIONS") or {}).get(option)
    env.update({key: str(value) for key, value in values.items() if value not in (None, "")})
    return env


def _conninfo_value(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("'", "\\'")
    return f"'{escaped}'"


def _run(arguments: list[str], **kwargs) -> subprocess.CompletedProcess:
    # pg_dump / pg_restore / psql with arguments as a list: no shell, nothing from a request.
    result = subprocess.run(arguments, env=_libpq_environment(), stderr=subprocess.PIPE, **kwargs)  # noqa: S603
    if result.returncode != 0:
        raise ToolFailed(
            _("%(tool)s failed: %(error)s")
            % {"tool": Path(arguments[0]).name, "error": result.stderr.decode(errors="replace").strip()}
        )
    return result


def tool_version() -> str:
    if connection.vendor != "postgresql":
        return f"sqlite {sqlite3.sqlite_version}"
    result = _run([_tool("pg_dump"), "--version"], stdout=subprocess.PIPE)
    return result.stdout.decode().strip()


def database_dump(*, path: Path) -> None:
    if connection.vendor == "postgresql":
        with file_create_private(path) as stream:
            _run([_tool("pg_dump"), "--format=custom", "--no-password"], stdout=stream)
        return
    if connection.vendor == "sqlite":
        if connection.in_atomic_block:  # SQLite would answer "locked" for ever to a backup of its own writes
            raise ToolFailed(_("A SQLite backup cannot be taken inside a transaction."))
        file_create_private(path).close()  # private before SQLite writes a byte into it
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        return
    raise ToolMissing(_("Backups of %(vendor)s databases are not supported.") % {"vendor": connection.vendor})


def database_restore(*, path: Path) -> None:
    """Into the target, which the caller has found empty. PostgreSQL: one transaction, so a failure leaves
    the target as it was; the restored objects belong to the user restoring them."""
    if connection.vendor == "postgresql":
        connection.close()
        _run(
            [
                _tool("pg_restore"),
                f"--dbname=dbname={_conninfo_value(database_name())}",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                "--no-password",
                str(path),
            ],
            stdout=subprocess.DEVNULL,
        )
        return
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        connection.close()
        return
    raise ToolMissing(_("Backups of %(vendor)s databases are not supported.") % {"vendor": connection.vendor})


def migrations_pending() -> int:
    """How many migrations of this version the database has yet to apply (`manage.py migrate`)."""
    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
