"""The Committee's findings on the scale rounds past their deadline: recommendations in every grade,
promising practices (resting on capacity-building questions) and challenges, each citing questions of its
round, concerning some Parties or all of them, resting on published answers and public acknowledged comments.
Adopted with the report in rounds whose report is adopted, drafts in rounds still under evaluation.

They obey the rules `reports.services.finding_check` enforces; the tests run it on every finding.
"""

import datetime
import random
from collections import defaultdict

from core.deadlines import STRASBOURG
from questionnaires.models import Question
from reports.models import Finding
from submissions.models import Answer, Reply

from . import phrases
from .parties import Cast
from .structure import ScaleRound
from .text import Pool
from .timeline import AS_OF, between, quotas, spread
from .writing import Writer

Kind, Grade = Finding.Kind, Finding.Grade
KINDS = {Kind.RECOMMENDATION: 60, Kind.PROMISING_PRACTICE: 20, Kind.CHALLENGE: 20}
GRADES = {Grade.URGES: 30, Grade.CONSIDERS: 35, Grade.INVITES: 35}
ALL_PARTIES_SHARE = 0.15
EVIDENCE_ANSWERS = 3
EVIDENCE_COMMENTS = 2
ADOPTED_AT = datetime.time(11, 30)


def findings_create(
    writer: Writer,
    *,
    count: int,
    rounds: list[ScaleRound],
    cast: Cast,
    citable: dict[tuple[int, int], list[int]],
    pool: Pool,
    seed: int,
) -> None:
    assessed = [item for item in rounds if item.dates.age >= 1] or rounds
    per_round = spread({item.index: 1 for item in assessed}, count)
    for item in assessed:
        rng = random.Random(f"{seed}:findings:{item.index}")
        total = per_round[item.index]
        kinds = quotas(KINDS, total, rng)
        grades = iter(quotas(GRADES, kinds.count(Kind.RECOMMENDATION), rng))
        answers = _published_answers(item)
        findings, links = [], []
        for position, kind in enumerate(kinds):
            grade = next(grades) if kind == Kind.RECOMMENDATION else ""
            finding, cited = _finding(
                item, rng, kind=kind, grade=grade, position=position, cast=cast, pool=pool
            )
            findings.append(finding)
            links.append(cited)
        writer.insert(Finding, findings)
        _links_write(
            writer,
            [
                (finding, questions, parties, *_evidence(rng, questions, parties, item, answers, citable))
                for finding, (questions, parties) in zip(findings, links, strict=True)
            ],
        )
    writer.say(f"findings: {count}")


def _published_answers(item: ScaleRound) -> dict[int, list[tuple[int, int]]]:
    """The published answers of the round, by question id: (Party id, answer id)."""
    answers = defaultdict(list)
    rows = Answer.objects.filter(reply__round=item.round, reply__state=Reply.State.PUBLISHED).values_list(
        "question", "reply__party", "pk"
    )
    for question, party, pk in rows.order_by("pk"):
        answers[question].append((party, pk))
    return answers


def _finding(item: ScaleRound, rng: random.Random, *, kind, grade, position, cast: Cast, pool: Pool):
    questions = _questions(item, rng, kind=kind)
    theme = questions[0].theme
    goal_en, goal_fr = rng.choice(phrases.GOALS[theme])
    form_en, form_fr = phrases.FINDING_FORMS[grade or kind]
    title_en, title_fr = phrases.FINDING_TITLES[kind]
    picked = pool.compose(rng, words=rng.randint(40, 200))
    applies_to_all = rng.random() < ALL_PARTIES_SHARE
    parties = [] if applies_to_all else rng.sample(cast.parties, k=rng.randint(1, min(15, len(cast.parties))))
    label_en, label_fr = rng.choice(phrases.FIGURE_LABELS) if parties and rng.random() < 0.3 else ("", "")
    adopted = item.dates.report_adopted_on is not None and rng.random() < 0.95
    drafted_from = datetime.datetime.combine(
        item.dates.reply_deadline, datetime.time(9, 0), tzinfo=STRASBOURG
    )
    if adopted:
        adopted_at = datetime.datetime.combine(item.dates.report_adopted_on, ADOPTED_AT, tzinfo=STRASBOURG)
        created = between(drafted_from, adopted_at - datetime.timedelta(days=30), rng)
    else:
        adopted_at, created = None, between(drafted_from, AS_OF, rng)
    finding = Finding(
        round=item.round,
        kind=kind,
        grade=grade,
        title_en=title_en.format(goal=goal_en)[:200],
        title_fr=title_fr.format(goal=goal_fr)[:200],
        text_en=form_en.format(goal=goal_en) + "\n\n" + pool.read(picked, "en"),
        text_fr=form_fr.format(goal=goal_fr) + "\n\n" + pool.read(picked, "fr"),
        theme=theme,
        applies_to_all=applies_to_all,
        figure_label_en=label_en,
        figure_label_fr=label_fr,
        position=position,
        state=Finding.State.ADOPTED if adopted else Finding.State.DRAFT,
        adopted_at=adopted_at,
        adopted_by=cast.secretariat if adopted else None,
        created_by=cast.secretariat,
        created_at=created,
        updated_at=adopted_at or created,
    )
    return finding, (questions, parties)


def _questions(item: ScaleRound, rng: random.Random, *, kind: str) -> list[Question]:
    """One to three questions on one theme; capacity-building ones for a promising practice, monitoring ones
    otherwise (any, when the round has none of that kind)."""
    wanted = Question.Kind.CAPACITY_BUILDING if kind == Kind.PROMISING_PRACTICE else Question.Kind.MONITORING
    candidates = [q for q in item.questions if q.kind == wanted] or item.questions
    first = rng.choice(candidates)
    same_theme = [q for q in candidates if q.theme == first.theme and q.pk != first.pk]
    return [first, *rng.sample(same_theme, k=min(len(same_theme), rng.randint(0, 2)))]


def _evidence(rng, questions, parties, item: ScaleRound, answers: dict, citable: dict):
    """Published answers of the Parties named (any Party's, for a finding on all) to the questions cited, and
    for some findings public acknowledged comments on them."""
    named = {party.pk for party in parties}
    found = [pk for q in questions for party, pk in answers.get(q.pk, []) if not named or party in named]
    comments = sorted({pk for q in questions for pk in citable.get((item.round.pk, q.pk), [])})
    chosen_comments = (
        rng.sample(comments, k=min(len(comments), EVIDENCE_COMMENTS)) if rng.random() < 0.3 else []
    )
    return rng.sample(found, k=min(len(found), EVIDENCE_ANSWERS)), chosen_comments


def _links_write(writer: Writer, cited: list[tuple]) -> None:
    """The findings' questions, Parties, answers and comments: (finding, questions, Parties, answer ids,
    contribution ids) each."""
    rows = defaultdict(list)
    for finding, questions, parties, answers, contributions in cited:
        rows["questions"] += [(finding.pk, "question_id", q.pk) for q in questions]
        rows["parties"] += [(finding.pk, "party_id", p.pk) for p in parties]
        rows["answers"] += [(finding.pk, "answer_id", pk) for pk in answers]
        rows["contributions"] += [(finding.pk, "contribution_id", pk) for pk in contributions]
    for name, links in rows.items():
        through = getattr(Finding, name).through
        writer.insert(through, [through(finding_id=pk, **{column: value}) for pk, column, value in links])
