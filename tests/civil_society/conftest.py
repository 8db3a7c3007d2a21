"""A round in which Party A's reply is published (31 October 2025) and Party B's is a draft, with the
callers civil society meets: two organisations' members, each Party's focal point, the Secretariat."""

import datetime
from types import SimpleNamespace

import pytest

from submissions.models import Reply
from tests.factories import (
    AnswerFactory,
    FocalPointFactory,
    MembershipFactory,
    OrganisationFactory,
    QuestionFactory,
    QuestionnaireFactory,
    ReplyFactory,
    RoundFactory,
    UserFactory,
)

PUBLISHED_ON = datetime.date(2025, 10, 31)


@pytest.fixture
def world(db):
    return make_world()


def make_world() -> SimpleNamespace:
    round_ = RoundFactory(civil_society_deadline=datetime.date(2026, 3, 31))
    questionnaire = QuestionnaireFactory(round=round_)
    questions = {number: QuestionFactory(questionnaire=questionnaire, number=number) for number in "1234567"}
    published = ReplyFactory(round=round_, state=Reply.State.PUBLISHED, published_on=PUBLISHED_ON)
    draft = ReplyFactory(round=round_)
    focal_a = FocalPointFactory(party=published.party, user__username="focal-a").user
    focal_b = FocalPointFactory(party=draft.party, user__username="focal-b").user
    for number in ("1", "6"):
        AnswerFactory(
            reply=published, question=questions[number], text=f"Party A answers Q{number}.", saved_by=focal_a
        )
    ngo1 = OrganisationFactory(name="Alpha Child Rights")
    ngo2 = OrganisationFactory(name="Beta Youth Voice")
    return SimpleNamespace(
        round=round_,
        questions=questions,
        party_a=published.party,
        party_b=draft.party,
        reply_a=published,
        reply_b=draft,
        focal_a=focal_a,
        focal_b=focal_b,
        ngo1=ngo1,
        ngo2=ngo2,
        member1=MembershipFactory(organisation=ngo1, user__username="member-1").user,
        member2=MembershipFactory(organisation=ngo2, user__username="member-2").user,
        staff=UserFactory(username="secretariat-cs", is_staff=True),
        anonymous=None,
    )
