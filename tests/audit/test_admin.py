"""The audit trail in the admin: the Secretariat reads a reply's history (who, when, what, why) and each past
version; nobody can revert it, edit it or reach it without the admin's login."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from submissions.models import Reply
from submissions.services import answer_save, reply_submit
from tests.factories import answers_complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(world):
    answer_save(reply=world.reply, question=world.questions["1"], by=world.focal, version=None, text="Text")
    answers_complete(world.reply, by=world.focal)
    return reply_submit(reply=world.reply, by=world.focal)


def history_url(reply: Reply) -> str:
    return reverse("admin:submissions_reply_history", args=[reply.pk])


def version_url(reply: Reply) -> str:
    record = reply.history.latest()
    return reverse("admin:submissions_reply_simple_history", args=[reply.pk, record.history_id])


def test_the_secretariat_reads_a_replys_history(secretariat_client, world, submitted):
    response = secretariat_client.get(history_url(submitted))

    assert response.status_code == 200
    page = response.content.decode()
    assert "reply_submit" in page and world.focal.username in page
    assert "draft" in page and "submitted" in page  # the change of state


def test_a_past_version_opens_read_only_without_a_revert_button(secretariat_client, submitted):
    response = secretariat_client.get(version_url(submitted))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Revert" not in page and 'name="_save"' not in page
    assert "<select" not in page and "<textarea" not in page


def test_a_posted_revert_is_refused_and_changes_nothing(secretariat_client, submitted):
    first = submitted.history.earliest()
    url = reverse("admin:submissions_reply_simple_history", args=[submitted.pk, first.history_id])
    rows = submitted.history.count()

    response = secretariat_client.post(url, {"state": "draft", "_save": "Revert"})

    assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.state == Reply.State.SUBMITTED
    assert submitted.history.count() == rows


@pytest.mark.parametrize("who", ["focal", "member", None])
def test_anyone_but_staff_is_sent_to_the_admin_login(client, world, submitted, who):
    if who:
        client.force_login(getattr(world, who))

    for url in (history_url(submitted), version_url(submitted)):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))


def test_history_can_be_viewed_and_nothing_else():
    codenames = set(
        Permission.objects.filter(codename__contains="historical").values_list("codename", flat=True)
    )
    assert codenames and all(codename.startswith("view_") for codename in codenames)
    for model in ("reply", "answer", "attachment", "contribution", "finding", "party", "user"):
        assert f"view_historical{model}" in codenames


@pytest.mark.parametrize("model", ["round", "party"])
def test_a_past_version_of_a_translated_model_shows_its_fields_disabled(secretariat_client, world, model):
    instance = getattr(world, model)
    record = instance.history.earliest()
    url = reverse(f"admin:rounds_{model}_simple_history", args=[instance.pk, record.history_id])

    response = secretariat_client.get(url)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.fields and all(field.disabled for field in form.fields.values())
    assert form["name_fr" if model == "party" else "theme_fr"].value() == (
        instance.name_fr if model == "party" else instance.theme_fr
    )
