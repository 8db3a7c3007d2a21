"""The phase a round's dates call for on a given day: a round runs by its dates (DESIGN §2).

Days are read on the Strasbourg calendar, like every deadline (`core.deadlines`): a date starts a phase at
the beginning of its day and a deadline ends one at the end of its day. The dates call for

- *report adopted* from the day the implementation report is adopted (`report_adopted_on`), whatever the
  other dates say;
- *evaluation* once the last day replies are collected has ended: the latest of the round's reply deadline,
  any Party's extended deadline and the civil-society deadline (organisations reply to the questionnaire
  too). Comments on a published reply run in that Party's own window and do not hold the round back;
- *collecting replies* from the day the questionnaire is adopted and sent (`questionnaire_adopted_on`) until
  then, with no end while the round has no reply deadline;
- *in preparation* before the day the questionnaire is adopted.

Missing dates say nothing: some historic dates are not sourced (the 1st round's adoption, the urgent
round's deadline). Without an adoption date the dates cannot tell preparation from collecting replies, and
call for a phase only once the known deadlines have passed (evaluation) or the report is adopted; a round
without any date is left at the phase it was given. No date says that a round is *closed*: closing is the
Secretariat's decision, and the dates never move a closed round. A round whose phase is held
(`Round.phase_held`) stays where the Secretariat put it.
"""

import datetime

from django.db.models import Max, QuerySet

from .models import Participation, Round

Status = Round.Status


def replies_last_day(*, round: Round, latest_extension: datetime.date | None) -> datetime.date | None:
    """The last day replies are collected: the latest of the round's deadline, the Parties' extensions and
    the civil-society deadline. None while the round has no reply deadline (the end is not known yet)."""
    if round.reply_deadline is None:
        return None
    return max(day for day in (round.reply_deadline, latest_extension, round.civil_society_deadline) if day)


def phase_due(*, round: Round, on: datetime.date, latest_extension: datetime.date | None) -> str | None:
    """The phase the round's dates call for on the Strasbourg day `on`, None when they cannot tell.

    `latest_extension` is the latest deadline a Party of the round was given (`latest_extension_of`)."""
    if round.report_adopted_on is not None and round.report_adopted_on <= on:
        return Status.REPORT_ADOPTED
    last_day = replies_last_day(round=round, latest_extension=latest_extension)
    if last_day is not None and on > last_day:
        return Status.EVALUATION
    if round.questionnaire_adopted_on is None:
        return None
    return Status.REPLIES if round.questionnaire_adopted_on <= on else Status.PREPARATION


def latest_extension_of(round: Round) -> datetime.date | None:
    if round.pk is None:
        return None
    return Participation.objects.filter(round=round).aggregate(latest=Max("deadline_extended_to"))["latest"]


def with_latest_extension(rounds: QuerySet[Round]) -> QuerySet[Round]:
    """The rounds, each with the latest deadline a Party was given (`latest_extension`), in the same query."""
    return rounds.annotate(latest_extension=Max("participations__deadline_extended_to"))
