"""Every route of the URL configuration, tried by every role: what each may do is written down below, and a
route missing from the table fails the suite. What a role may not see answers 404 (or sends an anonymous
caller to log in); nothing answers 500.

Roles, in the order of each row: anonymous, a member of NGO 1, a member of NGO 2 (which NGO 1 asked to
co-sign its confidential draft), the focal point of Party A (published reply), the focal point of Party B
(draft reply), the Secretariat; then three Committee members: one for Party A, the Rapporteur on Question 1
(also for Party A), one for Party B. Routes naming a reply use Party B's draft; the other Party routes use
A's. The evaluation's routes name the Rapporteur's observation (citing Party A's published answer), meeting 1,
a draft report; the public report's, an adopted one with its PDF.
"""

import pytest
from django.db import transaction
from django.urls import reverse

from tests.auth import log_in_verified
from tests.security.conftest import restore_world
from tests.security.routes import Route, all_routes, url_of

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "member1",
    "member2",
    "focal_a",
    "focal_b",
    "staff",
    "committee_a",
    "rapporteur",
    "committee_b",
)

# name: (GET statuses, write statuses) for the roles above; writes are POSTs with an empty body (PUT for
# the API's answer), each route in a world of its own.
TABLE = {
    "account": ("302 200 200 200 200 200 200 200 200", "302 405 405 405 405 405 405 405 405"),
    "email-change": ("302 200 200 200 200 200 200 200 200", "302 200 200 200 200 200 200 200 200"),
    "email-change-confirm": ("302 404 404 404 404 404 404 404 404", "302 404 404 404 404 404 404 404 404"),
    "password-change": ("302 200 200 200 200 200 200 200 200", "302 200 200 200 200 200 200 200 200"),
    "password-reset": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    "password-reset-complete": ("200 200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405 405"),
    "password-reset-confirm": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    "password-reset-done": ("200 200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405 405"),
    "two-factor-recovery-codes": (
        "302 404 404 404 404 200 404 404 404",
        "302 404 404 404 404 302 404 404 404",
    ),
    "two-factor-setup": ("302 404 404 404 404 200 404 404 404", "302 404 404 404 404 200 404 404 404"),
    "two-factor-verify": ("302 404 404 404 404 302 404 404 404", "302 404 404 404 404 302 404 404 404"),
    "api-docs": ("200 200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405 405"),
    "api-schema": ("200 200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405 405"),
    "api:round-open-data": ("200 200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405 405"),
    "round-open-data": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    "round-open-data-json": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    "round-open-data-zip": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    "answer-history": ("302 404 404 404 200 404 404 404 404", "302 404 404 404 200 404 404 404 404"),
    "answer-save": ("302 405 405 405 405 405 405 405 405", "302 404 404 404 409 404 404 404 404"),
    "api:answer-save": ("401 405 405 405 405 405 405 405 405", "401 404 404 404 400 404 404 404 404"),
    "api:attachment-add": ("401 405 405 405 405 405 405 405 405", "401 404 404 404 400 404 404 404 404"),
    "api:comment-detail": ("404 200 200 404 404 200 404 404 404", "405 405 405 405 405 405 405 405 405"),
    "api:comment-document": ("401 405 405 405 405 405 405 405 405", "401 400 404 404 404 404 404 404 404"),
    "api:comment-list": ("200 200 200 200 200 200 200 200 200", "401 400 400 404 404 404 404 404 404"),
    "api:comment-submit": ("401 405 405 405 405 405 405 405 405", "401 409 404 404 404 404 404 404 404"),
    "api:factsheet-list": ("200 200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405 405"),
    "api:finding-list": ("200 200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405 405"),
    "api:not-found": ("404 404 404 404 404 404 404 404 404", "404 404 404 404 404 404 404 404 404"),
    "api:organisation-list": ("200 200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405 405"),
    "api:party-list": ("200 200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405 405"),
    "api:question-list": ("200 200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405 405"),
    "api:reply-detail": ("404 404 404 404 200 200 404 404 404", "405 405 405 405 405 405 405 405 405"),
    "api:reply-list": ("200 200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405 405"),
    "api:reply-publish": ("401 405 405 405 405 405 405 405 405", "401 404 404 404 404 409 404 404 404"),
    "api:reply-submit": ("401 405 405 405 405 405 405 405 405", "401 404 404 404 200 404 404 404 404"),
    "api:round-detail": ("200 200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405 405"),
    "api:round-list": ("200 200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405 405"),
    "api:token": ("405 405 405 405 405 405 405 405 405", "400 400 400 400 400 400 400 400 400"),
    "attachment-add": ("302 405 405 405 405 405 405 405 405", "302 404 404 404 302 404 404 404 404"),
    "attachment-download": ("404 404 404 404 200 200 404 404 404", "404 404 404 404 200 200 404 404 404"),
    "attachment-remove": ("302 405 405 405 405 405 405 405 405", "302 404 404 404 302 404 404 404 404"),
    "co-signature-decide": ("302 405 405 405 405 405 405 405 405", "302 404 404 404 404 404 404 404 404"),
    "contribution-co-signers": ("302 405 405 405 405 405 405 405 405", "302 302 404 404 404 404 404 404 404"),
    "contribution-consent": ("302 405 405 405 405 405 405 405 405", "302 302 404 404 404 404 404 404 404"),
    "contribution-document": ("302 405 405 405 405 405 405 405 405", "302 302 404 404 404 404 404 404 404"),
    "contribution-edit": ("302 200 200 404 404 200 404 404 404", "302 400 404 404 404 404 404 404 404"),
    "contribution-item-save": ("302 405 405 405 405 405 405 405 405", "302 302 404 404 404 404 404 404 404"),
    "contribution-new": ("302 200 200 404 404 404 404 404 404", "302 400 400 404 404 404 404 404 404"),
    "contribution-submit": ("302 200 404 404 404 404 404 404 404", "302 409 404 404 404 404 404 404 404"),
    "factsheet-download": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    "factsheet-list": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    "healthz": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    "home": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    "information-request": ("302 200 404 404 404 404 404 404 404", "302 400 404 404 404 404 404 404 404"),
    "invitation-accept": ("200 200 200 200 200 200 200 200 200", "400 400 400 400 400 400 400 400 400"),
    "login": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    "logout": ("405 405 405 405 405 405 405 405 405", "302 302 302 302 302 302 302 302 302"),
    "member-invite": ("302 200 200 404 404 404 404 404 404", "302 400 400 404 404 404 404 404 404"),
    "member-verify": ("404 404 404 404 404 404 404 404 404", "404 404 404 404 404 404 404 404 404"),
    "ngo-dashboard": ("302 200 200 404 404 404 404 404 404", "302 200 200 404 404 404 404 404 404"),
    "organisation-register": ("200 200 200 200 200 200 200 200 200", "400 400 400 400 400 400 400 400 400"),
    "party-feed": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    "party-follow": ("302 302 302 302 302 302 302 302 302", "302 302 302 302 302 302 302 302 302"),
    "party-reply": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    "party-unfollow": ("302 302 302 302 302 302 302 302 302", "302 302 302 302 302 302 302 302 302"),
    "personal-data": ("302 200 200 404 404 404 404 404 404", "302 405 405 405 405 405 405 405 405"),
    "personal-data-erasure-request": (
        "302 405 405 405 405 405 405 405 405",
        "302 302 302 404 404 404 404 404 404",
    ),
    "personal-data-export": ("302 200 200 404 404 404 404 404 404", "302 405 405 405 405 405 405 405 405"),
    # The world's contribution is confidential: its public page is missing for everyone, its authors too.
    "public-contribution": ("404 404 404 404 404 404 404 404 404", "404 404 404 404 404 404 404 404 404"),
    "question-compare": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    "readyz": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    "reply-dashboard": ("302 200 200 200 200 200 200 200 200", "302 200 200 200 200 200 200 200 200"),
    "reply-edit": ("302 404 404 404 200 404 404 404 404", "302 404 404 404 200 404 404 404 404"),
    "reply-settings": ("302 405 405 405 405 405 405 405 405", "302 404 404 404 302 404 404 404 404"),
    "reply-submit": ("302 404 404 404 200 404 404 404 404", "302 404 404 404 302 404 404 404 404"),
    "reply-word-download": ("302 404 404 404 200 404 404 404 404", "302 405 405 405 405 405 405 405 405"),
    "reply-word-import": ("302 404 404 404 200 404 404 404 404", "302 404 404 404 400 404 404 404 404"),
    "reply-word-preview": ("302 404 404 404 200 404 404 404 404", "302 404 404 404 302 404 404 404 404"),
    "round-detail": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    "round-feed": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    "round-follow": ("302 302 302 302 302 302 302 302 302", "302 302 302 302 302 302 302 302 302"),
    "round-list": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    "round-status": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    "round-status-csv": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    "round-unfollow": ("302 302 302 302 302 302 302 302 302", "302 302 302 302 302 302 302 302 302"),
    "search": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    "set_language": ("302 302 302 302 302 302 302 302 302", "302 302 302 302 302 302 302 302 302"),
    "subscription-unsubscribe": (
        "200 200 200 200 200 200 200 200 200",
        "200 200 200 200 200 200 200 200 200",
    ),
    "subscriptions": ("302 200 200 200 200 200 200 200 200", "302 404 404 404 404 404 404 404 404"),
    # The evaluation: internal to the Secretariat and the Committee's members (anonymous callers are sent
    # to log in); a member who may read but not change answers 403 with the refusal; the adopted report is
    # public.
    "api:observation": ("404 404 404 404 404 200 200 200 200", "401 404 404 404 404 400 400 400 400"),
    "api:report": ("200 200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405 405"),
    "evaluation-citation-remove": (
        "302 404 404 404 404 405 405 405 405",
        "302 404 404 404 404 302 403 302 403",
    ),
    "evaluation-desk": ("302 404 404 404 404 200 200 200 200", "302 404 404 404 404 200 200 200 200"),
    "evaluation-meeting": ("302 404 404 404 404 200 200 200 200", "302 404 404 404 404 200 200 200 200"),
    "evaluation-observation": ("302 404 404 404 404 200 200 200 200", "302 404 404 404 404 200 200 200 200"),
    "evaluation-observation-comment": (
        "302 404 404 404 404 405 405 405 405",
        "302 404 404 404 404 302 302 302 302",
    ),
    "evaluation-observation-examine": (
        "302 404 404 404 404 405 405 405 405",
        "302 404 404 404 404 302 403 403 403",
    ),
    "evaluation-observation-reopen": (
        "302 404 404 404 404 405 405 405 405",
        "302 404 404 404 404 302 403 302 403",
    ),
    "evaluation-observation-save": (
        "302 404 404 404 404 405 405 405 405",
        "302 404 404 404 404 409 403 409 403",
    ),
    "evaluation-observation-start": (
        "302 404 404 404 404 405 405 405 405",
        "302 404 404 404 404 302 302 302 302",
    ),
    "evaluation-observation-table": (
        "302 404 404 404 404 405 405 405 405",
        "302 404 404 404 404 302 403 302 403",
    ),
    "evaluation-question": ("302 404 404 404 404 200 200 200 200", "302 404 404 404 404 200 200 200 200"),
    "evaluation-quote": ("302 404 404 404 404 405 405 405 405", "302 404 404 404 404 302 302 302 302"),
    "evaluation-report": ("302 404 404 404 404 200 200 200 200", "302 404 404 404 404 200 200 200 200"),
    "evaluation-round": ("302 404 404 404 404 200 200 200 200", "302 404 404 404 404 200 200 200 200"),
    "round-report": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    "round-report-pdf": ("200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200"),
    # The follow-up in public: the world's follow-up is still in preparation, so only the Secretariat
    # reads its (empty) compliance table; everyone else is told the round has no follow-up.
    "round-follow-up": ("404 404 404 404 404 200 404 404 404", "404 404 404 404 404 200 404 404 404"),
    "api:follow-up": ("404 404 404 404 404 200 404 404 404", "405 405 405 405 405 405 405 405 405"),
    # A Party's follow-up: the Secretariat reads Party A's page of the exercise in preparation; its compliance
    # factsheet is the public's whoever asks, so none yet.
    "party-follow-up": ("404 404 404 404 404 200 404 404 404", "404 404 404 404 404 200 404 404 404"),
    "party-follow-up-pdf": ("404 404 404 404 404 404 404 404 404", "404 404 404 404 404 404 404 404 404"),
    # Requests for clarifications, answered by the focal points of the Party asked alone. The world's request
    # is of Party A in the follow-up still in preparation: nobody answers it yet.
    "clarification-list": ("302 404 404 200 200 404 404 404 404", "302 404 404 200 200 404 404 404 404"),
    "clarification-page": ("302 404 404 404 404 404 404 404 404", "302 404 404 404 404 404 404 404 404"),
    "clarification-save": ("302 405 405 405 405 405 405 405 405", "302 404 404 404 404 404 404 404 404"),
    "clarification-submit": ("302 405 405 405 405 405 405 405 405", "302 404 404 404 404 404 404 404 404"),
    # The follow-up's desk: proposals, requests and responses, the evaluators' alone (the world's follow-up is
    # in preparation, so the Secretariat's only); a POST naming no question and Party finds nothing.
    "follow-up-desk": ("302 404 404 404 404 200 404 404 404", "302 404 404 404 404 200 404 404 404"),
    "follow-up-propose": ("302 404 404 404 404 405 405 405 405", "302 404 404 404 404 404 404 404 404"),
}
PUT_ROUTES = {"api:answer-save", "api:observation"}

