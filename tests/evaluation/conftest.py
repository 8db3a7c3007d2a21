"""A round under evaluation: two Parties with published replies, a Rapporteur on Question 1, another
member, public and confidential acknowledged comments on Question 1, and a focal point and an NGO who are
no part of the evaluation."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from civil_society.models import Contribution
from evaluation.models import Rapporteur
from rounds.models import CommitteeMember, Round
from tests.factories import (
    AnswerFactory,
    ContributionFactory,
    ContributionItemFactory,
    FocalPointFactory,
    MembershipFactory,
    PartyFactory,
    QuestionFactory,
    QuestionnaireFactory,
    ReplyFactory,
    RoundFactory,
    UserFactory,
)


@pytest.fixture
def world(db):
    return make_evaluation_world()


def make_evaluation_world() -> SimpleNamespace:
    round = RoundFactory(status=Round.Status.EVALUATION, reply_deadline=datetime.date(2025, 12, 1))
    questionnaire = QuestionnaireFactory(round=round)
    q1 = QuestionFactory(questionnaire=questionnaire, number="1", position=1)
    q2 = QuestionFactory(questionnaire=questionnaire, number="2", position=2)
    party_a, party_b = PartyFactory(), PartyFactory()
    published = {"state": "published", "published_on": datetime.date(2026, 1, 10)}
    reply_a = ReplyFactory(round=round, party=party_a, **published)
    reply_b = ReplyFactory(round=round, party=party_b, **published)
    answer_a1 = AnswerFactory(
        reply=reply_a, question=q1, text="Our law defines self-generated material since 2019."
    )
    answer_b1 = AnswerFactory(reply=reply_b, question=q1, text="No specific provision exists yet.")
    answer_a2 = AnswerFactory(reply=reply_a, question=q2, text="Helplines are funded by the State.")
    staff = UserFactory(username="sec-staff", is_staff=True)
    rapporteur_user = UserFactory(username="member-a")
    other_user = UserFactory(username="member-b")
    rapporteur_member = CommitteeMember.objects.create(user=rapporteur_user, party=party_a)
    other_member = CommitteeMember.objects.create(user=other_user, party=party_b)
    Rapporteur.objects.create(round=round, question=q1, member=rapporteur_member)
    ngo = MembershipFactory(user=UserFactory(username="ngo-user"))
    focal = FocalPointFactory(user=UserFactory(username="focal-a"), party=party_a)
    now = timezone.now()
    public = ContributionFactory(
        round=round,
        organisation=ngo.organisation,
        parties=[party_a],
        state=Contribution.State.ACKNOWLEDGED,
        submitted_at=now,
        acknowledged_at=now,
    )
    public_item = ContributionItemFactory(
        contribution=public, question=q1, text="<p>Victims wait two years for a hearing.</p>"
    )
    confidential = ContributionFactory(
        round=round,
        organisation=ngo.organisation,
        parties=[party_a],
        state=Contribution.State.ACKNOWLEDGED,
        visibility=Contribution.Visibility.CONFIDENTIAL,
        submitted_at=now,
        acknowledged_at=now,
    )
    confidential_item = ContributionItemFactory(
        contribution=confidential,
        question=q1,
        text="<p>SECRET-CANARY a named shelter turns children away.</p>",
    )
    return SimpleNamespace(
        round=round,
        q1=q1,
        q2=q2,
        party_a=party_a,
        party_b=party_b,
        answer_a1=answer_a1,
        answer_b1=answer_b1,
        answer_a2=answer_a2,
        staff=staff,
        rapporteur=rapporteur_user,
        rapporteur_member=rapporteur_member,
        member=other_user,
        other_member=other_member,
        ngo=ngo.user,
        focal=focal.user,
        public=public,
        public_item=public_item,
        confidential=confidential,
        confidential_item=confidential_item,
    )
