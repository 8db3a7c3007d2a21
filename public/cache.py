"""Public pages are cached per language, under a key that changes whenever anything they show may have
changed, so nothing is ever invalidated by hand and nothing can be forgotten.

The key's version is read from the data itself in one query: for each table a public page reads from, the
latest `updated_at` and the row count (a deletion changes the count). Every service writes `updated_at`
with its changes (no `update()` around them), and a published reply's answers are locked, so a publication,
an acknowledged or withdrawn comment, an adopted finding or a rendered factsheet each give a new version.
The day is part of it too: comment windows close at midnight.
"""

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from django.utils.translation import get_language

from civil_society.models import Contribution, ContributionItem, CoSignature, Organisation
from questionnaires.models import LinguisticVersion, Question, Questionnaire
from reports.models import Factsheet, Finding
from rounds.models import Participation, Party, Round
from submissions.models import Attachment, Reply

T = TypeVar("T")

VERSIONED = (
    Round,
    Party,
    Participation,
    Questionnaire,
    Question,
    LinguisticVersion,
    Reply,
    Attachment,
    Organisation,
    Contribution,
    ContributionItem,
    CoSignature,
    Finding,
    Factsheet,
)


def public_data_version() -> str:
    """One query, whatever the size of the tables (each part is an aggregate over one table)."""
    parts = ", ".join(
        f"(SELECT MAX(updated_at) FROM {table}), (SELECT COUNT(*) FROM {table})"
        for table in (connection.ops.quote_name(model._meta.db_table) for model in VERSIONED)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {parts}")  # table names from the models, no input
        row = cursor.fetchone()
    return hashlib.sha256(repr((row, timezone.localdate())).encode()).hexdigest()[:32]


def cached(name: str, *parts: object, build: Callable[[], T]) -> T:
    """What `build` returns (a page's HTML, or the rows a page shows) for these parts, the language and the
    data version; built once per version. `parts` name everything else the result depends on."""
    subject = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    key = f"public:{name}:{get_language()}:{subject}:{public_data_version()}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=settings.PUBLIC_PAGE_CACHE_SECONDS)
    return value
