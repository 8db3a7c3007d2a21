"""`backup_portal --output DIR`: the database and the media files, with a manifest, into a new folder.

The folder holds every confidential contribution: it is created readable by its owner alone; keep it so.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.errors import BackupError
from backups.services import backup_create


class Command(BaseCommand):
    help = "Back up the database (pg_dump -Fc, or SQLite's backup API) and MEDIA_ROOT into a new folder."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, type=Path, help="A new or empty folder.")

    def handle(self, *, output: Path, **options):
        try:
            manifest = backup_create(output=output)
        except BackupError as error:
            raise CommandError(error.message) from error
        for name, part in sorted(manifest["parts"].items()):
            self.stdout.write(f"{name}: {part['bytes']} bytes, sha256 {part['sha256']}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the {manifest['database']['vendor']} database {manifest['database']['name']} and "
                f"{manifest['media']['files']} media files into {output}."
            )
        )
