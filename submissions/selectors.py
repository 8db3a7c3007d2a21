"""The one gate for reading replies, answers and attachments: who may see what (DESIGN §3).

The Secretariat sees every reply; a focal point sees its own Party's replies in every state and the
published replies of other Parties; everyone else (`PUBLIC`) sees published replies only; none but the
Secretariat sees a reply of a round still in preparation.
"""

import dataclasses
from collections import Counter

from django.db.models import Count, F, Func, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from core.viewers import PUBLIC, Viewer
from questionnaires.models import Question
from questionnaires.selectors import addressed_to
from rounds.models import Participation, Party, Round
from rounds.selectors import in_rounds_visible_to, party_of

from .errors import NotFound
from .models import Answer, Attachment, Reply

# A required question is complete when its answer has text in the official language (spaces are not text)
# or is marked "no information available".
ANSWER_COMPLETE = Q(no_information=True) | Q(text__regex=r"\S")


def replies_visible_to(viewer: Viewer) -> QuerySet[Reply]:
    replies = Reply.objects.select_related("round", "party", "national_language")
    if viewer.is_authenticated and viewer.is_staff:
        return replies
    party = party_of(viewer)
    visible = Q(state=Reply.State.PUBLISHED)
    if party:
        visible |= Q(party=party)
    return replies.filter(visible, in_rounds_visible_to(viewer))


def answer_authors_visible_to(viewer: Viewer, *, reply: Reply) -> bool:
    """Who saved an answer is for the Secretariat and the Party's focal points, not for public readers."""
    return (viewer.is_authenticated and viewer.is_staff) or party_of(viewer) == reply.party


def answers_visible_to(viewer: Viewer) -> QuerySet[Answer]:
    return Answer.objects.filter(reply__in=replies_visible_to(viewer))


def attachments_visible_to(viewer: Viewer) -> QuerySet[Attachment]:
    return Attachment.objects.filter(reply__in=replies_visible_to(viewer)).select_related("reply", "question")


def participation_for_editing(*, user, round: Round, party_code: str) -> Participation:
    """The participation a focal point may write for: their own Party's, in a round it is monitored in."""
    party = party_of(user)
    if party is None or party.code != party_code.upper():
        raise NotFound()
    participation = (
        Participation.objects.select_related("round", "party").filter(round=round, party=party).first()
    )
    if participation is None:
        raise NotFound()
    return participation


def participations_of(party: Party) -> QuerySet[Participation]:
    """The rounds a Party is monitored in, newest first, with its reply and the reply's progress."""
    return (
        Participation.objects.filter(in_rounds_visible_to(PUBLIC), party=party)  # not rounds in preparation
        .select_related("round")
        .order_by("-round__reply_deadline", "-round__pk")
    )


def reply_progress(replies) -> dict[int, dict]:
    """Per reply id: questions answered (or marked no information available), those marked, the total, and
    required questions still missing, in two queries."""
    replies = list(replies)
    # The questions asked of each reply's Party, counted beside the reply (a Party may be asked only some).
    totals = {
        row["pk"]: row
        for row in Reply.objects.filter(pk__in=[reply.pk for reply in replies])
        .annotate(
            total=_count(_questions_asked()),
            required=_count(_questions_asked().filter(required=True)),
        )
        .values("pk", "total", "required")
    }
    answered = {
        row["reply"]: row
        for row in Answer.objects.filter(
            ANSWER_COMPLETE, addressed_to(F("reply__party"), prefix="question__"), reply__in=replies
        )
        .order_by()
        .values("reply")
        .annotate(
            answered=Count("pk"),
            no_information=Count("pk", filter=Q(no_information=True)),
            required=Count("pk", filter=Q(question__required=True)),
        )
    }
    progress = {}
    for reply in replies:
        total = totals.get(reply.pk, {"total": 0, "required": 0})
        done = answered.get(reply.pk, {"answered": 0, "no_information": 0, "required": 0})
        progress[reply.pk] = {
            "answered": done["answered"],
            "no_information": done["no_information"],
            "total": total["total"],
            "required_missing": total["required"] - done["required"],
        }
    return progress


def _count(queryset: QuerySet) -> Coalesce:
    """The rows of a correlated queryset, counted in a subquery (a plain COUNT, without grouping)."""
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Coalesce(Subquery(counted), 0)


