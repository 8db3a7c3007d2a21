"""The Committee's evaluation in `seed_demo`: a member of the Committee for each Party, the demonstration
round's Rapporteurs with observations in progress, its meeting and draft report, and the 2nd round's adopted
report whose statements are the round's adopted findings; a second seed changes nothing."""

import datetime

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.deadlines import STRASBOURG
from demo.data.publications import FINDINGS
from evaluation.models import (
    AgendaItem,
    Chapter,
    Citation,
    Meeting,
    Observation,
    Rapporteur,
    Report,
    Statement,
)
from evaluation.selectors import citations_visible_to, hidden_citations_count, observations_visible_to
from reports.models import Finding
from rounds.models import CommitteeMember, FocalPoint, Party, Round
from tests.auth import log_in_verified
from tests.transactions import rolled_back_after_module

pytestmark = pytest.mark.django_db

SNAPSHOT_APPS = ("evaluation", "rounds", "reports", "outbox", "auth")


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    """The demo data, seeded once for the module inside a transaction rolled back at its end."""
    with rolled_back_after_module(django_db_blocker):
        call_command("seed_demo", "--force", verbosity=0)
        yield


def user(username: str):
    return get_user_model().objects.get(username=username)


def demonstration() -> Round:
    return Round.objects.get(slug="demonstration")


def snapshot() -> dict[str, list[dict]]:
    rows = {}
    for app_label in SNAPSHOT_APPS:
        for model in apps.get_app_config(app_label).get_models(include_auto_created=True):
            rows[model._meta.label] = list(model.objects.order_by("pk").values())
    return rows


def test_each_party_has_a_committee_member_who_is_not_its_focal_point():
    members = CommitteeMember.objects.select_related("user", "party")

    assert members.count() == Party.objects.count() == 48
    assert all(member.user.username == f"member-{member.party.code.lower()}" for member in members)
    assert not FocalPoint.objects.filter(user__in=[member.user for member in members]).exists()
    member = user("member-it")
    assert member.check_password("lanzarote-demo") and not member.is_staff


def test_the_demonstration_round_has_two_rapporteurs_with_observations_in_progress():
    round_ = demonstration()
    appointed = {(r.question.number, r.member.user.username) for r in Rapporteur.objects.filter(round=round_)}
    assert appointed == {("1", "member-it"), ("9", "member-pt"), ("10", "member-pt")}

    observations = Observation.objects.filter(round=round_).select_related("rapporteur__user")
    assert {o.rapporteur.user.username for o in observations} == {"member-it", "member-pt"}
    for observation in observations:
        assert observation.body.startswith("<p>Demo text.")
        assert observation.versions.count() == observation.version >= 1
        assert observation.state == Observation.State.TABLED  # on the coming meeting's agenda
        assert observation.citations.filter(answer__isnull=False).exists()
        commenters = {comment.author.username for comment in observation.comments.all()}
        assert commenters and observation.rapporteur.user.username not in commenters
    confidential = [c for c in Citation.objects.filter(observation__round=round_) if c.is_confidential]
    assert [c.observation.rapporteur.user.username for c in confidential] == ["member-pt"]


def test_the_confidential_citation_is_read_by_its_rapporteur_alone():
    observation = Observation.objects.get(round=demonstration(), rapporteur__user__username="member-pt")
    pt, it = user("member-pt"), user("member-it")

    assert citations_visible_to(pt).filter(observation=observation).count() == 2
    assert observations_visible_to(it).filter(pk=observation.pk).exists()
    assert hidden_citations_count(it, observation) == 1


def test_the_demonstration_meeting_lies_ahead_with_its_agenda_and_unsent_papers():
    meeting = Meeting.objects.get(number=48)
    first_day = timezone.localdate(demonstration().created_at, STRASBOURG)

    assert meeting.place == "Strasbourg" and meeting.papers_sent_at is None
    assert first_day + datetime.timedelta(days=28) <= meeting.starts_on <= meeting.ends_on
    items = list(meeting.items.order_by("position"))
    assert [item.kind for item in items] == ["observation", "observation", "chapter", "decision"]
    assert {item.observation.rapporteur.user.username for item in items[:2]} == {"member-it", "member-pt"}
    assert items[2].chapter.report.state == Report.State.DRAFT
    assert not any(item.decision for item in items)