# The admin: everyone but staff is sent to the admin's log-in page. These are the Secretariat's refusals
# (what its permissions leave out); every other admin page opens for it.
ADMIN_REFUSED_TO_STAFF = {
    "admin:followup_assessment_delete",
    "admin:followup_clarification_delete",
    "admin:followup_exercise_delete",  # a round, kept
    "admin:followup_item_add",
    "admin:followup_item_delete",
    "admin:authtoken_tokenproxy_add",
    "admin:authtoken_tokenproxy_change",
    "admin:authtoken_tokenproxy_changelist",
    "admin:authtoken_tokenproxy_delete",
    "admin:civil_society_contribution_add",
    "admin:civil_society_contribution_delete",
    "admin:outbox_outboundemail_add",
    "admin:outbox_outboundemail_delete",
    "admin:reports_factsheet_add",
    "admin:submissions_answer_add",
    "admin:submissions_reply_add",
    "admin:submissions_reply_delete",
    "admin:autocomplete",
    # The evaluation's records are kept: observations begin on the Rapporteur's desk, and nothing the
    # Committee examined or adopted is deleted.
    "admin:evaluation_meeting_delete",
    "admin:evaluation_observation_add",
    "admin:evaluation_observation_delete",
    "admin:evaluation_rapporteur_delete",
    "admin:evaluation_report_delete",
    "admin:evaluation_statement_delete",
}
# The log-in throttle's records and the second-factor devices are the superuser's, not the Secretariat's.
SUPERUSER_ONLY = ("admin:axes_", "admin:otp_totp_", "admin:otp_static_")
# Staff pages with nothing to show for the world's objects: the contribution has no original document; a
# finding has no page of its own to "view on site".
ADMIN_NOTHING_TO_SHOW = {"admin:civil_society_contribution_document", "admin:view_on_site"}


