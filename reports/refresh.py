"""Keeping rendered factsheets current: a factsheet whose public data changed is marked stale, and rendered
again once that data has held still for FACTSHEET_REFRESH_DEBOUNCE_SECONDS (a Secretariat officer adopting
ten findings in a row causes one rendering, not ten). A rendering queued (`queued_at`) and still not done
FACTSHEET_REQUEUE_AFTER_SECONDS later was lost with a killed worker or a broker that refused it: the refresh
queues it again. The database finds that work, not the broker's redelivery an hour later.

Versions are computed for a whole round at once, from the same inputs and with the same functions as the
rendering (`factsheets.country_version`, `factsheets.thematic_version`), so both always agree.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch

from civil_society.selectors import public_contributions
from core.viewers import PUBLIC
from questionnaires.models import Theme
from rounds.models import Participation, Party, Round
from submissions.selectors import replies_visible_to

from .evidence import attach_evidence
from .factsheets import (
    contribution_items,
    contribution_key,
    country_version,
    public_findings,
    thematic_version,
)
from .factsheets.links import report_key
from .models import Factsheet
from .selectors import with_figures


def current_versions(round: Round) -> dict[tuple[str, str], str]:
    """{(kind, key): data version} of every factsheet subject of the round (each Party monitored, each theme
    whether it has adopted findings or no longer has any), in a constant number of queries."""
    participations = list(
        Participation.objects.filter(round=round).select_related("party", "round").order_by("party__code")
    )
    monitored = [participation.party for participation in participations]
    findings = attach_evidence(
        list(
            with_figures(public_findings(round))
            .prefetch_related(Prefetch("parties", Party.objects.order_by("code")))
            .order_by("position", "pk")
        )
    )
    replies = {
        reply.party_id: reply for reply in replies_visible_to(PUBLIC).filter(round=round).order_by("pk")
    }
    contributions: dict[int, list[tuple]] = {}
    for contribution in (
        public_contributions(round=round)
        .select_related("organisation")
        .prefetch_related("parties", Prefetch("items", contribution_items()))
    ):
        for party in contribution.parties.all():
            contributions.setdefault(party.pk, []).append(contribution_key(contribution))
    report = report_key(round)

    versions = {}
    for participation in participations:
        party = participation.party
        concerning = [f for f in findings if f.applies_to_all or party in f.parties.all()]
        versions[(Factsheet.Kind.COUNTRY.value, party.code)] = country_version(
            findings=concerning,
            reply=replies.get(party.pk),
            contributions=contributions.get(party.pk, []),
            deadline=participation.reply_deadline,
            report=report,
        )
    for theme in Theme.values:
        versions[(Factsheet.Kind.THEMATIC.value, theme)] = thematic_version(
            findings=[f for f in findings if f.theme == theme], monitored=monitored
        )
    return versions


def factsheets_to_refresh(*, now: datetime.datetime) -> list[Factsheet]:
    """Mark the rendered factsheets whose data changed as stale, and return those whose data has held still
    for the debounce period: they are to be rendered again. A factsheet returned is not returned again for
    another debounce period, so a busy PDF queue is not flooded with repeats."""
    debounce = datetime.timedelta(seconds=settings.FACTSHEET_REFRESH_DEBOUNCE_SECONDS)
    due = []
    rendered = Factsheet.objects.exclude(file="").select_related("round", "party")
    rounds = Round.objects.filter(pk__in=rendered.values("round")).order_by("pk")
    for round in rounds:
        versions = current_versions(round)
        with transaction.atomic():
            for factsheet in rendered.filter(round=round).select_for_update(of=("self",)):
                # A Party no longer monitored in the round keeps its last rendering; a theme whose
                # findings were all withdrawn is rendered again, without them.
                version = versions.get((factsheet.kind, factsheet.key))
                if version is None or version == factsheet.data_version:
                    if factsheet.is_stale or factsheet.pending_version:
                        _set(factsheet, is_stale=False, pending_version="", stale_since=None)
                elif version != factsheet.pending_version:
                    _set(factsheet, is_stale=True, pending_version=version, stale_since=now)
                elif factsheet.stale_since is None or now - factsheet.stale_since >= debounce:
                    _set(factsheet, stale_since=now, queued_at=now)
                    due.append(factsheet)
    return due + _lost(now=now)


def _lost(*, now: datetime.datetime) -> list[Factsheet]:
    """The renderings queued long enough ago to have been done, and not being done: queued again."""
    lost_before = now - datetime.timedelta(seconds=settings.FACTSHEET_REQUEUE_AFTER_SECONDS)
    with transaction.atomic():
        lost = list(
            Factsheet.objects.filter(queued_at__lt=lost_before)
            .exclude(rendering_since__gte=lost_before)
            .select_related("round", "party")
            .select_for_update(of=("self",), skip_locked=True)
        )
        for factsheet in lost:
            _set(factsheet, queued_at=now)
    return lost


def factsheets_mark_queued(*, round: Round, due: list[tuple[str, str, str]], now: datetime.datetime) -> None:
    """Record the renderings about to be queued (`(kind, key, language)`), making the rows of factsheets
    never rendered, so that the refresh finds any the workers do not finish."""
    parties = {party.code: party for party in Party.objects.filter(participations__round=round)}
    for kind, key, language in due:
        subject = {"party": parties.get(key.upper())} if kind == Factsheet.Kind.COUNTRY else {"theme": key}
        if subject.get("party", True) is None:
            continue  # not monitored: the rendering refuses it
        factsheet, _created = Factsheet.objects.get_or_create(
            round=round, kind=kind, language=language, **subject
        )
        _set(factsheet, queued_at=now)


def _set(factsheet: Factsheet, **fields) -> None:
    for name, value in fields.items():
        setattr(factsheet, name, value)
    factsheet.save(update_fields=[*fields, "updated_at"])
