"""Country and thematic factsheets: what they show, and rendering them to a stored PDF.

A factsheet is public: everything in it is read as an anonymous reader reads it, through the same gates as
the portal's pages (adopted findings, the published reply, acknowledged public contributions). Nothing
confidential and no draft can reach it, whoever triggers the rendering.
"""

import datetime
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models import Prefetch, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from civil_society.selectors import public_contributions_on
from core.viewers import PUBLIC
from questionnaires.models import Theme
from rounds.models import Participation, Party, Round
from rounds.names import sorted_by_name
from submissions.selectors import replies_visible_to

from .errors import InvalidFactsheet
from .evidence import attach_evidence
from .models import Factsheet, Finding
from .pdf import html_to_pdf
from .selectors import concerning, findings_visible_to, with_figures

AUTHOR = "Council of Europe \N{EN DASH} Lanzarote Committee"
BAR_WIDTH = 240  # px of the SVG bar at 100 %
STYLESHEET = "css/factsheet.css"  # relative to the static folder, the PDF's base URL


@dataclass
class Built:
    template: str
    context: dict
    data_version: str
    title: str = ""
    extra: dict = field(default_factory=dict)


# Section headings of a thematic factsheet, in the order the Committee's reports use.
KIND_HEADINGS = {
    Finding.Kind.RECOMMENDATION: _lazy("Recommendations"),
    Finding.Kind.PROMISING_PRACTICE: _lazy("Promising practices"),
    Finding.Kind.CHALLENGE: _lazy("Challenges"),
}


def public_findings(round: Round) -> QuerySet[Finding]:
    return findings_visible_to(PUBLIC).filter(round=round)


def _version(payload: object) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def _site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def themes_with_findings(round: Round) -> list[str]:
    """The themes a thematic factsheet is due for: those of the round's adopted findings."""
    themes = set(public_findings(round).exclude(theme="").values_list("theme", flat=True))
    return [value for value in Theme.values if value in themes]


def _country(round: Round, party: Party) -> Built:
    reply = replies_visible_to(PUBLIC).filter(round=round, party=party).first()
    participation = Participation.objects.filter(round=round, party=party).select_related("round").first()
    findings = attach_evidence(
        list(
            with_figures(concerning(public_findings(round), party_code=party.code)).order_by("position", "pk")
        )
    )
    contributions = public_contributions_on(round=round, party=party).count()

    recommendations = []
    for grade, grade_label in Finding.Grade.choices:
        of_grade = [f for f in findings if f.kind == Finding.Kind.RECOMMENDATION and f.grade == grade]
        if not of_grade:
            continue
        themes = [
            (theme_label, [f for f in of_grade if f.theme == theme])
            for theme, theme_label in [*Theme.choices, ("", _("other questions"))]
        ]
        recommendations.append((grade_label, [(label, items) for label, items in themes if items]))

    title = _("%(party)s — %(round)s") % {"party": party.name, "round": round.label}
    context = {
        "round": round,
        "party": party,
        "reply": reply,
        "deadline": participation.reply_deadline if participation else round.reply_deadline,
        "recommendations": recommendations,
        "practices": [f for f in findings if f.kind == Finding.Kind.PROMISING_PRACTICE],
        "challenges": [f for f in findings if f.kind == Finding.Kind.CHALLENGE],
        "contribution_count": contributions,
        "portal_url": _site_url(reverse("party-reply", kwargs={"slug": round.slug, "iso2": party.code})),
        "site_url": _site_url(""),
        "title": title,
        "description": _("Country factsheet of the Lanzarote Committee: %(party)s in %(round)s.")
        % {"party": party.name, "round": round.label},
    }
    version = country_version(
        findings=findings, reply=reply, contributions=contributions, deadline=context["deadline"]
    )
    return Built("reports/factsheet_country.html", context, version, title)


def country_version(*, findings: list[Finding], reply, contributions: int, deadline) -> str:
    """What a country factsheet is built from (the same in both languages); shared with the refresh.
    `findings` have their `evidence` attached."""
    payload = {
        "findings": [(f.pk, f.updated_at, f.figure_count, [e.key for e in f.evidence]) for f in findings],
        "reply": reply
        and (
            reply.pk,
            reply.state,
            reply.submitted_at,
            reply.published_on,
            reply.is_late,
            reply.national_language_id,
            reply.updated_at,
        ),
        "contributions": contributions,
        "deadline": deadline,
    }
    return _version(payload)


def _thematic(round: Round, theme: str) -> Built:
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
                "parties": sorted_by_name(parties),
                "count": finding.figure_count,
                "bar": round_half(BAR_WIDTH * share),
                "percent": round_half(100 * share),
            }
        )
    theme_label = Theme(theme).label
    title = _("%(theme)s — %(round)s") % {"theme": str(theme_label).capitalize(), "round": round.label}
    context = {
        "round": round,
        "theme_label": theme_label,
        "rows": rows,
        "kinds": [
            (heading, [row for row in rows if row["finding"].kind == kind])
            for kind, heading in KIND_HEADINGS.items()
        ],
        "monitored_count": len(monitored),
        "bar_width": BAR_WIDTH,
        "portal_url": _site_url(reverse("round-list")),
        "site_url": _site_url(""),
        "title": title,
        "description": _("Thematic factsheet of the Lanzarote Committee: %(theme)s in %(round)s.")
        % {"theme": theme_label, "round": round.label},
    }
    version = thematic_version(findings=findings, monitored=monitored)
    return Built("reports/factsheet_thematic.html", context, version, title)


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
    return _version(payload)


