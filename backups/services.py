"""Backing the portal up into a folder, and restoring such a folder into an empty installation.

A backup folder holds the database (`pg_dump -Fc`, or a copy made with SQLite's online backup API), a
tar.gz of MEDIA_ROOT (attachments, contribution documents, rendered factsheets) and manifest.json (time,
database vendor, migrations applied, file counts, the SHA-256 of each part). The database is dumped first:
every file a dumped row points to was written before that row. Redis holds only the cache and the broker's
queue, which the portal rebuilds; static files come with the code.
"""

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import django
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from . import database, media
from .errors import IncompatibleBackup, InvalidBackup, OutputNotEmpty, TargetNotEmpty
from .manifest import (
    DATABASE_PARTS,
    FORMAT,
    MEDIA_PART,
    PRIVATE_FOLDER,
    manifest_read,
    manifest_write,
    part_describe,
)


@dataclass(frozen=True)
class Restored:
    manifest: dict
    media_files: int
    migrations_pending: int


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def _output_prepare(output: Path) -> bool:
    """The output folder, new or empty, readable by its owner alone; True when this call created it."""
    if output.exists():
        if not output.is_dir() or any(output.iterdir()):
            raise OutputNotEmpty(
                _("%(folder)s is not an empty folder: choose a new one.") % {"folder": output}
            )
        os.chmod(output, PRIVATE_FOLDER)
        return False
    output.mkdir(parents=True, mode=PRIVATE_FOLDER)
    os.chmod(output, PRIVATE_FOLDER)  # mkdir's mode passes through the umask
    return True


def backup_create(*, output: Path, now: datetime | None = None) -> dict:
    """Back up the database and the media files into `output` (a new or empty folder); the manifest."""
    output = Path(output)
    vendor = database.database_vendor()
    if vendor not in DATABASE_PARTS:
        raise IncompatibleBackup(_("Backups of %(vendor)s databases are not supported.") % {"vendor": vendor})
    created = _output_prepare(output)
    written = [output / DATABASE_PARTS[vendor], output / MEDIA_PART]
    try:
        now = now or timezone.now()
        migrations = database.migrations_applied()
        database.database_dump(path=written[0])
        counts = media.media_archive(root=_media_root(), path=written[1])
        manifest = {
            "format": FORMAT,
            "created_at": now.astimezone(UTC).isoformat(),
            "database": {"vendor": vendor, "name": database.database_name(), "tool": database.tool_version()},
            "django": django.get_version(),
            "migrations": migrations,
            "media": counts,
            "parts": {path.name: part_describe(path) for path in written},
        }
        manifest_write(folder=output, manifest=manifest)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        if created:
            output.rmdir()
        raise
    return manifest


def backup_restore(*, source: Path, force: bool = False) -> Restored:
    """Restore a backup folder into this installation's database and MEDIA_ROOT, which must be empty
    (`force`: their content is replaced). Nothing is written until the backup and the target are checked."""
    source = Path(source)
    manifest = manifest_read(folder=source)
    vendor = manifest["database"]["vendor"]
    if vendor != database.database_vendor():
        raise IncompatibleBackup(
            _("The backup is of a %(backup)s database; this installation uses %(target)s.")
            % {"backup": vendor, "target": database.database_vendor()}
        )
    unknown = {(app, name) for app, names in manifest["migrations"].items() for name in names}
    unknown -= database.migrations_known()
    if unknown:
        raise IncompatibleBackup(
            _(
                "The backup was made by a newer version of the portal (it has %(count)d migrations this "
                "version lacks, e.g. %(example)s): deploy that version, then restore."
            )
            % {"count": len(unknown), "example": ".".join(sorted(unknown)[0])}
        )
    files = media.media_check(path=source / MEDIA_PART)
    if files != manifest["media"]["files"]:
        raise InvalidBackup(
            _("The media archive holds %(found)d files where the manifest lists %(listed)d.")
            % {"found": files, "listed": manifest["media"]["files"]}
        )
    tables = database.database_tables()
    root = _media_root()
    if not force:
        if tables:
            raise TargetNotEmpty(
                _(
                    "The database %(name)s is not empty (%(count)d tables): restore into a new, empty "
                    "database, or pass --force to replace its content."
                )
                % {"name": database.database_name(), "count": len(tables)}
            )
        if not media.media_is_empty(root):
            raise TargetNotEmpty(
                _(
                    "The media folder %(folder)s is not empty: restore into an empty one, or pass --force to "
                    "replace its content."
                )
                % {"folder": root}
            )
    if force:
        database.database_tables_drop()
    database.database_restore(path=source / DATABASE_PARTS[vendor])
    if force:
        media.media_clear(root)
    files = media.media_extract(path=source / MEDIA_PART, root=root)
    return Restored(manifest=manifest, media_files=files, migrations_pending=database.migrations_pending())
