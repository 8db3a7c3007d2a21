"""`seed_scale`: a synthetic volume for benchmarks, at small sizes here. The flags set the counts, the data
takes every state the domain allows, the same seed gives the same data, an existing set is replaced only on
--force, and what is not public stays off the public pages."""

import hashlib
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils.html import escape

from civil_society.models import (
    Contribution,
    ContributionEvent,
    ContributionItem,
    CoSignature,
    InformationRequest,
    Organisation,
)
from civil_society.windows import comment_window, questionnaire_window
from questionnaires.models import Question
from reports.models import Finding
from reports.services import finding_check
from rounds.models import Participation, Party, Round
from submissions.answer_html import answer_html
from submissions.files import document_kind
from submissions.models import Answer, AnswerVersion, Attachment, Reply, ReplyTransition

pytestmark = pytest.mark.django_db

SIZES = {
    "parties": 20,
    "rounds": 4,
    "questions": 8,
    "contributions": 60,
    "findings": 24,
    "min-words": 20,
    "max-words": 40,
    "attachments": 6,
}
SCALE = {"round__slug__startswith": "scale-"}
AS_OF = "2026-11-20"


def seed(*extra: str, **sizes) -> None:
    flags = [f"--{name}={value}" for name, value in {**SIZES, **sizes}.items()]
    call_command("seed_scale", *flags, *extra, verbosity=0)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def seeded():
    seed()


def test_every_answer_stores_the_html_of_its_texts(seeded):
    assert Answer.objects.exclude(text_html="").exists()
    for text, national, html, national_html in Answer.objects.values_list(
        "text", "national_text", "text_html", "national_text_html"
    ):
        assert (html, national_html) == (answer_html(text), answer_html(national))


def words(text: str) -> int:
    return len(text.split())


def digest() -> str:
    """The content of the scale data set, without ids (which a second run does not repeat)."""
    reply = ("reply__round__slug", "reply__party__code")
    querysets = [
        Round.objects.filter(slug__startswith="scale-").values_list(
            "slug", "number", "status", "theme_en", "questionnaire_adopted_on", "reply_deadline", "created_at"
        ),
        Question.objects.filter(questionnaire__round__slug__startswith="scale-").values_list(
            "number", "parent__number", "kind", "theme", "articles", "required", "text_en", "text_fr"
        ),
        Reply.objects.filter(**SCALE).values_list(
            "party__code",
            "state",
            "language",
            "national_language__code",
            "submitted_at",
            "is_late",
            "registered_at",
            "published_on",
            "overdue_at",
            "created_at",
            "updated_at",
        ),
        ReplyTransition.objects.filter(reply__round__slug__startswith="scale-").values_list(
            *reply, "from_state", "to_state", "by__username", "at", "message"
        ),
        Answer.objects.filter(reply__round__slug__startswith="scale-").values_list(
            *reply, "question__number", "text", "national_text", "version", "saved_by__username", "updated_at"
        ),
        AnswerVersion.objects.filter(answer__reply__round__slug__startswith="scale-").values_list(
            "version", "text", "national_text", "saved_at"
        ),
        Attachment.objects.filter(reply__round__slug__startswith="scale-").values_list(
            *reply, "question__number", "title", "language", "original_name", "kind", "sha256", "created_at"
        ),
        Organisation.objects.filter(name__contains="(scale ").values_list("name", "verified_at"),
        Contribution.objects.filter(**SCALE).values_list(
            "organisation__name",
            "kind",
            "visibility",
            "language",
            "title",
            "general_text",
            "state",
            "submitted_at",
            "acknowledged_at",
            "party_notified_at",
            "children_involved",
            "created_at",
        ),
        Contribution.parties.through.objects.filter(
            contribution__round__slug__startswith="scale-"
        ).values_list("contribution__title", "party__code"),
        ContributionItem.objects.filter(contribution__round__slug__startswith="scale-").values_list(
            "question__number", "text"
        ),
        CoSignature.objects.values_list("organisation__name", "state", "decided_at"),
        ContributionEvent.objects.values_list("action", "by__username", "at"),
        InformationRequest.objects.values_list("due_on", "answer", "answered_at", "closed_at"),
        Finding.objects.filter(**SCALE).values_list(
            "kind",
            "grade",
            "state",
            "title_en",
            "text_fr",
            "theme",
            "applies_to_all",
            "adopted_at",
            "created_at",
        ),
        Finding.questions.through.objects.values_list("finding__title_en", "question__number"),
        Finding.parties.through.objects.values_list("finding__title_en", "party__code"),
        Finding.answers.through.objects.values_list(
            "finding__title_en", "answer__reply__party__code", "answer__question__number"
        ),
        Finding.contributions.through.objects.values_list("finding__title_en", "contribution__title"),
    ]
    content = hashlib.sha256()
    for queryset in querysets:
        for row in queryset.order_by("pk"):
            content.update(repr(row).encode())
    return content.hexdigest()


