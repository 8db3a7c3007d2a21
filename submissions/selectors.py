"""The one gate for reading replies, answers and attachments: who may see what (DESIGN §3).

The Secretariat sees every reply; a focal point sees its own Party's replies in every state and the
published replies of other Parties; everyone else sees published replies only.
"""

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from questionnaires.models import Question
from rounds.models import Participation, Party, Round
from rounds.selectors import party_of

from .errors import NotFound
from .models import Answer, Attachment, Reply


def replies_visible_to(user) -> QuerySet[Reply]:
    replies = Reply.objects.select_related("round", "party", "national_language")
    if user.is_authenticated and user.is_staff:
        return replies
    party = party_of(user)
    published = Q(state=Reply.State.PUBLISHED)
    return replies.filter(published | Q(party=party)) if party else replies.filter(published)


def answer_authors_visible_to(user, *, reply: Reply) -> bool:
    """Who saved an answer is for the Secretariat and the Party's focal points, not for public readers."""
    return (user.is_authenticated and user.is_staff) or party_of(user) == reply.party


def answers_visible_to(user) -> QuerySet[Answer]:
    return Answer.objects.filter(reply__in=replies_visible_to(user))


def attachments_visible_to(user) -> QuerySet[Attachment]:
    return Attachment.objects.filter(reply__in=replies_visible_to(user)).select_related("reply", "question")


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
        Participation.objects.filter(party=party)
        .exclude(round__status=Round.Status.PREPARATION)
        .select_related("round")
        .order_by("-round__reply_deadline", "-round__pk")
    )


def reply_progress(replies) -> dict[int, dict]:
    """Per reply id: questions answered, total, and required questions still unanswered, in two queries."""
    replies = list(replies)
    round_ids = {reply.round_id for reply in replies}
    totals = {
        row["questionnaire__round"]: row
        for row in Question.objects.filter(questionnaire__round__in=round_ids)
        .order_by()  # a default ordering would split the groups
        .values("questionnaire__round")
        .annotate(total=Count("pk"), required=Count("pk", filter=Q(required=True)))
    }
    answered = {
        row["reply"]: row
        for row in Answer.objects.filter(reply__in=replies)
        .exclude(text="")
        .order_by()
        .values("reply")
        .annotate(answered=Count("pk"), required=Count("pk", filter=Q(question__required=True)))
    }
    progress = {}
    for reply in replies:
        total = totals.get(reply.round_id, {"total": 0, "required": 0})
        done = answered.get(reply.pk, {"answered": 0, "required": 0})
        progress[reply.pk] = {
            "answered": done["answered"],
            "total": total["total"],
            "required_missing": total["required"] - done["required"],
        }
    return progress


def with_progress(replies: QuerySet[Reply]) -> QuerySet[Reply]:
    """Annotate `answered_count` and `question_count` in the same query, for list pages."""
    answered = (
        Answer.objects.filter(reply=OuterRef("pk"))
        .exclude(text="")
        .order_by()
        .values("reply")
        .annotate(n=Count("pk"))
        .values("n")
    )
    total = (
        Question.objects.filter(questionnaire__round=OuterRef("round"))
        .order_by()
        .values("questionnaire__round")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return replies.annotate(
        answered_count=Coalesce(Subquery(answered), 0), question_count=Coalesce(Subquery(total), 0)
    )


def questions_with_answers(*, reply: Reply) -> QuerySet[Question]:
    """The reply's questionnaire in order, each question with its answer (if any) and attachments."""
    return (
        Question.objects.filter(questionnaire__round=reply.round_id)
        .order_by("position")
        .prefetch_related(
            Prefetch(
                "answers",
                queryset=Answer.objects.filter(reply=reply).select_related("saved_by"),
                to_attr="answer_list",
            ),
        )
    )


def unanswered_required(*, reply: Reply) -> QuerySet[Question]:
    return (
        Question.objects.filter(questionnaire__round=reply.round_id, required=True)
        .exclude(pk__in=Answer.objects.filter(reply=reply).exclude(text="").values("question"))
        .order_by("position")
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