def _site_routes() -> list[Route]:
    return [route for route in all_routes() if not route.is_admin]


def _admin_routes() -> list[Route]:
    return [route for route in all_routes() if route.is_admin and route.name != "admin:None"]


def _log_in(client, world, role: str) -> None:
    client.logout()
    if role == "staff":
        log_in_verified(client, world.staff)  # password and second factor, as the admin requires
    elif role != "anonymous":
        client.force_login(getattr(world, role))


def test_every_route_has_an_entry_in_the_table():
    names = {route.name for route in _site_routes()}
    assert names - TABLE.keys() == set(), "a new route: say in TABLE what each role may do with it"
    assert TABLE.keys() - names == set(), "a route in TABLE no longer exists"


@pytest.mark.parametrize("role", ROLES)
def test_what_each_role_may_read(client, world, role):
    _log_in(client, world, role)
    column = ROLES.index(role)
    wrong = {}
    for route in _site_routes():
        expected = int(TABLE[route.name][0].split()[column])
        status = client.get(url_of(route, world)).status_code
        if status != expected:
            wrong[route.name] = (expected, status)
    assert wrong == {}


@pytest.mark.parametrize("role", ROLES)
def test_what_each_role_may_write(client, world, role):
    column = ROLES.index(role)
    wrong = {}
    for route in _site_routes():
        expected = int(TABLE[route.name][1].split()[column])
        try:
            # A write by one route must not change what the next one finds: it is rolled back, and what it
            # changed outside the database is put back (restore_world).
            with transaction.atomic():
                _log_in(client, world, role)
                url = url_of(route, world)
                if route.name in PUT_ROUTES:
                    status = client.put(url, "{}", content_type="application/json").status_code
                else:
                    status = client.post(url, {}).status_code
                raise RolledBack
        except RolledBack:
            pass
        restore_world(world)
        if status != expected:
            wrong[route.name] = (expected, status)
    assert wrong == {}


