"""The Party's response to a request for clarifications, written by its focal points: saved like an answer
(compare-and-set on the version under a row lock; a conflict carries the stored text), then submitted once.
A response submitted after the due day is accepted and marked late (`Clarification.is_late`)."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from civil_society.documents import safe_html
from core.audit import audited
from core.dates import date_display
from core.deadlines import STRASBOURG
from core.text_limits import text_check

from ..errors import EditConflict, InvalidFollowUp, InvalidTransition, NotFound
from ..models import Clarification
from ..selectors import clarification_for_focal_point


def _locked(clarification: Clarification, *, by) -> Clarification:
    """The request, row-locked, if `by` is a focal point of the Party asked (else NotFound), and still
    open (else InvalidTransition)."""
    if clarification_for_focal_point(by, clarification.pk) is None:
        raise NotFound()
    locked = (
        Clarification.objects.select_for_update(of=("self",))
        .select_related("responded_by")
        .get(pk=clarification.pk)
    )
    if locked.submitted_at is not None:
        submitted_on = timezone.localdate(locked.submitted_at, STRASBOURG)
        raise InvalidTransition(
            _("This response was submitted on %(day)s and can no longer be changed.")
            % {"day": date_display(submitted_on)}
        )
    return locked


def _save(locked: Clarification, *, body: str, version: int, by) -> None:
    text_check(body, kind="text", field="response", label=_("Response"))
    if locked.version != version:
        raise EditConflict(
            _(
                "%(user)s saved a newer version of this response while you were editing. "
                "Your text has not been saved: compare both, then save again."
            )
            % {"user": locked.responded_by.get_username() if locked.responded_by else _("A colleague")},
            current={"response": locked.response, "version": locked.version},
        )
    locked.response, locked.version, locked.responded_by = safe_html(body), locked.version + 1, by
    locked.save(update_fields=["response", "version", "responded_by", "updated_at"])


@audited
@transaction.atomic
def clarification_response_save(
    *, clarification: Clarification, body: str, version: int, by, now: datetime.datetime | None = None
) -> Clarification:
    """Save the response against the version the writer last read (0 before the first save). If a
    colleague saved since, nothing is written and EditConflict carries the stored text."""
    locked = _locked(clarification, by=by)
    _save(locked, body=body, version=version, by=by)
    return locked


@audited
@transaction.atomic
def clarification_response_submit(
    *,
    clarification: Clarification,
    by,
    body: str | None = None,
    version: int | None = None,
    now: datetime.datetime | None = None,
) -> Clarification:
    """Send the response to the Committee (with `body`, saved first against `version`): it can no longer
    change, and is evidence for the cycle's assessment. Refused while it is empty."""
    locked = _locked(clarification, by=by)
    if body is not None:
        _save(locked, body=body, version=locked.version if version is None else version, by=by)
    if not strip_tags(locked.response).strip():
        raise InvalidFollowUp(_("Write the response before submitting it."), field="response")
    locked.submitted_at = now or timezone.now()
    locked.save(update_fields=["submitted_at", "updated_at"])
    return locked
