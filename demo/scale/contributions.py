"""Civil-society contributions: comments on published replies (within each reply's comment window) and
replies to the questionnaire (before the round's civil-society deadline), exactly one fifth confidential,
in English or French, with one or more items on the round's questions, some with a general part, some by
coalitions, and their moderation: submitted, acknowledged, requests for additional information.

Contributions are built and written a thousand at a time, in the order the seed draws them.
"""

import datetime
import random
from collections import defaultdict
from dataclasses import dataclass, field

from civil_society.models import (
    Contribution,
    ContributionEvent,
    ContributionItem,
    CoSignature,
    InformationRequest,
)
from civil_society.windows import add_months
from core.deadlines import STRASBOURG, end_of_day

from . import phrases
from .organisations import Organisations
from .parties import Cast
from .replies import ReplyRecord
from .structure import ScaleRound
from .text import Pool
from .timeline import AS_OF, between, days, moment
from .writing import Writer, chunked

Kind, Visibility, State = Contribution.Kind, Contribution.Visibility, Contribution.State
COMMENT_SHARE = 0.7
CONFIDENTIAL_SHARE = 5  # one in five
STATES_OPEN = {State.DRAFT: 35, State.SUBMITTED: 40, State.ACKNOWLEDGED: 25}  # the window is still open
STATES_CLOSED = {State.DRAFT: 8, State.SUBMITTED: 12, State.ACKNOWLEDGED: 80}
ITEMS = {1: 50, 2: 20, 3: 15, 4: 7, 5: 5, 6: 3}
CO_SIGNED_SHARE = 0.1
REQUESTED_SHARE = 0.02
REQUEST = {
    "en": "Could you tell us the sources of the figures you quote?",
    "fr": "Pourriez-vous nous indiquer les sources des chiffres que vous citez ?",
}


@dataclass
class _Planned:
    contribution: Contribution
    parties: list
    items: list[ContributionItem] = field(default_factory=list)
    co_signatures: list[CoSignature] = field(default_factory=list)
    events: list[ContributionEvent] = field(default_factory=list)
    requests: list[InformationRequest] = field(default_factory=list)


