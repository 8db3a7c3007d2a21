"""E-mails to a Party's focal points about their reply, in the reply's language, as text and HTML."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from rounds.models import FocalPoint

from .models import Reply

EVENTS = ("submitted", "returned", "published")


def reply_notice_send(*, reply_id: int, event: str) -> int:
    """Send one notice to every focal point of the Party; returns how many were sent."""
    reply = Reply.objects.select_related("round", "party").get(pk=reply_id)
    recipients = list(
        FocalPoint.objects.filter(party=reply.party)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    if event not in EVENTS or not recipients:
        return 0
    message = reply.transitions.order_by("-at", "-pk").values_list("message", flat=True).first() or ""
    with translation.override(reply.language):
        context = {"reply": reply, "message": message, "site_url": settings.SITE_URL}
        subject = render_to_string(f"submissions/email/{event}_subject.txt", context).strip()
        body = render_to_string(f"submissions/email/{event}.txt", context)
        html = render_to_string(f"submissions/email/{event}.html", context)
    email = EmailMultiAlternatives(subject, body, to=recipients)
    email.attach_alternative(html, "text/html")
    return email.send()
