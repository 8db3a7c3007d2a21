import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from core.audit import audited

from .errors import InvalidExtension
from .models import Participation


@audited
@transaction.atomic
def participation_extend_deadline(
    *, participation: Participation, until: datetime.date | None
) -> Participation:
    """Give one Party more time, or withdraw its extension with `until=None`."""
    participation.deadline_extended_to = until
    try:
        participation.clean()
    except ValidationError as error:
        raise InvalidExtension(" ".join(error.messages)) from None
    participation.save(update_fields=["deadline_extended_to", "updated_at"])
    return participation
