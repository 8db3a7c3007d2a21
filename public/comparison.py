"""One question of a round compared across Parties: every Party's published answer, side by side.

A question with sub-parts (6 with 6.1 and 6.1.a) is read as a whole: under each Party come its answers to
the question and to every sub-part, as in the questionnaire, because that is how Parties answer and how
readers compare. Each sub-part also has its own page.

Everything shown comes through the public gates (`PUBLIC`): published answers, acknowledged public
contributions. Beside each Party's answers come its reservations and declarations on the articles the
questions shown cite (Question 10 of the 2nd round asks about reservations to Article 20§3). Eight queries,
and a ninth when the questions cite articles, however many Parties, answers, sub-parts and contributions.
"""

import dataclasses
from collections import defaultdict

from django.db.models import Exists, F, OuterRef
from django.http import Http404
from django.urls import reverse

from civil_society.models import Contribution, ContributionItem
from civil_society.selectors import public_items_on
from core.viewers import PUBLIC
from questionnaires.models import Question, Theme
from questionnaires.selectors import addressed_to, questions_of
from rounds.models import Participation, Party, PartyStatement, Round
from rounds.names import sorted_by_name
from rounds.selectors import statements_on
from submissions.answer_html import TEXTS
from submissions.models import Answer, Reply
from submissions.selectors import answers_visible_to, replies_visible_to


@dataclasses.dataclass
class Entry:
    """A Party's answer to one question shown (the question itself or one of its sub-parts)."""

    question: Question
    answer: Answer | None
    comments: int
    commented_by: list[Contribution]  # the public comments counted, each linked by its organisations
    url: str  # the question on the Party's page
    is_heading: bool  # a question with sub-parts, which Parties often answer in its sub-parts only
    level: int  # 0 for the question compared, 1 for its sub-parts, 2 for theirs


@dataclasses.dataclass
class PartyAnswers:
    party: Party
    reply: Reply
    entries: list[Entry]
    statements: list[PartyStatement] = dataclasses.field(default_factory=list)  # on the articles cited

    @property
    def comments(self) -> int:
        return sum(entry.comments for entry in self.entries)

    @property
    def url(self) -> str:
        return self.entries[0].url


@dataclasses.dataclass
class Comparison:
    round: Round
    question: Question
    subparts: list[Question]  # every sub-part, at any depth, in questionnaire order
    previous: Question | None
    next: Question | None
    themes: list[tuple[str, list[Question]]]  # every question of the round, by theme, to jump to
    parties: list[Party]  # the Parties monitored, by name (the filter's choices)
    selected: list[str]  # the ISO codes the reader chose; empty for every Party
    answered: list[PartyAnswers]  # Parties with a published reply, by name
    unpublished: list[Party]  # Parties without one yet, by name
    # Public contributions of both kinds on the questions shown, concerning a Party chosen: each with its
    # items on these questions.
    contributions: list[tuple[Contribution, list[ContributionItem]]] = dataclasses.field(default_factory=list)
    # The reservations and declarations on the articles cited of the Parties without a published reply.
    unpublished_statements: list[PartyStatement] = dataclasses.field(default_factory=list)

    @property
    def shown(self) -> list[Question]:
        return [self.question, *self.subparts]


def question_in(questions: list[Question], number: str) -> Question:
    for question in questions:
        if question.number == number:
            return question
    raise Http404


def subparts_of(question: Question, questions: list[Question]) -> list[Question]:
    """The question's sub-parts at every depth, in questionnaire order (a sub-part follows its parent)."""
    inside, subparts = {question.pk}, []
    for candidate in questions:
        if candidate.parent_id in inside:
            inside.add(candidate.pk)
            subparts.append(candidate)
    return subparts


def by_theme(questions: list[Question]) -> list[tuple[str, list[Question]]]:
    """The questions grouped by theme, themes in the order they first appear in the questionnaire."""
    groups: dict[str, list[Question]] = {}
    for question in questions:
        groups.setdefault(question.theme, []).append(question)
    labels = dict(Theme.choices)
    return [(str(labels.get(theme, theme)), group) for theme, group in groups.items()]


