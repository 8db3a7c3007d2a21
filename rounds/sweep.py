"""The periodic sweep's work on rounds (DESIGN §3): each round moves to the phase its dates call for
(`rounds.phases`), before the other parts read the phases; held and closed rounds stay where they are.

It reads the rounds in one query and moves only those whose phase differs, each compared and set under a row
lock by `round_phase_follow` and recorded in the audit trail as the sweep's doing: a second run, or a
concurrent one, moves nothing more and writes no history.
"""

import datetime

from django.utils import timezone

from core.audit import recorded
from core.deadlines import STRASBOURG

from .models import Round
from .phases import phase_due, with_latest_extension
from .services import round_phase_follow


def phases_sweep(*, now: datetime.datetime) -> dict[str, int]:
    """Returns counts: `moved` (rounds moved now), `held` (held rounds whose dates call for another phase)."""
    today = timezone.localdate(now, STRASBOURG)
    rounds = with_latest_extension(Round.objects.exclude(status=Round.Status.CLOSED).order_by("pk"))
    moved = held = 0
    for round_ in rounds:
        due = phase_due(round=round_, on=today, latest_extension=round_.latest_extension)
        if due is None or due == round_.status:
            continue
        if round_.phase_held:
            held += 1
            continue
        with recorded(by=None, reason="deadline sweep"):
            moved += round_phase_follow(round=round_, now=now) is not None
    return {"moved": moved, "held": held}
