"""Load a round's open-data JSON document (as downloaded from `/rounds/<slug>/open-data.json`) into a
database that does not hold that round. Refuses, changing nothing, when the file is not a document of this
format or the round, or any of its answers, contributions or findings, is already there."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from demo.opendata.checks import OpenDataError
from demo.opendata.restore import open_data_restore


class Command(BaseCommand):
    help = "Load a round's open-data JSON document into a database that does not hold that round."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path, help="The open-data JSON file.")

    def handle(self, *args, path: Path, **options) -> None:
        try:
            document = json.loads(path.read_text(encoding="utf-8-sig"))
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
        except (ValueError, UnicodeDecodeError) as error:
            raise CommandError(f"{path} is not a JSON file: {error}.") from error
        try:
            counts = open_data_restore(document=document)
        except OpenDataError as error:
            raise CommandError(str(error)) from error
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Loaded round {document['round']['slug']}: {summary}."))
