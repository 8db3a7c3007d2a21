"""The permission checks the evaluation's services share: who may change what they may read."""

from django.utils.translation import gettext as _

from rounds.models import CommitteeMember
from rounds.selectors import committee_member_of

from ..errors import NotFound, NotPermitted
from ..models import Observation
from ..selectors import is_evaluator, may_write_observation, observations_visible_to


def secretariat_only(by) -> None:
    """The Secretariat's own acts (appointing, meetings, reports): a member is told so, anyone else that
    there is nothing here."""
    if by.is_authenticated and by.is_staff:
        return
    if is_evaluator(by):
        raise NotPermitted(_("Only the Secretariat can do this."))
    raise NotFound()


def member_of(by) -> CommitteeMember | None:
    return committee_member_of(by)


def readable_observation(observation: Observation, *, by, lock: bool = False) -> Observation:
    """The observation as `by` may read it (row-locked when asked), else NotFound."""
    observations = observations_visible_to(by)
    if lock:
        observations = observations.select_for_update(of=("self",))
    found = observations.filter(pk=observation.pk).first()
    if found is None:
        raise NotFound()
    return found


def writable_observation(observation: Observation, *, by, lock: bool = True) -> Observation:
    """The observation, locked, for its Rapporteur or the Secretariat; NotPermitted for other members."""
    found = readable_observation(observation, by=by, lock=lock)
    if not may_write_observation(by, found):
        raise NotPermitted(_("Only the observation's Rapporteur or the Secretariat can change it."))
    return found
