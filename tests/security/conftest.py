"""The world every access check runs in: the civil-society world (Party A's reply published, Party B's a
draft; two organisations; both Parties' focal points; the Secretariat), with one object of every kind a
route can name, each belonging to someone, so that each route is tried on an object its owner may reach
and others may not."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.utils import timezone

from civil_society.models import Contribution, CoSignature, InformationRequest, Invitation, Subscription
from demo.services import SECRETARIAT_APPS, SECRETARIAT_GROUP
from reports.models import Factsheet
from submissions.models import Attachment, WordImport
from tests.civil_society.conftest import make_world
from tests.factories import (
    AnswerFactory,
    ContributionFactory,
    ContributionItemFactory,
    FindingFactory,
    answers_complete,
)


def _file(model, **fields):
    instance = model(**fields)
    instance.file.save("document.pdf", ContentFile(b"%PDF-1.4 access"), save=False)
    instance.save()
    return instance


@pytest.fixture
def world(db):
    return make_access_world()


def make_access_world():
    w = make_world()
    group = Group.objects.create(name=SECRETARIAT_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS))
    w.staff.groups.add(group)
    w.contribution = ContributionFactory(
        round=w.round,
        organisation=w.ngo1,
        created_by=w.member1,
        parties=[w.party_a],
        visibility=Contribution.Visibility.CONFIDENTIAL,
    )
    ContributionItemFactory(contribution=w.contribution, question=w.questions["1"])
    CoSignature.objects.create(contribution=w.contribution, organisation=w.ngo2)
    w.information_request = InformationRequest.objects.create(
        contribution=w.contribution,
        question="Which regions?",
        due_on=datetime.date(2027, 1, 15),
        requested_by=w.staff,
    )
    w.invitation = Invitation.objects.create(
        organisation=w.ngo1, email="new@example.org", invited_by=w.member1
    )
    w.subscription = Subscription.objects.create(user=w.member1, round=w.round, language="en")
    attachment = {
        "title": "Plan",
        "language": "en",
        "original_name": "plan.pdf",
        "kind": "pdf",
        "size": 15,
        "sha256": "0" * 64,
    }
    w.attachment_a = _file(Attachment, reply=w.reply_a, uploaded_by=w.focal_a, **attachment)
    w.attachment_b = _file(Attachment, reply=w.reply_b, uploaded_by=w.focal_b, **attachment)
    AnswerFactory(reply=w.reply_b, question=w.questions["1"], text="Party B drafts Q1.", saved_by=w.focal_b)
    answers_complete(w.reply_b, by=w.focal_b)  # so that its focal points' submission goes through
    w.word_import = WordImport.objects.create(
        reply=w.reply_b, uploaded_by=w.focal_b, original_name="reply.docx"
    )
    w.factsheet = _file(
        Factsheet, round=w.round, kind="country", party=w.party_a, language="en", rendered_at=timezone.now()
    )
    w.finding = FindingFactory(round=w.round, parties=[w.party_a])
    return w
