"""The question workspace, the Rapporteur's desk: every Party's published answer to a question of a round
(and to its sub-parts), with its attachments and the public comments on it, the public replies to the
questionnaire on it, and — for the Secretariat and the question's Rapporteur — the confidential
contributions addressed to the Committee.

Everything is read through the gates (`evidence_answers_visible_to`, `evidence_items_visible_to`, the
published replies and attachments everyone reads), then narrowed by round, question and Party only. A fixed
number of queries, however many Parties, answers and contributions.
"""

import dataclasses
import re
from collections import defaultdict

from django.db.models import Prefetch, Q
from django.http import Http404
from django.urls import reverse

from civil_society.models import Contribution, ContributionItem, CoSignature
from core.viewers import PUBLIC, Viewer
from questionnaires.models import Question
from questionnaires.selectors import questions_of
from rounds.models import Participation, Party, Round
from rounds.names import sorted_by_name
from submissions.models import Answer, Attachment, Reply
from submissions.selectors import attachments_visible_to, replies_visible_to

from .models import Observation, Rapporteur
from .selectors import (
    evidence_answers_visible_to,
    evidence_items_visible_to,
    may_write_observation,
    observations_visible_to,
    rapporteurs_of,
)

# The filters of the workspace's `show` parameter.
SHOW_ALL, SHOW_ANSWERED, SHOW_DATA = "", "answered", "data"
SHOWS = (SHOW_ALL, SHOW_ANSWERED, SHOW_DATA)

_FIGURE = re.compile(r"\d")


@dataclasses.dataclass
class Entry:
    """A Party's answer to one question shown (the question itself or one of its sub-parts)."""

    question: Question
    answer: Answer | None
    attachments: list[Attachment]
    comments: list[ContributionItem]  # the public comments on this answer
    url: str  # the answer on the Party's public page
    level: int

    @property
    def answered(self) -> bool:
        return bool(self.answer and (self.answer.text.strip() or self.answer.no_information))

    @property
    def has_data(self) -> bool:
        """Figures in the answer, or documents attached to it."""
        if self.attachments:
            return True
        return bool(self.answer and _FIGURE.search(self.answer.text + " " + self.answer.national_text))


@dataclasses.dataclass
class PartyAnswers:
    party: Party
    reply: Reply
    entries: list[Entry]
    documents: list[Attachment]  # attached to the whole reply


@dataclasses.dataclass
class Workspace:
    round: Round
    question: Question
    subparts: list[Question]
    questions: list[Question]  # every question of the round, to jump to
    rapporteur: Rapporteur | None
    parties: list[Party]  # the Parties monitored, by name (the filter's choices)
    selected: list[str]  # the ISO codes chosen; empty for every Party
    show: str
    answered: list[PartyAnswers]
    without_reply: list[Party]
    public_replies: list[tuple[Contribution, list[ContributionItem]]]  # replies to the questionnaire
    confidential: list[tuple[Contribution, list[ContributionItem]]]  # for those who may read them
    observations: list[Observation]  # on this question
    writable: list[Observation]  # those the viewer may quote into

    @property
    def shown(self) -> list[Question]:
        return [self.question, *self.subparts]


def _subparts(question: Question, questions: list[Question]) -> list[Question]:
    inside, subparts = {question.pk}, []
    for candidate in questions:
        if candidate.parent_id in inside:
            inside.add(candidate.pk)
            subparts.append(candidate)
    return subparts


