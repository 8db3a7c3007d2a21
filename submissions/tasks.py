from celery import shared_task

from .notifications import reply_notice_send


@shared_task(acks_late=True)
def reply_notice_task(reply_id: int, event: str) -> None:
    reply_notice_send(reply_id=reply_id, event=event)
