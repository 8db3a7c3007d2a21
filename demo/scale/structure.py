"""The scale rounds (`scale-1` the oldest, numbered from 101 so that no real round ever has their number),
their Parties, questionnaires and questions, and the questionnaires' national-language versions.

A questionnaire has `--questions` questions counting sub-parts, numbered as the real ones are (6, 6.1,
6.1.a), in theme order (prevention, protection, prosecution, international cooperation, in the proportions
of the 2nd round). Texts come from the demo's 2nd-round questions and from `phrases`.
"""

import datetime
import random
from dataclasses import dataclass, field

from core.deadlines import STRASBOURG
from questionnaires.models import LinguisticVersion, Question, Questionnaire, QuestionText, Theme
from rounds.models import Participation, Round

from ..data.rounds import QUESTIONS_2ND_ROUND
from . import phrases
from .parties import Cast
from .text import pseudo_sentence
from .timeline import RoundDates, round_dates, spread
from .writing import Writer

SLUG = "scale-{index}"
SLUG_PATTERN = r"^scale-[0-9]+$"
FIRST_NUMBER = 101
THEME_SHARES = {
    Theme.PREVENTION: 30,
    Theme.PROTECTION: 20,
    Theme.PROSECUTION: 35,
    Theme.INTERNATIONAL_COOPERATION: 15,
}
SUBPARTS = (0, 0, 1, 2, 3)


@dataclass
class ScaleRound:
    index: int
    round: Round
    dates: RoundDates
    questions: list[Question] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.round.slug


def _noon(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12, 0), tzinfo=STRASBOURG)


def rounds_create(writer: Writer, *, count: int, cast: Cast, seed: int, questions: int) -> list[ScaleRound]:
    plans = [round_dates(index=index, rounds=count) for index in range(1, count + 1)]
    rounds = writer.insert(Round, [_round(index, dates, seed) for index, dates in enumerate(plans, start=1)])
    scale_rounds = [
        ScaleRound(index=index, round=round_, dates=dates)
        for index, (round_, dates) in enumerate(zip(rounds, plans, strict=True), start=1)
    ]
    writer.insert(
        Participation,
        [
            Participation(round=item.round, party=party, created_at=adopted, updated_at=adopted)
            for item in scale_rounds
            for adopted in [_noon(item.dates.adopted_on)]
            for party in cast.parties
        ],
    )
    questionnaires = writer.insert(Questionnaire, [_questionnaire(item) for item in scale_rounds])
    languages = {language for language in cast.national.values() if language is not None}
    for item, questionnaire in zip(scale_rounds, questionnaires, strict=True):
        item.questions = _questions(writer, questionnaire, item, count=questions, seed=seed)
        _versions(writer, questionnaire, item, languages=sorted(languages, key=lambda lang: lang.code))
    return scale_rounds


def _round(index: int, dates: RoundDates, seed: int) -> Round:
    theme_en, theme_fr = phrases.ROUND_THEMES[(index - 1) % len(phrases.ROUND_THEMES)]
    adopted = _noon(dates.adopted_on)
    return Round(
        slug=SLUG.format(index=index),
        number=FIRST_NUMBER + index - 1,
        kind=Round.Kind.REGULAR,
        status=dates.status,
        theme_en=theme_en,
        theme_fr=theme_fr,
        summary_en=f"A synthetic round made by seed_scale (seed {seed}) for load testing: its replies, "
        "comments and findings are generated, not real.",
        summary_fr=f"Un cycle synthétique créé par seed_scale (graine {seed}) pour des tests de charge : ses "
        "réponses, commentaires et conclusions sont générés, non réels.",
        questionnaire_adopted_on=dates.adopted_on,
        reply_deadline=dates.reply_deadline,
        civil_society_deadline=dates.civil_society_deadline,
        report_adopted_on=dates.report_adopted_on,
        created_at=adopted,
        updated_at=_noon(dates.report_adopted_on) if dates.report_adopted_on else adopted,
    )


def _questionnaire(item: ScaleRound) -> Questionnaire:
    adopted = _noon(item.dates.adopted_on)
    return Questionnaire(
        round=item.round,
        title_en=f"Questionnaire of synthetic round {item.index}",
        title_fr=f"Questionnaire du cycle synthétique {item.index}",
        introduction_en="Generated for load testing.",
        introduction_fr="Généré pour des tests de charge.",
        created_at=adopted,
        updated_at=adopted,
    )


