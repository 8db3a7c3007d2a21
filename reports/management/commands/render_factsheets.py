"""`render_factsheets --round SLUG`: every country and thematic factsheet of a round, in EN and FR.

The factsheets are rendered by the "pdf" workers in parallel; the command prints each as it completes (it
watches the factsheets' `rendered_at`). `--sync` renders them here, one after the other; `--no-wait` only
queues them; `--force` renders again those already current.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from reports.factsheets import factsheet_render_by_key, factsheets_due
from reports.models import Factsheet
from reports.refresh import factsheets_mark_queued
from reports.tasks import factsheet_render_task
from rounds.models import Round


class Command(BaseCommand):
    help = "Render every factsheet of a round (country and thematic, English and French)."

    def add_arguments(self, parser):
        parser.add_argument("--round", required=True, dest="slug", help="The round's slug.")
        parser.add_argument("--sync", action="store_true", help="Render in this process, not on the workers.")
        parser.add_argument("--no-wait", action="store_true", help="Queue them for the workers and return.")
        parser.add_argument("--force", action="store_true", help="Render again those already current.")
        parser.add_argument("--timeout", type=float, default=1800, help="Seconds to wait for the workers.")

    def handle(self, *, slug: str, sync: bool, no_wait: bool, force: bool, timeout: float, **options):
        round_ = Round.objects.filter(slug=slug).first()
        if round_ is None:
            raise CommandError(f"No round has the slug {slug!r}.")
        due = factsheets_due(round_)
        total = len(due)
        self.stdout.write(f"{total} factsheets to render for {round_.slug}.")
        started = timezone.now()
        if sync:
            for number, (kind, key, language) in enumerate(due, start=1):
                began = time.monotonic()
                sheet = factsheet_render_by_key(
                    round=round_, kind=kind, key=key, language=language, force=force
                )
                self.stdout.write(
                    f"[{number}/{total}] {kind} {key} {language}: {sheet.pages} pages, "
                    f"{time.monotonic() - began:.2f} s"
                )
            self.stdout.write(self.style.SUCCESS(f"Done: {total} factsheets."))
            return

        factsheets_mark_queued(round=round_, due=due, now=started)  # the refresh finds any left undone
        for kind, key, language in due:
            factsheet_render_task.delay(round_.pk, kind, key, language, force)
        if no_wait:
            self.stdout.write(self.style.SUCCESS(f"Queued: {total} factsheets."))
            return
        self._watch(round_, due, started, timeout, force=force)

    def _watch(self, round_, due, started, timeout: float, *, force: bool) -> None:
        wanted = Q()
        for kind, key, language in due:
            subject = Q(party__code=key) if kind == Factsheet.Kind.COUNTRY else Q(theme=key)
            wanted |= Q(kind=kind, language=language) & subject
        seen: set[int] = set()
        deadline = time.monotonic() + timeout
        while len(seen) < len(due):
            # A factsheet already up to date is not rendered again (unless forced): count it as done once its
            # row is there and not stale.
            current = (
                Q(rendered_at__gte=started) if force else Q(rendered_at__gte=started) | Q(data_version__gt="")
            )
            done = (
                Factsheet.objects.filter(wanted, round=round_, is_stale=False)
                .filter(current)
                .exclude(pk__in=seen)
                .select_related("party")
            )
            for sheet in done:
                seen.add(sheet.pk)
                self.stdout.write(
                    f"[{len(seen)}/{len(due)}] {sheet.kind} {sheet.key} {sheet.language}: {sheet.pages} pages"
                )
            if len(seen) < len(due):
                if time.monotonic() > deadline:
                    raise CommandError(f"Timed out: {len(seen)} of {len(due)} factsheets rendered.")
                time.sleep(1)
        self.stdout.write(self.style.SUCCESS(f"Done: {len(due)} factsheets."))
