"""Rapporteurs and their observations: appointing, drafting with compare-and-set, quoting the evidence,
tabling for a meeting, commenting."""

import datetime
import html
import re

from django.db import transaction
from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from civil_society.documents import safe_html
from civil_society.models import Contribution, ContributionItem
from core.audit import audited
from core.text_limits import text_check
from questionnaires.models import Question
from rounds.models import CommitteeMember, Round
from submissions.models import Answer

from ..errors import (
    EditConflict,
    InvalidCitation,
    InvalidEvaluation,
    InvalidTransition,
    NotEditable,
    NotPermitted,
)
from ..models import Citation, Observation, ObservationComment, ObservationVersion, Rapporteur
from ..selectors import evidence_answers_visible_to, evidence_items_visible_to
from .access import member_of, readable_observation, secretariat_only, writable_observation

State = Observation.State


def _round_questions(round: Round, questions) -> list[Question]:
    questions = list(questions)
    if not questions:
        raise InvalidEvaluation(_("Choose at least one question."), field="questions")
    strangers = [q.number for q in questions if q.questionnaire.round_id != round.pk]
    if strangers:
        raise InvalidEvaluation(
            _("Question %(numbers)s is not part of this round's questionnaire.")
            % {"numbers": ", ".join(strangers)},
            field="questions",
        )
    return questions


@audited
@transaction.atomic
def rapporteur_appoint(*, round: Round, question: Question, member: CommitteeMember, by) -> Rapporteur:
    """Appoint `member` Rapporteur on the question, in place of any Rapporteur before."""
    secretariat_only(by)
    (question,) = _round_questions(round, [question])
    rapporteur, _created = Rapporteur.objects.update_or_create(
        round=round, question=question, defaults={"member": member}
    )
    return rapporteur


@audited
@transaction.atomic
def observation_create(
    *,
    round: Round,
    questions,
    title: str,
    by,
    rapporteur: CommitteeMember | None = None,
    language: str = "en",
) -> Observation:
    """Begin observations on one question or a group of them: the Secretariat for anyone, a Rapporteur for
    themself on the questions they report on."""
    questions = _round_questions(round, questions)
    text_check(title, kind="title", field="title", label=_("Title"))
    if not title.strip():
        raise InvalidEvaluation(_("Give the observations a title."), field="title")
    if language not in ("en", "fr"):
        raise InvalidEvaluation(_("Observations are written in English or French."), field="language")
    if not by.is_staff:
        member = member_of(by)
        if member is None:
            raise InvalidEvaluation(
                _("Only the Secretariat and the Committee's members prepare observations.")
            )
        reported_on = set(
            Rapporteur.objects.filter(round=round, member=member).values_list("question_id", flat=True)
        )
        if rapporteur != member or not {q.pk for q in questions} <= reported_on:
            raise NotPermitted(_("A Rapporteur prepares observations on the questions they report on only."))
    observation = Observation.objects.create(
        round=round, rapporteur=rapporteur, title=title.strip(), language=language, created_by=by
    )
    observation.questions.set(questions)
    return observation


@audited
@transaction.atomic
def observation_save(
    *, observation: Observation, body: str, version: int, by, now: datetime.datetime | None = None
) -> Observation:
    """Save the text against the version the writer last read. If someone saved since, nothing is written
    and EditConflict carries the stored text, so the writer keeps both."""
    locked = writable_observation(observation, by=by)
    if locked.state == State.EXAMINED:
        raise NotEditable(_("These observations have been examined and can no longer be changed."))
    text_check(body, kind="text", field="body", label=_("Observations"))
    if locked.version != version:
        latest = locked.versions.select_related("saved_by").first()
        raise EditConflict(
            _("Someone saved these observations since you opened them. Your text is below the saved one."),
            current={
                "body": locked.body,
                "version": locked.version,
                "saved_by": str(latest.saved_by) if latest else "",
                "saved_at": latest.saved_at.isoformat() if latest else None,
            },
        )
    locked.body, locked.version, locked.updated_by = safe_html(body), locked.version + 1, by
    locked.save(update_fields=["body", "version", "updated_by", "updated_at"])
    ObservationVersion.objects.create(
        observation=locked, number=locked.version, body=locked.body, saved_by=by
    )
    return locked


