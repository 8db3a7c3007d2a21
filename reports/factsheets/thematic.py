"""A thematic factsheet keeps every finding of its theme in full: its grade, text and evidence, its figure
and the Parties behind it."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from questionnaires.models import Theme
from rounds.models import Party, Round
from rounds.names import sorted_by_name

from ..evidence import attach_evidence
from ..models import Finding
from ..selectors import with_figures
from .content import KIND_HEADINGS, Built, cover, public_findings, round_half, version_of
from .links import site_url


def thematic(round: Round, theme: str, *, language: str) -> Built:
    monitored = list(
        Party.objects.filter(participations__round=round).order_by("code").only("code", "name_en", "name_fr")
    )
    findings = attach_evidence(
        list(
            with_figures(public_findings(round).filter(theme=theme))
            .prefetch_related(Prefetch("parties", Party.objects.order_by("code")))
            .order_by("position", "pk")
        )
    )
    rows = []
    for finding in findings:
        parties = monitored if finding.applies_to_all else list(finding.parties.all())
        share = finding.figure_count / len(monitored) if monitored else 0
        rows.append(
            {
                "finding": finding,
                "parties": [] if finding.applies_to_all else sorted_by_name(parties),
                "count": finding.figure_count,
                "share": round_half(100 * share),
            }
        )
    theme_label = Theme(theme).label
    heading = str(theme_label).capitalize()
    title = _("%(theme)s — %(round)s") % {"theme": heading, "round": round.label}
    kinds = [
        (heading_, [row for row in rows if row["finding"].kind == kind])
        for kind, heading_ in KIND_HEADINGS.items()
    ]
    context = {
        **cover(round=round, language=language),
        "theme_label": theme_label,
        "rows": rows,
        "kinds": kinds,
        "kind_counts": [
            (len(of_kind), _counted(kind, len(of_kind)))
            for kind, (_heading, of_kind) in zip(KIND_HEADINGS, kinds, strict=True)
        ],
        "monitored_count": len(monitored),
        "portal_url": site_url(reverse("round-detail", kwargs={"slug": round.slug})),
        "title": title,
        "heading": heading,
        "description": _("Thematic factsheet of the Lanzarote Committee: %(theme)s in %(round)s.")
        % {"theme": theme_label, "round": round.label},
    }
    version = thematic_version(findings=findings, monitored=monitored)
    return Built("reports/factsheet_thematic.html", context, version, title)


def _counted(kind: str, count: int) -> str:
    """The words after a number of findings of a kind, on the first page."""
    if kind == Finding.Kind.RECOMMENDATION:
        return ngettext("recommendation adopted", "recommendations adopted", count)
    if kind == Finding.Kind.PROMISING_PRACTICE:
        return ngettext("promising practice noted", "promising practices noted", count)
    return ngettext("challenge noted", "challenges noted", count)


def thematic_version(*, findings: list[Finding], monitored: list[Party]) -> str:
    """What a thematic factsheet is built from (the same in both languages); shared with the refresh.
    `findings` have their Parties prefetched in code order and their `evidence` attached."""
    payload = {
        "findings": [
            (
                f.pk,
                f.updated_at,
                f.figure_count,
                [p.code for p in (monitored if f.applies_to_all else f.parties.all())],
                [e.key for e in f.evidence],
            )
            for f in findings
        ],
        "monitored": [p.code for p in monitored],
    }
    return version_of(payload)
