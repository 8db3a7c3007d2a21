"""The follow-up of recommendations in the demo (`data/followup.py` holds the texts).

- The urgent round: its 5 "urge" recommendations (paraphrased), restored as adopted findings of the round
  like the 2nd round's, then followed up through the services as the Secretariat would: the exercise, the
  assessments adopted at the 23rd meeting (March 2019) in each level, and one clarification cycle, asked of a
  Party not in compliance and assessed again at the 31st meeting (2021), each dated when it happened. The
  follow-up is past its replies: its status is written as history.
- The demonstration round: the follow-up of its adopted recommendation, open for the replies of the Party
  concerned (Portugal: `focal-pt`), with one assessment proposed and not adopted.

Each exercise is written once: a later seed finds it there and leaves it.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.audit import bulk_update_recorded
from core.deadlines import STRASBOURG
from evaluation.models import Meeting
from followup.models import Assessment, Clarification
from followup.services import (
    assessment_adopt,
    assessment_propose,
    clarification_request,
    clarification_response_submit,
    exercise_create,
)
from questionnaires.models import Question
from reports.models import Finding
from rounds.models import Party, Round
from submissions.models import Answer, Reply

from .data import followup as data
from .data.demonstration import SLUG as DEMONSTRATION
from .evaluation import MEETING_OPENS
from .services import SeedReport, sync_row


def followup_seed(report: SeedReport) -> None:
    secretariat = get_user_model().objects.get(username="secretariat")
    _seed_urgent(report, by=secretariat)
    _seed_demonstration(report, by=secretariat)


def _strasbourg(moment: datetime.datetime) -> datetime.datetime:
    return moment.replace(tzinfo=STRASBOURG)


# --- The urgent round ------------------------------------------------------------------------------------


def _seed_urges(report: SeedReport, *, round_: Round, by) -> None:
    """The special report's "urge" recommendations, as adopted findings of the round (history rows)."""
    monitored = {party.code: party for party in Party.objects.filter(participations__round=round_)}
    adopted_at = _strasbourg(data.URGES_ADOPTED_AT)
    for position, entry in enumerate(data.URGES):
        finding = sync_row(
            report,
            "findings",
            Finding,
            round=round_,
            title_en=entry["title_en"],
            defaults={
                "kind": Finding.Kind.RECOMMENDATION,
                "grade": Finding.Grade.URGES,
                "title_fr": entry["title_fr"],
                "text_en": data.DEMO_NOTE_EN + entry["text_en"],
                "text_fr": data.DEMO_NOTE_FR + entry["text_fr"],
                "theme": entry["theme"],
                "applies_to_all": False,
                "position": position,
                "state": Finding.State.ADOPTED,
                "adopted_at": adopted_at,
                "adopted_by": by,
                "created_by": by,
            },
        )
        parties = [monitored[code] for code in entry["parties"]]
        if set(finding.parties.all()) != set(parties):
            finding.parties.set(parties)
        if finding.created_at != adopted_at or finding.updated_at != adopted_at:
            # The row's timestamps say when it was adopted (with its history row).
            finding.created_at = finding.updated_at = adopted_at
            bulk_update_recorded(Finding, [finding], ["created_at", "updated_at"])


