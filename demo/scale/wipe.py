"""Finding and removing the scale data set: its rounds (`scale-N`) with everything written in them, its
organisations and its users. The Parties stay, like the demo's: the real ones are the demo's, the synthetic
ones are reused by the next seed.

Rows are deleted with `QuerySet.delete()`, which the audit trail records row by row, a few at a time: a
reply's answers are read into memory to be recorded.
"""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from civil_society.models import Contribution, Organisation
from reports.models import Finding
from rounds.models import Round
from submissions.models import Attachment, Reply

from .organisations import NAME_PATTERN
from .structure import SLUG_PATTERN
from .writing import Writer, chunked

USERNAME_PATTERN = r"^scale-(secretariat|focal-[a-z]{2}|ngo-[0-9]{4})$"


def scale_footprint() -> dict[str, int]:
    """How many rounds, organisations and users of a scale data set the database holds."""
    return {
        "rounds": scale_rounds().count(),
        "organisations": Organisation.objects.filter(name__regex=NAME_PATTERN).count(),
        "users": get_user_model().objects.filter(username__regex=USERNAME_PATTERN).count(),
    }


def scale_rounds() -> QuerySet[Round]:
    return Round.objects.filter(slug__regex=SLUG_PATTERN)


def scale_wipe(writer: Writer) -> None:
    rounds = scale_rounds()
    _delete(Finding.objects.filter(round__in=rounds), 1000)
    _delete(Contribution.objects.filter(round__in=rounds), 500)
    attachments = Attachment.objects.filter(reply__round__in=rounds)
    for attachment in attachments.only("file"):
        attachment.file.delete(save=False)
    _delete(attachments, 500)
    writer.say("deleting the previous scale data set: findings, contributions and attachments deleted")
    _delete(Reply.objects.filter(round__in=rounds), 10)
    _delete(rounds, 1)
    _delete(Organisation.objects.filter(name__regex=NAME_PATTERN), 500)
    _delete(get_user_model().objects.filter(username__regex=USERNAME_PATTERN), 500)
    writer.say("the previous scale data set is deleted")


def _delete(queryset: QuerySet, size: int) -> None:
    model = queryset.model
    for pks in chunked(queryset.values_list("pk", flat=True).order_by("pk"), size):
        model.objects.filter(pk__in=pks).delete()
