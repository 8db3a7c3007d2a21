"""The factsheets' admin: read-only rows, the HTML preview, rendering a round or chosen factsheets again."""

import pytest
from django.urls import reverse

from reports.factsheets import factsheet_render
from reports.models import Factsheet
from reports.services import finding_adopt
from tests.auth import log_in_verified

from .conftest import CANARY, create

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:reports_factsheet_changelist")
RENDER = reverse("admin:reports_factsheet_render")


@pytest.fixture
def admin_client(client, secretariat):
    log_in_verified(client, secretariat)
    return client


@pytest.fixture
def sheet(world):
    finding_adopt(finding=create(world, title_en="Define child sexual abuse material"), by=world.staff)
    create(world, title_en=CANARY, title_fr=CANARY, text_en=CANARY, text_fr=CANARY, contributions=[])
    return factsheet_render(round=world.round, kind="country", party=world.party_a, language="en")


def test_the_list_shows_each_factsheet_with_its_preview_and_pdf(world, sheet, admin_client):
    page = admin_client.get(CHANGELIST).content.decode()

    assert "Aland" in page
    assert reverse("admin:reports_factsheet_preview", args=[sheet.pk]) in page
    assert reverse("factsheet-download", kwargs={"pk": sheet.pk}) in page
    assert RENDER in page
    assert admin_client.get(reverse("admin:reports_factsheet_add")).status_code == 403


def test_the_preview_is_the_factsheets_html_with_the_sites_stylesheet_and_no_draft(
    world, sheet, admin_client
):
    response = admin_client.get(reverse("admin:reports_factsheet_preview", args=[sheet.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in page and "Define child sexual abuse material" in page
    assert 'href="/static/css/factsheet.css"' in page
    assert CANARY not in page


def test_nobody_but_staff_sees_the_preview(world, sheet, client):
    url = reverse("admin:reports_factsheet_preview", args=[sheet.pk])
    client.force_login(world.focal_a)

    response = client.get(url)

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_rendering_a_round_renders_every_factsheet_due_in_both_languages(
    world, sheet, admin_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(RENDER, {"round": world.round.pk}, follow=True)

    assert "factsheets of Monitoring round 52 queued" in response.content.decode()
    rendered = set(
        Factsheet.objects.filter(round=world.round).values_list("kind", "party__code", "theme", "language")
    )
    assert rendered == {
        ("country", "ZA", "", "en"),
        ("country", "ZA", "", "fr"),
        ("country", "ZB", "", "en"),
        ("country", "ZB", "", "fr"),
        ("thematic", None, "prevention", "en"),
        ("thematic", None, "prevention", "fr"),
    }
    sheet.refresh_from_db()
    assert sheet.rendered_at is not None


def test_an_unknown_round_is_refused_and_nothing_is_rendered(world, admin_client):
    response = admin_client.post(RENDER, {"round": 999999})

    assert "Select a valid choice" in response.content.decode()
    assert not Factsheet.objects.exists()


def test_rendering_again_now_renders_even_a_current_factsheet(
    world, sheet, admin_client, django_capture_on_commit_callbacks
):
    rendered_at = sheet.rendered_at

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            CHANGELIST, {"action": "render_again", "_selected_action": [sheet.pk]}, follow=True
        )

    assert "1 factsheet queued for rendering." in response.content.decode()
    sheet.refresh_from_db()
    assert sheet.rendered_at > rendered_at


def test_a_broker_that_cannot_take_the_renderings_is_told_not_a_failed_page(
    world, sheet, admin_client, embedded_broker
):
    rendered_at = sheet.rendered_at

    response = admin_client.post(
        CHANGELIST, {"action": "render_again", "_selected_action": [sheet.pk]}, follow=True
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "1 factsheet could not be queued: the task queue is unreachable. Try again later." in page
    assert "queued for rendering" not in page
    sheet.refresh_from_db()
    assert sheet.rendered_at == rendered_at