def test_the_flags_set_the_counts(seeded, media):
    rounds = Round.objects.filter(slug__startswith="scale-")
    assert sorted(rounds.values_list("slug", flat=True)) == ["scale-1", "scale-2", "scale-3", "scale-4"]
    assert sorted(rounds.values_list("number", flat=True)) == [101, 102, 103, 104]
    assert Participation.objects.filter(**SCALE).count() == 4 * 20
    for round_ in rounds:
        questions = Question.objects.filter(questionnaire__round=round_)
        assert questions.count() == 8
        assert questions.filter(parent__isnull=False).exists()  # sub-parts, numbered under their question
        assert all(q.number.startswith(f"{q.parent.number}.") for q in questions.exclude(parent=None))
    assert Reply.objects.filter(**SCALE).count() == 4 * 20
    assert Contribution.objects.filter(**SCALE).count() == 60
    assert Finding.objects.filter(**SCALE).count() == 24
    attachments = Attachment.objects.filter(reply__round__slug__startswith="scale-")
    assert attachments.count() == 6
    for attachment in attachments:
        path = Path(media) / attachment.file.name
        assert path.stat().st_size == attachment.size
        with attachment.file.open("rb") as stored:
            assert document_kind(stored) == attachment.kind  # the portal's own check accepts the file


def test_every_submitted_reply_answers_every_question_in_the_words_asked(seeded):
    for reply in Reply.objects.filter(**SCALE).exclude(state=Reply.State.DRAFT):
        assert reply.answers.count() == 8
    answers = Answer.objects.filter(reply__round__slug__startswith="scale-")
    # At least the words asked; over the most by a sentence at most, plus the closing notice.
    assert all(20 <= words(answer.text) <= 40 + 60 for answer in answers)
    assert all(
        "Synthetic text generated for load testing" in a.text for a in answers.filter(reply__language="en")
    )
    assert all("Texte synthétique" in a.text for a in answers.filter(reply__language="fr"))


def test_replies_take_every_state_most_of_the_older_rounds_published(seeded):
    replies = Reply.objects.filter(**SCALE)
    assert set(replies.values_list("state", flat=True)) == set(Reply.State.values)
    oldest = replies.filter(round__slug="scale-1")
    assert oldest.filter(state=Reply.State.PUBLISHED).count() >= 0.9 * oldest.count()
    assert not replies.filter(round__slug="scale-4", state=Reply.State.PUBLISHED).exists()  # still collecting
    assert replies.filter(is_late=True).exists() and replies.filter(overdue_at__isnull=False).exists()


def test_each_reply_went_through_its_states_in_order_before_the_data_set_stops(seeded):
    for reply in Reply.objects.filter(**SCALE).prefetch_related("transitions"):
        steps = list(reply.transitions.order_by("at", "pk"))
        assert [t.from_state for t in steps[1:]] == [t.to_state for t in steps[:-1]]
        assert steps[0].to_state == Reply.State.DRAFT and steps[-1].to_state == reply.state
        assert steps[-1].at.date().isoformat() <= AS_OF
    published = Reply.objects.filter(**SCALE, state=Reply.State.PUBLISHED)
    assert not published.filter(published_on__isnull=True).exists()


def test_answers_are_in_an_official_language_with_national_versions(seeded):
    replies = Reply.objects.filter(**SCALE)
    assert set(replies.values_list("language", flat=True)) == {"en", "fr"}
    assert not replies.filter(party__code="BE").exclude(language="fr").exists()  # French is a language of BE
    national = Answer.objects.filter(
        reply__round__slug__startswith="scale-", reply__national_language__isnull=False
    )
    assert national.exclude(national_text="").exists()
    assert not Answer.objects.filter(reply__national_language__isnull=True).exclude(national_text="").exists()


def test_one_fifth_of_the_contributions_is_confidential(seeded):
    contributions = Contribution.objects.filter(**SCALE)
    assert contributions.filter(visibility=Contribution.Visibility.CONFIDENTIAL).count() == 60 // 5
    assert set(contributions.values_list("kind", flat=True)) == set(Contribution.Kind.values)
    assert set(contributions.values_list("state", flat=True)) == set(Contribution.State.values)
    assert not contributions.filter(items=None, general_text="").exists()


def test_comments_are_on_published_replies_within_their_windows(seeded):
    for contribution in Contribution.objects.filter(**SCALE).exclude(submitted_at=None):
        if contribution.kind == Contribution.Kind.COMMENT:
            (party,) = contribution.parties.all()
            window = comment_window(round=contribution.round, party=party)
        else:
            window = questionnaire_window(round=contribution.round)
        assert window.opens_at <= contribution.submitted_at < window.closes_at
    acknowledged_public = Contribution.objects.filter(
        **SCALE, kind="comment", visibility="public", state="acknowledged"
    )
    assert acknowledged_public.exists()
    assert not acknowledged_public.filter(party_notified_at=None).exists()  # no digest of old news


