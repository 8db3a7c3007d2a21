"""The evaluation's services: each change of state, and each refusal with its code and nothing changed."""

import datetime

import pytest

from core.viewers import PUBLIC
from evaluation import services
from evaluation.errors import (
    EditConflict,
    EvidenceNotPublic,
    InvalidCitation,
    InvalidEvaluation,
    InvalidTransition,
    NotEditable,
    NotFound,
    NotPermitted,
)
from evaluation.models import AgendaItem, Citation, Meeting, Observation, Rapporteur, Report, Statement
from evaluation.selectors import (
    citations_visible_to,
    evidence_items_visible_to,
    hidden_citations_count,
    observations_visible_to,
    reports_visible_to,
)
from reports.models import Finding
from reports.selectors import findings_visible_to
from rounds.errors import RoleConflict
from rounds.models import CommitteeMember
from rounds.services import committee_member_appoint
from tests.factories import AnswerFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.django_db


def _observation(world, **kwargs) -> Observation:
    return services.observation_create(
        round=world.round,
        questions=[world.q1],
        title="Observations on Question 1",
        by=world.rapporteur,
        rapporteur=world.rapporteur_member,
        **kwargs,
    )


def test_a_focal_point_cannot_sit_on_the_committee(world):
    with pytest.raises(RoleConflict) as refusal:
        committee_member_appoint(user=world.focal, party=world.party_a)
    assert refusal.value.code == "role_conflict" and refusal.value.status == 409
    assert not CommitteeMember.objects.filter(user=world.focal).exists()


def test_the_secretariat_appoints_a_rapporteur_in_place_of_another(world):
    rapporteur = services.rapporteur_appoint(
        round=world.round, question=world.q1, member=world.other_member, by=world.staff
    )
    assert rapporteur.member == world.other_member
    assert Rapporteur.objects.filter(round=world.round).count() == 1


def test_a_member_cannot_appoint_and_others_are_told_there_is_nothing(world):
    with pytest.raises(NotPermitted):
        services.rapporteur_appoint(
            round=world.round, question=world.q2, member=world.other_member, by=world.member
        )
    with pytest.raises(NotFound):
        services.rapporteur_appoint(
            round=world.round, question=world.q2, member=world.other_member, by=world.ngo
        )
    assert not Rapporteur.objects.filter(question=world.q2).exists()


def test_a_rapporteur_begins_observations_on_their_question_only(world):
    observation = _observation(world)
    assert observation.state == Observation.State.DRAFT and observation.rapporteur == world.rapporteur_member
    with pytest.raises(NotPermitted) as refusal:
        services.observation_create(
            round=world.round,
            questions=[world.q2],
            title="Q2",
            by=world.rapporteur,
            rapporteur=world.rapporteur_member,
        )
    assert "questions they report on" in refusal.value.message
    assert Observation.objects.count() == 1


def test_saving_against_an_outdated_version_keeps_the_stored_text(world):
    observation = _observation(world)
    services.observation_save(
        observation=observation, body="<p>First</p><script>x()</script>", version=0, by=world.rapporteur
    )
    observation.refresh_from_db()
    assert observation.body == "<p>First</p>" and observation.version == 1
    assert observation.versions.get().saved_by == world.rapporteur

    with pytest.raises(EditConflict) as conflict:
        services.observation_save(observation=observation, body="<p>Stale</p>", version=0, by=world.staff)
    assert conflict.value.code == "edit_conflict"
    assert conflict.value.context["current"]["body"] == "<p>First</p>"
    assert conflict.value.context["current"]["version"] == 1
    observation.refresh_from_db()
    assert observation.body == "<p>First</p>" and observation.versions.count() == 1


def test_another_member_reads_but_cannot_write_and_the_public_sees_nothing(world):
    observation = _observation(world)
    assert observations_visible_to(world.member).filter(pk=observation.pk).exists()
    assert not observations_visible_to(world.ngo).exists() and not observations_visible_to(PUBLIC).exists()
    assert not observations_visible_to(world.focal).exists()
    with pytest.raises(NotPermitted) as refusal:
        services.observation_save(observation=observation, body="<p>Mine</p>", version=0, by=world.member)
    assert "Rapporteur" in refusal.value.message
    with pytest.raises(NotFound):
        services.observation_save(observation=observation, body="<p>Mine</p>", version=0, by=world.focal)
    observation.refresh_from_db()
    assert observation.body == "" and observation.version == 0


