"""State replies of the scale rounds: every Party replies to every round, in the states of `timeline`, each
step left in the reply's transitions; every question answered (a draft: some of them), in the reply's
official language and, for most Parties with a national language, in that language too.

Answers go to the database a few hundred at a time with their history and their versions: the texts of a
whole round would not fit in memory comfortably.
"""

import random
from dataclasses import dataclass

from questionnaires.models import Question
from submissions.answer_html import answer_with_html
from submissions.models import Answer, AnswerVersion, Reply, ReplyTransition

from .parties import Cast
from .structure import ScaleRound
from .text import Pool
from .timeline import ReplyStory, between, reply_states, reply_story
from .writing import Writer

State = Reply.State
NATIONAL_SHARE = 0.8  # of the replies of a Party with a national language, those with a version in it
DRAFT_NATIONAL_SHARE = 0.7  # of a draft's answers, those already written in the national language too
REVISED_SHARE = 0.15  # answers saved twice: a shorter first version, then the final one
FLUSH_AT = 250
RETURN_MESSAGE = "Please complete the answers to the questions on data before submitting again."


@dataclass(frozen=True)
class ReplyRecord:
    """What the later steps need to know of a reply, without its answers."""

    reply: Reply
    item: ScaleRound
    story: ReplyStory
    focal_point: object

    @property
    def national_code(self) -> str | None:
        return self.reply.national_language.code if self.reply.national_language_id else None


def replies_create(
    writer: Writer, *, rounds: list[ScaleRound], cast: Cast, pool: Pool, seed: int, words: tuple[int, int]
) -> list[ReplyRecord]:
    records = []
    for item in rounds:
        rng = random.Random(f"{seed}:replies:{item.index}")
        states = reply_states(age=item.dates.age, parties=len(cast.parties), rng=rng)
        round_records = []
        for party, state in zip(cast.parties, states, strict=True):
            story = reply_story(state=state, dates=item.dates, rng=rng)
            national = cast.national[party.pk] if rng.random() < NATIONAL_SHARE else None
            reply = Reply(
                round=item.round,
                party=party,
                state=state,
                language=cast.official[party.pk],
                national_language=national,
                submitted_at=story.first(State.SUBMITTED),
                is_late=story.is_late,
                registered_at=story.first(State.REGISTERED),
                published_on=story.published_on,
                overdue_at=story.overdue_at,
                created_at=story.opened_at,
                updated_at=story.last_at,
            )
            round_records.append(ReplyRecord(reply, item, story, cast.focal_points[party.pk]))
        writer.insert(Reply, [record.reply for record in round_records])
        writer.insert(ReplyTransition, [t for record in round_records for t in _transitions(record, cast)])
        answers = _answers_write(writer, round_records, pool=pool, rng=rng, words=words)
        writer.say(f"{item.slug}: {len(round_records)} replies, {answers} answers")
        records += round_records
    return records


def _transitions(record: ReplyRecord, cast: Cast) -> list[ReplyTransition]:
    by = {"focal": record.focal_point, "secretariat": cast.secretariat}
    return [
        ReplyTransition(
            reply=record.reply,
            from_state=from_state,
            to_state=to_state,
            by=by[actor],
            at=at,
            message=RETURN_MESSAGE if to_state == State.RETURNED else "",
        )
        for from_state, to_state, actor, at in record.story.steps
    ]


def _answers_write(
    writer: Writer, records: list[ReplyRecord], *, pool: Pool, rng: random.Random, words: tuple[int, int]
) -> int:
    pending: list[tuple[Answer, list[AnswerVersion]]] = []
    written = 0
    for record in records:
        for question in _answered(record, rng):
            pending.append(_answer(record, question, pool=pool, rng=rng, words=words))
            if len(pending) >= FLUSH_AT:
                written += _flush(writer, pending)
    return written + _flush(writer, pending)


def _answered(record: ReplyRecord, rng: random.Random) -> list[Question]:
    questions = record.item.questions
    if record.reply.state != State.DRAFT:
        return questions
    chosen = set(rng.sample(range(len(questions)), k=int(len(questions) * rng.uniform(0, 0.95))))
    return [question for position, question in enumerate(questions) if position in chosen]


def _answer(
    record: ReplyRecord, question: Question, *, pool: Pool, rng: random.Random, words: tuple[int, int]
):
    reply, story = record.reply, record.story
    groups = pool.compose(rng, words=rng.randint(*words), language=reply.language)
    national = record.national_code
    if national and reply.state == State.DRAFT and rng.random() >= DRAFT_NATIONAL_SHARE:
        national = None
    texts = [(pool.read(groups, reply.language), pool.read(groups, national) if national else "")]
    saved = [between(story.opened_at, story.writing_ends, rng)]
    if rng.random() < REVISED_SHARE:
        first = groups[: max(1, len(groups) // 2)]
        texts.insert(0, (pool.read(first, reply.language), pool.read(first, national) if national else ""))
        saved.append(between(saved[0], story.writing_ends, rng))
    text, national_text = texts[-1]
    answer = Answer(
        reply=reply,
        question=question,
        text=text,
        national_text=national_text,
        version=len(texts),
        saved_by=record.focal_point,
        created_at=saved[0],
        updated_at=saved[-1],
    )
    answer_with_html(answer)
    versions = [
        AnswerVersion(
            version=number, text=official, national_text=other, saved_by=record.focal_point, saved_at=at
        )
        for number, ((official, other), at) in enumerate(zip(texts, saved, strict=True), start=1)
    ]
    return answer, versions


def _flush(writer: Writer, pending: list) -> int:
    answers = writer.insert(Answer, [answer for answer, _versions in pending], batch_size=FLUSH_AT)
    for answer, versions in pending:
        for version in versions:
            version.answer = answer
    writer.insert(AnswerVersion, [version for _answer, versions in pending for version in versions])
    pending.clear()
    return len(answers)
