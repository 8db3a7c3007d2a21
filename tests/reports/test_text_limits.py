"""A finding's titles and texts have limits (settings.TEXT_LIMITS): the service refuses a longer one naming
the field, and the admin's form shows the refusal beside it; nothing is written."""

import pytest
from django.urls import reverse

from core.errors import TextTooLong
from reports.models import Finding
from reports.services import finding_update
from tests.auth import log_in_verified

from .conftest import arguments, create

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings):
    settings.TEXT_LIMITS = {**settings.TEXT_LIMITS, "text": 100}


@pytest.mark.parametrize("field", ["text_en", "text_fr"])
def test_a_finding_with_a_text_too_long_is_refused_and_nothing_is_written(world, limits, field):
    with pytest.raises(TextTooLong) as refused:
        create(world, **{field: "t" * 101})

    assert refused.value.context == {"field": field, "limit": 100}
    assert not Finding.objects.exists()


def test_a_correction_too_long_changes_nothing(world, limits):
    finding = create(world)

    data = arguments(world, text_en="t" * 101, title_en="Changed")
    del data["round"], data["by"]

    with pytest.raises(TextTooLong):
        finding_update(finding=finding, **data)

    finding.refresh_from_db()
    assert finding.title_en == arguments(world)["title_en"]


def test_the_admin_form_shows_the_refusal_beside_the_text(world, limits, client, secretariat):
    log_in_verified(client, secretariat)
    data = {
        "round": world.round.pk,
        "kind": "recommendation",
        "grade": "considers",
        "theme": "",
        "position": 0,
        "title_en": "Criminalise coercion",
        "title_fr": "Incriminer la coercition",
        "text_en": "t" * 101,
        "text_fr": "Le Comité considère que les Parties devraient l'incriminer.",
        "parties": [world.party_a.pk],
        "questions": [world.questions["1"].pk],
        "_save": "Save",
    }

    response = client.post(reverse("admin:reports_finding_add"), data)

    assert response.status_code == 200
    assert "Text (English): 101 characters, where at most 100 are accepted." in response.content.decode()
    assert not Finding.objects.exists()