def test_observations_are_tabled_examined_and_then_frozen(world):
    observation = _observation(world)
    services.observation_table(observation=observation, by=world.rapporteur)
    services.observation_reopen(observation=observation, by=world.rapporteur)
    services.observation_table(observation=observation, by=world.rapporteur)
    with pytest.raises(NotPermitted):
        services.observation_examine(observation=observation, by=world.rapporteur)
    services.observation_examine(observation=observation, by=world.staff)
    observation.refresh_from_db()
    assert observation.state == Observation.State.EXAMINED
    with pytest.raises(NotEditable):
        services.observation_save(observation=observation, body="<p>Late</p>", version=0, by=world.rapporteur)
    with pytest.raises(InvalidTransition):
        services.observation_table(observation=observation, by=world.rapporteur)


def test_members_comment_and_outsiders_cannot(world):
    observation = _observation(world)
    comment = services.observation_comment(
        observation=observation, text=" Consider Q2 too. ", by=world.member
    )
    assert comment.text == "Consider Q2 too."
    with pytest.raises(NotFound):
        services.observation_comment(observation=observation, text="Hello", by=world.ngo)
    with pytest.raises(InvalidEvaluation):
        services.observation_comment(observation=observation, text="  ", by=world.member)
    assert observation.comments.count() == 1


def test_a_rapporteur_quotes_the_words_of_a_published_answer(world):
    observation = _observation(world)
    citation = services.citation_add(
        observation=observation,
        by=world.rapporteur,
        answer=world.answer_a1,
        passage="defines  self-generated material",
    )
    assert citation.passage == "defines self-generated material" and not citation.is_confidential

    with pytest.raises(InvalidCitation) as refusal:
        services.citation_add(
            observation=observation, by=world.rapporteur, answer=world.answer_a1, passage="invented"
        )
    assert "quote its words exactly" in refusal.value.message
    with pytest.raises(InvalidCitation):  # Question 2 is not what these observations are about
        services.citation_add(
            observation=observation, by=world.rapporteur, answer=world.answer_a2, passage="Helplines"
        )
    assert Citation.objects.count() == 1


def test_the_confidential_contribution_reaches_its_rapporteur_and_no_other_member(world):
    assert evidence_items_visible_to(world.rapporteur).filter(pk=world.confidential_item.pk).exists()
    assert evidence_items_visible_to(world.staff).filter(pk=world.confidential_item.pk).exists()
    assert not evidence_items_visible_to(world.member).filter(pk=world.confidential_item.pk).exists()
    assert evidence_items_visible_to(world.member).filter(pk=world.public_item.pk).exists()
    assert not evidence_items_visible_to(world.ngo).exists()

    observation = _observation(world)
    citation = services.citation_add(
        observation=observation, by=world.rapporteur, item=world.confidential_item, passage="SECRET-CANARY"
    )
    assert citation.is_confidential
    assert citations_visible_to(world.rapporteur).filter(pk=citation.pk).exists()
    assert not citations_visible_to(world.member).filter(pk=citation.pk).exists()
    assert hidden_citations_count(world.member, observation) == 1


def test_the_secretariat_cannot_quote_what_nobody_published(world):
    world.answer_b1.reply.state = "draft"
    world.answer_b1.reply.published_on = None
    world.answer_b1.reply.save()
    observation = _observation(world)
    with pytest.raises(InvalidCitation):
        services.citation_add(
            observation=observation, by=world.staff, answer=world.answer_b1, passage="No specific"
        )
    assert not Citation.objects.exists()


@pytest.fixture
def meeting(world):
    return services.meeting_create(
        number=29,
        place="online",
        starts_on=datetime.date(2026, 11, 23),
        ends_on=datetime.date(2026, 11, 23),
        by=world.staff,
    )


def test_an_agenda_tables_observations_and_a_decision_examines_them(world, meeting):
    observation = _observation(world)
    item = services.agenda_item_add(
        meeting=meeting,
        kind="observation",
        title="Observations on Q1",
        observation=observation,
        document_ref="T-ES(2026)5",
        by=world.staff,
    )
    observation.refresh_from_db()
    assert observation.state == Observation.State.TABLED
    services.agenda_decision_record(
        item=item, decision="Examined; to be reflected in Chapter I.", by=world.staff
    )
    observation.refresh_from_db()
    item.refresh_from_db()
    assert observation.state == Observation.State.EXAMINED and item.decided_at is not None


