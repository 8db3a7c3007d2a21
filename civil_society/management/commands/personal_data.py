"""`personal_data export USERNAME [--output FILE]` writes the person's data as JSON (to standard output by
default); `personal_data erase USERNAME [--yes] [--by STAFF_USERNAME]` lists what goes and what stays, asks
for confirmation unless `--yes`, and erases. `--by` names the staff member recorded as having erased it
(otherwise the audit trail records the system)."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from civil_society.personal_data import personal_data_erase, personal_data_erasure_plan, personal_data_json
from core.errors import DomainError

User = get_user_model()


class Command(BaseCommand):
    help = "Export or erase the personal data of an organisation's member (GDPR requests)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export", help="Write the person's data as JSON.")
        export.add_argument("username")
        export.add_argument("--output", type=Path, help="The file to write (default: standard output).")
        erase = actions.add_parser(
            "erase", help="Erase the person's data; their organisation keeps its work."
        )
        erase.add_argument("username")
        erase.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")
        erase.add_argument("--by", help="The user name of the staff member who handles the request.")

    def handle(self, *, action: str, username: str, **options):
        user = _user(username)
        try:
            if action == "export":
                self._export(user, options["output"])
            else:
                self._erase(user, yes=options["yes"], by=_staff(options["by"]) if options["by"] else None)
        except DomainError as error:
            raise CommandError(error.message) from None

    def _export(self, user, output: Path | None) -> None:
        document = personal_data_json(user=user)
        if output is None:
            self.stdout.write(document)
            return
        output.write_text(document + "\n", encoding="utf-8")
        self.stderr.write(f"Written to {output}.")

    def _erase(self, user, *, yes: bool, by) -> None:
        plan = personal_data_erasure_plan(user=user)
        self.stdout.write(f"Erased from the account {user.username}:")
        for label, count in plan.erased:
            self.stdout.write(f"  {count:>5}  {label}")
        self.stdout.write("Kept, attributed to the organisation:")
        for label, count in plan.kept:
            self.stdout.write(f"  {count:>5}  {label}")
        if not yes and input("Erase? This cannot be undone. [y/N] ").strip().lower() not in ("y", "yes"):
            raise CommandError("Nothing erased.")
        erased = personal_data_erase(user=user, by=by)
        self.stdout.write(self.style.SUCCESS(f"Erased: the account is now {erased.username}."))


def _user(username: str):
    user = User.objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"No user has the user name {username!r}.")
    return user


def _staff(username: str):
    user = _user(username)
    if not user.is_staff:
        raise CommandError(f"{username} is not a member of the Secretariat's staff.")
    return user
