"""A small round for the audit trail: a draft reply of a Party with two focal points, a three-question
questionnaire, a verified organisation with a member, and the Secretariat (staff with the demo's
permissions, not a superuser)."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission

from demo.services import SECRETARIAT_APPS, SECRETARIAT_GROUP
from tests.auth import log_in_verified
from tests.factories import (
    FocalPointFactory,
    MembershipFactory,
    QuestionFactory,
    QuestionnaireFactory,
    ReplyFactory,
    RoundFactory,
    UserFactory,
)


@pytest.fixture
def world(db):
    round_ = RoundFactory(reply_deadline=datetime.date(2025, 12, 1))
    reply = ReplyFactory(round=round_)
    questionnaire = QuestionnaireFactory(round=round_)
    questions = {number: QuestionFactory(questionnaire=questionnaire, number=number) for number in "123"}
    group = Group.objects.create(name=SECRETARIAT_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS))
    secretariat = UserFactory(username="secretariat-audit", is_staff=True)
    secretariat.groups.add(group)
    member = MembershipFactory(user__username="ngo-member")
    return SimpleNamespace(
        round=round_,
        reply=reply,
        party=reply.party,
        questions=questions,
        focal=FocalPointFactory(party=reply.party, user__username="focal-audit-1").user,
        colleague=FocalPointFactory(party=reply.party, user__username="focal-audit-2").user,
        secretariat=secretariat,
        organisation=member.organisation,
        member=member.user,
    )


@pytest.fixture
def secretariat_client(client, world):
    log_in_verified(client, world.secretariat)
    return client


def changes(record) -> dict:
    """What a historical row changed against the one before it: {field: (old, new)}."""
    previous = record.prev_record
    return {change.field: (change.old, change.new) for change in record.diff_against(previous).changes}
