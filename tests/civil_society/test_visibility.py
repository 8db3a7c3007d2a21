"""The gate (DESIGN §3): who sees which contribution, for every role and every state and visibility."""

import pytest
from django.contrib.auth.models import AnonymousUser

from civil_society.errors import NotFound
from civil_society.models import Contribution
from civil_society.selectors import contribution_for_reading, contributions_visible_to, public_comment_items
from tests.factories import ContributionFactory, ContributionItemFactory

ROLES = ("anonymous", "member1", "member2", "focal_a", "focal_b", "staff")
State, Visibility = Contribution.State, Contribution.Visibility


def caller(world, role):
    return AnonymousUser() if role == "anonymous" else getattr(world, role)


@pytest.fixture
def contributions(world):
    """Every combination of visibility and state, each by ngo1 and with a canary item on Q6."""
    made = {}
    for visibility in Visibility.values:
        for state in State.values:
            contribution = ContributionFactory(
                round=world.round,
                organisation=world.ngo1,
                created_by=world.member1,
                visibility=visibility,
                state=state,
                parties=[world.party_a],
            )
            ContributionItemFactory(
                contribution=contribution, question=world.questions["6"], text=f"CANARY-{visibility}-{state}"
            )
            made[visibility, state] = contribution
    return made


# Who sees what: the authors and the Secretariat everything; everyone else public acknowledged ones only.
EXPECTED = {
    "anonymous": {("public", "acknowledged")},
    "member2": {("public", "acknowledged")},
    "focal_a": {("public", "acknowledged")},
    "focal_b": {("public", "acknowledged")},
    "member1": {(v, s) for v in Visibility.values for s in State.values},
    "staff": {(v, s) for v in Visibility.values for s in State.values},
}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_exactly_what_the_rules_allow(world, contributions, role):
    user = caller(world, role)
    visible = set(contributions_visible_to(user).values_list("visibility", "state"))
    assert visible == EXPECTED[role]
    for key, contribution in contributions.items():
        if key in EXPECTED[role]:
            assert contribution_for_reading(user=user, pk=contribution.pk) == contribution
        else:
            with pytest.raises(NotFound):
                contribution_for_reading(user=user, pk=contribution.pk)


def test_a_co_signing_organisation_sees_the_confidential_contribution_it_signs(world, contributions):
    secret = contributions["confidential", "draft"]
    secret.co_signatures.create(organisation=world.ngo2)
    assert secret in contributions_visible_to(world.member2)
    assert contributions["confidential", "submitted"] not in contributions_visible_to(world.member2)


def test_the_public_items_under_a_reply_are_the_public_acknowledged_ones_only(world, contributions):
    texts = [item.text for item in public_comment_items(round=world.round, party=world.party_a)]
    assert texts == ["CANARY-public-acknowledged"]
    assert list(public_comment_items(round=world.round, party=world.party_b)) == []


def test_an_organisation_that_declined_to_co_sign_no_longer_sees_the_contribution(world, contributions):
    secret = contributions["confidential", "submitted"]
    secret.co_signatures.create(organisation=world.ngo2, state="declined")
    assert secret not in contributions_visible_to(world.member2)