def test_findings_of_every_kind_and_grade_keep_the_rules_of_findings(seeded):
    findings = Finding.objects.filter(**SCALE)
    assert set(findings.values_list("kind", flat=True)) == set(Finding.Kind.values)
    assert set(findings.exclude(grade="").values_list("grade", flat=True)) == set(Finding.Grade.values)
    assert set(findings.values_list("state", flat=True)) == set(Finding.State.values)
    assert not findings.filter(round__slug="scale-4").exists()  # the round still collecting replies
    for finding in findings:
        theme = finding_check(
            round=finding.round,
            kind=finding.kind,
            grade=finding.grade,
            theme="",
            questions=finding.questions.all(),
            parties=finding.parties.all(),
            applies_to_all=finding.applies_to_all,
            answers=finding.answers.all(),
            contributions=finding.contributions.all(),
        )
        assert theme == finding.theme
    assert Finding.answers.through.objects.exists() and Finding.contributions.through.objects.exists()


def test_the_rows_are_in_the_audit_trail_as_written_by_the_system(seeded):
    answers = Answer.objects.filter(reply__round__slug__startswith="scale-")
    history = Answer.history.filter(id__in=answers.values("pk"))
    assert history.count() == answers.count()
    assert set(history.values_list("history_change_reason", "history_user")) == {("seed_scale", None)}


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(seeded):
    first = digest()

    seed("--force")
    assert digest() == first

    seed("--force", seed=2)
    assert digest() != first


def test_it_refuses_to_seed_over_an_existing_set_without_force(seeded):
    before = digest()

    with pytest.raises(
        CommandError, match=r"A scale data set already exists \(rounds: 4, .*\)\. Pass --force"
    ):
        seed(seed=3)

    assert digest() == before


def test_force_replaces_the_set_files_included(seeded, media):
    old_files = [Path(media) / name for name in Attachment.objects.values_list("file", flat=True)]
    old_replies = set(Reply.objects.filter(**SCALE).values_list("pk", flat=True))

    seed("--force", rounds=2, parties=5, contributions=10, attachments=2)

    assert sorted(Round.objects.filter(slug__startswith="scale-").values_list("slug", flat=True)) == [
        "scale-1",
        "scale-2",
    ]
    assert Reply.objects.filter(**SCALE).count() == 2 * 5
    assert not Reply.objects.filter(pk__in=old_replies).exists()
    assert Contribution.objects.count() == 10 and Attachment.objects.count() == 2
    assert not any(path.exists() for path in old_files)
    users = get_user_model().objects.filter(username__startswith="scale-")
    assert users.filter(username__startswith="scale-focal-").count() == 5


def test_options_out_of_range_are_refused_before_anything_is_written():
    with pytest.raises(CommandError, match="--min-words must be at least 1 and at most --max-words"):
        seed(**{"min-words": 50, "max-words": 10})
    assert not Round.objects.exists() and not Party.objects.exists()


def test_what_is_not_public_stays_off_the_public_party_page(client):
    seed(contributions=300)
    items = ContributionItem.objects.filter(contribution__kind="comment").select_related("contribution")
    public = items.filter(contribution__visibility="public", contribution__state="acknowledged")
    confidential = items.filter(contribution__visibility="confidential")
    reply = next(
        reply
        for reply in Reply.objects.filter(**SCALE, state=Reply.State.PUBLISHED).select_related(
            "round", "party"
        )
        if public.filter(contribution__parties=reply.party, contribution__round=reply.round).exists()
        and confidential.filter(contribution__parties=reply.party, contribution__round=reply.round).exists()
    )
    on_reply = {"contribution__round": reply.round, "contribution__parties": reply.party}

    page = client.get(f"/en/rounds/{reply.round.slug}/parties/{reply.party.code}/").content.decode()

    assert escape(_opening(reply.answers.first().text)) in page  # what is public is shown...
    assert all(item.text in page for item in public.filter(**on_reply))
    assert not any(item.text in page for item in confidential.filter(**on_reply))  # ...the rest not
    draft = Answer.objects.filter(reply__state=Reply.State.DRAFT, reply__round__slug__startswith="scale-")
    answer = draft.select_related("reply__round", "reply__party").first()
    response = client.get(f"/en/rounds/{answer.reply.round.slug}/parties/{answer.reply.party.code}/")
    assert escape(_opening(answer.text)) not in response.content.decode()


def _opening(text: str) -> str:
    return text[:80]


def test_with_the_demo_loaded_synthetic_parties_stay_out_of_the_demo_rounds():
    call_command("seed_demo", "--force", verbosity=0)
    seed(parties=50, rounds=1, questions=2, contributions=0, findings=0, attachments=0)

    assert Party.objects.count() == 50
    assert set(
        Party.objects.filter(name_en__startswith="Synthetic State").values_list("code", flat=True)
    ) == {
        "XA",
        "XB",
    }
    call_command("seed_demo", "--force", verbosity=0)  # the demo seeded again, over the scale set
    assert Round.objects.get(slug="2nd-round").parties.count() == 42
    assert not Participation.objects.filter(party__code__in=["XA", "XB"]).exclude(**SCALE).exists()
    assert Reply.objects.filter(round__slug="2nd-round").exists()
