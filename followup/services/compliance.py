"""The follow-up's writes (DESIGN §3): an exercise opened on a round's adopted recommendations, assessments of
compliance proposed and adopted at a meeting, clarifications asked of a Party not (yet) in compliance.

Each service is audited, runs in one transaction and refuses, changing nothing, with a domain error.
"""

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.audit import audited, bulk_create_recorded
from core.dates import date_display
from core.deadlines import STRASBOURG
from core.text_limits import text_check
from core.viewers import PUBLIC
from evaluation.models import Meeting, Report, Statement
from evaluation.selectors import is_evaluator
from evaluation.services.access import secretariat_only
from questionnaires.models import Question, Questionnaire, Theme
from reports.models import Finding
from rounds.models import Participation, Party, Round
from rounds.selectors import in_rounds_visible_to
from submissions.models import Answer
from submissions.selectors import answers_visible_to

from ..errors import InvalidFollowUp, InvalidTransition, NotFound, NotPermitted
from ..models import Assessment, Clarification, Item, Level
from ..selectors import questions_proposable_by

LANGUAGES = ("en", "fr")


def _today(now: datetime.datetime | None) -> datetime.date:
    return timezone.localdate(now or timezone.now(), STRASBOURG)


# --- The exercise ----------------------------------------------------------------------------------------


def _recommendations(
    *, round: Round, grades: tuple[str, ...], report: Report | None
) -> list[tuple[Finding, Statement | None]]:
    """The adopted recommendations of these grades, each with the report's statement it was adopted from
    (None for a finding recorded without a report), in the order the report or the round gives them."""
    if report is not None:
        statements = (
            Statement.objects.filter(
                chapter__report=report,
                kind=Finding.Kind.RECOMMENDATION,
                grade__in=grades,
                finding__state=Finding.State.ADOPTED,
            )
            .select_related("finding", "chapter__report")
            .prefetch_related("finding__questions", "finding__parties")
            .order_by("chapter__position", "position", "pk")
        )
        return [(statement.finding, statement) for statement in statements]
    findings = (
        Finding.objects.filter(
            round=round, kind=Finding.Kind.RECOMMENDATION, grade__in=grades, state=Finding.State.ADOPTED
        )
        .select_related("statement__chapter__report")
        .prefetch_related("questions", "parties")
        .order_by("position", "pk")
    )
    return [(finding, getattr(finding, "statement", None)) for finding in findings]


def _slug_for(round: Round) -> str:
    base = f"{round.slug[:45]}-follow-up"
    slug, n = base, 1
    while Round.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _in_languages(build) -> dict[str, str]:
    texts = {}
    for language in LANGUAGES:
        with translation.override(language):
            texts[language] = str(build(language))
    return texts


def _question_texts(finding: Finding, statement: Statement | None, reference: str) -> dict[str, str]:
    """What the Committee asks (text), and the recommendation asked about (guidance), in both languages."""
    if statement is not None and statement.chapter.report.adopted_on:
        since = statement.chapter.report.adopted_on
    else:
        since = timezone.localdate(finding.adopted_at, STRASBOURG)
    texts = _in_languages(
        lambda language: (
            _("What has been done to implement this recommendation since %(day)s?")
            % {"day": date_display(since)}
        )
    )
    guidance = {
        language: f"{reference}. {getattr(finding, f'title_{language}') or finding.title}\n\n"
        f"{getattr(finding, f'text_{language}') or finding.text}"
        for language in LANGUAGES
    }
    return {
        **{f"text_{language}": text for language, text in texts.items()},
        **{f"guidance_{language}": text for language, text in guidance.items()},
    }


def _theme_and_articles(finding: Finding) -> tuple[str, str]:
    questions = sorted(finding.questions.all(), key=lambda question: question.position)
    theme = finding.theme or (questions[0].theme if questions else Theme.PREVENTION)
    articles: list[str] = []
    for question in questions:
        articles += [article for article in question.article_list if article not in articles]
    return theme, ", ".join(articles)


