"""The world every access check runs in: the civil-society world (Party A's reply published, Party B's a
draft; two organisations; both Parties' focal points; the Secretariat), with one object of every kind a
route can name, each belonging to someone, so that each route is tried on an object its owner may reach
and others may not."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.utils import timezone

from civil_society.models import Contribution, CoSignature, InformationRequest, Invitation, Subscription
from demo.services import SECRETARIAT_APPS, SECRETARIAT_GROUP
from evaluation.models import (
    Chapter,
    Citation,
    Meeting,
    Observation,
    ObservationComment,
    Rapporteur,
    Report,
    ReportDocument,
    Statement,
)
from followup.services import assessment_propose, clarification_request, exercise_create
from reports.models import Factsheet
from rounds.models import CommitteeMember
from submissions.models import Attachment, WordImport
from tests.civil_society.conftest import make_world
from tests.factories import (
    AnswerFactory,
    ContributionFactory,
    ContributionItemFactory,
    FindingFactory,
    UserFactory,
    answers_complete,
)

PDF = b"%PDF-1.4 access"
FILE_FIELDS = ("attachment_a", "attachment_b", "factsheet", "report_document")


def _file(model, **fields):
    instance = model(**fields)
    instance.file.save("document.pdf", ContentFile(PDF), save=False)
    instance.save()
    return instance


@pytest.fixture
def world(db):
    return make_access_world()


def restore_world(w) -> None:
    """Puts back what a rolled-back write changed outside the database, so that one world serves one route
    after another as a new one would: the caches emptied, the world's files (a removal deletes its file)."""
    for cache in caches.all(initialized_only=True):
        cache.clear()
    for name in FILE_FIELDS:
        file = getattr(w, name).file
        if not file.storage.exists(file.name):
            file.storage.save(file.name, ContentFile(PDF))


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
    _add_evaluation(w)
    return w


def _add_evaluation(w) -> None:
    """Three Committee members: the Rapporteur on Question 1 and another member, both for Party A, and a
    member for Party B; the Rapporteur's observation citing Party A's published answer; meeting 1; a
    draft report, and an adopted one with its PDF."""
    w.rapporteur = UserFactory(username="rapporteur-a")
    w.committee_a = UserFactory(username="committee-a")
    w.committee_b = UserFactory(username="committee-b")
    rapporteur = CommitteeMember.objects.create(user=w.rapporteur, party=w.party_a)
    CommitteeMember.objects.create(user=w.committee_a, party=w.party_a)
    CommitteeMember.objects.create(user=w.committee_b, party=w.party_b)
    Rapporteur.objects.create(round=w.round, question=w.questions["1"], member=rapporteur)
    w.observation = Observation.objects.create(
        round=w.round, rapporteur=rapporteur, title="Observations on Question 1", created_by=w.rapporteur
    )
    w.observation.questions.set([w.questions["1"]])
    w.citation = Citation.objects.create(
        observation=w.observation,
        answer=w.reply_a.answers.get(question=w.questions["1"]),
        passage="Party A answers Q1.",
        created_by=w.rapporteur,
    )
    ObservationComment.objects.create(observation=w.observation, author=w.committee_b, text="Agreed.")
    w.meeting = Meeting.objects.create(
        number=1, place="Strasbourg", starts_on=datetime.date(2026, 3, 1), ends_on=datetime.date(2026, 3, 3)
    )
    w.report_draft = Report.objects.create(round=w.round, title_en="Draft report", title_fr="Projet")
    Chapter.objects.create(
        report=w.report_draft, number="I", title_en="Legal frameworks", body_en="", body_fr=""
    )
    w.report = Report.objects.create(
        round=w.round,
        title_en="Adopted report",
        title_fr="Rapport adopté",
        state=Report.State.ADOPTED,
        adopted_on=datetime.date(2026, 3, 2),
        adopted_at_meeting=w.meeting,
        position=1,
    )
    chapter = Chapter.objects.create(
        report=w.report, number="I", title_en="Findings", body_en="<p>Read.</p>", body_fr=""
    )
    recommendation = Statement.objects.create(
        chapter=chapter,
        reference="R-1",
        kind="recommendation",
        grade="urges",
        title_en="Define it",
        title_fr="Le définir",
        text_en="Define it.",
        text_fr="Le définir.",
        applies_to_all=True,
    )
    w.report_document = _file(
        ReportDocument, report=w.report, language="en", rendered_at=timezone.now(), sha256="0" * 64
    )
    # The follow-up of R-1 (in preparation): a proposed assessment and a request for clarifications.
    recommendation.finding = FindingFactory(
        round=w.round, applies_to_all=True, state="adopted", adopted_at=timezone.now()
    )
    recommendation.save()
    w.follow_up = exercise_create(
        round=w.round, report=w.report, reply_deadline=datetime.date(2026, 12, 1), by=w.staff
    )
    follow_up_question = w.follow_up.questionnaire.questions.get()
    assessment_propose(
        round=w.follow_up,
        question=follow_up_question,
        party=w.party_a,
        level="not_complied",
        reasoning="Nothing yet.",
        by=w.staff,
    )
    w.clarification = clarification_request(
        round=w.follow_up,
        question=follow_up_question,
        party=w.party_a,
        request="When?",
        due_on=datetime.date(2026, 12, 1),
        by=w.staff,
        now=timezone.make_aware(datetime.datetime(2026, 11, 1, 12)),
    )
