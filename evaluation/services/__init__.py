"""Every write of the evaluation (keyword-only, audited, one transaction each)."""

from .documents import report_documents_queue
from .meetings import agenda_decision_record, agenda_item_add, meeting_create
from .observations import (
    citation_add,
    citation_remove,
    observation_comment,
    observation_create,
    observation_examine,
    observation_reopen,
    observation_save,
    observation_table,
    rapporteur_appoint,
)
from .papers import meeting_papers_send as meeting_papers_send
from .reports import chapter_create, chapter_save, report_adopt, report_create, statement_add

__all__ = [
    "agenda_decision_record",
    "agenda_item_add",
    "chapter_create",
    "chapter_save",
    "citation_add",
    "citation_remove",
    "meeting_create",
    "observation_comment",
    "observation_create",
    "observation_examine",
    "observation_reopen",
    "observation_save",
    "observation_table",
    "rapporteur_appoint",
    "report_adopt",
    "report_create",
    "report_documents_queue",
    "statement_add",
]