def round_half(value: float) -> float:
    return round(value, 1)


def _build(
    *, round: Round, kind: str, party: Party | None, theme: str, language: str, stylesheet: str = STYLESHEET
) -> Built:
    if language not in Factsheet.Language.values:
        raise InvalidFactsheet(_("Factsheets are in English or French."), field="language")
    with translation.override(language):
        if kind == Factsheet.Kind.COUNTRY:
            if party is None or theme:
                raise InvalidFactsheet(_("A country factsheet is about one Party."), field="party")
            if not Participation.objects.filter(round=round, party=party).exists():
                raise InvalidFactsheet(_("This Party is not monitored in this round."), field="party")
            built = _country(round, party)
        elif kind == Factsheet.Kind.THEMATIC:
            if party is not None or theme not in Theme.values:
                raise InvalidFactsheet(_("A thematic factsheet is about one theme."), field="theme")
            built = _thematic(round, theme)
        else:
            raise InvalidFactsheet(_("Choose a country or a thematic factsheet."), field="kind")
        built.context.update({"language": language, "author": AUTHOR, "stylesheet": stylesheet})
        built.extra["html"] = render_to_string(built.template, built.context)
    return built


def factsheet_html(
    *,
    round: Round,
    kind: str,
    party: Party | None = None,
    theme: str = "",
    language: str,
    stylesheet: str = STYLESHEET,
) -> str:
    """The HTML a factsheet is rendered from (the benchmark's baseline); with the stylesheet's URL on the
    site, the admin's preview of it in a browser."""
    built = _build(
        round=round, kind=kind, party=party, theme=theme or "", language=language, stylesheet=stylesheet
    )
    return built.extra["html"]


def factsheet_render(
    *,
    round: Round,
    kind: str,
    party: Party | None = None,
    theme: str | None = None,
    language: str,
    force: bool = False,
) -> Factsheet:
    """Render and store a factsheet; a factsheet already rendered from the same data is left as it is, and
    so is one that another process is rendering (it claimed it: `rendering_since`)."""
    built = _build(round=round, kind=kind, party=party, theme=theme or "", language=language)
    factsheet, _created = Factsheet.objects.get_or_create(
        round=round, kind=kind, party=party, theme=theme or "", language=language
    )
    if (
        not force
        and factsheet.file
        and not factsheet.is_stale
        and factsheet.data_version == built.data_version
        and factsheet.file.storage.exists(factsheet.file.name)
    ):
        if factsheet.queued_at:
            factsheet.queued_at = None
            factsheet.save(update_fields=["queued_at", "updated_at"])
        return factsheet
    if not _claim(factsheet):
        return factsheet
    try:
        pdf = html_to_pdf(built.extra["html"])
    except BaseException:  # a time limit too: the claim goes, and the refresh queues the rendering again
        Factsheet.objects.filter(pk=factsheet.pk).update(rendering_since=None)
        raise
    if factsheet.file:
        factsheet.file.storage.delete(factsheet.file.name)
    factsheet.file.save("factsheet.pdf", ContentFile(pdf.content), save=False)
    factsheet.sha256 = hashlib.sha256(pdf.content).hexdigest()
    factsheet.pages = pdf.pages
    factsheet.data_version = built.data_version
    factsheet.rendered_at = timezone.now()
    factsheet.is_stale = False
    factsheet.pending_version = ""
    factsheet.stale_since = None
    factsheet.queued_at = factsheet.rendering_since = None
    factsheet.save()
    return factsheet


def _claim(factsheet: Factsheet) -> bool:
    """Take the rendering, unless a live one holds it: a conditional update, atomic on every database, that
    holds no transaction open while WeasyPrint works. A claim older than the task's time limit (and margin)
    was left by a worker that died, and is taken over."""
    now = timezone.now()
    expired = now - datetime.timedelta(seconds=settings.FACTSHEET_REQUEUE_AFTER_SECONDS)
    claimed = (
        Factsheet.objects.filter(pk=factsheet.pk)
        .filter(Q(rendering_since__isnull=True) | Q(rendering_since__lt=expired))
        .update(rendering_since=now)
    )
    factsheet.rendering_since = now if claimed else factsheet.rendering_since
    return bool(claimed)


def factsheets_due(round: Round) -> Iterable[tuple[str, str, str]]:
    """(kind, key, language) of every factsheet of a round: each Party monitored, each theme with adopted
    findings, in English and in French."""
    codes = (
        Participation.objects.filter(round=round)
        .order_by("party__code")
        .values_list("party__code", flat=True)
    )
    subjects = [(Factsheet.Kind.COUNTRY.value, code) for code in codes]
    subjects += [(Factsheet.Kind.THEMATIC.value, theme) for theme in themes_with_findings(round)]
    return [(kind, key, language) for kind, key in subjects for language in Factsheet.Language.values]


def factsheet_render_by_key(
    *, round: Round, kind: str, key: str, language: str, force: bool = False
) -> Factsheet:
    if kind == Factsheet.Kind.COUNTRY:
        party = Party.objects.filter(code=key.upper()).first()
        if party is None:
            raise InvalidFactsheet(_("No Party has the code %(code)s.") % {"code": key}, field="party")
        return factsheet_render(round=round, kind=kind, party=party, language=language, force=force)
    return factsheet_render(round=round, kind=kind, theme=key, language=language, force=force)
