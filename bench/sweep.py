"""The periodic sweep (`lanzarote_portal.tasks.sweep`: deadlines, comment windows, reminders, the outbox
relay) in this process on the seeded volume: its first run, which does whatever is due, then the runs after
it, which find nothing left to do (the sweep is idempotent).

All of them run in one transaction, rolled back at the end: every benchmark run finds the data as seeded,
so the first run's work is the same from one benchmark run to the next (the e-mails it queues are stored,
then rolled back with their enqueueing, which waits for a commit).
"""

import dataclasses
import logging
import time

from .common import median


@dataclasses.dataclass(frozen=True)
class Result:
    volume: str
    first_seconds: float
    first_queries: int
    first_did: str
    again_seconds: float
    again_queries: int


def measure(*, repeats: int = 5) -> Result:
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from lanzarote_portal.tasks import sweep
    from rounds.models import Participation, Round
    from submissions.models import Reply

    runs = []
    with transaction.atomic():
        for _ in range(1 + repeats):
            with _SweepLog() as log, CaptureQueriesContext(connection) as queries:
                began = time.perf_counter()
                sweep()
                runs.append((time.perf_counter() - began, len(queries), log.did()))
        transaction.set_rollback(True)
    open_rounds = Participation.objects.filter(round__status=Round.Status.REPLIES).count()
    volume = (
        f"{Participation.objects.count()} participations ({open_rounds} in rounds open for replies), "
        f"{Reply.objects.count()} replies"
    )
    (first, first_queries, did), again = runs[0], runs[1:]
    print(f"Sweep: first {first:.2f} s ({did}), then {median([run[0] for run in again]):.2f} s")
    return Result(
        volume=volume,
        first_seconds=first,
        first_queries=first_queries,
        first_did=did,
        again_seconds=median([run[0] for run in again]),
        again_queries=max(run[1] for run in again),
    )


class _SweepLog(logging.Handler):
    """What each part of the sweep reports it did (the task logs it), kept out of the console."""

    logger = logging.getLogger("lanzarote_portal.tasks")

    def __enter__(self) -> "_SweepLog":
        self.parts: list[tuple[str, object]] = []
        self._saved = self.logger.level, self.logger.propagate
        self.logger.setLevel(logging.INFO)
        self.logger.propagate = False
        self.logger.addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        self.logger.removeHandler(self)
        self.logger.level, self.logger.propagate = self._saved

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg == "Sweep %s: %s":
            self.parts.append(record.args)

    def did(self) -> str:
        done = []
        for name, outcome in self.parts:
            counts = outcome.items() if isinstance(outcome, dict) else [("e-mails", outcome)]
            done += [f"{name} {label.replace('_', ' ')} {count}" for label, count in counts if count]
        return ", ".join(done) or "nothing due"
