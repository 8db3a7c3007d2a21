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

        from submissions.panels import dashboard_notices_register, editor_panels_register

        from .panels import dashboard_notices, editor_panels

        # A follow-up reply is written in the replies' editor, which sits below this app in the layers.
        editor_panels_register(editor_panels)
        dashboard_notices_register(dashboard_notices)

        from evaluation.desk_sections import desk_sections_register

        from .panels import evaluation_desk_sections

        desk_sections_register(evaluation_desk_sections)
