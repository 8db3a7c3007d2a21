"""`scale_seed`: the whole scale data set, in one transaction (a failure leaves the database as it was),
recorded in the audit trail as written by the system for "seed_scale".

Once committed, the planner's statistics are brought up to date (PostgreSQL), so that a benchmark run right
after the seed is not planned on the sizes of empty tables."""

from collections.abc import Callable

from django.db import connection, transaction

from core.audit import recorded

from .attachments import attachments_create
from .contributions import contributions_create
from .findings import findings_create
from .options import ScaleExists, ScaleOptions
from .organisations import organisations_create
from .parties import cast_create
from .replies import replies_create
from .structure import rounds_create
from .text import Pool
from .wipe import scale_footprint, scale_wipe
from .writing import Writer


def scale_seed(
    *, options: ScaleOptions, replace: bool = False, say: Callable[[str], None] | None = None
) -> Writer:
    """Build the scale data set; with `replace`, delete the previous one first, else refuse (ScaleExists)."""
    options.check()
    writer = Writer(say)
    with transaction.atomic(), recorded(by=None, reason="seed_scale"):
        footprint = scale_footprint()
        if any(footprint.values()):
            if not replace:
                found = ", ".join(f"{name}: {count}" for name, count in footprint.items() if count)
                raise ScaleExists(f"A scale data set already exists ({found}). Pass --force to replace it.")
            scale_wipe(writer)
        _build(writer, options)
    _analyze(writer)
    return writer


def _build(writer: Writer, options: ScaleOptions) -> None:
    seed = options.seed
    pool = Pool(seed)
    cast = cast_create(writer, count=options.parties, seed=seed)
    rounds = rounds_create(writer, count=options.rounds, cast=cast, seed=seed, questions=options.questions)
    writer.say(f"{len(cast.parties)} Parties, {len(rounds)} rounds of {options.questions} questions")
    records = replies_create(writer, rounds=rounds, cast=cast, pool=pool, seed=seed, words=options.words)
    attachments_create(writer, records=records, count=options.attachments, pool=pool, seed=seed)
    organisations = organisations_create(writer, contributions=options.contributions, cast=cast, seed=seed)
    citable = contributions_create(
        writer,
        count=options.contributions,
        records=records,
        rounds=rounds,
        cast=cast,
        organisations=organisations,
        pool=pool,
        seed=seed,
    )
    findings_create(
        writer, count=options.findings, rounds=rounds, cast=cast, citable=citable, pool=pool, seed=seed
    )


def _analyze(writer: Writer) -> None:
    if connection.vendor != "postgresql":
        return
    started = writer.elapsed
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    writer.say(f"statistics updated (ANALYZE, {writer.elapsed - started:.1f}s)")