def test_the_demonstration_round_has_a_draft_report_with_two_chapters_and_statements():
    report = Report.objects.get(round=demonstration())

    assert report.state == Report.State.DRAFT and report.adopted_on is None
    assert list(report.chapters.order_by("position").values_list("number", flat=True)) == ["I", "II"]
    assert all(chapter.version == 1 and chapter.body_fr for chapter in report.chapters.all())
    statements = Statement.objects.filter(chapter__report=report)
    assert sorted(statements.values_list("reference", flat=True)) == ["C-1", "P-1", "R-1"]
    assert not statements.filter(finding__isnull=False).exists()
    # Nothing quoted from a confidential contribution is in the report.
    passages = [
        c.passage for c in Citation.objects.filter(observation__round=report.round) if c.is_confidential
    ]
    for chapter in report.chapters.all():
        assert not any(passage in chapter.body_en + chapter.body_fr for passage in passages)


def test_the_2nd_round_s_report_is_adopted_and_its_statements_are_its_findings():
    second = Round.objects.get(slug="2nd-round")
    report = Report.objects.get(round=second)

    assert (report.document_ref, report.state, report.adopted_on) == (
        "T-ES(2022)02",
        Report.State.ADOPTED,
        datetime.date(2022, 3, 10),
    )
    assert report.adopted_at_meeting.number == 36
    adoption = report.adopted_at_meeting.items.get()
    assert adoption.document_ref == "T-ES(2022)02" and adoption.decision == "Adopted."
    # No finding made twice: the 14 adopted findings and the draft, each adopted one a statement.
    adopted = Finding.objects.filter(round=second, state=Finding.State.ADOPTED)
    assert (
        adopted.count() == len(FINDINGS) and Finding.objects.filter(round=second).count() == len(FINDINGS) + 1
    )
    statements = Statement.objects.filter(chapter__report=report).select_related("finding")
    assert {s.finding_id for s in statements} == set(adopted.values_list("pk", flat=True))
    for statement in statements:
        finding = statement.finding
        assert (statement.kind, statement.grade, statement.title_en, statement.text_fr) == (
            finding.kind,
            finding.grade,
            finding.title_en,
            finding.text_fr,
        )
        for name in ("parties", "questions", "answers", "contributions"):
            assert set(getattr(statement, name).all()) == set(getattr(finding, name).all()), name
    references = sorted(statements.values_list("reference", flat=True))
    assert references == sorted(
        [*(f"R-{n}" for n in range(1, 8)), "P-1", "P-2", "P-3", *(f"C-{n}" for n in range(1, 5))]
    )
    assert statements.get(reference="R-1").chapter.number == "I.2"
    sections = Chapter.objects.filter(report=report, number__startswith="I.").order_by("position")
    assert list(sections.values_list("number", flat=True)) == ["I.1", "I.2", "I.3", "I.4", "I.5", "I.6"]
    # History, dated when it happened.
    assert report.updated_at.date() == datetime.date(2022, 3, 10)


def test_the_2nd_round_s_meetings_are_on_record_with_their_agendas():
    meetings = {m.number: m for m in Meeting.objects.filter(number__lt=40)}

    assert sorted(meetings) == [23, 25, 29, 31, 36]
    assert (meetings[25].place, meetings[25].starts_on) == ("Nicosia", datetime.date(2019, 10, 15))
    examined = (
        meetings[29].items.filter(kind=AgendaItem.Kind.CHAPTER).values_list("chapter__number", flat=True)
    )
    assert sorted(examined) == ["I", "III"]
    assert set(meetings[31].items.values_list("document_ref", flat=True)) == {"T-ES(2020)22 rev.1"}
    assert not AgendaItem.objects.filter(meeting__number__in=[23, 25, 29, 31]).exclude(decision="").exists()


def test_the_secretariat_opens_the_evaluation_in_the_admin(client):
    log_in_verified(client, user("secretariat"))
    report = Report.objects.get(round__slug="2nd-round")

    for language in ("en", "fr"):
        for name in ("rapporteur", "observation", "meeting", "report", "statement"):
            page = reverse(f"admin:evaluation_{name}_changelist").replace("/en/", f"/{language}/")
            assert client.get(page).status_code == 200, (language, name)
    assert client.get(reverse("admin:evaluation_report_change", args=[report.pk])).status_code == 200
    meeting = Meeting.objects.get(number=48)
    assert client.get(reverse("admin:evaluation_meeting_change", args=[meeting.pk])).status_code == 200


def test_a_second_seed_changes_nothing():
    before = snapshot()
    call_command("seed_demo", "--force", verbosity=0)
    assert snapshot() == before
