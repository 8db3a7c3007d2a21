from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "followup"
    verbose_name = _("Follow-up of recommendations")

    def ready(self) -> None:
        from core.audit import audit

        from .models import Assessment, Clarification, Item

        audit(Item)
        audit(Assessment, m2m_fields=["evidence"])
        audit(Clarification)
