"""E-mails to a Party's focal points about their reply, in the reply's language, as text and HTML."""

from outbox.services import email_queue
from rounds.models import FocalPoint

from .models import Reply


def reply_notice_queue(*, reply: Reply, event: str, message: str = "") -> None:
    """Queue the notice of `event` (submitted, returned, published) to every focal point of the Party."""
    recipients = list(
        FocalPoint.objects.filter(party=reply.party_id)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    email_queue(
        template=f"submissions/email/{event}",
        to=recipients,
        context={"reply": reply, "message": message},
        language=reply.language,
    )
