"""Every write of findings: record, correct, adopt, withdraw to draft.

The rules a finding obeys live in `finding_check`, which the services run before writing and the admin's
form runs to show a refusal beside the field at fault. A refusal raises an `InvalidFinding` (its context
names the `field`) and writes nothing.
"""

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from civil_society.models import Contribution
from civil_society.selectors import contributions_visible_to
from core.audit import audited
from core.text_limits import text_check
from core.viewers import PUBLIC
from questionnaires.models import Question
from rounds.models import Participation, Party, Round
from submissions.models import Answer
from submissions.selectors import answers_visible_to

from .errors import EvidenceNotPublic, InvalidFinding, InvalidTransition
from .models import Finding

Kind = Finding.Kind


def _pks(objects: Iterable) -> set[int]:
    return {obj.pk for obj in objects}


def finding_check(
    *,
    round: Round,
    kind: str,
    grade: str,
    theme: str,
    questions: Iterable[Question],
    parties: Iterable[Party],
    applies_to_all: bool,
    answers: Iterable[Answer] = (),
    contributions: Iterable[Contribution] = (),
) -> str:
    """Refuse a finding that breaks a rule; return its theme (the one given, or the questions' own)."""
    if kind not in Kind.values:
        raise InvalidFinding(_("Choose the kind of finding."), field="kind")
    if kind == Kind.RECOMMENDATION and grade not in Finding.Grade.values:
        raise InvalidFinding(
            _("A recommendation needs a grade: urges / requires, considers or invites."), field="grade"
        )
    if kind != Kind.RECOMMENDATION and grade:
        raise InvalidFinding(_("Only a recommendation has a grade; leave it empty."), field="grade")

    question_ids = _pks(questions)
    strangers = (
        Question.objects.filter(pk__in=question_ids)
        .exclude(questionnaire__round=round)
        .order_by("number")
        .values_list("number", flat=True)
    )
    if strangers:
        raise InvalidFinding(
            _("Question %(numbers)s belongs to another round; cite this round's questions only.")
            % {"numbers": ", ".join(strangers)},
            field="questions",
        )

    party_ids = _pks(parties)
    if applies_to_all and party_ids:
        raise InvalidFinding(
            _("A finding concerning all Parties lists none in particular; empty the list of Parties."),
            field="parties",
        )
    if not applies_to_all and not party_ids:
        raise InvalidFinding(
            _("Name the Parties concerned, or mark the finding as concerning all Parties."), field="parties"
        )
    monitored = set(Participation.objects.filter(round=round).values_list("party", flat=True))
    outside = sorted(Party.objects.filter(pk__in=party_ids - monitored).values_list("code", flat=True))
    if outside:
        raise InvalidFinding(
            _("%(parties)s is not monitored in this round.") % {"parties": ", ".join(outside)},
            field="parties",
        )

    _check_evidence(round=round, answer_ids=_pks(answers), contribution_ids=_pks(contributions))

    if theme:
        return theme
    themes = set(Question.objects.filter(pk__in=question_ids).values_list("theme", flat=True))
    if len(themes) != 1:
        raise InvalidFinding(
            _("Choose a theme: the questions cited do not share one.")
            if themes
            else _("Choose a theme, or cite the questions the finding rests on."),
            field="theme",
        )
    return themes.pop()


def finding_texts_check(*, title_en: str, title_fr: str, text_en: str, text_fr: str) -> None:
    """Refuse, with TextTooLong naming the field, a title or text longer than its limit."""
    for field, text, kind, label in (
        ("title_en", title_en, "title", _("Title (English)")),
        ("title_fr", title_fr, "title", _("Title (French)")),
        ("text_en", text_en, "text", _("Text (English)")),
        ("text_fr", text_fr, "text", _("Text (French)")),
    ):
        text_check(text, kind=kind, field=field, label=label)


def _check_evidence(*, round: Round, answer_ids: set[int], contribution_ids: set[int]) -> None:
    """Only what the public may read is cited: published answers and public acknowledged comments."""
    public_answers = set(answers_visible_to(PUBLIC).filter(pk__in=answer_ids).values_list("pk", flat=True))
    public_contributions = set(
        contributions_visible_to(PUBLIC).filter(pk__in=contribution_ids).values_list("pk", flat=True)
    )
    message = _("Only published answers and public acknowledged contributions can be cited as evidence.")
    if answer_ids - public_answers:
        raise EvidenceNotPublic(message, field="answers")
    if contribution_ids - public_contributions:
        raise EvidenceNotPublic(message, field="contributions")
    if Answer.objects.filter(pk__in=answer_ids).exclude(reply__round=round).exists():
        raise InvalidFinding(_("Cite answers given in this round only."), field="answers")
    if Contribution.objects.filter(pk__in=contribution_ids).exclude(round=round).exists():
        raise InvalidFinding(_("Cite comments made in this round only."), field="contributions")


def _write(
    finding: Finding,
    *,
    questions: Iterable[Question],
    parties: Iterable[Party],
    answers: Iterable[Answer],
    contributions: Iterable[Contribution],
) -> None:
    finding.save()
    finding.questions.set(questions)
    finding.parties.set(parties)
    finding.answers.set(answers)
    finding.contributions.set(contributions)


