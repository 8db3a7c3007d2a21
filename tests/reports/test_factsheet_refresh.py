"""Stale factsheets: a change of their public data marks them stale, and they are rendered again once the
data has held still for the debounce period; changes the public cannot see leave them alone."""

import datetime

import pytest
from django.utils import timezone

from civil_society.models import Contribution
from reports.factsheets import factsheet_render
from reports.refresh import current_versions, factsheets_to_refresh
from reports.services import finding_adopt
from reports.tasks import factsheets_refresh_task
from submissions.models import Reply
from submissions.services.replies import reply_publish
from tests.factories import ContributionFactory, ContributionItemFactory, ReplyFactory, answers_complete

from .conftest import create

pytestmark = pytest.mark.django_db

DEBOUNCE = datetime.timedelta(seconds=120)


@pytest.fixture(autouse=True)
def debounce(settings):
    settings.FACTSHEET_REFRESH_DEBOUNCE_SECONDS = int(DEBOUNCE.total_seconds())


@pytest.fixture
def sheets(world):
    """A's and B's country factsheets and the prevention theme's, rendered from an adopted finding on A."""
    finding_adopt(finding=create(world), by=world.staff)  # the theme of question 1: prevention
    return {
        "A": factsheet_render(round=world.round, kind="country", party=world.party_a, language="en"),
        "B": factsheet_render(round=world.round, kind="country", party=world.party_b, language="en"),
        "prevention": factsheet_render(round=world.round, kind="thematic", theme="prevention", language="en"),
    }


def stale(sheets) -> dict[str, bool]:
    for sheet in sheets.values():
        sheet.refresh_from_db()
    return {name: sheet.is_stale for name, sheet in sheets.items()}


def test_versions_computed_for_the_round_agree_with_the_renderings(world, sheets):
    versions = current_versions(world.round)

    assert versions[("country", "ZA")] == sheets["A"].data_version
    assert versions[("country", "ZB")] == sheets["B"].data_version
    assert versions[("thematic", "prevention")] == sheets["prevention"].data_version


def test_versions_take_the_same_queries_whatever_the_number_of_parties(
    world, sheets, django_assert_num_queries
):
    # The Parties, findings, their Parties, replies; the public contributions with their Parties and items (a
    # country factsheet names them); five for the findings' evidence; whether the round has an adopted report
    # (the factsheets link to it).
    with django_assert_num_queries(14):
        current_versions(world.round)
    for _ in range(3):
        ReplyFactory(round=world.round, state=Reply.State.PUBLISHED, published_on=datetime.date(2025, 12, 1))
    finding_adopt(finding=create(world, applies_to_all=True, parties=[]), by=world.staff)

    with django_assert_num_queries(14):
        assert len(current_versions(world.round)) == 5 + 4  # 5 Parties, 4 themes


def test_nothing_changed_nothing_due(world, sheets):
    assert factsheets_to_refresh(now=timezone.now()) == []
    assert stale(sheets) == {"A": False, "B": False, "prevention": False}


def test_an_adopted_finding_is_rendered_once_the_data_held_still(world, sheets):
    now = timezone.now()
    finding_adopt(finding=create(world, title_en="A second one"), by=world.staff)  # theme of question 1

    assert factsheets_to_refresh(now=now) == []
    assert stale(sheets) == {"A": True, "B": False, "prevention": True}
    assert factsheets_to_refresh(now=now + DEBOUNCE - datetime.timedelta(seconds=1)) == []

    due = factsheets_to_refresh(now=now + DEBOUNCE)

    assert sorted(sheet.pk for sheet in due) == sorted([sheets["A"].pk, sheets["prevention"].pk])
    assert factsheets_to_refresh(now=now + DEBOUNCE + datetime.timedelta(seconds=1)) == []  # not queued twice


def test_another_change_within_the_debounce_starts_it_again(world, sheets):
    now = timezone.now()
    finding_adopt(finding=create(world, title_en="First"), by=world.staff)
    factsheets_to_refresh(now=now)
    finding_adopt(finding=create(world, title_en="Second"), by=world.staff)

    assert factsheets_to_refresh(now=now + DEBOUNCE - datetime.timedelta(seconds=10)) == []
    due = factsheets_to_refresh(now=now + 2 * DEBOUNCE)
    assert sorted(sheet.pk for sheet in due) == sorted([sheets["A"].pk, sheets["prevention"].pk])


def test_publishing_the_partys_reply_makes_its_factsheet_stale(world, sheets):
    reply = answers_complete(Reply.objects.get(round=world.round, party=world.party_b))
    Reply.objects.filter(pk=reply.pk).update(state=Reply.State.SUBMITTED, submitted_at=timezone.now())
    reply.refresh_from_db()

    reply_publish(reply=reply, by=world.staff)
    factsheets_to_refresh(now=timezone.now())

    assert stale(sheets) == {"A": False, "B": True, "prevention": False}


def test_what_the_public_cannot_see_changes_nothing(world, sheets):
    confidential = ContributionFactory(
        round=world.round,
        organisation=world.public_comment.organisation,
        created_by=world.member,
        visibility=Contribution.Visibility.CONFIDENTIAL,
        state=Contribution.State.ACKNOWLEDGED,
        acknowledged_at=timezone.now(),
        parties=[world.party_a],
    )
    ContributionItemFactory(contribution=confidential, question=world.questions["1"])
    create(world, title_en="A draft finding")

    assert factsheets_to_refresh(now=timezone.now() + DEBOUNCE) == []
    assert stale(sheets) == {"A": False, "B": False, "prevention": False}


def test_a_change_undone_before_the_debounce_leaves_the_factsheet_current(world, sheets):
    finding = create(world, title_en="Adopted, then withdrawn")
    finding_adopt(finding=finding, by=world.staff)
    factsheets_to_refresh(now=timezone.now())
    finding.delete()

    assert factsheets_to_refresh(now=timezone.now() + DEBOUNCE) == []
    assert stale(sheets)["A"] is False


def test_the_beat_task_renders_the_due_factsheets_again(world, sheets, settings):
    settings.FACTSHEET_REFRESH_DEBOUNCE_SECONDS = 0
    finding_adopt(finding=create(world, title_en="Adopted later"), by=world.staff)
    rendered_at = sheets["A"].rendered_at

    assert factsheets_refresh_task() == 0  # seen changing: marked stale
    assert factsheets_refresh_task() == 2  # held still: A's and the theme's rendered (eagerly in tests)

    sheets["A"].refresh_from_db()
    assert sheets["A"].rendered_at > rendered_at
    assert not sheets["A"].is_stale and sheets["A"].pending_version == "" and sheets["A"].stale_since is None
    assert sheets["A"].data_version == current_versions(world.round)[("country", "ZA")]
