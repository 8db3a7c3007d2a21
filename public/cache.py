"""Public pages are cached per language, under a key that changes whenever anything they show may have
changed, so nothing is ever invalidated by hand and nothing can be forgotten.

The key's version is read from the data itself in one query: for each table a public page reads from, the
latest `updated_at` and the row count (a deletion changes the count). Every service writes `updated_at`
with its changes (no `update()` around them), and a published reply's answers are locked, so a publication,
an acknowledged or withdrawn comment, an adopted finding or a rendered factsheet each give a new version.
The day is part of it too: comment windows close at midnight. So is the cache's generation, a token kept in
the shared cache for as long as it holds: a web process keeps the pages it served last in its own memory
under their version, and once the shared cache is emptied, none of them is served again (after at most
PUBLIC_DATA_VERSION_IN_MEMORY_SECONDS, how long a process remembers the version it read).
"""

import contextvars
import hashlib
import secrets
import time
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache, caches
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from civil_society.models import Contribution, ContributionItem, CoSignature, Organisation
from evaluation.models import Chapter, Report, ReportDocument, Statement
from followup.models import Assessment, Clarification, Item
from questionnaires.models import LinguisticVersion, Question, Questionnaire
from reports.models import Factsheet, Finding
from rounds.models import Participation, Party, PartyStatement, Round
from submissions.models import Attachment, Reply

T = TypeVar("T")

VERSIONED = (
    Round,
    Party,
    PartyStatement,
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
    # The implementation report: its adoption, a correction of a chapter or statement, a rendered PDF.
    Report,
    Chapter,
    Statement,
    ReportDocument,
    # The follow-up: an assessment adopted (or corrected), an item, a request for clarifications.
    Item,
    Assessment,
    Clarification,
)


def public_data_row() -> tuple:
    """For each table of VERSIONED, its latest `updated_at` and its row count: one query, whatever the size
    of the tables (each part is an aggregate over one table)."""
    parts = ", ".join(
        f"(SELECT MAX(updated_at) FROM {table}), (SELECT COUNT(*) FROM {table})"  # noqa: S608 (names from models)
        for table in (connection.ops.quote_name(model._meta.db_table) for model in VERSIONED)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {parts}")
        return cursor.fetchone()


def public_data_version() -> str:
    """The version of the public data. Read once per page (the whole-page cache reads it first), and kept in
    the cache between pages: the aggregates take milliseconds per table at volume; each web process also
    remembers it for PUBLIC_DATA_VERSION_IN_MEMORY_SECONDS. Any save or deletion of
    a row of VERSIONED forgets it, at once and again when its transaction commits (so that a page read in
    between cannot keep the old version); a write that bypasses `save()` (a bulk update) is seen once the
    kept version expires, after PUBLIC_DATA_VERSION_SECONDS."""
    version = known_public_data_version()
    if version is None:
        data = hashlib.sha256(repr((public_data_row(), timezone.localdate())).encode()).hexdigest()[:32]
        version = f"{data}:{_generation()}"
        cache.set(VERSION_KEY, version, timeout=settings.PUBLIC_DATA_VERSION_SECONDS)
        _remember(version, settings.PUBLIC_DATA_VERSION_IN_MEMORY_SECONDS)
    return version


def known_public_data_version() -> str | None:
    """The version if this page, this process or the cache knows it; never read from the database."""
    known = _page_version.get()
    if known is not None:
        return known
    remembered, until = _remembered
    if remembered is not None and time.monotonic() < until:
        return remembered
    version = cache.get(VERSION_KEY)
    if version is not None:
        _remember(version, settings.PUBLIC_DATA_VERSION_IN_MEMORY_SECONDS)
    return version


def forget_public_data_version(**kwargs) -> None:
    _forget()
    transaction.on_commit(_forget)


def _forget() -> None:
    _remember(None, 0)
    cache.delete(VERSION_KEY)


def _remember(version: str | None, seconds: float) -> None:
    """This process's memory of the version (PUBLIC_DATA_VERSION_IN_MEMORY_SECONDS): a cached page then
    costs no round trip to the shared cache; a change made by another process shows that much later."""
    global _remembered
    _remembered = (version, time.monotonic() + seconds)


_remembered: tuple[str | None, float] = (None, 0.0)


def _generation() -> str:
    """The shared cache's generation: made when it is missing (the cache is new or was emptied), kept without
    expiry; `add` lets the first of several processes that make one at once win.

    Without an answer from the shared cache (down, or hung), the process uses one of its own, made at the
    first miss and dropped once the shared one is read again: its pages in memory keep serving through an
    outage (the data part of the version is still read from the database on every page), and none built
    during one is served after it, or during the next."""
    global _own_generation
    cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
    shared = cache.get(GENERATION_KEY)
    if shared is not None:
        _own_generation = None
        return shared
    _own_generation = _own_generation or f"own-{secrets.token_hex(8)}"
    return _own_generation


_own_generation: str | None = None


VERSION_KEY = "public:data-version"
GENERATION_KEY = "public:generation"
_page_version: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "public_data_version", default=None
)


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


KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language")


def whole_page_for_readers(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a public page whole from the cache to a reader without a session instead of rendering it again.

    The page is kept by its path and query and the language, with the data version it was built with; it
    is served while that version is the current one, built again (and replaced) once the data changed.
    Each web process also keeps the pages it served last in its own memory (the `pages` cache), under the
    version: the large pages then cost one small read of the shared cache (the version) and no transfer.
    A reader without a session sees nothing of their own on these pages (no name, no follow or comment
    button, no message), so one copy serves every such reader. A reader with a session, a page that sets a
    cookie, and anything but a complete 200 take the view as usual. The pages carry no form that needs a
    CSRF token for such readers: the language switcher, the one form of the header they see, is exempt."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not without_session(request):
            return view(request, *args, **kwargs)
        key = page_key(request.get_full_path())
        version = public_data_version()
        kept = kept_page(key, version)
        if kept is not None:
            return kept
        known = _page_version.set(version)
        try:
            response = view(request, *args, **kwargs)
        finally:
            _page_version.reset(known)
        if response.status_code == 200 and not response.streaming and not _sets_cookies(response):
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            cache.set(key, (version, response.content, headers), timeout=settings.PUBLIC_PAGE_CACHE_SECONDS)
            _keep_in_memory(key, version, response.content, headers)
        return response

    return wrapper


def page_key(full_path: str) -> str:
    """Where the shared cache keeps the page at this path and query in the active language."""
    return f"public:page:{get_language()}:{hashlib.sha256(full_path.encode()).hexdigest()[:32]}"


def kept_page(key: str, version: str) -> HttpResponse | None:
    """The page kept under `key` if it was built with this data version: from the process's memory, else
    from the shared cache (and then kept in memory too)."""
    in_memory = caches["pages"].get(f"{key}:{version}")
    if in_memory is not None:
        return HttpResponse(in_memory[0], headers=in_memory[1])
    built_with, content, headers = cache.get(key, (None, None, None))
    if built_with != version:
        return None
    _keep_in_memory(key, version, content, headers)
    return HttpResponse(content, headers=headers)


def _keep_in_memory(key: str, version: str, content: bytes, headers: dict) -> None:
    caches["pages"].set(f"{key}:{version}", (content, headers), timeout=settings.PUBLIC_PAGE_CACHE_SECONDS)


def without_session(request: HttpRequest) -> bool:
    """A reading request (GET or HEAD) of someone without a session or pending messages, not from htmx."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and "HTTP_HX_REQUEST" not in request.META  # not request.headers: that copies every header
    )


def _sets_cookies(response: HttpResponse) -> bool:
    """Cookies other than the CSRF token, which these pages render only for the exempt language switcher."""
    return any(name != settings.CSRF_COOKIE_NAME for name in response.cookies)
