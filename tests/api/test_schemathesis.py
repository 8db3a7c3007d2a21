"""The API against its own OpenAPI description, with cases generated from it (schemathesis, property-based).

The schema is read from the application (`/api/schema/`), then every operation is called through the WSGI
application on the demo data (the 2nd round published) with generated parameters and bodies, valid and
not: no answer may be a server error, and each must have a status and a body the description promises.
Reads are made by the public; writes by the callers who may make them: a focal point of France, a member
of the demo organisation Alpha, the Secretariat for publishing. Paths name objects that exist, so that the
bodies and filters reach the services rather than stopping at a 404.

Bounded for `make test`: a few examples per operation, derandomized (the same cases on every run).
"""

import datetime
from types import SimpleNamespace

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.test import APIClient
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from civil_society.models import Contribution, Organisation
from lanzarote_portal.wsgi import application
from rounds.models import Party, Round
from tests.factories import ParticipationFactory, QuestionFactory, QuestionnaireFactory, RoundFactory
from tests.transactions import rolled_back_after_module

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]
EXAMPLES = 15
FUZZ_ROUND = "fuzz-round"

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)

bounded = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo data, a round collecting France's reply, and the callers' tokens: loaded once for the
    module inside a transaction that is rolled back at its end, so no other test sees them."""
    with rolled_back_after_module(django_db_blocker):
        yield _demo()


@pytest.fixture
def open_connection():
    """The WSGI application closes the database connection after each request, as in production; here
    that would end the test's transaction, so, as Django's test client does, the connection stays open."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _demo() -> SimpleNamespace:
    call_command("seed_demo", "--force", verbosity=0)
    fuzz_round = RoundFactory(
        slug=FUZZ_ROUND,
        number=99,
        status=Round.Status.REPLIES,
        reply_deadline=datetime.date(2099, 12, 31),
    )
    questionnaire = QuestionnaireFactory(round=fuzz_round)
    parent = QuestionFactory(questionnaire=questionnaire, number="1", position=1)
    QuestionFactory(questionnaire=questionnaire, number="1.1", position=2, parent=parent, required=False)
    ParticipationFactory(round=fuzz_round, party=Party.objects.get(code="FR"))
    alpha = Organisation.objects.get(memberships__user__username="ngo-alpha")
    draft = Contribution.objects.filter(organisation=alpha, state=Contribution.State.DRAFT).first()
    if draft is None:
        draft = Contribution.objects.create(
            round=Round.objects.get(slug="2nd-round"),
            organisation=alpha,
            kind=Contribution.Kind.COMMENT,
            visibility=Contribution.Visibility.PUBLIC,
            language="en",
            created_by=alpha.memberships.first().user,
        )
    public = Contribution.objects.filter(
        visibility=Contribution.Visibility.PUBLIC, state=Contribution.State.ACKNOWLEDGED
    ).first()
    return SimpleNamespace(
        tokens={name: _token(name) for name in ("focal-fr", "ngo-alpha", "secretariat")},
        draft=draft.pk,
        public=public.pk,
    )


def _token(username: str) -> str:
    response = APIClient().post(
        "/api/v1/auth/token/", {"username": username, "password": "lanzarote-demo"}, format="json"
    )
    assert response.status_code == 200, response.content
    return response.json()["token"]


# Who calls each write, and on which objects.
WRITERS = {
    "answers_save": ("focal-fr", {"slug": FUZZ_ROUND, "iso2": "FR", "number": "1"}),
    "replies_submit": ("focal-fr", {"slug": FUZZ_ROUND, "iso2": "FR"}),
    "attachments_create": ("focal-fr", {"slug": FUZZ_ROUND, "iso2": "FR"}),
    "replies_publish": ("secretariat", {"slug": "2nd-round", "iso2": "FR"}),
    "comments_create": ("ngo-alpha", {"slug": "2nd-round"}),
    "comments_submit": ("ngo-alpha", {"id": "draft"}),
    "comments_document": ("ngo-alpha", {"id": "draft"}),
}
# Where each read looks.
READ_PATH = {"slug": "2nd-round", "iso2": "FR", "id": "public"}


def _path(case, values: dict, demo: SimpleNamespace) -> None:
    for name in case.path_parameters or {}:
        if name in values:
            value = values[name]
            case.path_parameters[name] = getattr(demo, value) if value in ("draft", "public") else value


@pytest.mark.django_db
@schema.include(method="GET").parametrize()
@bounded
def test_the_public_reads_keep_to_the_description(case, demo, open_connection):
    _path(case, READ_PATH, demo)
    case.call_and_validate(checks=CHECKS)


@pytest.mark.django_db
@schema.exclude(method="GET").parametrize()
@bounded
def test_the_writes_keep_to_the_description(case, demo, open_connection):
    operation = case.operation.definition.raw.get("operationId")
    headers = {}
    if operation in WRITERS:
        user, values = WRITERS[operation]
        _path(case, values, demo)
        headers["Authorization"] = f"Token {demo.tokens[user]}"
    case.call_and_validate(headers=headers, checks=CHECKS)