@audited
@transaction.atomic
def exercise_create(
    *,
    round: Round,
    grades: Iterable[str] = ("urges",),
    reply_deadline: datetime.date,
    by,
    report: Report | None = None,
) -> Round:
    """Open the follow-up of a round's adopted recommendations of these grades (from `report`'s statements
    when given, else from the round's adopted findings): a follow-up round with one question per
    recommendation, addressed to the Parties it concerns, and those Parties monitored in it.

    The follow-up is created in preparation, so that the Secretariat reviews what it asks; dating its
    questionnaire's adoption (the round's admin) sends it to the Parties, like any round."""
    secretariat_only(by)
    grades = tuple(grades)
    if not grades or any(grade not in Finding.Grade.values for grade in grades):
        raise InvalidFollowUp(
            _("Choose the grades of the recommendations to follow up: urges, considers or invites."),
            field="grades",
        )
    if round.kind == Round.Kind.FOLLOW_UP:
        raise InvalidFollowUp(_("A follow-up has no recommendations of its own to follow up."), field="round")
    if report is not None and (report.round_id != round.pk or not report.is_adopted):
        raise InvalidFollowUp(_("Choose an adopted report of this round."), field="report")
    recommendations = _recommendations(round=round, grades=grades, report=report)
    if not recommendations:
        labels = ", ".join(str(Finding.Grade(grade).label) for grade in grades)
        raise InvalidFollowUp(
            _("There is no adopted recommendation graded “%(grades)s” to follow up in %(source)s.")
            % {"grades": labels, "source": report.title if report else round.label},
            field="grades",
        )
    follow_up = Round(
        slug=_slug_for(round),
        kind=Round.Kind.FOLLOW_UP,
        follows=round,
        theme_en=round.theme_en,
        theme_fr=round.theme_fr,
        status=Round.Status.PREPARATION,
        reply_deadline=reply_deadline,
        reminder_days=round.reminder_days,
        comment_window_months=round.comment_window_months,
        demonstration=round.demonstration,
    )
    count = len(recommendations)
    summaries = _in_languages(
        lambda language: (
            ngettext(
                "The Parties concerned say what they have done to implement %(count)s recommendation of "
                "%(round)s.",
                "The Parties concerned say what they have done to implement %(count)s recommendations of "
                "%(round)s.",
                count,
            )
            % {"count": count, "round": round.label}
        )
    )
    follow_up.summary_en, follow_up.summary_fr = summaries["en"], summaries["fr"]
    follow_up.save()
    titles = _in_languages(lambda language: follow_up.label)
    questionnaire = Questionnaire.objects.create(
        round=follow_up, title_en=titles["en"], title_fr=titles["fr"], introduction_en="", introduction_fr=""
    )
    monitored = list(Party.objects.filter(participations__round=round))
    concerned: dict[int, Party] = {}
    for position, (finding, statement) in enumerate(recommendations, start=1):
        # The report's R-3 is asked as question 3 (question numbers stay numbers: Word, API, forms).
        number = statement.reference.rsplit("-", 1)[-1] if report is not None else str(position)
        reference = statement.reference if statement is not None else number
        theme, articles = _theme_and_articles(finding)
        question = Question.objects.create(
            questionnaire=questionnaire,
            number=number,
            position=position,
            kind=Question.Kind.MONITORING,
            theme=theme,
            articles=articles,
            required=True,
            **_question_texts(finding, statement, reference),
        )
        parties = monitored if finding.applies_to_all else list(finding.parties.all())
        question.parties.set([] if finding.applies_to_all else parties)
        Item.objects.create(question=question, finding=finding, statement=statement)
        concerned.update((party.pk, party) for party in parties)
    bulk_create_recorded(
        Participation,
        [
            Participation(round=follow_up, party=party)
            for party in sorted(concerned.values(), key=lambda party: party.code)
        ],
    )
    return follow_up


# --- What the services share -----------------------------------------------------------------------------


def _item(*, round: Round, question: Question) -> Item:
    item = (
        Item.objects.select_related("finding", "question")
        .filter(question=question, question__questionnaire__round=round)
        .first()
    )
    if item is None:
        raise InvalidFollowUp(
            _("Question %(number)s does not ask about a recommendation followed up in this exercise.")
            % {"number": question.number},
            field="question",
        )
    return item


def _check_asked(*, round: Round, question: Question, party: Party) -> Participation:
    """The Party's participation, locked (cycles are counted under it), if the question is asked of it."""
    participation = Participation.objects.select_for_update().filter(round=round, party=party).first()
    addressed = set(question.parties.values_list("pk", flat=True))
    if participation is None or (addressed and party.pk not in addressed):
        raise InvalidFollowUp(
            _("%(party)s is not asked about this recommendation.") % {"party": party}, field="party"
        )
    return participation


def _current_cycle(*, round: Round, question: Question, party: Party) -> int:
    last = Clarification.objects.filter(round=round, question=question, party=party).aggregate(
        last=Max("cycle")
    )["last"]
    return last or 1


def current_assessment(*, round: Round, question: Question, party: Party) -> Assessment | None:
    """The latest adopted assessment: the item's current level for the Party."""
    return (
        Assessment.objects.filter(round=round, question=question, party=party, state=Assessment.State.ADOPTED)
        .order_by("-adopted_on", "-cycle", "-pk")
        .first()
    )


def _check_text(text: str, *, kind: str, field: str, label: str, missing: str) -> str:
    text_check(text, kind=kind, field=field, label=label)
    if not (text or "").strip():
        raise InvalidFollowUp(missing, field=field)
    return text.strip()


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise InvalidFollowUp(_("Write in English or in French."), field="language")


# --- Assessments -----------------------------------------------------------------------------------------