def comparison(*, round: Round, number: str, party_codes: list[str] | None = None) -> Comparison:
    """The comparison page of question `number`, for the Parties chosen (every Party monitored when none).

    A question the round does not have, or a Party it does not monitor, is not found (404)."""
    questions = list(questions_of(round=round))
    question = question_in(questions, number)
    subparts = subparts_of(question, questions)
    shown = [question, *subparts]
    position = questions.index(question)
    after = [candidate for candidate in questions[position + 1 :] if candidate not in subparts]

    # The Parties monitored that the question is asked of (every one when it names none).
    asked = Exists(Question.objects.filter(addressed_to(OuterRef("party")), pk=question.pk))
    monitored = Participation.objects.filter(asked, round=round).select_related("party")
    parties = sorted_by_name(participation.party for participation in monitored)
    codes = {party.code for party in parties}
    selected = list(dict.fromkeys(code.strip().upper() for code in party_codes or [] if code.strip()))
    if any(code not in codes for code in selected):
        raise Http404
    wanted = [party for party in parties if not selected or party.code in selected]

    replies = {reply.party_id: reply for reply in replies_visible_to(PUBLIC).filter(round=round)}
    answers = {
        (answer.reply_id, answer.question_id): answer
        for answer in answers_visible_to(PUBLIC)
        .filter(
            addressed_to(F("reply__party"), prefix="question__"),
            reply__round=round,
            question__in=[q.pk for q in shown],
        )
        .defer(*TEXTS)  # the page shows their stored HTML
    }
    comments, contributions = _civil_society(round=round, questions=shown, parties=wanted)
    statements = defaultdict(list)
    for statement in statements_on(articles=_cited(shown), parties=wanted):
        statements[statement.party_id].append(statement)
    parents = {subpart.parent_id for subpart in subparts}

    answered, unpublished = [], []
    for party in wanted:
        reply = replies.get(party.pk)
        if reply is None:
            unpublished.append(party)
            continue
        page = reverse("party-reply", kwargs={"slug": round.slug, "iso2": party.code})
        entries = [
            Entry(
                question=shown_question,
                answer=answers.get((reply.pk, shown_question.pk)),
                comments=len(comments.get((party.pk, shown_question.pk), [])),
                commented_by=comments.get((party.pk, shown_question.pk), []),
                url=f"{page}#q-{shown_question.number}",
                is_heading=shown_question.pk in parents,
                level=shown_question.depth - question.depth,
            )
            for shown_question in shown
        ]
        answered.append(
            PartyAnswers(party=party, reply=reply, entries=entries, statements=statements.get(party.pk, []))
        )

    return Comparison(
        round=round,
        question=question,
        subparts=subparts,
        previous=questions[position - 1] if position > 0 else None,
        next=after[0] if after else None,
        themes=by_theme(questions),
        parties=parties,
        selected=selected,
        answered=answered,
        unpublished=unpublished,
        contributions=contributions,
        unpublished_statements=[
            statement for party in unpublished for statement in statements.get(party.pk, [])
        ],
    )


def _cited(questions: list[Question]) -> set[str]:
    return {article for question in questions for article in question.article_list}


def _civil_society(
    *, round: Round, questions: list[Question], parties: list[Party]
) -> tuple[dict[tuple[int, int], list[Contribution]], list[tuple[Contribution, list[ContributionItem]]]]:
    """The public comments per (Party, question), counted as the Party's page shows them (an item of a
    comment on its reply, `public_comment_items`); and every public contribution with items on these
    questions that concerns one of these Parties, with those items, oldest first."""
    wanted = {party.pk for party in parties}
    comments: dict[tuple[int, int], list[Contribution]] = defaultdict(list)
    contributions: dict[int, tuple[Contribution, list[ContributionItem]]] = {}
    for item in public_items_on(round=round, questions=questions):
        contribution = item.contribution
        concerned = [party.pk for party in contribution.parties.all() if party.pk in wanted]
        if not concerned:
            continue
        if contribution.kind == Contribution.Kind.COMMENT:
            for party in concerned:
                comments[party, item.question_id].append(contribution)
        contributions.setdefault(contribution.pk, (contribution, []))[1].append(item)
    ordered = sorted(contributions.values(), key=lambda entry: (_published_at(entry[0]), entry[0].pk))
    return dict(comments), ordered


def _published_at(contribution: Contribution):
    return contribution.acknowledged_at or contribution.created_at
