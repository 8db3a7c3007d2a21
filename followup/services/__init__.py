"""The follow-up's writes (DESIGN §3): the exercise, assessments and requests for clarifications
(`compliance.py`), and the Party's responses to those requests (`responses.py`)."""

from .compliance import (
    assessment_adopt,
    assessment_propose,
    clarification_request,
    current_assessment,
    exercise_create,
)
from .responses import clarification_response_save, clarification_response_submit

__all__ = [
    "assessment_adopt",
    "assessment_propose",
    "clarification_request",
    "clarification_response_save",
    "clarification_response_submit",
    "current_assessment",
    "exercise_create",
]