def test_agenda_refusals_change_nothing(world, meeting):
    with pytest.raises(InvalidEvaluation):
        services.agenda_item_add(meeting=meeting, kind="observation", title="Nothing named", by=world.staff)
    with pytest.raises(NotPermitted):
        services.agenda_item_add(meeting=meeting, kind="decision", title="Calendar", by=world.rapporteur)
    with pytest.raises(InvalidEvaluation) as refusal:
        services.meeting_create(
            number=29,
            place="Strasbourg",
            starts_on=datetime.date(2027, 1, 1),
            ends_on=datetime.date(2027, 1, 1),
            by=world.staff,
        )
    assert "recorded already" in refusal.value.message
    assert not AgendaItem.objects.exists() and Meeting.objects.count() == 1


@pytest.fixture
def report(world):
    report = services.report_create(
        round=world.round,
        title_en="Implementation report",
        title_fr="Rapport de mise en œuvre",
        by=world.staff,
    )
    services.chapter_create(
        report=report, number="I", title_en="Legal frameworks", title_fr="Cadres juridiques", by=world.staff
    )
    return report


def test_statements_are_numbered_for_good_within_their_report(world, report):
    chapter = report.chapters.get()
    common = {
        "chapter": chapter,
        "title_fr": "Titre",
        "text_fr": "Texte",
        "by": world.staff,
        "questions": [world.q1],
    }
    first = services.statement_add(
        kind="recommendation",
        grade="urges",
        title_en="Define",
        text_en="Define it.",
        parties=[world.party_b],
        **common,
    )
    practice = services.statement_add(
        kind="promising_practice",
        grade="",
        title_en="Helplines",
        text_en="Good.",
        applies_to_all=True,
        **common,
    )
    second = services.statement_add(
        kind="recommendation",
        grade="invites",
        title_en="Train",
        text_en="Train them.",
        applies_to_all=True,
        answers=[world.answer_a1],
        **common,
    )
    assert [first.reference, practice.reference, second.reference] == ["R-1", "P-1", "R-2"]
    assert first.anchor == "r-1"


def test_a_statement_cites_public_evidence_only(world, report):
    with pytest.raises(EvidenceNotPublic):
        services.statement_add(
            chapter=report.chapters.get(),
            kind="challenge",
            grade="",
            title_en="Shelters",
            title_fr="Refuges",
            text_en="Shelters.",
            text_fr="Refuges.",
            by=world.staff,
            questions=[world.q1],
            applies_to_all=True,
            contributions=[world.confidential],
        )
    assert not Statement.objects.exists()


def test_a_chapter_never_quotes_a_confidential_contribution(world, report):
    observation = _observation(world)
    services.citation_add(
        observation=observation,
        by=world.rapporteur,
        item=world.confidential_item,
        passage="a named shelter turns children away",
    )
    chapter = report.chapters.get()
    with pytest.raises(EvidenceNotPublic) as refusal:
        services.chapter_save(
            chapter=chapter,
            title_en="Legal frameworks",
            title_fr="Cadres",
            version=0,
            by=world.staff,
            body_en="<p>We heard that a named shelter <em>turns</em> children away.</p>",
            body_fr="",
        )
    assert "confidential" in refusal.value.message
    chapter.refresh_from_db()
    assert chapter.body_en == "" and chapter.version == 0


def test_a_chapter_is_saved_with_its_versions_and_conflicts(world, report):
    chapter = report.chapters.get()
    services.chapter_save(
        chapter=chapter,
        title_en="Legal frameworks",
        title_fr="Cadres juridiques",
        body_en="<p>One</p>",
        body_fr="<p>Un</p>",
        version=0,
        by=world.staff,
    )
    with pytest.raises(EditConflict) as conflict:
        services.chapter_save(
            chapter=chapter,
            title_en="X",
            title_fr="X",
            body_en="<p>Two</p>",
            body_fr="",
            version=0,
            by=world.staff,
        )
    assert conflict.value.context["current"]["body_en"] == "<p>One</p>"
    chapter.refresh_from_db()
    assert chapter.version == 1 and chapter.versions.count() == 1 and chapter.title_en == "Legal frameworks"


