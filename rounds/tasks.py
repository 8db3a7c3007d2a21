from celery import shared_task

from .mail import mail_send


@shared_task(acks_late=True)
def mail_task(template: str, to: list[str], context: dict, language: str) -> None:
    """One e-mail, rendered from a context of plain values in the worker."""
    mail_send(template=template, to=to, context=context, language=language)
