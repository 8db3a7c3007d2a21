"""A backup of the seeded demo, with uploaded and rendered files, restored into a new, empty installation:
every row of every table and every file comes back identical; a restore refuses a tampered backup or a
target that is not empty, and then changes nothing."""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from backups.errors import InvalidBackup
from backups.services import backup_create, backup_restore
from civil_society.models import Contribution
from submissions.models import Answer, Reply
from submissions.services import attachment_add
from tests.factories import FocalPointFactory, QuestionFactory, QuestionnaireFactory, ReplyFactory

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
postgresql_only = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").split(":")[0] not in ("postgres", "postgresql", "pgsql"),
    reason="restores into a new PostgreSQL database (DATABASE_URL=postgres://…)",
)


def files_by_sha256(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def manage(*arguments: str, **env: str) -> subprocess.CompletedProcess:
    """manage.py in a process of its own, configured by its environment alone, as in a deployment."""
    environment = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    environment.update(DJANGO_SETTINGS_MODULE="lanzarote_portal.settings.base", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def add_files() -> None:
    """An attachment of a draft reply, a confidential organisation's original Word file and a factsheet."""
    reply = ReplyFactory()
    question = QuestionFactory(questionnaire=QuestionnaireFactory(round=reply.round), number="1")
    focal = FocalPointFactory(party=reply.party).user
    upload = SimpleUploadedFile("penal code.pdf", PDF, content_type="application/pdf")
    attachment_add(reply=reply, by=focal, upload=upload, title="Penal code", language="en", question=question)
    contribution = Contribution.objects.filter(visibility=Contribution.Visibility.CONFIDENTIAL).first()
    contribution = contribution or Contribution.objects.first()
    contribution.document.save("confidential-memo.docx", ContentFile(b"PK\x03\x04 CANARY-CONFIDENTIAL"))
    default_storage.save("factsheets/2nd-round/country-FR-en.pdf", ContentFile(PDF + b"factsheet"))


# PostgreSQL: pg_dump -Fc, restored by pg_restore into a database of its own.


def table_digests(dbname: str) -> dict[str, tuple[int, str]]:
    """Each table's row count and a digest of all its rows, read through a connection of its own."""
    import psycopg2

    params = connection.settings_dict
    with (
        psycopg2.connect(
            dbname=dbname,
            host=params["HOST"] or None,
            port=params["PORT"] or None,
            user=params["USER"] or None,
            password=params["PASSWORD"] or None,
        ) as db,
        db.cursor() as cursor,
    ):
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        tables = [row[0] for row in cursor.fetchall()]
        digests = {}
        for table in tables:
            cursor.execute(
                "SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                f'FROM "{table}" t'
            )
            digests[table] = cursor.fetchone()
    db.close()
    return digests


@pytest.fixture
def empty_database():
    """A new database, dropped at the end whatever happens."""
    import psycopg2

    params = connection.settings_dict
    name = f"test_restore_{uuid.uuid4().hex[:12]}"
    server = psycopg2.connect(
        dbname="postgres",
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        user=params["USER"] or None,
        password=params["PASSWORD"] or None,
    )
    server.autocommit = True
    with server.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        url = "postgres://{user}{password}@{host}:{port}/{name}".format(
            user=params["USER"],
            password=f":{params['PASSWORD']}" if params["PASSWORD"] else "",
            host=params["HOST"] or "localhost",
            port=params["PORT"] or 5432,
            name=name,
        )
        yield name, url
    finally:
        with server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.close()


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_backup_of_the_demo_restores_into_an_empty_database_identical(
    seeded, media_root, tmp_path, empty_database
):
    add_files()
    source_files = files_by_sha256(media_root)
    assert len(source_files) >= 3
    backup = tmp_path / "backup"

    manifest = backup_create(output=backup)

    assert sorted(path.name for path in backup.iterdir()) == [
        "database.dump",
        "manifest.json",
        "media.tar.gz",
    ]
    assert (backup.stat().st_mode & 0o777) == 0o700
    assert all((path.stat().st_mode & 0o777) == 0o600 for path in backup.iterdir())
    assert manifest["database"]["vendor"] == "postgresql"
    assert manifest["media"]["files"] == len(source_files)
    assert "0001_initial" in manifest["migrations"]["submissions"]
    assert json.loads((backup / "manifest.json").read_text()) == manifest
    for name, part in manifest["parts"].items():
        assert hashlib.sha256((backup / name).read_bytes()).hexdigest() == part["sha256"]
    if connection.settings_dict["PASSWORD"]:
        assert connection.settings_dict["PASSWORD"] not in json.dumps(manifest)

    name, url = empty_database
    restored_media = tmp_path / "restored-media"
    result = manage("restore_portal", str(backup), DATABASE_URL=url, MEDIA_ROOT=str(restored_media))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"and {len(source_files)} media files" in result.stdout

    source = table_digests(connection.settings_dict["NAME"])
    target = table_digests(name)
    assert source == target
    assert source["submissions_reply"][0] == Reply.objects.count() > 0
    assert source["submissions_answer"][0] == Answer.objects.count() > 0
    assert source["civil_society_contribution"][0] == Contribution.objects.count() > 0
    assert files_by_sha256(restored_media) == source_files

    # A second restore finds the database no longer empty: it refuses, and changes nothing.
    again = manage("restore_portal", str(backup), DATABASE_URL=url, MEDIA_ROOT=str(tmp_path / "other-media"))
    assert again.returncode != 0
    assert f"The database {name} is not empty" in again.stderr
    assert table_digests(name) == target
    assert not (tmp_path / "other-media").exists()

    # --force replaces what the target holds.
    forced = manage(
        "restore_portal", str(backup), "--force", DATABASE_URL=url, MEDIA_ROOT=str(restored_media)
    )
    assert forced.returncode == 0, forced.stdout + forced.stderr
    assert table_digests(name) == source
    assert files_by_sha256(restored_media) == source_files


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_tampered_backup_is_refused_before_anything_is_restored(media_root, tmp_path, empty_database):
    ReplyFactory()
    media_root.mkdir(parents=True)
    (media_root / "kept.pdf").write_bytes(PDF)
    backup = tmp_path / "backup"
    backup_create(output=backup)
    with (backup / "media.tar.gz").open("r+b") as archive:
        archive.seek(-1, os.SEEK_END)
        last = archive.read(1)
        archive.seek(-1, os.SEEK_END)
        archive.write(bytes([last[0] ^ 0xFF]))

    name, url = empty_database
    result = manage("restore_portal", str(backup), DATABASE_URL=url, MEDIA_ROOT=str(tmp_path / "restored"))
    assert result.returncode != 0
    assert "The part media.tar.gz is not the one the manifest describes" in result.stderr
    assert table_digests(name) == {}
    assert not (tmp_path / "restored").exists()


# Checks that need no second database.


@pytest.mark.django_db
def test_a_backup_goes_only_into_a_new_or_empty_folder(media_root, tmp_path):
    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "earlier.txt").write_text("keep me")
    with pytest.raises(Exception, match="is not an empty folder"):
        backup_create(output=occupied)
    assert [path.name for path in occupied.iterdir()] == ["earlier.txt"]


@pytest.mark.django_db(transaction=True)
def test_an_archive_that_would_write_outside_the_media_folder_is_refused_before_anything(
    media_root, tmp_path, monkeypatch
):
    """Even with checksums that match (a backup crafted whole): nothing is restored."""
    media_root.mkdir(parents=True)
    backup = tmp_path / "backup"
    backup_create(output=backup)
    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(evil, "w:gz") as archive:
        info = tarfile.TarInfo("../outside.txt")
        info.size = 4
        archive.addfile(info, fileobj=io.BytesIO(b"evil"))
    shutil.copy(evil, backup / "media.tar.gz")
    manifest = json.loads((backup / "manifest.json").read_text())
    manifest["parts"]["media.tar.gz"] = {
        "sha256": hashlib.sha256(evil.read_bytes()).hexdigest(),
        "bytes": evil.stat().st_size,
    }
    manifest["media"]["files"] = 1
    (backup / "manifest.json").write_text(json.dumps(manifest))
    written = []
    monkeypatch.setattr("backups.database.database_tables_drop", lambda: written.append("drop"))
    monkeypatch.setattr("backups.database.database_restore", lambda **kwargs: written.append("restore"))

    with pytest.raises(InvalidBackup, match=r"cannot be restored: \.\./outside\.txt"):
        backup_restore(source=backup, force=True)
    assert written == []
    assert not (tmp_path / "outside.txt").exists()


def test_a_folder_without_a_manifest_is_not_a_backup(tmp_path):
    (tmp_path / "database.dump").write_bytes(b"half a dump")
    result = manage("restore_portal", str(tmp_path), DATABASE_URL=f"sqlite:///{tmp_path / 'target.sqlite3'}")
    assert result.returncode != 0
    assert "holds no manifest.json: it is not a complete backup" in result.stderr
    assert (
        not (tmp_path / "target.sqlite3").exists()
        or not sqlite3.connect(tmp_path / "target.sqlite3")
        .execute("SELECT name FROM sqlite_master")
        .fetchall()
    )


# SQLite (`make run`): the online backup API, whole processes from migrate to restore.


def sqlite_rows(path: Path) -> dict[str, list]:
    with sqlite3.connect(path) as db:
        tables = [
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        return {table: sorted(map(repr, db.execute(f'SELECT * FROM "{table}"'))) for table in tables}


def test_on_sqlite_the_demo_is_backed_up_and_restored_whole(tmp_path):
    source = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'portal.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    for command in (("migrate", "-v0"), ("seed_demo", "--force", "-v0")):
        result = manage(*command, **source)
        assert result.returncode == 0, result.stderr
    (tmp_path / "media" / "attachments").mkdir(parents=True)
    (tmp_path / "media" / "attachments" / "law.pdf").write_bytes(PDF)

    result = manage("backup_portal", "--output", str(tmp_path / "backup"), **source)
    assert result.returncode == 0, result.stderr
    target = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'restored.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "restored"),
    }
    result = manage("restore_portal", str(tmp_path / "backup"), **target)
    assert result.returncode == 0, result.stderr

    rows = sqlite_rows(tmp_path / "restored.sqlite3")
    assert rows == sqlite_rows(tmp_path / "portal.sqlite3")
    assert len(rows["submissions_answer"]) > 0 and len(rows["civil_society_contribution"]) > 0
    assert files_by_sha256(tmp_path / "restored") == files_by_sha256(tmp_path / "media")
    assert manage("showmigrations", "--plan", **target).stdout.count("[ ]") == 0
