"""A person's personal data, on request (GDPR): everything the portal holds about them as one JSON document,
and its erasure, keeping what they did for their organisation attributed to the organisation."""

from .erasure import (
    ErasurePlan,
    personal_data_erase,
    personal_data_erasure_plan,
    personal_data_erasure_request,
)
from .export import personal_data_export, personal_data_json
from .people import is_erased, member_name, personal_data_check

__all__ = [
    "ErasurePlan",
    "is_erased",
    "member_name",
    "personal_data_check",
    "personal_data_erase",
    "personal_data_erasure_plan",
    "personal_data_erasure_request",
    "personal_data_export",
    "personal_data_json",
]
