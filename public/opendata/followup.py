"""The follow-up of a round's recommendations in its open data: the recommendations each public follow-up
asks about (`follow_up_items`) and the Committee's adopted assessments of each Party
(`follow_up_assessments`), read through the follow-up's gate as an anonymous reader. Proposed assessments
never reach them, nor the requests for clarifications (addressed to a Party, not published)."""

from django.db.models import Prefetch

from core.viewers import PUBLIC
from followup.models import Assessment
from followup.selectors import assessments_visible_to, items_of
from rounds.models import Party, Round
from rounds.selectors import rounds_visible_to


def follow_up_tables(round: Round) -> dict[str, list[dict]]:
    """Two queries per follow-up of the round, and one to find them."""
    items, assessments = [], []
    for follow_up in rounds_visible_to(PUBLIC).filter(follows=round, demonstration=False).order_by("pk"):
        parties = Prefetch("question__parties", Party.objects.order_by("code").only("code"))
        items += [_item(follow_up, item) for item in items_of(PUBLIC, follow_up).prefetch_related(parties)]
        # The public gate gives adopted assessments only.
        adopted = (
            assessments_visible_to(PUBLIC)
            .filter(round=follow_up)
            .order_by("question__position", "party__code", "cycle", "adopted_on", "pk")
        )
        assessments += [_assessment(follow_up, assessment) for assessment in adopted]
    return {"follow_up_items": items, "follow_up_assessments": assessments}


def _item(follow_up: Round, item) -> dict:
    return {
        "round": follow_up.slug,
        "question": item.question.number,
        "reference": item.reference,
        "finding_id": item.finding_id,
        "statement_reference": item.statement.reference if item.statement_id else None,
        "parties": [party.code for party in item.question.parties.all()],
    }


def _assessment(follow_up: Round, assessment: Assessment) -> dict:
    return {
        "round": follow_up.slug,
        "question": assessment.question.number,
        "party": assessment.party.code,
        "cycle": assessment.cycle,
        "level": assessment.level,
        "reasoning": assessment.reasoning,
        "language": assessment.language,
        "meeting": assessment.adopted_at_meeting.number,
        "adopted_on": assessment.adopted_on.isoformat(),
    }
