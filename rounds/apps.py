from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoundsConfig(AppConfig):
    name = "rounds"
    verbose_name = _("Parties and rounds")

    def ready(self) -> None:
        # The audit trail (core.audit), registered once django-modeltranslation has added the translated
        # fields. The user model belongs to no app of the portal: its history is kept here, without the
        # password hash, and a log-in (which saves `last_login` only) records nothing.
        from django.contrib.auth import get_user_model

        from core.audit import audit

        from .models import CommitteeMember, FocalPoint, Participation, Party, Round

        for model in (Round, Participation, FocalPoint, CommitteeMember):
            audit(model)
        audit(Party, m2m_fields=["national_languages"])
        audit(
            get_user_model(),
            app=self.name,
            excluded_fields=["password", "last_login"],
            m2m_fields=["groups", "user_permissions"],  # who was given which rights
            quiet_fields=["last_login"],
        )
