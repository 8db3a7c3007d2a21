"""Where a finding's evidence can be read: each answer and comment it cites that the public may see, with the
anchor of the public page that shows it. The Party page, the factsheets and the API link a finding to these.

The evidence is read through the public gates (an anonymous viewer) whoever asks, because the links lead to
public pages: a comment made confidential after it was cited gives no link anywhere, nor does an answer of
a reply that is not published.

Where each piece is read: an answer on its Party's page, at `answer-<number>`; a comment on a reply on the
Party's page too, at its item on a question the finding rests on (its first item otherwise),
`contribution-<id>-q-<number>`; a reply of civil society to the questionnaire, or a contribution without
items, on its own page (at `q-<number>`). Every contribution cited also has its own page.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext as _

from civil_society.models import Contribution, ContributionItem
from civil_society.selectors import contributions_visible_to
from core.viewers import PUBLIC
from questionnaires.models import Question
from rounds.models import Party
from submissions.selectors import answers_visible_to

ANSWER, COMMENT = "answer", "comment"


@dataclass(frozen=True)
class Evidence:
    kind: str  # ANSWER or COMMENT (a contribution of either kind)
    party: Party | None  # whose reply the answer is, or the Party a comment is on (the first named)
    question: str  # the number of the question answered or commented on; "" for a contribution without items
    organisation: str  # comments: the lead organisation
    contribution: int | None  # comments: the contribution's id
    on_reply: bool  # comments: a comment on a reply, rather than a reply to the questionnaire
    page: str  # the path of the public page that shows it in context (active language)
    anchor: str  # the element's id on that page
    contribution_page: str  # comments: their own page, at the item cited; "" for answers

    @property
    def url(self) -> str:
        return f"{self.page}#{self.anchor}" if self.anchor else self.page

    @property
    def label(self) -> str:
        values = {"party": self.party.name if self.party else "", "number": self.question}
        if self.kind == ANSWER:
            return _("%(party)s, answer to question %(number)s") % values
        values["organisation"] = self.organisation
        if not self.question:
            return _("%(organisation)s, contribution") % values
        if self.on_reply:
            return _("%(organisation)s, comment on question %(number)s") % values
        return _("%(organisation)s, reply to question %(number)s") % values

    @property
    def label_within_party(self) -> str:
        """The label where the Party goes without saying (its own factsheet): its answers by question."""
        if self.kind == ANSWER:
            return _("its answer to question %(number)s") % {"number": self.question}
        return self.label

    @property
    def key(self) -> tuple:
        """What the evidence shows, the same in every language (a factsheet's data version includes it)."""
        party = self.party and self.party.code
        return (self.kind, party, self.question, self.organisation, self.contribution, self.on_reply)


def attach_evidence(findings: list) -> list:
    """Set `evidence` on each finding, answers first (by Party, then question), then comments; a constant
    number of queries however many findings."""
    # Evidence is named and linked, never quoted: the long texts stay in the database. Answers are read as
    # values, not models: a round's findings cite thousands, and the Parties are few.
    if not findings:
        return findings
    # Findings, or anything citing answers and contributions as findings do (a report's statements).
    field = type(findings[0])._meta.get_field("answers")
    source, answer = field.m2m_field_name(), field.m2m_reverse_field_name()
    cited = (
        field.remote_field.through.objects.filter(
            **{f"{source}__in": findings, f"{answer}__in": answers_visible_to(PUBLIC).values("pk")}
        )
        .order_by(f"{answer}__reply__party__code", f"{answer}__question__position")
        .values_list(
            f"{source}_id",
            f"{answer}__reply__party_id",
            f"{answer}__question__number",
            f"{answer}__reply__round__slug",
        )
    )
    answers = defaultdict(list)
    for finding_id, party_id, number, round_slug in cited:
        answers[finding_id].append((party_id, number, round_slug))
    parties = Party.objects.in_bulk({party_id for pieces in answers.values() for party_id, _n, _s in pieces})
    items = (
        ContributionItem.objects.select_related("question").defer("text").order_by("question__position", "pk")
    )
    comments = (
        contributions_visible_to(PUBLIC)
        .defer("general_text", "children_involvement")
        .select_related("round", "organisation")
        .prefetch_related(Prefetch("parties", Party.objects.order_by("code")), Prefetch("items", items))
    )
    prefetch_related_objects(
        findings,
        Prefetch("contributions", comments.order_by("acknowledged_at", "pk"), to_attr="_comments"),
        Prefetch("questions", Question.objects.only("pk"), to_attr="_questions"),
    )
    for finding in findings:
        rests_on = {question.pk for question in finding._questions}
        finding.evidence = [
            _answer(parties[party_id], number, round_slug)
            for party_id, number, round_slug in answers[finding.pk]
        ] + [_comment(contribution, rests_on) for contribution in finding._comments]
    return findings


def _party_page(round_slug: str, party: Party) -> str:
    return reverse("party-reply", kwargs={"slug": round_slug, "iso2": party.code})


def _answer(party: Party, number: str, round_slug: str) -> Evidence:
    return Evidence(
        kind=ANSWER,
        party=party,
        question=number,
        organisation="",
        contribution=None,
        on_reply=False,
        page=_party_page(round_slug, party),
        anchor=f"answer-{number}",
        contribution_page="",
    )


def _comment(contribution: Contribution, rests_on: set[int]) -> Evidence:
    items = list(contribution.items.all())
    item = next((item for item in items if item.question_id in rests_on), items[0] if items else None)
    number = item.question.number if item else ""
    party = next(iter(contribution.parties.all()), None)
    own_page = reverse("public-contribution", kwargs={"slug": contribution.round.slug, "pk": contribution.pk})
    own_anchor = f"q-{number}" if item else ""
    on_reply = contribution.kind == Contribution.Kind.COMMENT
    # A comment on a reply is read under the question it concerns on the Party's page.
    on_party_page = on_reply and party is not None and item is not None
    return Evidence(
        kind=COMMENT,
        party=party,
        question=number,
        organisation=contribution.organisation.name,
        contribution=contribution.pk,
        on_reply=on_reply,
        page=_party_page(contribution.round.slug, party) if on_party_page else own_page,
        anchor=f"contribution-{contribution.pk}-q-{number}" if on_party_page else own_anchor,
        contribution_page=f"{own_page}#{own_anchor}" if own_anchor else own_page,
    )
