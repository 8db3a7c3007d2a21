"""The Committee's numbered meetings: their agendas and the decisions recorded item by item."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audited
from core.dates import date_display
from core.deadlines import STRASBOURG
from core.text_limits import text_check

from ..errors import InvalidEvaluation
from ..models import AgendaItem, Chapter, Meeting, Observation
from .access import readable_observation, secretariat_only

Kind = AgendaItem.Kind


@audited
@transaction.atomic
def meeting_create(
    *, number: int, place: str, starts_on: datetime.date, ends_on: datetime.date, by
) -> Meeting:
    secretariat_only(by)
    if ends_on < starts_on:
        raise InvalidEvaluation(_("A meeting ends on or after its first day."), field="ends_on")
    if not place.strip():
        raise InvalidEvaluation(_("Say where the meeting is held, or “online”."), field="place")
    try:
        with transaction.atomic():
            return Meeting.objects.create(
                number=number, place=place.strip(), starts_on=starts_on, ends_on=ends_on
            )
    except IntegrityError:
        raise InvalidEvaluation(
            _("Meeting %(number)s is recorded already.") % {"number": number}, field="number"
        ) from None


@audited
@transaction.atomic
def agenda_item_add(
    *,
    meeting: Meeting,
    kind: str,
    title: str,
    by,
    observation: Observation | None = None,
    chapter: Chapter | None = None,
    document_ref: str = "",
) -> AgendaItem:
    """An item at the end of the agenda. Observations put on an agenda are tabled for it."""
    secretariat_only(by)
    if kind not in Kind.values:
        raise InvalidEvaluation(_("Choose what the item is."), field="kind")
    expected = {Kind.OBSERVATION: (True, False), Kind.CHAPTER: (False, True), Kind.DECISION: (False, False)}
    if (observation is not None, chapter is not None) != expected[kind]:
        raise InvalidEvaluation(
            _("An item examines observations or a chapter, or is a decision: name what it examines."),
            field="kind",
        )
    text_check(title, kind="explanation", field="title", label=_("Title"))
    if not title.strip():
        raise InvalidEvaluation(_("Give the item a title."), field="title")
    if observation is not None:
        observation = readable_observation(observation, by=by, lock=True)
        if observation.state == Observation.State.DRAFT:
            observation.state = Observation.State.TABLED
            observation.save(update_fields=["state", "updated_at"])
    last = meeting.items.aggregate(last=Max("position"))["last"]
    return AgendaItem.objects.create(
        meeting=meeting,
        position=0 if last is None else last + 1,
        kind=kind,
        title=title.strip(),
        observation=observation,
        chapter=chapter,
        document_ref=document_ref.strip(),
    )


@audited
@transaction.atomic
def agenda_decision_record(
    *, item: AgendaItem, decision: str, by, now: datetime.datetime | None = None
) -> AgendaItem:
    """What the Committee decided on the item; observations examined at the item are examined."""
    secretariat_only(by)
    text_check(decision, kind="message", field="decision", label=_("Decision"))
    if not decision.strip():
        raise InvalidEvaluation(_("Write the decision taken."), field="decision")
    now = now or timezone.now()
    item = AgendaItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)
    if timezone.localdate(now, STRASBOURG) < item.meeting.starts_on:
        raise InvalidEvaluation(
            _("The Committee decides at the meeting: record the decision from %(day)s on.")
            % {"day": date_display(item.meeting.starts_on)},
            field="decision",
        )
    item.decision, item.decided_at = decision.strip(), now
    item.save(update_fields=["decision", "decided_at", "updated_at"])
    if item.observation_id:
        observation = Observation.objects.select_for_update().get(pk=item.observation_id)
        if observation.state != Observation.State.EXAMINED:
            observation.state = Observation.State.EXAMINED
            observation.save(update_fields=["state", "updated_at"])
    return item