def contributions_create(
    writer: Writer,
    *,
    count: int,
    records: list[ReplyRecord],
    rounds: list[ScaleRound],
    cast: Cast,
    organisations: Organisations,
    pool: Pool,
    seed: int,
) -> dict[tuple[int, int], list[int]]:
    """Write `count` contributions. Returns the public acknowledged comments, by (round id, question id),
    which the findings may cite."""
    if count <= 0 or not organisations.verified:
        return {}
    rng = random.Random(f"{seed}:contributions")
    confidential = set(rng.sample(range(count), count // CONFIDENTIAL_SHARE))
    published = [record for record in records if record.reply.state == record.reply.State.PUBLISHED]
    citable: dict[tuple[int, int], list[int]] = defaultdict(list)
    plans = (
        _plan(
            rng,
            visibility=Visibility.CONFIDENTIAL if number in confidential else Visibility.PUBLIC,
            published=published,
            rounds=rounds,
            cast=cast,
            organisations=organisations,
            pool=pool,
        )
        for number in range(count)
    )
    for number, batch in enumerate(chunked(plans, 1000), start=1):
        _write(writer, batch, citable)
        if number % 5 == 0:
            writer.say(f"contributions: {number * 1000} of {count}")
    writer.say(f"contributions: {count}, {len(confidential)} confidential")
    return citable


def _target(rng: random.Random, *, published, rounds, cast) -> tuple:
    """What a contribution is about: (kind, scale round, Parties, first day, last day of its window)."""
    if published and rng.random() < COMMENT_SHARE:
        record = rng.choice(published)
        opens_on = record.reply.published_on
        closes_on = add_months(opens_on, record.item.round.comment_window_months)
        return Kind.COMMENT, record.item, [record.reply.party], opens_on, closes_on
    item = rng.choice(rounds)
    count = 1 if rng.random() < 0.8 else min(len(cast.parties), rng.randint(2, 4))
    parties = rng.sample(cast.parties, k=count)
    return Kind.QUESTIONNAIRE_REPLY, item, parties, item.dates.adopted_on, item.dates.civil_society_deadline


def _plan(rng: random.Random, *, visibility, published, rounds, cast, organisations, pool) -> _Planned:
    organisation = rng.choice(organisations.verified)
    author = organisations.members[organisation.pk]
    kind, item, parties, opens_on, closes_on = _target(rng, published=published, rounds=rounds, cast=cast)
    opens_at = datetime.datetime.combine(opens_on, datetime.time(9, 0), tzinfo=STRASBOURG)
    latest = min(end_of_day(closes_on) - datetime.timedelta(minutes=1), AS_OF)
    created = between(opens_at, latest, rng)
    shares = STATES_OPEN if end_of_day(closes_on) > AS_OF else STATES_CLOSED
    state = rng.choices(list(shares), weights=list(shares.values()))[0]
    submitted = between(created, latest, rng) if state != State.DRAFT else None
    acknowledged = (
        moment(submitted.date() + days(rng.randint(1, 25)), rng) if state == State.ACKNOWLEDGED else None
    )
    if acknowledged and acknowledged > AS_OF:
        state, acknowledged = State.SUBMITTED, None
    language = "fr" if rng.random() < 0.25 else "en"
    public_comment = kind == Kind.COMMENT and visibility == Visibility.PUBLIC
    contribution = Contribution(
        round=item.round,
        organisation=organisation,
        kind=kind,
        visibility=visibility,
        language=language,
        title=_title(kind, parties, language),
        general_text=_html(pool, rng, language, 100, 500) if rng.random() < 0.4 else "",
        state=state,
        created_by=author,
        submitted_at=submitted,
        acknowledged_at=acknowledged,
        # The Party's focal points heard of a public comment in the next day's digest.
        party_notified_at=min(acknowledged + days(1), AS_OF) if acknowledged and public_comment else None,
        created_at=created,
        updated_at=acknowledged or submitted or created,
    )
    if rng.random() < 0.1:
        contribution.children_involved = True
        contribution.children_involvement = rng.choice(phrases.CHILDREN_INVOLVEMENT)[language == "fr"]
    plan = _Planned(contribution, parties)
    questions = rng.sample(
        item.questions, k=min(len(item.questions), rng.choices(list(ITEMS), list(ITEMS.values()))[0])
    )
    for question in sorted(questions, key=lambda q: q.position):
        plan.items.append(
            ContributionItem(
                contribution=contribution,
                question=question,
                text=_html(pool, rng, language, 60, 500),
                created_at=created,
                updated_at=created,
            )
        )
    if rng.random() < CO_SIGNED_SHARE:
        _co_sign(plan, rng, organisations=organisations, until=submitted or latest)
    _moderate(plan, rng, author=author, secretariat=cast.secretariat, pool=pool)
    return plan


def _title(kind: str, parties: list, language: str) -> str:
    names = ", ".join(party.name_fr if language == "fr" else party.name_en for party in parties)
    if kind == Kind.COMMENT:
        return (
            f"Commentaires sur la réponse : {names}"
            if language == "fr"
            else f"Comments on the reply of {names}"
        )
    return f"Rapport alternatif : {names}" if language == "fr" else f"Alternative report: {names}"


def _html(pool: Pool, rng: random.Random, language: str, low: int, high: int) -> str:
    return pool.read_html(pool.compose(rng, words=rng.randint(low, high), language=language), language)


def _co_sign(plan: _Planned, rng: random.Random, *, organisations: Organisations, until) -> None:
    contribution = plan.contribution
    others = [o for o in organisations.verified if o.pk != contribution.organisation.pk]
    for organisation in rng.sample(others, k=min(len(others), rng.randint(1, 3))):
        if contribution.state == State.DRAFT:
            state = rng.choice(CoSignature.State.values)
        else:
            state = CoSignature.State.CONFIRMED  # nobody submits before every co-signer confirmed
        decided = between(contribution.created_at, until, rng) if state != CoSignature.State.PENDING else None
        plan.co_signatures.append(
            CoSignature(
                contribution=contribution,
                organisation=organisation,
                state=state,
                decided_by=organisations.members[organisation.pk] if decided else None,
                decided_at=decided,
                created_at=contribution.created_at,
                updated_at=decided or contribution.created_at,
            )
        )


def _moderate(plan: _Planned, rng: random.Random, *, author, secretariat, pool: Pool) -> None:
    contribution = plan.contribution
    if contribution.submitted_at:
        plan.events.append(
            _event(contribution, ContributionEvent.Action.SUBMITTED, author, contribution.submitted_at)
        )
    if contribution.acknowledged_at:
        plan.events.append(
            _event(
                contribution, ContributionEvent.Action.ACKNOWLEDGED, secretariat, contribution.acknowledged_at
            )
        )
    if not contribution.submitted_at or rng.random() >= REQUESTED_SHARE:
        return
    asked = moment(contribution.submitted_at.date() + days(rng.randint(1, 10)), rng)
    if asked > AS_OF:
        return
    due_on = asked.date() + days(30)
    request = InformationRequest(
        contribution=contribution,
        question=REQUEST[contribution.language],
        due_on=due_on,
        requested_by=secretariat,
        created_at=asked,
        updated_at=asked,
    )
    closes_at = end_of_day(due_on)
    if rng.random() < 0.6:
        request.answered_at = between(asked, min(closes_at - datetime.timedelta(minutes=1), AS_OF), rng)
        request.answer = _html(pool, rng, contribution.language, 50, 150)
        request.answered_by, request.updated_at = author, request.answered_at
    elif closes_at <= AS_OF:
        request.closed_at = request.updated_at = closes_at  # the sweep closed it on its due date
    plan.requests.append(request)


def _event(contribution: Contribution, action: str, by, at) -> ContributionEvent:
    return ContributionEvent(contribution=contribution, action=action, by=by, at=at)


def _write(writer: Writer, batch: list[_Planned], citable: dict) -> None:
    writer.insert(Contribution, [plan.contribution for plan in batch])
    through = Contribution.parties.through
    writer.insert(
        through,
        [
            through(contribution_id=plan.contribution.pk, party_id=party.pk)
            for plan in batch
            for party in plan.parties
        ],
    )
    writer.insert(ContributionItem, [item for plan in batch for item in plan.items])
    writer.insert(CoSignature, [signature for plan in batch for signature in plan.co_signatures])
    writer.insert(ContributionEvent, [event for plan in batch for event in plan.events])
    writer.insert(InformationRequest, [request for plan in batch for request in plan.requests])
    for plan in batch:
        contribution = plan.contribution
        if (
            contribution.kind == Kind.COMMENT
            and contribution.visibility == Visibility.PUBLIC
            and contribution.state == State.ACKNOWLEDGED
        ):
            for item in plan.items:
                citable[contribution.round_id, item.question_id].append(contribution.pk)