def test_adoption_makes_the_statements_the_rounds_adopted_findings(
    world, report, meeting, django_capture_on_commit_callbacks
):
    chapter = report.chapters.get()
    statement = services.statement_add(
        chapter=chapter,
        kind="recommendation",
        grade="urges",
        title_en="Define",
        title_fr="Définir",
        text_en="Define it.",
        text_fr="Définissez-le.",
        by=world.staff,
        questions=[world.q1],
        parties=[world.party_b],
        answers=[world.answer_b1],
        contributions=[world.public],
    )
    assert not reports_visible_to(PUBLIC).exists() and reports_visible_to(world.member).count() == 1

    with django_capture_on_commit_callbacks() as callbacks:
        services.report_adopt(
            report=report, meeting=meeting, adopted_on=datetime.date(2026, 11, 23), by=world.staff
        )
    report.refresh_from_db()
    statement.refresh_from_db()
    world.round.refresh_from_db()
    assert report.is_adopted and report.adopted_at_meeting == meeting
    finding = statement.finding
    assert finding.state == Finding.State.ADOPTED and finding.title_en == "Define"
    assert list(finding.answers.all()) == [world.answer_b1] and list(finding.contributions.all()) == [
        world.public
    ]
    assert findings_visible_to(PUBLIC).filter(pk=finding.pk).exists()
    assert world.round.report_adopted_on == datetime.date(2026, 11, 23)
    assert reports_visible_to(PUBLIC).get() == report
    assert meeting.items.get(kind="decision").decision == "Adopted."
    # The PDFs in English and French are asked for, and rendered once the adoption commits.
    queued = report.documents.filter(queued_at__isnull=False)
    assert set(queued.values_list("language", flat=True)) == {"en", "fr"}
    assert len(callbacks) >= 2


def test_an_adopted_report_is_frozen(world, report, meeting):
    services.report_adopt(report=report, meeting=meeting, adopted_on=meeting.starts_on, by=world.staff)
    with pytest.raises(InvalidTransition):
        services.report_adopt(report=report, meeting=meeting, adopted_on=meeting.starts_on, by=world.staff)
    chapter = report.chapters.get()
    with pytest.raises(NotEditable):
        services.chapter_save(
            chapter=chapter,
            title_en="Changed",
            title_fr="",
            body_en="",
            body_fr="",
            version=0,
            by=world.staff,
        )
    chapter.refresh_from_db()
    assert chapter.title_en == "Legal frameworks"


def test_adoption_happens_during_the_meeting_and_by_the_secretariat(world, report, meeting):
    with pytest.raises(InvalidEvaluation):
        services.report_adopt(
            report=report, meeting=meeting, adopted_on=datetime.date(2026, 12, 1), by=world.staff
        )
    with pytest.raises(NotPermitted):
        services.report_adopt(
            report=report, meeting=meeting, adopted_on=meeting.starts_on, by=world.rapporteur
        )
    report.refresh_from_db()
    assert report.state == Report.State.DRAFT and not Finding.objects.exists()


def test_a_new_user_is_no_evaluator(world):
    stranger = UserFactory()
    assert not observations_visible_to(stranger).exists()
    assert not reports_visible_to(stranger).exists()


def test_a_question_covers_its_sub_parts_and_a_passage_is_quoted_once(world):
    sub_part = QuestionFactory(
        questionnaire=world.q1.questionnaire, number="1.1", position=3, parent=world.q1
    )
    answer = AnswerFactory(
        reply=world.answer_a1.reply, question=sub_part, text="Courts hear children by video."
    )
    observation = _observation(world)
    citation = services.citation_add(
        observation=observation, by=world.rapporteur, answer=answer, passage="by video"
    )
    assert citation.answer == answer
    with pytest.raises(InvalidCitation) as refusal:
        services.citation_add(
            observation=observation, by=world.rapporteur, answer=answer, passage="by  video"
        )
    assert "already" in refusal.value.message
    assert Citation.objects.count() == 1


def test_a_decision_is_recorded_from_the_meetings_first_day(world):
    meeting = services.meeting_create(
        number=48,
        place="Strasbourg",
        starts_on=datetime.date(2027, 1, 18),
        ends_on=datetime.date(2027, 1, 20),
        by=world.staff,
    )
    item = services.agenda_item_add(meeting=meeting, kind="decision", title="Calendar", by=world.staff)
    with pytest.raises(InvalidEvaluation) as refusal:
        services.agenda_decision_record(item=item, decision="Approved.", by=world.staff)
    assert "18 January 2027" in refusal.value.message
    item.refresh_from_db()
    assert item.decision == "" and item.decided_at is None