def question_outline(count: int, rng: random.Random) -> list[tuple[str, str | None, str]]:
    """(number, parent number, theme) of `count` questions: each theme's share filled with questions and
    their sub-parts, numbered on across themes."""
    outline, top = [], 0
    for theme, room in spread(THEME_SHARES, count).items():
        while room > 0:
            top += 1
            numbers = [(str(top), None)]
            for part in range(1, rng.choice(SUBPARTS) + 1):
                numbers.append((f"{top}.{part}", str(top)))
                if rng.random() < 0.25:
                    numbers += [(f"{top}.{part}.{letter}", f"{top}.{part}") for letter in "ab"]
            for number, parent in numbers[:room]:
                outline.append((number, parent, theme))
            room -= len(numbers)
    return outline


def _questions(writer: Writer, questionnaire: Questionnaire, item: ScaleRound, *, count: int, seed: int):
    rng = random.Random(f"{seed}:questions:{item.index}")
    adopted = _noon(item.dates.adopted_on)
    by_number: dict[str, Question] = {}
    levels: list[list[Question]] = [[], [], []]
    for position, (number, parent, theme) in enumerate(question_outline(count, rng), start=1):
        parent_question = by_number.get(parent)
        kind = parent_question.kind if parent_question else _kind(rng)
        text_en, text_fr, guidance_en, guidance_fr = _wording(rng, theme=theme, subpart=parent is not None)
        question = Question(
            questionnaire=questionnaire,
            parent=parent_question,
            number=number,
            position=position,
            kind=kind,
            theme=theme,
            articles=", ".join(sorted(rng.sample(phrases.ARTICLES, rng.choice((0, 1, 1, 2))))),
            required=rng.random() < 0.9,
            asks_for_data=rng.random() < 0.2,
            text_en=text_en,
            text_fr=text_fr,
            guidance_en=guidance_en,
            guidance_fr=guidance_fr,
            created_at=adopted,
            updated_at=adopted,
        )
        by_number[number] = question
        levels[number.count(".")].append(question)
    for level in levels:  # parents first: their sub-parts take their ids once they have them
        writer.insert(Question, level)
    return sorted(by_number.values(), key=lambda question: question.position)


def _kind(rng: random.Random) -> str:
    return Question.Kind.CAPACITY_BUILDING if rng.random() < 0.25 else Question.Kind.MONITORING


_DEMO = {
    (theme, subpart): [
        entry
        for entry in QUESTIONS_2ND_ROUND
        if entry["theme"] == theme and (entry["parent"] is not None) == subpart
    ]
    for theme in THEME_SHARES
    for subpart in (False, True)
}


def _wording(rng: random.Random, *, theme: str, subpart: bool) -> tuple[str, str, str, str]:
    """A question's text and guidance in English and French: the demo's wording of a question on the same
    theme half of the time, else a form from `phrases`."""
    demo = _DEMO[theme, subpart]
    if demo and rng.random() < 0.5:
        entry = rng.choice(demo)
        return entry["text_en"], entry["text_fr"], entry["guidance_en"], entry["guidance_fr"]
    if subpart:
        en, fr = rng.choice(phrases.SUBPART_FORMS)
        return en, fr, "", ""
    goal_en, goal_fr = rng.choice(phrases.GOALS[theme])
    form_en, form_fr = rng.choice(phrases.QUESTION_FORMS)
    return form_en.format(goal=goal_en), form_fr.format(goal=goal_fr), "", ""


def _versions(writer: Writer, questionnaire: Questionnaire, item: ScaleRound, *, languages: list) -> None:
    """The questionnaire in each national language of the Parties (in that language's pseudo-language: see
    `text`)."""
    adopted = _noon(item.dates.adopted_on)
    versions = writer.insert(
        LinguisticVersion,
        [
            LinguisticVersion(
                questionnaire=questionnaire, language=language, created_at=adopted, updated_at=adopted
            )
            for language in languages
        ],
    )
    writer.insert(
        QuestionText,
        [
            QuestionText(
                version=version,
                question=question,
                text=pseudo_sentence(question.text_en, version.language.code),
            )
            for version in versions
            for question in item.questions
        ],
        batch_size=2000,
    )
