from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = _("State replies")

    def ready(self) -> None:
        from core.audit import audit

        from .models import Answer, Attachment, Reply

        for model in (Reply, Answer, Attachment):
            audit(model)
