"""The OpenAPI description's prose: what the whole API promises, set by a drf-spectacular postprocessing hook.

Each operation describes itself where it is written (the apps' `api.py`, with `extend_schema`); what holds
for every operation — logins, errors, lists, conditional reads, throttling — is said once, here.
"""

DESCRIPTION = """
The Lanzarote Committee's monitoring portal: monitoring rounds, the States Parties' replies, civil-society
contributions, and the Committee's findings and factsheets. Paths are relative to `/api/v1`; bodies are JSON
unless an operation takes a multipart upload.

## Logging in

Reads are open to everyone and show what the caller may see: published replies, acknowledged public
comments and adopted findings for the public; a Party's focal points also see their own Party's replies in
every state; an organisation's members also see their own contributions; the Secretariat sees everything.
Writes need a login, either

- a token: `POST /auth/token/` with `username` and `password` returns `{"token": "..."}`; send it as
  `Authorization: Token <token>`; or
- the portal's session cookie, with the CSRF token in `X-CSRFToken` for writes.

## Errors

Every error is `{"detail": "...", "code": "..."}` with a 4xx status: `code` is stable, `detail` is for a
person, in the caller's language (`Accept-Language`: `en` or `fr`). Some errors add a member:

- 400: `invalid` (with `errors`: each refused field and its messages), `invalid_file`,
  `invalid_language`, `invalid_date`, `too_long` (with `field` and `limit`: a text longer than the
  characters that field accepts; answers and contributions 100,000 unless the portal sets another limit);
- 401: `not_authenticated`, `authentication_failed`;
- 403: `csrf_failed` (a write with a session login but without its CSRF token), `not_permitted` (a
  Committee member who reads an observation but may not change it);
- 404: `not_found`: nothing there, or nothing the caller may see (never 403);
- 405: `method_not_allowed`;
- 409: `edit_conflict` (with `current`: the answer or the observation as stored), `not_editable`,
  `invalid_transition`, `comment_window_closed` (with `closes_at`), `organisation_not_verified`,
  `co_signers_pending`;
- 413: `too_large`;
- 415: `unsupported_media_type`;
- 429: `throttled`, with a `Retry-After` header.

## Lists

Lists are paginated: `{"count", "next", "previous", "results"}`, 50 results a page unless `page_size` asks
for another number (at most 200); a page past the end is 404. Their order is stable (documented on each).
Filters narrow what the caller may see, never widen it; an unknown value of a filter is 400 `invalid`.
`updated_since` takes an ISO 8601 date and time (`2025-01-31T00:00:00Z`; a time without an offset is
Strasbourg time) and keeps what changed at or after it.

## Conditional reads

The public's reads (no token, no session) carry `ETag` and `Last-Modified`; sending them back in
`If-None-Match` or `If-Modified-Since` answers `304 Not Modified` while the portal's public data has not
changed. A logged-in caller's reads, which may include drafts, carry neither.

## Throttling

Calls are limited per client address without a login and per user with one; beyond the limit the API
answers 429 `throttled` with `Retry-After`. `POST /auth/token/` has its own, stricter limit.
"""

TAGS = [
    {"name": "authentication", "description": "A token for the `Authorization: Token <token>` header."},
    {"name": "rounds", "description": "States Parties and monitoring rounds."},
    {"name": "questionnaires", "description": "A round's questions."},
    {"name": "submissions", "description": "State replies: answers, attachments, submission, publication."},
    {"name": "civil-society", "description": "Organisations and their contributions (comments, replies)."},
    {"name": "reports", "description": "The Committee's findings and the factsheets."},
    {"name": "evaluation", "description": "The Committee's implementation reports and observations."},
]


NOT_MODIFIED = {
    "description": "Not modified: the `If-None-Match` or `If-Modified-Since` sent still holds (callers "
    "without a login only)."
}
VALIDATORS = {
    "ETag": {
        "description": "For callers without a login: send it back in `If-None-Match`.",
        "schema": {"type": "string"},
    },
    "Last-Modified": {
        "description": "For callers without a login: send it back in `If-Modified-Since`.",
        "schema": {"type": "string"},
    },
}
RETRY_AFTER = {
    "Retry-After": {"description": "Seconds to wait before calling again.", "schema": {"type": "integer"}}
}


def describe(result: dict, generator, request, public) -> dict:
    """drf-spectacular postprocessing hook: what holds for the whole API, said once.

    The API-wide description and the tags; on every read, the validators and the 304 of conditional reads
    (lanzarote_portal.api_conditional wraps every GET of the API); on every 429, `Retry-After`."""
    result["info"]["description"] = DESCRIPTION.strip()
    result["tags"] = TAGS
    for operations in result["paths"].values():
        for method, operation in operations.items():
            responses = operation.get("responses", {})
            if method == "get" and "200" in responses:
                responses["200"].setdefault("headers", {}).update(VALIDATORS)
                responses["304"] = NOT_MODIFIED
            if "429" in responses:
                responses["429"].setdefault("headers", {}).update(RETRY_AFTER)
    return result
