"""The one gate for reading findings (DESIGN §3), and their computed figures.

The Secretariat sees every finding, drafts included. Everyone else — the public, the Parties, civil
society — sees adopted findings of rounds that are public, and nothing else.
"""

from collections.abc import Iterable

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, When
from django.db.models.functions import Coalesce

from core.viewers import PUBLIC, Viewer
from questionnaires.models import Theme
from rounds.models import Participation, Party, Round
from rounds.names import party_sort_key
from rounds.selectors import in_rounds_visible_to

from .models import Factsheet, Finding


def findings_visible_to(viewer: Viewer) -> QuerySet[Finding]:
    if viewer.is_authenticated and viewer.is_staff:
        return Finding.objects.all()
    return Finding.objects.filter(in_rounds_visible_to(viewer), state=Finding.State.ADOPTED)


def _count(queryset, group_by: str) -> Subquery:
    return Coalesce(
        Subquery(
            queryset.order_by().values(group_by).annotate(n=Count("pk")).values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def with_figures(findings: QuerySet[Finding]) -> QuerySet[Finding]:
    """Annotate `figure_count`, in the same query: the Parties linked, or every Party monitored in the round
    when the finding concerns them all."""
    linked = _count(Finding.parties.through.objects.filter(finding=OuterRef("pk")), "finding")
    monitored = _count(Participation.objects.filter(round=OuterRef("round")), "round")
    return findings.annotate(
        figure_count=Case(
            When(applies_to_all=True, then=monitored), default=linked, output_field=IntegerField()
        )
    )


def finding_parties_count(finding: Finding) -> int:
    """One finding's figure, for a page that shows a single finding."""
    if finding.applies_to_all:
        return Participation.objects.filter(round=finding.round_id).count()
    return finding.parties.count()


def concerning(findings: QuerySet[Finding], *, party_code: str) -> QuerySet[Finding]:
    """Findings naming the Party, or concerning all Parties of a round the Party is monitored in."""
    code = party_code.strip().upper()
    named = Finding.parties.through.objects.filter(party__code=code).values("finding")
    monitored = Participation.objects.filter(round=OuterRef("round"), party__code=code)
    return findings.filter(Q(pk__in=named) | (Q(applies_to_all=True) & Exists(monitored)))


def findings_of_party(*, round: Round, party: Party) -> QuerySet[Finding]:
    """A Party's adopted findings in a round, for its country factsheet and page."""
    return with_figures(concerning(findings_visible_to(PUBLIC).filter(round=round), party_code=party.code))


def factsheets_visible_to(viewer: Viewer) -> QuerySet[Factsheet]:
    """Rendered factsheets of the rounds the viewer may see (their content is public by construction)."""
    return (
        Factsheet.objects.filter(in_rounds_visible_to(viewer), rendered_at__isnull=False)
        .exclude(file="")
        .select_related("round", "party")
    )


_THEME_ORDER = {theme: index for index, theme in enumerate(Theme.values)}


def factsheets_in_reading_order(factsheets: Iterable[Factsheet]) -> list[Factsheet]:
    """Factsheets of one round as lists show them: thematic ones first, in the questionnaire's order of
    themes, then country ones by the Party's name in the reader's language (not by code); then language."""
    return sorted(
        factsheets,
        key=lambda sheet: (
            sheet.kind != Factsheet.Kind.THEMATIC,
            _THEME_ORDER.get(sheet.theme, -1),
            party_sort_key(sheet.party) if sheet.party else ("", ""),
            sheet.language,
        ),
    )