def _move(observation: Observation, *, by, source: str, target: str, writer: bool = True) -> Observation:
    if writer:
        locked = writable_observation(observation, by=by)
    else:
        secretariat_only(by)
        locked = readable_observation(observation, by=by, lock=True)
    if locked.state != source:
        raise InvalidTransition(
            _("These observations are %(state)s.") % {"state": locked.get_state_display()}, state=locked.state
        )
    locked.state = target
    locked.save(update_fields=["state", "updated_at"])
    return locked


@audited
@transaction.atomic
def observation_table(*, observation: Observation, by) -> Observation:
    """Ready for the Committee: the observations go on a meeting's agenda."""
    return _move(observation, by=by, source=State.DRAFT, target=State.TABLED)


@audited
@transaction.atomic
def observation_reopen(*, observation: Observation, by) -> Observation:
    return _move(observation, by=by, source=State.TABLED, target=State.DRAFT)


@audited
@transaction.atomic
def observation_examine(*, observation: Observation, by) -> Observation:
    """The Committee has examined them (recorded by the Secretariat)."""
    return _move(observation, by=by, source=State.TABLED, target=State.EXAMINED, writer=False)


@audited
@transaction.atomic
def observation_comment(*, observation: Observation, text: str, by) -> ObservationComment:
    readable = readable_observation(observation, by=by)
    text_check(text, kind="message", field="text", label=_("Comment"))
    if not text.strip():
        raise InvalidEvaluation(_("Write a comment first."), field="text")
    return ObservationComment.objects.create(observation=readable, author=by, text=text.strip())


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(strip_tags(text))).strip()


@audited
@transaction.atomic
def citation_add(
    *,
    observation: Observation,
    by,
    passage: str,
    answer: Answer | None = None,
    item: ContributionItem | None = None,
) -> Citation:
    """Quote a passage of a published answer or of a contribution's item the writer may read, on one of
    the observation's questions. The citation links to its source; the passage must be the source's words."""
    locked = writable_observation(observation, by=by)
    if locked.state == State.EXAMINED:
        raise NotEditable(_("These observations have been examined and can no longer be changed."))
    if (answer is None) == (item is None):
        raise InvalidCitation(_("Quote one answer or one contribution at a time."))
    if answer is not None:
        source = evidence_answers_visible_to(by).filter(pk=answer.pk).first()
        texts = [source.text, source.national_text] if source else []
        round_id = source.reply.round_id if source else None
    else:
        source = evidence_items_visible_to(by).filter(pk=item.pk).first()
        texts = [source.text] if source else []
        round_id = source.contribution.round_id if source else None
    if source is None or round_id != locked.round_id:
        raise InvalidCitation(
            _("Quote a published answer or a contribution of this round that you may read.")
        )
    if source.question_id not in _questions_with_subparts(locked):
        raise InvalidCitation(_("Quote evidence on the questions these observations are about."))
    quoted = _plain(passage)
    if not quoted:
        raise InvalidCitation(_("Select or paste the passage to quote."), field="passage")
    text_check(quoted, kind="message", field="passage", label=_("Passage"))
    if not any(quoted.casefold() in _plain(text).casefold() for text in texts):
        raise InvalidCitation(
            _("The passage is not in the source's text: quote its words exactly."), field="passage"
        )
    if Citation.objects.filter(observation=locked, answer=answer, item=item, passage=quoted).exists():
        raise InvalidCitation(_("This passage is quoted in these observations already."), field="passage")
    return Citation.objects.create(
        observation=locked, answer=answer, item=item, passage=quoted, created_by=by
    )


def _questions_with_subparts(observation: Observation) -> set[int]:
    """The observation's questions and their sub-parts (9 covers 9.1 and 9.1.a)."""
    covered = observation.questions.all()
    return set(
        Question.objects.filter(
            Q(pk__in=covered) | Q(parent__in=covered) | Q(parent__parent__in=covered)
        ).values_list("pk", flat=True)
    )


@audited
@transaction.atomic
def citation_remove(*, citation: Citation, by) -> None:
    locked = writable_observation(citation.observation, by=by)
    if locked.state == State.EXAMINED:
        raise NotEditable(_("These observations have been examined and can no longer be changed."))
    citation.delete()


def confidential_passages(round: Round) -> list[str]:
    """The passages quoted from confidential contributions in a round's observations: never published."""
    items = Citation.objects.filter(
        observation__round=round, item__contribution__visibility=Contribution.Visibility.CONFIDENTIAL
    ).values_list("passage", flat=True)
    return [passage for passage in items if passage]
