"""E-mails to a Party's focal points about their reply, in the reply's language, as text and HTML."""

from rounds.mail import mail_send
from rounds.models import FocalPoint

from .models import Reply

EVENTS = ("submitted", "returned", "published")


def reply_notice_send(*, reply_id: int, event: str) -> int:
    """Send one notice to every focal point of the Party; returns how many were sent."""
    if event not in EVENTS:
        return 0
    reply = Reply.objects.select_related("round", "party").get(pk=reply_id)
    recipients = list(
        FocalPoint.objects.filter(party=reply.party)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    message = reply.transitions.order_by("-at", "-pk").values_list("message", flat=True).first() or ""
    return mail_send(
        template=f"submissions/email/{event}",
        to=recipients,
        context={"reply": reply, "message": message},
        language=reply.language,
    )
