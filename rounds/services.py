import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audited
from core.deadlines import STRASBOURG

from .errors import InvalidExtension, RoleConflict
from .models import CommitteeMember, FocalPoint, Participation, Party, Round
from .phases import latest_extension_of, phase_due


@audited
@transaction.atomic
def participation_extend_deadline(
    *, participation: Participation, until: datetime.date | None
) -> Participation:
    """Give one Party more time, or withdraw its extension with `until=None`; the round's phase follows (an
    extension granted once replies were closed collects them again)."""
    participation.deadline_extended_to = until
    try:
        participation.clean()
    except ValidationError as error:
        raise InvalidExtension(" ".join(error.messages)) from None
    participation.save(update_fields=["deadline_extended_to", "updated_at"])
    round_phase_follow(round=participation.round)
    return participation


@audited
@transaction.atomic
def round_phase_follow(*, round: Round, now: datetime.datetime | None = None) -> str | None:
    """Move the round to the phase its dates call for today (`rounds.phases`), unless it is held or closed.
    Returns the new phase, None when the round stays where it is.

    Compared and set under a row lock: a concurrent sweep or save that moved the round first leaves nothing
    to do, so running it twice changes the round (and writes its history) once."""
    today = timezone.localdate(now or timezone.now(), STRASBOURG)
    locked = Round.objects.select_for_update().get(pk=round.pk)
    due = phase_due(round=locked, on=today, latest_extension=latest_extension_of(locked))
    if locked.phase_held or locked.status == Round.Status.CLOSED or due in (None, locked.status):
        return None
    locked.status = round.status = due
    locked.save(update_fields=["status", "updated_at"])
    round.updated_at = locked.updated_at
    return due


@audited
@transaction.atomic
def committee_member_appoint(*, user, party: Party) -> CommitteeMember:
    """Seat a user on the Committee for a Party's delegation (or move them to another Party's)."""
    if FocalPoint.objects.filter(user=user).exists():
        raise RoleConflict(
            _("%(user)s is a focal point; a focal point cannot also sit on the Committee.") % {"user": user}
        )
    member, _created = CommitteeMember.objects.update_or_create(user=user, defaults={"party": party})
    return member