def _check_may_propose(*, round: Round, item: Item, by) -> None:
    """The Secretariat, or the Rapporteur of a question of the followed round the recommendation rests
    on; another member may read and not propose."""
    if by.is_staff:
        return
    if not questions_proposable_by(by, round).filter(pk=item.question_id).exists():
        raise NotPermitted(
            _(
                "Only the Secretariat or the Rapporteur of the question this recommendation rests on can "
                "propose."
            )
        )


@audited
@transaction.atomic
def assessment_propose(
    *,
    round: Round,
    question: Question,
    party: Party,
    level: str,
    reasoning: str,
    by,
    evidence: Iterable[Answer] = (),
    language: str = "en",
) -> Assessment:
    """Propose a level of compliance for a Party with a recommendation, with its reasoning and the published
    answers it rests on; the Committee adopts it at a meeting (`assessment_adopt`)."""
    visible = Round.objects.filter(in_rounds_visible_to(by, via=""), pk=round.pk, kind=Round.Kind.FOLLOW_UP)
    if not is_evaluator(by) or not visible.exists():
        raise NotFound()
    item = _item(round=round, question=question)
    _check_may_propose(round=round, item=item, by=by)
    if level not in Level.values:
        raise InvalidFollowUp(
            _("Choose a level: complied, partially complied, not complied or no information."), field="level"
        )
    _check_language(language)
    reasoning = _check_text(
        reasoning,
        kind="text",
        field="reasoning",
        label=_("Reasoning"),
        missing=_("Say why: an assessment gives its reasoning."),
    )
    _check_asked(round=round, question=question, party=party)
    evidence = list(evidence)
    citable = answers_visible_to(PUBLIC).filter(
        reply__party=party, reply__round__in=[round.pk, round.follows_id], pk__in=[a.pk for a in evidence]
    )
    if citable.count() != len({answer.pk for answer in evidence}):
        raise InvalidFollowUp(
            _("Cite published answers of %(party)s, in this follow-up or in the round it follows.")
            % {"party": party},
            field="evidence",
        )
    assessment = Assessment.objects.create(
        round=round,
        question=question,
        party=party,
        cycle=_current_cycle(round=round, question=question, party=party),
        level=level,
        reasoning=reasoning,
        language=language,
        proposed_by=by,
    )
    assessment.evidence.set(evidence)
    return assessment


@audited
@transaction.atomic
def assessment_adopt(
    *,
    assessment: Assessment,
    meeting: Meeting,
    by,
    adopted_on: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> Assessment:
    """The Committee adopted the assessment at `meeting`, on one of its days (today by default): it becomes
    public and, being the latest, the item's current level for the Party."""
    secretariat_only(by)
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if locked.is_adopted:
        raise InvalidTransition(_("This assessment is adopted already."))
    adopted_on = adopted_on or _today(now)
    if not meeting.starts_on <= adopted_on <= meeting.ends_on:
        raise InvalidFollowUp(
            _("An assessment is adopted during the meeting: choose a day from its first to its last."),
            field="adopted_on",
        )
    locked.state, locked.adopted_at_meeting, locked.adopted_on = Assessment.State.ADOPTED, meeting, adopted_on
    locked.save(update_fields=["state", "adopted_at_meeting", "adopted_on", "updated_at"])
    assessment.state, assessment.adopted_at_meeting, assessment.adopted_on = (
        locked.state,
        meeting,
        adopted_on,
    )
    return locked


# --- Clarifications --------------------------------------------------------------------------------------


@audited
@transaction.atomic
def clarification_request(
    *,
    round: Round,
    question: Question,
    party: Party,
    request: str,
    due_on: datetime.date,
    by,
    language: str = "en",
    now: datetime.datetime | None = None,
) -> Clarification:
    """Ask a Party not (yet) in compliance for additional clarifications by `due_on`: a new cycle on the
    item, which its next assessment belongs to. Refused when its current level is "complied", and while an
    earlier request's cycle has no adopted assessment yet."""
    secretariat_only(by)
    _item(round=round, question=question)
    _check_language(language)
    request = _check_text(
        request,
        kind="message",
        field="request",
        label=_("Request"),
        missing=_("Say what the Committee asks the Party to clarify."),
    )
    _check_asked(round=round, question=question, party=party)
    today = _today(now)
    if due_on <= today:
        raise InvalidFollowUp(_("Give the Party a deadline after today."), field="due_on")
    current = current_assessment(round=round, question=question, party=party)
    if current is not None and current.level == Level.COMPLIED:
        raise InvalidTransition(
            _("%(party)s has complied with this recommendation: there is nothing left to clarify.")
            % {"party": party}
        )
    cycle = _current_cycle(round=round, question=question, party=party)
    if cycle > 1 and (current is None or current.cycle < cycle):
        raise InvalidTransition(
            _(
                "Clarifications are requested already in this cycle: adopt an assessment of the answer "
                "before asking again."
            )
        )
    return Clarification.objects.create(
        round=round,
        question=question,
        party=party,
        cycle=cycle + 1,
        requested_on=today,
        due_on=due_on,
        request=request,
        language=language,
        requested_by=by,
    )
