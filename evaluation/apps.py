from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "evaluation"
    verbose_name = _("Evaluation")

    def ready(self) -> None:
        from core.audit import audit

        from .models import (
            AgendaItem,
            Chapter,
            Citation,
            Meeting,
            Observation,
            ObservationComment,
            Rapporteur,
            Report,
            Statement,
        )

        # An observation's and a chapter's texts keep their own versions; these record every other change.
        for model in (
            Rapporteur,
            Observation,
            Citation,
            ObservationComment,
            Meeting,
            AgendaItem,
            Report,
            Chapter,
        ):
            audit(model)
        audit(Statement, m2m_fields=["parties", "questions", "answers", "contributions"])

        from reports.factsheets import report_link_register

        from .publication import adopted_report_path

        # The factsheets, built below this app, point to the round's adopted report once there is one.
        report_link_register(adopted_report_path)
