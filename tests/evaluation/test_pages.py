"""The evaluation's internal pages: the desk, a round's evaluation, the question workspace, an observation, a
meeting and a draft report, read by the Secretariat, a Rapporteur and another member; nothing for focal
points, NGOs or the public; saving, conflicts, quoting and refusals; the confidential evidence kept from
members who may not read it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from civil_society.models import Contribution
from evaluation.models import AgendaItem, Citation, Observation
from submissions.models import Attachment
from tests.evaluation.factories import (
    AgendaItemFactory,
    ChapterFactory,
    CitationFactory,
    MeetingFactory,
    ObservationCommentFactory,
    ObservationFactory,
    ReportFactory,
    StatementFactory,
)
from tests.factories import (
    AnswerFactory,
    ContributionFactory,
    ContributionItemFactory,
    QuestionFactory,
    ReplyFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(world):
    """The world with an observation by the Rapporteur on Question 1 quoting the public answer and the
    confidential contribution, a meeting examining it and a draft report."""
    observation = ObservationFactory(
        round=world.round,
        questions=[world.q1],
        rapporteur=world.rapporteur_member,
        created_by=world.rapporteur,
        title="Observations on Question 1",
        body="<p>Most Parties define it.</p>",
    )
    CitationFactory(
        observation=observation, answer=world.answer_a1, passage="defines self-generated material"
    )
    CitationFactory(
        observation=observation, item=world.confidential_item, passage="SECRET-CANARY a named shelter"
    )
    ObservationCommentFactory(observation=observation, author=world.member, text="Add the 2024 figures.")
    meeting = MeetingFactory(number=29, place="online")
    AgendaItemFactory(
        meeting=meeting,
        position=1,
        kind=AgendaItem.Kind.OBSERVATION,
        observation=observation,
        title="Exchange of views on Question 1",
        document_ref="T-ES(2026)07",
    )
    AgendaItemFactory(
        meeting=meeting,
        position=2,
        title="Calendar of the round",
        decision="The Committee agreed the calendar.",
        decided_at=timezone.now(),
    )
    report = ReportFactory(round=world.round, title_en="Draft implementation report")
    chapter = ChapterFactory(report=report, number="I", title_en="Legal frameworks", questions=[world.q1])
    StatementFactory(
        chapter=chapter, reference="R-1", title_en="Define the material", parties=[world.party_a]
    )
    world.observation, world.meeting, world.report = observation, meeting, report
    return world


def pages(world) -> dict[str, str]:
    slug = world.round.slug
    return {
        "desk": reverse("evaluation-desk"),
        "round": reverse("evaluation-round", args=[slug]),
        "workspace": reverse("evaluation-question", args=[slug, "1"]),
        "observation": reverse("evaluation-observation", args=[slug, world.observation.pk]),
        "meeting": reverse("evaluation-meeting", args=[29]),
        "report": reverse("evaluation-report", args=[slug, world.report.pk]),
    }


PAGES = ("desk", "round", "workspace", "observation", "meeting", "report")


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ["staff", "rapporteur", "member"])
def test_every_page_renders_for_the_secretariat_a_rapporteur_and_another_member(client, desk, role, page):
    client.force_login(getattr(desk, role))
    response = client.get(pages(desk)[page])
    assert response.status_code == 200
    assert b'href="/en/evaluation/"' in response.content  # the header's link


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ["focal", "ngo"])
def test_focal_points_and_ngos_find_nothing(client, desk, role, page):
    client.force_login(getattr(desk, role))
    response = client.get(pages(desk)[page])
    assert response.status_code == 404
    assert b"Add the 2024 figures" not in response.content


@pytest.mark.parametrize("page", PAGES)
def test_the_public_is_sent_to_log_in(client, desk, page):
    response = client.get(pages(desk)[page])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_header_links_to_the_evaluation_for_evaluators_only(client, desk):
    client.force_login(desk.focal)
    assert b'href="/en/evaluation/"' not in client.get(reverse("home")).content
    client.force_login(desk.member)
    assert b'href="/en/evaluation/"' in client.get(reverse("home")).content


def test_pages_read_in_french(client, desk):
    client.force_login(desk.rapporteur)
    for url in pages(desk).values():
        response = client.get(url.replace("/en/", "/fr/", 1))
        assert response.status_code == 200
        assert b'<html lang="fr">' in response.content


# --- The workspace ------------------------------------------------------------------------------------


def test_the_workspace_shows_every_party_s_answer_the_public_comments_and_for_the_rapporteur_the_confidential(
    client, desk
):
    client.force_login(desk.rapporteur)
    page = client.get(pages(desk)["workspace"]).content.decode()
    assert "defines self-generated material since 2019" in page
    assert "No specific provision exists yet" in page
    assert "Victims wait two years for a hearing" in page
    assert "SECRET-CANARY" in page
    assert "Confidential — addressed to the Committee" in page
    assert "Quote in observation" in page
    assert "Start observations on this question" in page


def test_another_member_reads_the_public_evidence_but_not_the_confidential_contribution(client, desk):
    client.force_login(desk.member)
    page = client.get(pages(desk)["workspace"]).content.decode()
    assert "defines self-generated material since 2019" in page
    assert "Victims wait two years for a hearing" in page
    assert "SECRET-CANARY" not in page
    assert "Confidential — addressed to the Committee" not in page
    assert "Quote in observation" not in page  # writes no observation on it
    assert "Start observations on this question" not in page


def test_the_secretariat_reads_the_confidential_contribution(client, desk):
    client.force_login(desk.staff)
    page = client.get(pages(desk)["workspace"]).content.decode()
    assert "SECRET-CANARY" in page
    assert "Start observations on this question" in page


def test_the_workspace_filters_by_party_and_by_answers(client, desk):
    client.force_login(desk.rapporteur)
    url = pages(desk)["workspace"]
    page = client.get(url, {"party": desk.party_b.code}).content.decode()
    assert "No specific provision exists yet" in page
    assert "defines self-generated material since 2019" not in page

    desk.answer_b1.text = ""
    desk.answer_b1.save()
    page = client.get(url, {"show": "answered"}).content.decode()
    assert f'id="party-{desk.party_a.code}"' in page
    assert f'id="party-{desk.party_b.code}"' not in page

    page = client.get(url, {"show": "data"}).content.decode()  # "since 2019": a figure
    assert f'id="party-{desk.party_a.code}"' in page
    assert f'id="party-{desk.party_b.code}"' not in page


def test_the_workspace_lists_an_answer_s_attachments_which_count_as_data(client, desk):
    desk.answer_b1.text = "No figures here."
    desk.answer_b1.save()
    Attachment.objects.create(
        reply=desk.answer_b1.reply,
        question=desk.q1,
        title="Court statistics",
        language="en",
        file="replies/statistics.pdf",
        original_name="statistics.pdf",
        kind=Attachment.Kind.PDF,
        size=2048,
        sha256="0" * 64,
        uploaded_by=desk.staff,
    )
    client.force_login(desk.member)
    page = client.get(pages(desk)["workspace"], {"show": "data"}).content.decode()
    assert "Court statistics" in page
    assert f'id="party-{desk.party_b.code}"' in page


def test_an_unknown_party_or_question_is_not_found(client, desk):
    client.force_login(desk.rapporteur)
    assert client.get(pages(desk)["workspace"], {"party": "ZZ"}).status_code == 404
    url = reverse("evaluation-question", args=[desk.round.slug, "99"])
    assert client.get(url).status_code == 404


def test_the_workspace_reads_in_a_fixed_number_of_queries(client, desk, django_assert_max_num_queries):
    for n in range(3, 9):  # more questions, Parties' answers and comments change nothing
        question = QuestionFactory(questionnaire=desk.q1.questionnaire, number=f"1.{n}", position=100 + n)
        question.parent = desk.q1
        question.save()
        AnswerFactory(reply=desk.answer_a1.reply, question=question, text=f"Sub-part {n}: 12 cases.")
        reply = ReplyFactory(round=desk.round, state="published", published_on=datetime.date(2026, 1, 10))
        AnswerFactory(reply=reply, question=desk.q1, text=f"Party {n} answers.")
        comment = ContributionFactory(
            round=desk.round,
            parties=[reply.party],
            state=Contribution.State.ACKNOWLEDGED,
            acknowledged_at=timezone.now(),
        )
        ContributionItemFactory(contribution=comment, question=question, text=f"<p>Comment {n}</p>")
    client.force_login(desk.rapporteur)
    url = pages(desk)["workspace"]
    client.get(url)  # the session's first reads
    with django_assert_max_num_queries(17):
        response = client.get(url)
    assert response.status_code == 200
    assert "Party 8 answers." in response.content.decode()
    assert "Comment 8" in response.content.decode()


# --- Quoting and starting observations ----------------------------------------------------------------


def quote(client, world, **data):
    url = reverse("evaluation-quote", args=[world.round.slug, "1"])
    return client.post(url, {"observation": world.observation.pk, **data}, follow=True)


def test_the_rapporteur_quotes_a_passage_of_an_answer(client, desk):
    client.force_login(desk.rapporteur)
    response = quote(client, desk, answer=desk.answer_b1.pk, passage="No specific  provision")
    assert response.status_code == 200
    citation = Citation.objects.get(observation=desk.observation, answer=desk.answer_b1)
    assert citation.passage == "No specific provision"
    assert "The passage is quoted in" in response.content.decode()


def test_a_passage_not_in_the_source_is_refused_with_nothing_changed(client, desk):
    client.force_login(desk.rapporteur)
    before = Citation.objects.count()
    response = quote(client, desk, answer=desk.answer_b1.pk, passage="words nobody wrote")
    assert response.status_code == 200
    assert "The passage is not in the source" in response.content.decode()
    assert Citation.objects.count() == before


def test_a_member_who_does_not_write_the_observation_is_refused_a_quote(client, desk):
    client.force_login(desk.member)
    before = Citation.objects.count()
    response = quote(client, desk, answer=desk.answer_b1.pk, passage="No specific provision")
    assert response.status_code == 403
    assert "Only the observation" in response.content.decode()
    assert Citation.objects.count() == before


def test_a_member_may_not_quote_a_confidential_item_they_may_not_read(client, desk):
    desk.observation.rapporteur = desk.other_member  # even as a writer
    desk.observation.save()
    client.force_login(desk.member)
    response = quote(client, desk, item=desk.confidential_item.pk, passage="SECRET-CANARY")
    assert response.status_code == 404


def test_the_rapporteur_starts_observations_on_their_question(client, desk):
    client.force_login(desk.rapporteur)
    url = reverse("evaluation-observation-start", args=[desk.round.slug, "1"])
    response = client.post(url, {"title": "Second look at Question 1", "language": "fr"}, follow=True)
    observation = Observation.objects.get(title="Second look at Question 1")
    assert observation.rapporteur == desk.rapporteur_member
    assert list(observation.questions.all()) == [desk.q1]
    assert response.redirect_chain[-1][0] == pages(desk)["observation"].replace(
        str(desk.observation.pk), str(observation.pk)
    )


def test_the_secretariat_starts_observations_for_the_rapporteur(client, desk):
    client.force_login(desk.staff)
    url = reverse("evaluation-observation-start", args=[desk.round.slug, "1"])
    client.post(url, {"title": "For the Rapporteur", "language": "en", "prepared_by": "rapporteur"})
    assert Observation.objects.get(title="For the Rapporteur").rapporteur == desk.rapporteur_member


def test_a_member_may_not_start_observations_on_a_question_they_do_not_report_on(client, desk):
    client.force_login(desk.member)
    url = reverse("evaluation-observation-start", args=[desk.round.slug, "1"])
    response = client.post(url, {"title": "Not mine", "language": "en"})
    assert response.status_code == 403
    assert not Observation.objects.filter(title="Not mine").exists()


# --- The observation page ----------------------------------------------------------------------------


def save(client, world, body, version):
    url = reverse("evaluation-observation-save", args=[world.round.slug, world.observation.pk])
    return client.post(url, {"body": body, "version": version})


def test_the_rapporteur_saves_the_text(client, desk):
    client.force_login(desk.rapporteur)
    response = save(client, desk, "<p>New text</p><script>x()</script>", desk.observation.version)
    assert response.status_code == 302
    desk.observation.refresh_from_db()
    assert desk.observation.body == "<p>New text</p>"
    assert desk.observation.version == 1
    page = client.get(pages(desk)["observation"]).content.decode()
    assert "The observations are saved." in page
    assert "sec-staff" not in page and "member-a" in page  # the versions list names the author


def test_a_conflict_shows_the_stored_text_beside_mine_and_loses_nothing(client, desk):
    client.force_login(desk.staff)
    assert save(client, desk, "<p>The Secretariat's text</p>", 0).status_code == 302
    client.force_login(desk.rapporteur)
    response = save(client, desk, "<p>The Rapporteur's text</p>", 0)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Not saved: someone saved these observations" in page
    assert "The Secretariat&#x27;s text" in page or "The Secretariat's text" in page
    assert "The Rapporteur&#x27;s text" in page or "The Rapporteur's text" in page
    assert 'name="version" value="1"' in page  # saving again keeps the writer's text
    desk.observation.refresh_from_db()
    assert desk.observation.body == "<p>The Secretariat's text</p>"
    assert save(client, desk, "<p>The Rapporteur's text</p>", 1).status_code == 302


def test_another_member_may_not_save_and_reads_no_editor(client, desk):
    client.force_login(desk.member)
    page = client.get(pages(desk)["observation"]).content.decode()
    assert 'name="body"' not in page
    response = save(client, desk, "<p>Hijacked</p>", 0)
    assert response.status_code == 403
    assert "Only the observation" in response.content.decode()
    desk.observation.refresh_from_db()
    assert desk.observation.body == "<p>Most Parties define it.</p>"


def test_a_text_too_long_is_kept_on_the_page(client, desk, settings):
    settings.TEXT_LIMITS = {**settings.TEXT_LIMITS, "text": 10}
    client.force_login(desk.rapporteur)
    response = save(client, desk, "<p>Far longer than ten characters</p>", 0)
    assert response.status_code == 400
    assert "Far longer than ten characters" in response.content.decode()
    desk.observation.refresh_from_db()
    assert desk.observation.version == 0


def test_citations_link_to_their_sources_and_the_confidential_one_is_marked(client, desk):
    client.force_login(desk.rapporteur)
    page = client.get(pages(desk)["observation"]).content.decode()
    reply = reverse("party-reply", args=[desk.round.slug, desk.party_a.code])
    assert f'href="{reply}#q-1"' in page
    workspace = reverse("evaluation-question", args=[desk.round.slug, "1"])
    assert f'href="{workspace}#item-{desk.confidential_item.pk}"' in page
    assert "SECRET-CANARY a named shelter" in page
    assert 'class="visibility visibility-confidential"' in page
    assert "you may not read" not in page


def test_another_member_sees_that_a_confidential_citation_exists_not_what_it_says(client, desk):
    client.force_login(desk.member)
    page = client.get(pages(desk)["observation"]).content.decode()
    assert "defines self-generated material" in page
    assert "SECRET-CANARY" not in page
    assert "1 citation of a confidential contribution you may not read." in page


def test_a_public_contribution_s_citation_links_to_its_page(client, desk):
    CitationFactory(observation=desk.observation, item=desk.public_item, passage="Victims wait")
    client.force_login(desk.member)
    page = client.get(pages(desk)["observation"]).content.decode()
    url = reverse("public-contribution", args=[desk.round.slug, desk.public.pk])
    assert f'href="{url}#q-1"' in page


def test_table_reopen_and_examine(client, desk):
    slug, pk = desk.round.slug, desk.observation.pk
    client.force_login(desk.member)
    assert client.post(reverse("evaluation-observation-table", args=[slug, pk])).status_code == 403
    client.force_login(desk.rapporteur)
    client.post(reverse("evaluation-observation-table", args=[slug, pk]))
    desk.observation.refresh_from_db()
    assert desk.observation.state == Observation.State.TABLED
    response = client.post(reverse("evaluation-observation-examine", args=[slug, pk]))
    assert response.status_code == 403  # the Secretariat's to record
    client.force_login(desk.staff)
    client.post(reverse("evaluation-observation-examine", args=[slug, pk]))
    desk.observation.refresh_from_db()
    assert desk.observation.state == Observation.State.EXAMINED
    response = client.post(reverse("evaluation-observation-reopen", args=[slug, pk]), follow=True)
    assert "These observations are examined." in response.content.decode()  # refused, shown
    desk.observation.refresh_from_db()
    assert desk.observation.state == Observation.State.EXAMINED


def test_a_member_comments(client, desk):
    client.force_login(desk.member)
    url = reverse("evaluation-observation-comment", args=[desk.round.slug, desk.observation.pk])
    response = client.post(url, {"text": "Question 1.2 deserves a word."}, follow=True)
    assert "Question 1.2 deserves a word." in response.content.decode()
    response = client.post(url, {"text": "   "}, follow=True)
    assert "Write a comment first." in response.content.decode()
    assert desk.observation.comments.count() == 2


def test_the_writer_removes_a_citation(client, desk):
    citation = desk.observation.citations.get(answer=desk.answer_a1)
    url = reverse("evaluation-citation-remove", args=[desk.round.slug, desk.observation.pk, citation.pk])
    client.force_login(desk.member)
    assert client.post(url).status_code == 403
    client.force_login(desk.rapporteur)
    client.post(url)
    assert not Citation.objects.filter(pk=citation.pk).exists()


# --- Meetings and reports ------------------------------------------------------------------------------


def test_the_meeting_page_lists_the_agenda_with_its_decisions(client, desk):
    client.force_login(desk.member)
    page = client.get(pages(desk)["meeting"]).content.decode()
    assert page.index("Exchange of views on Question 1") < page.index("Calendar of the round")
    assert "T-ES(2026)07" in page
    assert "No decision recorded yet." in page
    assert "The Committee agreed the calendar." in page
    assert reverse("evaluation-observation", args=[desk.round.slug, desk.observation.pk]) in page


def test_the_desk_lists_meetings_newest_first_and_my_questions(client, desk):
    MeetingFactory(
        number=31, place="online", starts_on=datetime.date(2026, 4, 1), ends_on=datetime.date(2026, 4, 1)
    )
    client.force_login(desk.rapporteur)
    page = client.get(pages(desk)["desk"]).content.decode()
    assert page.index("Meeting 31") < page.index("Meeting 29")
    assert reverse("evaluation-question", args=[desk.round.slug, "1"]) in page
    assert "Observations on Question 1" in page


def test_the_draft_report_shows_chapters_and_statements(client, desk):
    client.force_login(desk.member)
    page = client.get(pages(desk)["report"]).content.decode()
    assert "Legal frameworks" in page
    assert "R-1" in page and "Define the material" in page
    assert desk.party_a.name in page
    assert "Draft" in page


def test_a_chapter_shows_the_observations_it_is_drafted_from_and_its_examinations(client, desk):
    chapter = desk.report.chapters.get()
    AgendaItemFactory(
        meeting=desk.meeting,
        kind=AgendaItem.Kind.CHAPTER,
        title="Chapter I",
        chapter=chapter,
        document_ref="T-ES(2020)23",
        decision="Examined; a compromise text follows.",
    )
    client.force_login(desk.member)
    page = client.get(pages(desk)["report"]).content.decode()
    observation_url = reverse("evaluation-observation", args=[desk.round.slug, desk.observation.pk])
    assert f'Drafted from: <a href="{observation_url}">' in page
    assert "Examined at meeting 29, T-ES(2020)23" in page and "a compromise text follows." in page
