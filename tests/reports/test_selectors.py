"""Who sees which findings, and figures counted from the Parties linked, never typed."""

import pytest
from django.contrib.auth.models import AnonymousUser

from reports.models import Finding
from reports.selectors import finding_parties_count, findings_of_party, findings_visible_to, with_figures
from reports.services import finding_adopt
from rounds.models import Round
from tests.factories import FindingFactory, ParticipationFactory, PartyFactory

from .conftest import CANARY, create

pytestmark = pytest.mark.django_db


def test_the_figure_is_the_number_of_parties_linked(world):
    finding = create(world, parties=[world.party_a, world.party_b])
    assert finding_parties_count(finding) == 2
    assert with_figures(Finding.objects.all()).get().figure_count == 2


def test_a_finding_on_all_parties_counts_every_party_monitored_in_its_round(world):
    finding = create(world, parties=[], applies_to_all=True)
    assert finding_parties_count(finding) == 2
    ParticipationFactory(round=world.round, party=PartyFactory())
    assert finding_parties_count(finding) == 3
    assert with_figures(Finding.objects.all()).get().figure_count == 3


def test_figures_of_a_list_are_counted_in_one_query(world, django_assert_num_queries):
    for count in range(1, 4):
        FindingFactory(round=world.round, parties=[PartyFactory() for _ in range(count)])
    FindingFactory(round=world.round, applies_to_all=True)

    with django_assert_num_queries(1):
        figures = [finding.figure_count for finding in with_figures(Finding.objects.all())]

    assert figures == [1, 2, 3, 2]


@pytest.fixture
def draft_and_adopted(world):
    draft = create(world, title_en=f"Draft {CANARY}", text_en=f"Not adopted yet: {CANARY}")
    adopted = finding_adopt(finding=create(world, title_en="Adopted finding"), by=world.staff)
    return draft, adopted


@pytest.mark.parametrize("role", ["anonymous", "focal_a", "member", "stranger"])
def test_only_adopted_findings_are_visible_outside_the_secretariat(world, draft_and_adopted, role):
    user = AnonymousUser() if role == "anonymous" else getattr(world, role)
    visible = findings_visible_to(user)
    assert list(visible) == [draft_and_adopted[1]]
    assert not visible.filter(text_en__contains=CANARY).exists()


def test_the_secretariat_sees_drafts_too(world, draft_and_adopted):
    assert set(findings_visible_to(world.staff)) == set(draft_and_adopted)


def test_adopted_findings_of_a_round_in_preparation_are_not_public(world, draft_and_adopted):
    Round.objects.filter(pk=world.round.pk).update(status=Round.Status.PREPARATION)
    assert not findings_visible_to(AnonymousUser()).exists()
    assert findings_visible_to(world.staff).count() == 2


def test_a_partys_findings_are_the_adopted_ones_naming_it_or_all_parties(world):
    on_a = finding_adopt(finding=create(world, title_en="On A"), by=world.staff)
    on_all = finding_adopt(finding=create(world, parties=[], applies_to_all=True), by=world.staff)
    create(world, title_en="Draft on A")
    finding_adopt(finding=create(world, parties=[world.party_b], answers=[]), by=world.staff)

    assert list(findings_of_party(round=world.round, party=world.party_a)) == [on_a, on_all]
    # A Party not monitored in the round is not concerned by findings on "all Parties".
    assert not findings_of_party(round=world.round, party=world.stranger_party).exists()
