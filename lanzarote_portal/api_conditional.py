"""Conditional reads for the public: `ETag` and `Last-Modified` on the API's GETs without a login, and
`304 Not Modified` when `If-None-Match` or `If-Modified-Since` shows the caller has them already.

Only for callers without a login (no `Authorization` header, no logged-in session). Their reads show public
data only — published replies, acknowledged public comments, adopted findings, rounds out of preparation —
so a single version of the public data validates every one of them, whatever the path. A logged-in
caller's reads also show what only that caller may see (a focal point's drafts, an organisation's own
contributions, the Secretariat's everything), which an ETag would have to key on the caller's role, Party
and organisation: the visibility rules written a second time, here. Those reads carry no validator.

The version is that of the public pages (public.cache.VERSIONED): for each table they read, the latest
`updated_at` and the row count, in one query run before the view, so a 304 costs that query alone. The ETag
also names the path with its query and the language of the response. `Last-Modified` is the latest
`updated_at`, to the second; a deletion does not move it, which is why the ETag, which counts rows, is the
validator to prefer (a request with both is judged on `If-None-Match`, RFC 9110).

A 304 is counted by the view's throttles like any other call, so validators are no way around the rate.
"""

import datetime
import hashlib
from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language

from public.cache import public_data_row

# A response depends on these request headers; shared caches keep one copy per value.
VARY = ("Accept-Language", "Authorization", "Cookie")


def public_data_state() -> tuple[str, datetime.datetime | None]:
    """A version of the public data and the instant it last changed, in one query."""
    row = public_data_row()
    instants = [instant for instant in map(_instant, row[::2]) if instant is not None]
    return hashlib.sha256(repr(row).encode()).hexdigest()[:32], max(instants, default=None)


def _instant(value) -> datetime.datetime | None:
    """A timestamp as the database returns it from raw SQL: aware (PostgreSQL) or UTC text (SQLite)."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return value


def _has_login(request: HttpRequest) -> bool:
    return "HTTP_AUTHORIZATION" in request.META or request.user.is_authenticated


def conditional_for_the_public(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap an API view: validators and 304s for the public's GET and HEAD; other calls pass through."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method not in ("GET", "HEAD") or _has_login(request):
            response = view(request, *args, **kwargs)
        else:
            response = _conditional(view, request, *args, **kwargs)
        patch_vary_headers(response, VARY)
        return response

    return wrapped


def _conditional(view, request: HttpRequest, *args, **kwargs) -> HttpResponse:
    version, last_modified = public_data_state()
    subject = repr((version, request.get_full_path(), get_language()))
    etag = quote_etag(hashlib.sha256(subject.encode()).hexdigest()[:32])
    timestamp = int(last_modified.timestamp()) if last_modified else None
    validators = {"ETag": etag}
    if timestamp is not None:
        validators["Last-Modified"] = http_date(timestamp)
    response = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if response is None or not _throttles_allow(view, request):
        response = view(request, *args, **kwargs)  # throttled there, with its 429, when it must be
        if response.status_code != 200:
            return response
    elif not isinstance(response, HttpResponseNotModified):
        return response  # 412: an If-Match or If-Unmodified-Since that does not hold
    for header, value in validators.items():
        response[header] = value
    return response


def _throttles_allow(view, request: HttpRequest) -> bool:
    """Count this call as the DRF view would (its throttles read the address and the user only)."""
    return all(throttle().allow_request(request, None) for throttle in view.cls.throttle_classes)
