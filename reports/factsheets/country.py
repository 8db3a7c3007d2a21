"""A country factsheet is about its Party: its status in the round; the findings that name it (recommendations
with their grade, promising practices, challenges), each by its operative first paragraph and the Party's own
evidence, the rest a link away in the thematic factsheet; its national-language version and the public
civil-society input on it; then the findings addressed to every Party, listed by title and grade, each
pointing to the thematic factsheet (and the report, once there is one) where it stands in full.
"""

import re

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from civil_society.models import Contribution, ContributionItem
from civil_society.selectors import public_contributions_on
from core.viewers import PUBLIC
from questionnaires.models import Theme
from rounds.models import Participation, Party, Round
from submissions.selectors import replies_visible_to

from ..evidence import attach_evidence
from ..models import Finding
from ..selectors import concerning, with_figures
from .content import GRADES, KIND_HEADINGS, Built, cover, public_findings, version_of
from .links import report_key, report_path, site_url, thematic_url

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _by_grade_then_position(finding: Finding) -> tuple:
    grade = GRADES.index(finding.grade) if finding.grade in GRADES else len(GRADES)
    return (grade, finding.position, finding.pk)


def country(round: Round, party: Party, *, language: str) -> Built:
    reply = (
        replies_visible_to(PUBLIC)
        .filter(round=round, party=party)
        .select_related("national_language")
        .first()
    )
    participation = Participation.objects.filter(round=round, party=party).first()
    monitored = Participation.objects.filter(round=round).count()
    findings = attach_evidence(
        list(
            with_figures(concerning(public_findings(round), party_code=party.code)).order_by("position", "pk")
        )
    )
    contributions = list(
        public_contributions_on(round=round, party=party)
        .select_related("organisation")
        .prefetch_related(Prefetch("items", _items()))
        .order_by("acknowledged_at", "pk")
    )
    # Named: addressed to the Party among the Parties it lists. General: addressed to every Party monitored.
    own = [f for f in findings if not f.applies_to_all]
    general = [f for f in findings if f.applies_to_all]
    for finding in own:
        _digest(finding, party=party, round=round, language=language)
    for finding in general:
        finding.own_evidence = _own_evidence(finding, party)

    portal_url = site_url(reverse("party-reply", kwargs={"slug": round.slug, "iso2": party.code}))
    report = report_path(round)
    title = _("%(party)s — %(round)s") % {"party": party.name, "round": round.label}
    context = {
        **cover(round=round, language=language),
        "party": party,
        "reply": reply,
        "national": _national(reply, portal_url),
        "deadline": participation.reply_deadline if participation else round.reply_deadline,
        "monitored_count": monitored,
        "recommendations": sorted(
            (f for f in own if f.kind == Finding.Kind.RECOMMENDATION), key=_by_grade_then_position
        ),
        "practices": [f for f in own if f.kind == Finding.Kind.PROMISING_PRACTICE],
        "challenges": [f for f in own if f.kind == Finding.Kind.CHALLENGE],
        "general": _general_by_theme(general, round=round, language=language),
        "general_count": len(general),
        "contributions": [_contribution(c, round=round) for c in contributions],
        "contribution_count": len(contributions),
        "portal_url": portal_url,
        "report_url": site_url(report) if report else "",
        "title": title,
        "heading": party.name,
        "description": _("Country factsheet of the Lanzarote Committee: %(party)s in %(round)s.")
        % {"party": party.name, "round": round.label},
    }
    version = country_version(
        findings=findings,
        reply=reply,
        contributions=[contribution_key(c) for c in contributions],
        deadline=context["deadline"],
        report=report_key(round),
    )
    return Built("reports/factsheet_country.html", context, version, title)


def _own_evidence(finding: Finding, party: Party) -> list:
    return [e for e in finding.evidence if e.party is not None and e.party.pk == party.pk]


def _digest(finding: Finding, *, party: Party, round: Round, language: str) -> None:
    """A finding naming the Party, as its country factsheet gives it: the operative first paragraph and the
    Party's own evidence, the rest a link away in the thematic factsheet of its theme. One without a theme
    stands in no thematic factsheet, and one of a paragraph has no rest: each is given here in full, with all
    its evidence (the Party's own first)."""
    lead, *rest = PARAGRAPH_BREAK.split(finding.text.strip(), maxsplit=1)
    own = _own_evidence(finding, party)
    links = [(piece, piece.label_within_party) for piece in own]
    if finding.theme and rest:
        finding.lead = lead
        finding.full_url = thematic_url(round=round, theme=finding.theme, language=language)
    else:
        finding.lead, finding.full_url = finding.text, ""
        links += [(piece, piece.label) for piece in finding.evidence if piece not in own]
    finding.evidence_links = links


def _items() -> QuerySet[ContributionItem]:
    return ContributionItem.objects.select_related("question").order_by("question__position", "pk")


def _national(reply, portal_url: str) -> dict | None:
    """The reply's national-language version: the language's name in the reader's language and in its own."""
    if reply is None or reply.national_language is None:
        return None
    language = reply.national_language
    try:
        own_name = get_language_info(language.code)["name_local"]
    except KeyError:
        own_name = ""
    return {
        "name": language.name,
        "own_name": own_name if own_name.casefold() != str(language.name).casefold() else "",
        "code": language.code,
        "url": f"{portal_url}?versions=national",
    }


def _general_by_theme(findings: list[Finding], *, round: Round, language: str) -> list[dict]:
    """Findings addressed to every Party, by theme in the questionnaire's order: those of a theme point to its
    thematic factsheet; those without a theme stand in no thematic factsheet, so they are given in full."""
    groups = []
    for theme, label in [*Theme.choices, ("", _("other questions"))]:
        of_theme = [f for f in findings if f.theme == theme]
        if of_theme:
            groups.append(
                {
                    "theme": theme,
                    "label": label,
                    "findings": sorted(
                        of_theme, key=lambda f: (list(KIND_HEADINGS).index(f.kind), f.position)
                    ),
                    "url": thematic_url(round=round, theme=theme, language=language) if theme else "",
                }
            )
    return groups


def _contribution(contribution: Contribution, *, round: Round) -> dict:
    return {
        "organisation": contribution.organisation.name,
        "on_reply": contribution.kind == Contribution.Kind.COMMENT,
        "questions": [item.question.number for item in contribution.items.all()],
        "url": site_url(reverse("public-contribution", kwargs={"slug": round.slug, "pk": contribution.pk})),
    }


def contribution_key(contribution: Contribution) -> tuple:
    """What a country factsheet shows of a public contribution on its Party (`items` prefetched)."""
    return (
        contribution.pk,
        contribution.organisation.name,
        contribution.kind,
        [item.question.number for item in contribution.items.all()],
    )


def contribution_items() -> QuerySet[ContributionItem]:
    """The items to prefetch on contributions before `contribution_key` (the refresh uses it too)."""
    return _items()


def country_version(
    *, findings: list[Finding], reply, contributions: list[tuple], deadline, report: str = ""
) -> str:
    """What a country factsheet is built from (the same in both languages); shared with the refresh.
    `findings` have their `evidence` attached; `contributions` are `contribution_key`s, in any order."""
    payload = {
        "findings": [
            (f.pk, f.updated_at, f.figure_count, f.applies_to_all, [e.key for e in f.evidence])
            for f in findings
        ],
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
        "contributions": sorted(contributions),
        "deadline": deadline,
        "report": report,
    }
    return version_of(payload)