@audited
@transaction.atomic
def finding_create(
    *,
    round: Round,
    kind: str,
    grade: str,
    title_en: str,
    title_fr: str,
    text_en: str,
    text_fr: str,
    theme: str,
    questions: Iterable[Question],
    parties: Iterable[Party],
    applies_to_all: bool,
    by,
    answers: Iterable[Answer] = (),
    contributions: Iterable[Contribution] = (),
    figure_label_en: str = "",
    figure_label_fr: str = "",
    position: int | None = None,
) -> Finding:
    """A draft finding, last in its round unless placed."""
    questions, parties, answers, contributions = map(list, (questions, parties, answers, contributions))
    finding_texts_check(title_en=title_en, title_fr=title_fr, text_en=text_en, text_fr=text_fr)
    theme = finding_check(
        round=round,
        kind=kind,
        grade=grade,
        theme=theme,
        questions=questions,
        parties=parties,
        applies_to_all=applies_to_all,
        answers=answers,
        contributions=contributions,
    )
    if position is None:
        last = Finding.objects.filter(round=round).aggregate(last=Max("position"))["last"]
        position = 0 if last is None else last + 1
    finding = Finding(
        round=round,
        kind=kind,
        grade=grade,
        title_en=title_en,
        title_fr=title_fr,
        text_en=text_en,
        text_fr=text_fr,
        theme=theme,
        applies_to_all=applies_to_all,
        figure_label_en=figure_label_en,
        figure_label_fr=figure_label_fr,
        position=position,
        created_by=by,
    )
    _write(finding, questions=questions, parties=parties, answers=answers, contributions=contributions)
    return finding


@audited
@transaction.atomic
def finding_update(
    *,
    finding: Finding,
    kind: str,
    grade: str,
    title_en: str,
    title_fr: str,
    text_en: str,
    text_fr: str,
    theme: str,
    questions: Iterable[Question],
    parties: Iterable[Party],
    applies_to_all: bool,
    answers: Iterable[Answer] = (),
    contributions: Iterable[Contribution] = (),
    figure_label_en: str = "",
    figure_label_fr: str = "",
    position: int | None = None,
) -> Finding:
    """Correct a finding, draft or adopted (the Secretariat corrects adopted ones too); its state stays."""
    questions, parties, answers, contributions = map(list, (questions, parties, answers, contributions))
    finding_texts_check(title_en=title_en, title_fr=title_fr, text_en=text_en, text_fr=text_fr)
    locked = Finding.objects.select_for_update().get(pk=finding.pk)
    theme = finding_check(
        round=locked.round,
        kind=kind,
        grade=grade,
        theme=theme,
        questions=questions,
        parties=parties,
        applies_to_all=applies_to_all,
        answers=answers,
        contributions=contributions,
    )
    locked.kind, locked.grade, locked.theme, locked.applies_to_all = kind, grade, theme, applies_to_all
    locked.title_en, locked.title_fr, locked.text_en, locked.text_fr = title_en, title_fr, text_en, text_fr
    locked.figure_label_en, locked.figure_label_fr = figure_label_en, figure_label_fr
    if position is not None:
        locked.position = position
    _write(locked, questions=questions, parties=parties, answers=answers, contributions=contributions)
    return locked


def _check_stored(finding: Finding) -> None:
    """The rules again, on what is stored: a comment cited as evidence may have become confidential since."""
    finding_check(
        round=finding.round,
        kind=finding.kind,
        grade=finding.grade,
        theme=finding.theme,
        questions=finding.questions.all(),
        parties=finding.parties.all(),
        applies_to_all=finding.applies_to_all,
        answers=finding.answers.all(),
        contributions=finding.contributions.all(),
    )


@audited
@transaction.atomic
def finding_adopt(*, finding: Finding, by, now: datetime.datetime | None = None) -> Finding:
    """Adopted, a finding is public: on the portal, over the API and in factsheets."""
    now = now or timezone.now()
    finding = Finding.objects.select_for_update().select_related("round").get(pk=finding.pk)
    if finding.is_adopted:
        raise InvalidTransition(_("This finding is already adopted."))
    _check_stored(finding)
    finding.state, finding.adopted_at, finding.adopted_by = Finding.State.ADOPTED, now, by
    finding.save(update_fields=["state", "adopted_at", "adopted_by", "updated_at"])
    return finding


@audited
@transaction.atomic
def finding_withdraw(*, finding: Finding, by) -> Finding:
    """Back to draft: the finding leaves the public portal until adopted again."""
    finding = Finding.objects.select_for_update().get(pk=finding.pk)
    if not finding.is_adopted:
        raise InvalidTransition(_("This finding is a draft already."))
    finding.state, finding.adopted_at, finding.adopted_by = Finding.State.DRAFT, None, None
    finding.save(update_fields=["state", "adopted_at", "adopted_by", "updated_at"])
    return finding


def kind_mismatch_warnings(finding: Finding) -> list[str]:
    """Monitoring questions lead to recommendations, capacity-building ones to promising practices
    (DESIGN §2): a finding that crosses that line is allowed, and said so."""
    expected = {
        Kind.RECOMMENDATION: Question.Kind.CAPACITY_BUILDING,
        Kind.PROMISING_PRACTICE: Question.Kind.MONITORING,
    }
    crossing = expected.get(finding.kind)
    if crossing is None:
        return []
    numbers = list(
        finding.questions.filter(kind=crossing).order_by("position").values_list("number", flat=True)
    )
    if not numbers:
        return []
    if finding.kind == Kind.RECOMMENDATION:
        message = _(
            "“%(finding)s” is a recommendation but rests on capacity-building question %(numbers)s; "
            "capacity-building questions usually lead to promising practices."
        )
    else:
        message = _(
            "“%(finding)s” is a promising practice but rests on monitoring question %(numbers)s; "
            "monitoring questions usually lead to recommendations."
        )
    return [message % {"finding": finding, "numbers": ", ".join(numbers)}]
