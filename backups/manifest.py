"""The manifest of a backup folder: when it was taken, of what, and the SHA-256 of each part.

It is written last, so a folder without one is an interrupted backup; a restore checks every part against
it before it writes anything.
"""

import hashlib
import json
import os
from pathlib import Path

from django.utils.translation import gettext as _

from .errors import IncompatibleBackup, InvalidBackup

MANIFEST = "manifest.json"
FORMAT = 1
DATABASE_PARTS = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
MEDIA_PART = "media.tar.gz"
PRIVATE_FILE = 0o600  # a backup holds every confidential contribution: readable by its owner alone
PRIVATE_FOLDER = 0o700


def file_create_private(path: Path):
    """A new file, readable and writable by the owner alone from the moment it exists."""
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE), "wb")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def part_describe(path: Path) -> dict:
    return {"sha256": sha256_of(path), "bytes": path.stat().st_size}


def manifest_write(*, folder: Path, manifest: dict) -> Path:
    path = folder / MANIFEST
    with file_create_private(path) as stream:
        stream.write(json.dumps(manifest, indent=2, sort_keys=True).encode())
    return path


def manifest_read(*, folder: Path) -> dict:
    """The manifest, once every part it lists is checked: present, of its size and of its SHA-256."""
    path = folder / MANIFEST
    if not path.is_file():
        raise InvalidBackup(
            _("%(folder)s holds no manifest.json: it is not a complete backup.") % {"folder": folder}
        )
    try:
        manifest = json.loads(path.read_text())
    except (ValueError, UnicodeDecodeError) as error:
        raise InvalidBackup(_("The manifest cannot be read: %(error)s") % {"error": error}) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise InvalidBackup(_("The manifest is not in a format this version knows."))
    vendor = (manifest.get("database") or {}).get("vendor")
    if vendor not in DATABASE_PARTS:
        raise IncompatibleBackup(
            _("The backup is of a database this version cannot restore: %(vendor)s.") % {"vendor": vendor}
        )
    expected = {DATABASE_PARTS.get(vendor), MEDIA_PART}
    migrations = manifest.get("migrations")
    if not isinstance(migrations, dict) or not all(
        isinstance(names, list) and all(isinstance(name, str) for name in names)
        for names in migrations.values()
    ):
        raise InvalidBackup(_("The manifest's migration history cannot be read."))
    if not isinstance((manifest.get("media") or {}).get("files"), int):
        raise InvalidBackup(_("The manifest does not count the media files."))
    parts = manifest.get("parts")
    if not isinstance(parts, dict) or set(parts) != expected:
        raise InvalidBackup(_("The manifest does not list the parts of a backup."))
    for name, described in parts.items():
        part = folder / name
        if not isinstance(described, dict):
            raise InvalidBackup(_("The manifest does not describe the part %(name)s.") % {"name": name})
        if not part.is_file():
            raise InvalidBackup(_("The part %(name)s is missing.") % {"name": name})
        if part.stat().st_size != described.get("bytes") or sha256_of(part) != described.get("sha256"):
            raise InvalidBackup(
                _("The part %(name)s is not the one the manifest describes (size or SHA-256 differ).")
                % {"name": name}
            )
    return manifest