def _seed_urgent(report: SeedReport, *, by) -> None:
    urgent = Round.objects.get(slug=data.URGENT_ROUND)
    _seed_urges(report, round_=urgent, by=by)
    if Round.objects.filter(follows=urgent, kind=Round.Kind.FOLLOW_UP).exists():
        return
    follow_up = exercise_create(
        round=urgent, grades=("urges",), reply_deadline=data.URGENT_REPLY_DEADLINE, by=by
    )
    report.count("follow-ups", True)
    # Past its replies: the Committee assesses (history, as the round's admin would record it).
    sync_row(report, "rounds", Round, pk=follow_up.pk, defaults={"status": Round.Status.EVALUATION})
    questions = list(Question.objects.filter(questionnaire__round=follow_up).order_by("position"))
    parties = {party.code: party for party in Party.objects.filter(participations__round=follow_up)}
    assessed = Meeting.objects.get(number=data.ASSESSED_AT_MEETING)
    for (position, code), level in data.LEVELS.items():
        assessment = assessment_propose(
            round=follow_up,
            question=questions[position - 1],
            party=parties[code],
            level=level,
            reasoning=data.REASONING[level],
            by=by,
        )
        assessment_adopt(assessment=assessment, meeting=assessed, adopted_on=data.ASSESSED_ON, by=by)
        report.count("assessments", True)
    entry = data.CLARIFICATION
    question, party = questions[entry["recommendation"] - 1], parties[entry["party"]]
    clarification = clarification_request(
        round=follow_up,
        question=question,
        party=party,
        request=entry["request"],
        due_on=entry["due_on"],
        by=by,
        now=_strasbourg(entry["requested_at"]),
    )
    report.count("clarifications", True)
    # The Party's focal point answered before the due day; the next cycle's assessment rests on it.
    clarification_response_submit(
        clarification=clarification,
        body=entry["response"],
        by=get_user_model().objects.get(username=f"focal-{party.code.lower()}"),
        now=_strasbourg(entry["responded_at"]),
    )
    again = assessment_propose(
        round=follow_up,
        question=question,
        party=party,
        level=entry["level"],
        reasoning=entry["reasoning"],
        by=by,
    )
    assessment_adopt(
        assessment=again,
        meeting=Meeting.objects.get(number=data.CLARIFIED_AT_MEETING),
        adopted_on=data.CLARIFIED_ON,
        by=by,
    )
    report.count("assessments", True)
    _backdate_urgent(follow_up)


def _backdate_urgent(follow_up: Round) -> None:
    """The assessments and the request are dated when they were made: the day adopted, the day asked (the
    services date the rows today; their adoption and request dates are the ones they were given)."""
    assessments = list(Assessment.objects.filter(round=follow_up))
    for assessment in assessments:
        moment = datetime.datetime.combine(assessment.adopted_on, MEETING_OPENS, tzinfo=STRASBOURG)
        assessment.created_at = assessment.updated_at = moment
    bulk_update_recorded(Assessment, assessments, ["created_at", "updated_at"])
    clarifications = list(Clarification.objects.filter(round=follow_up))
    for clarification in clarifications:
        clarification.created_at = _strasbourg(data.CLARIFICATION["requested_at"])
        clarification.updated_at = _strasbourg(data.CLARIFICATION["responded_at"])
    bulk_update_recorded(Clarification, clarifications, ["created_at", "updated_at"])


# --- The demonstration round -----------------------------------------------------------------------------


def _seed_demonstration(report: SeedReport, *, by) -> None:
    demonstration = Round.objects.get(slug=DEMONSTRATION)
    if Round.objects.filter(follows=demonstration, kind=Round.Kind.FOLLOW_UP).exists():
        return
    first_day = timezone.localdate(demonstration.created_at, STRASBOURG)
    follow_up = exercise_create(
        round=demonstration,
        grades=data.DEMONSTRATION_GRADES,
        reply_deadline=first_day + datetime.timedelta(days=data.DEMONSTRATION_REPLY_IN),
        by=by,
    )
    report.count("follow-ups", True)
    # Sent the day it was opened, so that the Party concerned can write its follow-up reply.
    sync_row(
        report,
        "rounds",
        Round,
        pk=follow_up.pk,
        defaults={"questionnaire_adopted_on": first_day, "status": Round.Status.REPLIES},
    )
    entry = data.DEMONSTRATION_ASSESSMENT
    item_question = Question.objects.filter(questionnaire__round=follow_up).order_by("position").first()
    party = Party.objects.get(code=entry["party"])
    # The Party's published answer to the question the recommendation rests on, as evidence.
    evidence = Answer.objects.filter(
        reply__round=demonstration,
        reply__party=party,
        reply__state=Reply.State.PUBLISHED,
        question__in=item_question.followup_item.finding.questions.all(),
    )
    assessment_propose(
        round=follow_up,
        question=item_question,
        party=party,
        level=entry["level"],
        reasoning=entry["reasoning"],
        by=by,
        evidence=list(evidence),
    )
    report.count("assessments", True)
