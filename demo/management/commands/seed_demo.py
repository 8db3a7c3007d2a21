from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.services import demo_logins, demo_seed


class Command(BaseCommand):
    help = (
        "Load the demo data: 48 Parties, the three real rounds, the 2nd round's questions, replies, comments "
        "and findings, demo users, and a live demonstration round (dates counted from its first seed)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Seed even when DEBUG is off.")

    def handle(self, *args, force: bool, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this looks like production. Pass --force to seed demo data anyway."
            )
        report = demo_seed()
        created = ", ".join(f"{count} {kind}" for kind, count in report.created.items() if count)
        self.stdout.write(self.style.SUCCESS(f"Demo data ready ({created or 'nothing new'})."))
        self.stdout.write(f"Demo log-ins (password: {settings.DEMO_PASSWORD}):")
        for username, role in demo_logins():
            self.stdout.write(f"  {username:<12} {role}")