def workspace(
    *, viewer: Viewer, round: Round, number: str, party_codes: list[str] | None = None, show: str = ""
) -> Workspace:
    """The workspace of question `number` for `viewer`, for the Parties chosen (all when none) and the
    answers wanted (`show`: all, answered, with data). An unknown question or Party is 404."""
    questions = list(questions_of(round=round))
    question = next((q for q in questions if q.number == number), None)
    if question is None:
        raise Http404
    subparts = _subparts(question, questions)
    shown = [question, *subparts]
    shown_ids = [q.pk for q in shown]

    monitored = Participation.objects.filter(round=round).select_related("party")
    parties = sorted_by_name(participation.party for participation in monitored)
    codes = {party.code for party in parties}
    selected = list(dict.fromkeys(code.strip().upper() for code in party_codes or [] if code.strip()))
    if any(code not in codes for code in selected):
        raise Http404
    wanted = [party for party in parties if not selected or party.code in selected]
    show = show if show in SHOWS else SHOW_ALL

    replies = {reply.party_id: reply for reply in replies_visible_to(PUBLIC).filter(round=round)}
    answers = {
        (answer.reply_id, answer.question_id): answer
        for answer in evidence_answers_visible_to(viewer).filter(reply__round=round, question__in=shown_ids)
    }
    attachments: dict[tuple[int, int | None], list[Attachment]] = defaultdict(list)
    on_shown = Q(question__in=shown_ids) | Q(question__isnull=True)  # or on the whole reply
    for attachment in (
        attachments_visible_to(PUBLIC).filter(on_shown, reply__round=round).order_by("created_at")
    ):
        attachments[attachment.reply_id, attachment.question_id].append(attachment)

    items = (
        _with_listing(evidence_items_visible_to(viewer))
        .filter(contribution__round=round, question__in=shown_ids)
        .order_by("question__position", "contribution__acknowledged_at", "pk")
    )
    wanted_ids = {party.pk for party in wanted}
    comments: dict[tuple[int, int], list[ContributionItem]] = defaultdict(list)
    public_replies: dict[int, tuple[Contribution, list[ContributionItem]]] = {}
    confidential: dict[int, tuple[Contribution, list[ContributionItem]]] = {}
    for item in items:
        contribution = item.contribution
        _name_co_signers(contribution)
        concerned = [party.pk for party in contribution.parties.all() if party.pk in wanted_ids]
        if not concerned and not (
            contribution.kind == Contribution.Kind.QUESTIONNAIRE_REPLY and not selected
        ):
            continue
        if not contribution.is_public:
            confidential.setdefault(contribution.pk, (contribution, []))[1].append(item)
        elif contribution.kind == Contribution.Kind.COMMENT:
            for party in concerned:
                comments[party, item.question_id].append(item)
        else:
            public_replies.setdefault(contribution.pk, (contribution, []))[1].append(item)

    answered, without_reply = [], []
    for party in wanted:
        reply = replies.get(party.pk)
        if reply is None:
            without_reply.append(party)
            continue
        page = reverse("party-reply", kwargs={"slug": round.slug, "iso2": party.code})
        entries = [
            Entry(
                question=shown_question,
                answer=answers.get((reply.pk, shown_question.pk)),
                attachments=attachments.get((reply.pk, shown_question.pk), []),
                comments=comments.get((party.pk, shown_question.pk), []),
                url=f"{page}#q-{shown_question.number}",
                level=shown_question.depth - question.depth,
            )
            for shown_question in shown
        ]
        if show == SHOW_ANSWERED and not any(entry.answered for entry in entries):
            continue
        if show == SHOW_DATA and not any(entry.has_data for entry in entries):
            continue
        answered.append(
            PartyAnswers(
                party=party, reply=reply, entries=entries, documents=attachments.get((reply.pk, None), [])
            )
        )

    observations = list(
        observations_visible_to(viewer).filter(round=round, questions=question).order_by("pk")
    )
    return Workspace(
        round=round,
        question=question,
        subparts=subparts,
        questions=questions,
        rapporteur=rapporteurs_of(round).filter(question=question).first(),
        parties=parties,
        selected=selected,
        show=show,
        answered=answered,
        without_reply=without_reply,
        public_replies=list(public_replies.values()),
        confidential=list(confidential.values()),
        observations=observations,
        writable=[
            observation
            for observation in observations
            if observation.state != Observation.State.EXAMINED and may_write_observation(viewer, observation)
        ],
    )


def _with_listing(items):
    """Items with their contribution as a listing names it: its round, lead, Parties and the co-signers who
    confirmed (`confirmed_co_signatures`, as `public/_contribution_by.html` reads them)."""
    return items.select_related("contribution__round").prefetch_related(
        Prefetch("contribution__parties", Party.objects.order_by("code")),
        Prefetch(
            "contribution__co_signatures",
            CoSignature.objects.select_related("organisation").order_by("organisation__name"),
        ),
    )


def _name_co_signers(contribution: Contribution) -> None:
    if not hasattr(contribution, "confirmed_co_signatures"):
        contribution.confirmed_co_signatures = [
            signature
            for signature in contribution.co_signatures.all()
            if signature.state == CoSignature.State.CONFIRMED
        ]
