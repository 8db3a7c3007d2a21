from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CivilSocietyConfig(AppConfig):
    name = "civil_society"
    verbose_name = _("Civil society")

    def ready(self) -> None:
        from core.audit import audit

        from .models import Contribution, ContributionItem, CoSignature, Membership, Organisation

        for model in (ContributionItem, CoSignature, Organisation, Membership):
            audit(model)
        audit(Contribution, m2m_fields=["parties"])
