from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Findings and factsheets")

    def ready(self) -> None:
        from core.audit import audit

        from . import checks  # noqa: F401  (registers the PDF-rendering system check)
        from .models import Finding

        audit(Finding, m2m_fields=["questions", "parties", "answers", "contributions"])
