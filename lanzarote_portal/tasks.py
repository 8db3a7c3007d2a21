"""Operational tasks of the portal itself, and the periodic sweep that wires the apps' deadlines together."""

import logging

from celery import shared_task
from django.core.cache import cache
from django.utils import timezone

from civil_society.services import secretariat_digest_resume
from civil_society.sweep import windows_sweep
from followup.sweep import clarifications_sweep
from outbox.services import outbox_relay
from rounds.sweep import phases_sweep
from submissions.sweep import replies_sweep

log = logging.getLogger(__name__)

HEARTBEAT_KEY = "worker:heartbeat"
SWEEP_KEY = "sweep:last"


@shared_task(ignore_result=True)
def worker_heartbeat() -> None:
    """Scheduled by beat; `/readyz` reports when a worker last ran it."""
    cache.set(HEARTBEAT_KEY, timezone.now().isoformat(), timeout=None)


@shared_task(acks_late=True, ignore_result=True)
def sweep() -> None:
    """Scheduled by beat every few minutes (DESIGN §3): rounds' phases, deadlines, comment windows, reminders,
    and the relay of e-mails a broker outage held back. Each part is idempotent, so a redelivered or doubled
    sweep changes nothing more; one part failing does not stop the others, and the sweep is recorded as done
    in `SWEEP_KEY` (shown by `/readyz`) only when all succeeded."""
    now = timezone.now()
    failures = []
    for name, part in (
        ("rounds", phases_sweep),  # first: the parts after it read the rounds' phases
        ("replies", replies_sweep),
        ("windows", windows_sweep),
        ("clarifications", clarifications_sweep),
        ("digest", secretariat_digest_resume),  # today's, if a killed run left it half-queued
        ("outbox relay", outbox_relay),
    ):
        try:
            log.info("Sweep %s: %s", name, part(now=now))
        except Exception as error:  # logged here, raised below once the other parts ran
            log.exception("Sweep %s failed", name)
            failures.append(error)
    if failures:
        raise failures[0]
    cache.set(SWEEP_KEY, timezone.now().isoformat(), timeout=None)
