from celery import shared_task

from .services import party_comment_digest_send


@shared_task(acks_late=True)
def party_comment_digest_task() -> None:
    party_comment_digest_send()
