"""What the demo's 2nd round published: replies and answers, civil-society comments, findings."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from civil_society.models import Contribution
from civil_society.selectors import contributions_visible_to
from civil_society.windows import comment_window, questionnaire_window
from core.deadlines import STRASBOURG
from core.viewers import PUBLIC
from demo.services import demo_seed
from questionnaires.models import Question
from reports.models import Finding
from reports.selectors import findings_visible_to, with_figures
from rounds.models import Round
from submissions.answer_html import answer_html
from submissions.models import Answer, AnswerVersion, Reply, ReplyTransition
from submissions.selectors import answers_visible_to, replies_visible_to, reply_completeness

pytestmark = pytest.mark.django_db

# Received by the morning of the deadline: 17 (seed 001); then 4 in the week after.
ON_TIME = {
    "AD",
    "AL",
    "AT",
    "BA",
    "BE",
    "CH",
    "DE",
    "DK",
    "ES",
    "FI",
    "FR",
    "LU",
    "NL",
    "PL",
    "PT",
    "SE",
    "SI",
}
LATE = {"BG", "GR", "IT", "MT"}
PUBLISHED = ON_TIME | LATE
IN_FRENCH = {"BE", "CH", "FR", "LU"}
NATIONAL = {"DE": ("de", "Frage"), "IT": ("it", "Domanda"), "PT": ("pt", "Pergunta")}


def user(username: str):
    return get_user_model().objects.get(username=username)


def second_round_replies():
    return Reply.objects.filter(round__slug="2nd-round").select_related("party", "national_language")


def test_every_2nd_round_reply_is_published_the_day_it_was_registered(seeded):
    replies = second_round_replies()

    # The round's report is adopted: no reply is left unpublished.
    assert {r.party.code for r in replies if r.state == Reply.State.PUBLISHED} == PUBLISHED
    assert replies.count() == len(PUBLISHED)
    # Every Party with a reply is monitored; the other 21 monitored Parties have none.
    monitored = set(replies.first().round.parties.values_list("code", flat=True))
    assert monitored >= PUBLISHED and len(monitored) - replies.count() == 21
    # "Published ... as soon as they are registered by the Secretariat" (seed 003).
    for reply in replies:
        assert reply.submitted_at < reply.registered_at
        assert reply.registered_at.astimezone(STRASBOURG).date() == reply.published_on
        assert reply.published_on.year == 2017


def test_17_parties_replied_by_the_morning_of_the_deadline_and_4_in_the_week_after(seeded):
    replies = second_round_replies()
    morning = datetime.datetime(2017, 10, 25, 9, 0, tzinfo=STRASBOURG)
    deadline_end = datetime.datetime(2017, 10, 26, tzinfo=STRASBOURG)

    # "As of this morning [25 October 2017], 17 Parties replied" (seed 001); none later that day.
    assert {r.party.code for r in replies if r.submitted_at < morning} == ON_TIME
    assert not [r for r in replies if morning <= r.submitted_at < deadline_end]
    # Others "promised to reply by next week": the late replies come within it.
    late = {r.party.code for r in replies if r.is_late}
    assert late == {r.party.code for r in replies if r.submitted_at >= deadline_end} == LATE
    assert all(r.submitted_at < deadline_end + datetime.timedelta(days=9) for r in replies)
    assert all(r.overdue_at == deadline_end for r in replies if r.is_late)
    assert not any(r.overdue_at for r in replies if not r.is_late)


def test_civil_society_had_until_the_end_of_2017_and_on_time_replies_two_months(seeded):
    second = Round.objects.get(slug="2nd-round")
    assert second.civil_society_deadline == datetime.date(2017, 12, 31)  # seeds 000 and 003
    assert questionnaire_window(round=second).closes_on == datetime.date(2017, 12, 31)
    # Replies received on time were registered, so published, by 31 October: their comment windows close
    # "by the end of December 2017" (seed 003); the late ones' a little later.
    for reply in second_round_replies():
        window = comment_window(round=second, party=reply.party)
        assert window.opens_on == reply.published_on
        if reply.party.code in ON_TIME:
            assert window.closes_on <= second.civil_society_deadline
        else:
            assert window.closes_on < datetime.date(2018, 1, 31)


def test_each_state_change_is_in_the_audit_trail_when_it_happened(seeded):
    published = second_round_replies().get(party__code="FR")
    trail = list(ReplyTransition.objects.filter(reply=published).order_by("at"))

    assert [(t.from_state, t.to_state) for t in trail] == [
        ("", "draft"),
        ("draft", "submitted"),
        ("submitted", "registered"),
        ("registered", "published"),
    ]
    assert [t.by.username for t in trail] == ["focal-fr", "focal-fr", "secretariat", "secretariat"]
    assert trail[1].at == published.submitted_at and trail[2].at == published.registered_at
    assert trail[3].at.astimezone(STRASBOURG).date() == published.published_on
    assert trail[2].at < trail[3].at < trail[2].at + datetime.timedelta(hours=1)
    # Every reply went through the same four changes, in order, in 2017.
    for reply in second_round_replies():
        changes = list(reply.transitions.order_by("at"))
        assert [t.to_state for t in changes] == ["draft", "submitted", "registered", "published"]
        assert all(t.at.year == 2017 for t in changes)
        assert changes[1].at == reply.submitted_at and changes[2].at == reply.registered_at
        assert reply.updated_at == changes[3].at


def test_every_published_reply_answers_every_question_with_a_demo_text_naming_the_party(seeded):
    questions = Question.objects.filter(questionnaire__round__slug="2nd-round").count()
    assert questions == 56
    for reply in second_round_replies().filter(state=Reply.State.PUBLISHED):
        answers = list(reply.answers.all())
        assert len(answers) == questions
        name = reply.party.name_fr if reply.language == "fr" else reply.party.name_en
        for answer in answers:
            assert 40 <= len(answer.text.split()) <= 120, answer.text
            assert answer.version == 1 and answer.saved_by.username == f"focal-{reply.party.code.lower()}"
        # The Party is named in its answers, and every answer says it is demo content.
        assert sum(name in answer.text for answer in answers) >= questions // 4
        notice = "Texte de démonstration" if reply.language == "fr" else "Demo text"
        assert all(notice in answer.text for answer in answers)


def test_every_reply_that_reached_the_secretariat_is_complete(seeded):
    for reply in second_round_replies():
        assert reply_completeness(reply=reply).missing == [], reply.party.code


def test_every_answer_seeded_stores_the_html_of_its_texts(seeded):
    # The 2nd round's (publications), the demonstration round's and the others'.
    assert Answer.objects.exclude(text_html="").count() > 21 * 56
    for text, national, html, national_html in Answer.objects.values_list(
        "text", "national_text", "text_html", "national_text_html"
    ):
        assert (html, national_html) == (answer_html(text), answer_html(national))


def test_each_answer_has_its_version_in_the_history(seeded):
    answers = Answer.objects.filter(reply__round__slug="2nd-round")
    versions = {(v.answer_id, v.version): v for v in AnswerVersion.objects.filter(answer__in=answers)}
    assert len(versions) == answers.count() == 21 * 56
    for answer in answers[:100]:
        version = versions[answer.pk, answer.version]
        assert (version.text, version.national_text) == (answer.text, answer.national_text)
        assert version.saved_at < answer.reply.submitted_at


def test_french_replies_are_in_french_and_the_others_in_english(seeded):
    replies = second_round_replies().filter(state=Reply.State.PUBLISHED)
    assert {r.party.code for r in replies if r.language == "fr"} == IN_FRENCH
    french = Answer.objects.filter(reply__party__code="FR", reply__round__slug="2nd-round")
    text = " ".join(french.values_list("text", flat=True))
    assert "la France" in text and "é" in text and "The " not in text
    english = " ".join(
        Answer.objects.filter(reply__party__code="NL", reply__round__slug="2nd-round").values_list(
            "text", flat=True
        )
    )
    assert "the Netherlands" in english and " les " not in english


def test_three_replies_have_a_national_language_version(seeded):
    for reply in second_round_replies().filter(state=Reply.State.PUBLISHED):
        texts = list(reply.answers.values_list("national_text", flat=True))
        if reply.party.code in NATIONAL:
            code, word = NATIONAL[reply.party.code]
            assert reply.national_language.code == code
            assert reply.party.national_languages.filter(code=code).exists()
            assert all(text.startswith(word) for text in texts)
        else:
            assert reply.national_language is None and not any(texts)


def test_the_public_reads_the_published_replies_only(seeded):
    public = AnonymousUser()
    visible = replies_visible_to(public).filter(round__slug="2nd-round")
    assert {r.party.code for r in visible} == PUBLISHED
    assert answers_visible_to(public).filter(reply__round__slug="2nd-round").count() == 21 * 56


def test_search_words_of_the_questionnaire_are_in_the_answers(seeded):
    texts = " ".join(answers_visible_to(AnonymousUser()).values_list("text", flat=True))
    for word in (
        "helpline",
        "curriculum",
        "specialised unit",
        "dual criminality",
        "ex officio",
        "jurisdiction",
        "sextortion",
        "victim support",
        "judges",
        "ligne d'écoute",
        "double incrimination",
        "d'office",
    ):
        assert word in texts, word


def test_the_findings_are_adopted_with_the_committee_s_figures(seeded):
    findings = list(with_figures(findings_visible_to(AnonymousUser()).filter(round__slug="2nd-round")))
    kinds = [f.kind for f in findings]

    assert (kinds.count("recommendation"), kinds.count("promising_practice"), kinds.count("challenge")) == (
        7,
        3,
        4,
    )
    assert all(
        f.state == "adopted" and f.adopted_at.astimezone(STRASBOURG).date() == datetime.date(2022, 3, 10)
        for f in findings
    )
    assert all(f.title_fr and f.text_fr and f.title_en and f.text_en for f in findings)
    assert {f.grade for f in findings if f.kind == "recommendation"} == {"urges", "considers", "invites"}
    # The figures the Committee published (seed 002).
    figures = {f.figure_label_en: f.figure_count for f in findings if f.figure_label_en}
    assert figures["Parties referring explicitly to child self-generated sexual material"] == 11
    assert figures["Parties without a definition of child sexual abuse material in their legislation"] == 8
    assert (
        figures["Parties where prosecution cannot always be brought without a complaint by the victim"] == 15
    )
    assert figures["Parties still applying dual criminality to sexual offences against children"] == 13
    assert all(f.figure_label_fr for f in findings if f.figure_label_en)
    assert any(f.applies_to_all and f.figure_count == 42 for f in findings)


def test_findings_rest_on_questions_of_the_matching_kind_and_on_public_evidence(seeded):
    public_answers = answers_visible_to(PUBLIC)
    public_contributions = contributions_visible_to(PUBLIC)
    for finding in Finding.objects.filter(round__slug="2nd-round", state="adopted"):
        kinds = set(finding.questions.values_list("kind", flat=True))
        if finding.kind == "recommendation":
            assert kinds == {"monitoring"}, finding
        elif finding.kind == "promising_practice":
            assert kinds == {"capacity_building"}, finding
        assert finding.theme in set(finding.questions.values_list("theme", flat=True))
        assert finding.answers.exists()
        assert not finding.answers.exclude(pk__in=public_answers.values("pk")).exists()
        assert not finding.contributions.exclude(pk__in=public_contributions.values("pk")).exists()
        if not finding.applies_to_all:
            assert not finding.parties.exclude(pk__in=finding.round.parties.values("pk")).exists()
    assert Finding.objects.filter(contributions__isnull=False).exists()


def test_answers_agree_with_the_findings_that_name_their_party(seeded):
    dual = Finding.objects.get(title_en="Remove the requirement of dual criminality")
    named = set(dual.parties.values_list("code", flat=True))
    for answer in Answer.objects.filter(
        reply__round__slug="2nd-round", reply__state="published", question__number="12.2"
    ).select_related("reply__party"):
        says_dual = "dual criminality)" in answer.text or "(double incrimination)" in answer.text
        assert says_dual == (answer.reply.party.code in named), answer.reply.party.code


def test_a_draft_finding_is_for_the_secretariat_only(seeded):
    draft = Finding.objects.get(round__slug="2nd-round", state="draft")
    assert draft.adopted_at is None
    assert not findings_visible_to(AnonymousUser()).filter(pk=draft.pk).exists()
    assert findings_visible_to(user("secretariat")).filter(pk=draft.pk).exists()


def test_public_comments_are_published_and_the_confidential_one_is_not(seeded):
    comments = Contribution.objects.filter(round__slug="2nd-round")
    public = contributions_visible_to(PUBLIC).filter(round__slug="2nd-round")
    confidential = comments.get(visibility="confidential")
    draft = comments.get(state="draft")

    assert public.count() == 3
    assert {c.organisation.name for c in public} == {
        "Alpha Child Rights Network (demo)",
        "Beta Youth Voice (demo)",
    }
    assert confidential.state == "acknowledged" and confidential not in public
    assert draft not in public
    assert not contributions_visible_to(AnonymousUser()).filter(pk__in=[confidential.pk, draft.pk]).exists()
    assert not contributions_visible_to(user("ngo-alpha")).filter(pk=confidential.pk).exists()
    assert contributions_visible_to(user("ngo-beta")).filter(pk=confidential.pk).exists()
    assert contributions_visible_to(user("secretariat")).filter(pk=confidential.pk).exists()
    for contribution in comments:
        party = contribution.parties.get()
        assert Reply.objects.get(round=contribution.round, party=party).state == "published"
        assert 1 <= contribution.items.count() <= 3
        assert contribution.language in ("en", "fr")
        if contribution.submitted_at:
            assert comment_window(round=contribution.round, party=party).is_open(contribution.submitted_at)
            assert contribution.submitted_at < contribution.acknowledged_at
            assert contribution.events.count() == 2


def test_a_second_seed_writes_nothing(seeded):
    report = demo_seed()
    assert not any(report.created.values()), report.created
    assert not any(report.updated.values()), report.updated