class RolledBack(Exception):
    pass


@pytest.mark.parametrize("role", ROLES)
def test_the_admin_is_for_the_secretariat_only(client, world, role):
    _log_in(client, world, role)
    wrong = {}
    for route in _admin_routes():
        response = client.get(url_of(route, world))
        if route.name in ("admin:login", "admin:logout"):
            ok = response.status_code in (200, 302, 405)  # log-out is a POST
        elif role != "staff":
            ok = response.status_code == 302 and "/admin/login/" in response["Location"]
        elif route.name in ADMIN_REFUSED_TO_STAFF:
            ok = response.status_code in (403, 405)
        elif route.name.startswith(SUPERUSER_ONLY):  # a missing object's history redirects before refusing
            ok = response.status_code in (403, 405) or (
                response.status_code == 302 and "/admin/login/" not in response["Location"]
            )
        elif route.name in ADMIN_NOTHING_TO_SHOW:
            ok = response.status_code == 404
        else:
            ok = response.status_code in (200, 302) and "/admin/login/" not in response.get("Location", "")
        if not ok:
            wrong[route.name] = response.status_code
    assert wrong == {}


def test_staff_without_the_second_factor_reach_no_admin_page(client, world):
    """A password alone opens nothing: every admin page sends the session to log-in, which sends it on to
    the second factor."""
    client.force_login(world.staff)
    wrong = {}
    for route in _admin_routes():
        if route.name in ("admin:login", "admin:logout"):
            continue
        response = client.get(url_of(route, world))
        if not (response.status_code == 302 and "/admin/login/" in response["Location"]):
            wrong[route.name] = response.status_code
    assert wrong == {}
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("two-factor-verify"))
