"""A round in evaluation with two monitored Parties (A's reply published, B's a draft) and one Party it
does not monitor; evidence of every kind (public or not); and the callers findings meet."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from civil_society.models import Contribution
from demo.services import SECRETARIAT_APPS, SECRETARIAT_GROUP
from questionnaires.models import Question, Theme
from reports.services import finding_create
from rounds.models import Round
from submissions.models import Reply
from tests.factories import (
    AnswerFactory,
    ContributionFactory,
    FocalPointFactory,
    MembershipFactory,
    OrganisationFactory,
    PartyFactory,
    QuestionFactory,
    QuestionnaireFactory,
    ReplyFactory,
    RoundFactory,
    UserFactory,
)

CANARY = "CANARY-draft-finding-7f3a"


@pytest.fixture
def world(db):
    round_ = RoundFactory(slug="round-findings", number=52, status=Round.Status.EVALUATION)
    questionnaire = QuestionnaireFactory(round=round_)
    questions = {
        "1": QuestionFactory(questionnaire=questionnaire, number="1", position=1, theme=Theme.PREVENTION),
        "2": QuestionFactory(
            questionnaire=questionnaire,
            number="2",
            position=2,
            theme=Theme.PREVENTION,
            kind=Question.Kind.CAPACITY_BUILDING,
        ),
        "3": QuestionFactory(questionnaire=questionnaire, number="3", position=3, theme=Theme.PROSECUTION),
    }
    published = ReplyFactory(
        round=round_,
        party=PartyFactory(code="ZA", name_en="Aland", name_fr="Alande"),
        state=Reply.State.PUBLISHED,
        published_on=datetime.date(2025, 12, 15),
    )
    draft = ReplyFactory(round=round_, party=PartyFactory(code="ZB", name_en="Borduria", name_fr="Bordurie"))
    focal_a = FocalPointFactory(party=published.party, user__username="focal-za").user
    ngo = OrganisationFactory(name="Alpha Child Rights")
    member = MembershipFactory(organisation=ngo, user__username="member-alpha").user

    def contribution(visibility: str, state: str, round_=round_) -> Contribution:
        return ContributionFactory(
            round=round_,
            organisation=ngo,
            created_by=member,
            visibility=visibility,
            state=state,
            acknowledged_at=timezone.now() if state == "acknowledged" else None,
            parties=[published.party],
        )

    other_round = RoundFactory(slug="round-other", number=53, status=Round.Status.EVALUATION)
    other_reply = ReplyFactory(
        round=other_round,
        party=published.party,
        state=Reply.State.PUBLISHED,
        published_on=datetime.date(2025, 1, 1),
    )
    other_question = QuestionFactory(questionnaire=QuestionnaireFactory(round=other_round), number="9")
    return SimpleNamespace(
        round=round_,
        questions=questions,
        party_a=published.party,
        party_b=draft.party,
        stranger_party=PartyFactory(code="ZC", name_en="Carpania", name_fr="Carpanie"),
        published_answer=AnswerFactory(reply=published, question=questions["1"], saved_by=focal_a),
        draft_answer=AnswerFactory(reply=draft, question=questions["1"]),
        public_comment=contribution("public", "acknowledged"),
        confidential_comment=contribution("confidential", "acknowledged"),
        unacknowledged_comment=contribution("public", "submitted"),
        other_round=other_round,
        other_question=other_question,
        other_answer=AnswerFactory(reply=other_reply, question=other_question),
        other_comment=contribution("public", "acknowledged", round_=other_round),
        focal_a=focal_a,
        member=member,
        stranger=UserFactory(username="stranger"),
        staff=UserFactory(username="secretariat-reports", is_staff=True),
    )


@pytest.fixture
def secretariat(world):
    """The world's staff user with the Secretariat's permissions, as the demo seeds them (not a superuser)."""
    group = Group.objects.create(name=SECRETARIAT_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS))
    world.staff.groups.add(group)
    return world.staff


def arguments(world, **overrides) -> dict:
    """What `finding_create` takes for a valid recommendation on Party A, resting on question 1."""
    return {
        "round": world.round,
        "kind": "recommendation",
        "grade": "urges",
        "title_en": "Define child sexual abuse material",
        "title_fr": "Définir le matériel d'abus sexuels sur enfants",
        "text_en": "The Committee urges the Parties to define child sexual abuse material in law.",
        "text_fr": "Le Comité exhorte les Parties à définir le matériel d'abus sexuels sur enfants.",
        "theme": "",
        "questions": [world.questions["1"]],
        "parties": [world.party_a],
        "applies_to_all": False,
        "by": world.staff,
        "answers": [world.published_answer],
        "contributions": [world.public_comment],
        "figure_label_en": "Parties defining CSAM in law",
        "figure_label_fr": "Parties définissant le matériel d'abus en droit",
        **overrides,
    }


def create(world, **overrides):
    return finding_create(**arguments(world, **overrides))
