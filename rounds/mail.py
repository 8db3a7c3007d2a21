"""E-mails of the portal: rendered in the recipient's language, as plain text with an HTML alternative."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def mail_send(*, template: str, to: list[str], context: dict, language: str) -> int:
    """Send `<template>_subject.txt`, `.txt` and `.html` to `to`; returns how many were sent."""
    if not to:
        return 0
    with translation.override(language):
        context = {**context, "site_url": settings.SITE_URL}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    email = EmailMultiAlternatives(subject, body, to=to)
    email.attach_alternative(html, "text/html")
    return email.send()