def _questions_asked() -> QuerySet[Question]:
    """The questions of the outer reply's round asked of its Party, for a correlated count."""
    return Question.objects.filter(addressed_to(OuterRef("party")), questionnaire__round=OuterRef("round"))


def with_completeness(replies: QuerySet[Reply]) -> QuerySet[Reply]:
    """Annotate, in the same query, for list pages: `answered_count` and `question_count` (every question
    asked of the reply's Party), `missing_count` (required questions neither answered nor marked) and
    `no_information_count`."""
    questions = _questions_asked()
    answers = Answer.objects.filter(
        ANSWER_COMPLETE, addressed_to(F("reply__party"), prefix="question__"), reply=OuterRef("pk")
    )
    return replies.annotate(
        answered_count=_count(answers),
        question_count=_count(questions),
        no_information_count=_count(answers.filter(no_information=True)),
        missing_count=_count(questions.filter(required=True))
        - _count(answers.filter(question__required=True)),
    )


@dataclasses.dataclass(frozen=True)
class Completeness:
    """A reply's required questions, in questionnaire order: how many are answered, which are marked no
    information available, which are missing (neither)."""

    answered: int
    no_information: list[Question]
    missing: list[Question]

    @property
    def is_complete(self) -> bool:
        return not self.missing

    @property
    def missing_numbers(self) -> list[str]:
        return [question.number for question in self.missing]


def reply_completeness(*, reply: Reply) -> Completeness:
    """Counted over the required questions asked of the reply's Party."""
    required = list(
        Question.objects.filter(
            addressed_to(reply.party_id), questionnaire__round=reply.round_id, required=True
        ).order_by("position")
    )
    marked = dict(
        Answer.objects.filter(ANSWER_COMPLETE, reply=reply, question__in=required).values_list(
            "question_id", "no_information"
        )
    )
    return Completeness(
        answered=sum(1 for no_information in marked.values() if not no_information),
        no_information=[question for question in required if marked.get(question.pk) is True],
        missing=[question for question in required if question.pk not in marked],
    )


def answer_states(*, reply: Reply, questions: list[Question]) -> dict[int, str]:
    """Per question id, in one query, as `reply_completeness` counts it (ANSWER_COMPLETE): "answered",
    "no_information", else "missing" for a required question and "unanswered" for another."""
    complete = dict(
        Answer.objects.filter(ANSWER_COMPLETE, reply=reply, question__in=questions).values_list(
            "question_id", "no_information"
        )
    )
    return {
        question.pk: (
            ("no_information" if complete[question.pk] else "answered")
            if question.pk in complete
            else ("missing" if question.required else "unanswered")
        )
        for question in questions
    }


def progress_of(states: dict[int, str]) -> dict:
    """`reply_progress` of one reply counted from its `answer_states`, without a query."""
    counts = Counter(states.values())
    return {
        "answered": counts["answered"] + counts["no_information"],
        "no_information": counts["no_information"],
        "total": len(states),
        "required_missing": counts["missing"],
    }


def questions_with_answers(*, reply: Reply, unread: tuple[str, ...] = ()) -> QuerySet[Question]:
    """The reply's questionnaire in order (the questions asked of its Party), each question with its answer
    (if any) and attachments; the answers' fields named in `unread` (the texts or their HTML, megabytes
    in a long reply) are left in the database."""
    answers = Answer.objects.filter(reply=reply).select_related("saved_by").defer(*unread)
    return (
        Question.objects.filter(addressed_to(reply.party_id), questionnaire__round=reply.round_id)
        .order_by("position")
        .prefetch_related(Prefetch("answers", queryset=answers, to_attr="answer_list"))
    )


def reply_receipts(*, round: Round) -> dict[int, tuple]:
    """{Party id: (received at, late)} of the round's replies that reached the Secretariat, whatever their
    state since. That a reply was received, when, and whether late, is public (the Committee's status tables
    list it) before the reply is: nothing else of an unpublished reply is read here."""
    received = Reply.objects.filter(round=round, submitted_at__isnull=False).order_by()
    return {
        party_id: (at, late)
        for party_id, at, late in received.values_list("party_id", "submitted_at", "is_late")
    }
