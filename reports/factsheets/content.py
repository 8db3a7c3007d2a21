"""What every factsheet shares: the findings it may show (adopted, public), its first page, the version of the
public data it is built from. What each kind says is in `country` and `thematic`."""

import hashlib
import json
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy

from core.viewers import PUBLIC
from questionnaires.models import Theme
from rounds.models import Round

from ..models import Factsheet, Finding
from ..selectors import findings_visible_to
from .links import site_url


@dataclass
class Built:
    template: str
    context: dict
    data_version: str
    title: str = ""
    extra: dict = field(default_factory=dict)


# Section headings of a thematic factsheet, in the order the Committee's reports use.
KIND_HEADINGS = {
    Finding.Kind.RECOMMENDATION: gettext_lazy("Recommendations"),
    Finding.Kind.PROMISING_PRACTICE: gettext_lazy("Promising practices"),
    Finding.Kind.CHALLENGE: gettext_lazy("Challenges"),
}
GRADES = list(Finding.Grade.values)  # strongest first


def public_findings(round: Round) -> QuerySet[Finding]:
    return findings_visible_to(PUBLIC).filter(round=round)


def themes_with_findings(round: Round) -> list[str]:
    """The themes a thematic factsheet is due for: those of the round's adopted findings."""
    themes = set(public_findings(round).exclude(theme="").values_list("theme", flat=True))
    return [value for value in Theme.values if value in themes]


def version_of(payload: object) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def cover(*, round: Round, language: str) -> dict:
    return {
        "round": round,
        "edition_date": timezone.localdate(),
        "language_label": dict(Factsheet.Language.choices)[language],
        "site_url": site_url(""),
    }


def round_half(value: float) -> float:
    return round(value, 1)
