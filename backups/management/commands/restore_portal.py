"""`restore_portal DIR`: a folder written by `backup_portal`, into an empty database and media folder.

Every part is checked against the manifest's SHA-256 first. The target database (DATABASE_URL) and
MEDIA_ROOT must be empty: `--force` replaces what they hold. Stop the web processes and workers first.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.errors import BackupError
from backups.services import backup_restore


class Command(BaseCommand):
    help = "Restore a backup_portal folder into an empty database and an empty MEDIA_ROOT."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="The folder backup_portal wrote.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the content of a database or media folder that is not empty.",
        )

    def handle(self, *, folder: Path, force: bool, **options):
        try:
            restored = backup_restore(source=folder, force=force)
        except BackupError as error:
            raise CommandError(error.message) from error
        manifest = restored.manifest
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created_at']}: the {manifest['database']['vendor']} "
                f"database and {restored.media_files} media files."
            )
        )
        if restored.migrations_pending:
            self.stdout.write(
                self.style.WARNING(
                    f"{restored.migrations_pending} migrations of this version are not applied yet: "
                    "run `python manage.py migrate`."
                )
            )
