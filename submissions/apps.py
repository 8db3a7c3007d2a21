from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = _("State replies")

    def ready(self) -> None:
        from core.audit import audit

        from .answer_html import HTML_FIELDS
        from .models import Answer, Attachment, Reply

        for model in (Reply, Attachment):
            audit(model)
        # The HTML is the text rendered again: the history keeps the texts only.
        audit(Answer, excluded_fields=list(HTML_FIELDS))
