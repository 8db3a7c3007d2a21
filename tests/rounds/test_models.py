import datetime

import pytest
from django.db import IntegrityError, transaction

from rounds.models import Participation, Party, Round
from tests.factories import PartyFactory, RoundFactory

pytestmark = pytest.mark.django_db


def test_a_party_code_is_unique():
    PartyFactory(code="FR")
    with pytest.raises(IntegrityError), transaction.atomic():
        PartyFactory(code="FR")
    assert Party.objects.filter(code="FR").count() == 1


def test_a_party_is_monitored_once_per_round():
    round_, party = RoundFactory(), PartyFactory()
    Participation.objects.create(round=round_, party=party)
    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(round=round_, party=party)
    assert Participation.objects.count() == 1


def test_a_regular_round_needs_a_number_but_an_urgent_one_does_not():
    with pytest.raises(IntegrityError), transaction.atomic():
        RoundFactory(number=None, slug="unnumbered", kind=Round.Kind.REGULAR)
    assert not Round.objects.filter(slug="unnumbered").exists()

    urgent = RoundFactory(number=None, slug="urgent", kind=Round.Kind.URGENT)
    assert "Urgent monitoring round" in urgent.label


def test_the_reply_deadline_cannot_precede_the_questionnaire():
    with pytest.raises(IntegrityError), transaction.atomic():
        RoundFactory(
            questionnaire_adopted_on=datetime.date(2025, 6, 1), reply_deadline=datetime.date(2025, 5, 1)
        )
    assert not Round.objects.exists()


def test_an_extension_moves_a_partys_deadline_only():
    round_ = RoundFactory(reply_deadline=datetime.date(2025, 12, 1))
    extended = Participation.objects.create(
        round=round_, party=PartyFactory(), deadline_extended_to=datetime.date(2026, 1, 15)
    )
    ordinary = Participation.objects.create(round=round_, party=PartyFactory())
    assert extended.reply_deadline == datetime.date(2026, 1, 15)
    assert ordinary.reply_deadline == datetime.date(2025, 12, 1)
