"""Every e-mail the portal sends is first a row here, written in the transaction of the event it tells of.

A task delivers it after the commit; when the broker is down the periodic sweep relays what is still
pending, so an e-mail is never lost with a failed enqueue. `key` makes a reminder unique: the second
attempt to queue the same one (a second beat, a rerun sweep) finds it and writes nothing.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboundEmail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    key = models.CharField(_("key"), max_length=200, unique=True, null=True, blank=True)
    to = models.JSONField(_("recipients"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    html = models.TextField(_("HTML"))
    language = models.CharField(_("language"), max_length=2)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    # When the broker last took its task: empty while no broker has (down or hung at the commit), which is
    # what the relay looks for.
    enqueued_at = models.DateTimeField(_("handed to the broker at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["status", "created_at"], name="outbox_pending")]

    def __str__(self) -> str:
        return self.subject
