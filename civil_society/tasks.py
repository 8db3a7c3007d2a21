from celery import shared_task

from .services import party_comment_digest_send, secretariat_digest_send


@shared_task(acks_late=True)
def party_comment_digest_task() -> None:
    party_comment_digest_send()


@shared_task(acks_late=True)
def secretariat_digest_task() -> None:
    """Daily, from beat; each staff member's e-mail is keyed by the day, so a second run sends nothing."""
    secretariat_digest_send()
