"""Civil-society contributions over the API: who sees which, writing a draft, the .docx route, submitting
within the Party's comment window.

The `world` below replaces the API conftest's for this module, so `client_as(role)` logs in these callers.
"""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from civil_society.models import Contribution, CoSignature
from civil_society.services import co_signature_decide
from rounds.models import Participation, Round
from submissions.models import Reply
from tests.factories import (
    ContributionFactory,
    ContributionItemFactory,
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

from .conftest import PDF_BYTES, docx_bytes

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
PUBLISHED_ON = datetime.date(2025, 10, 31)  # two months later: the window's last day is 31 December 2025
IN_WINDOW = datetime.datetime(2025, 12, 31, 23, 59, 59, tzinfo=PARIS)
CLOSED = datetime.datetime(2026, 1, 1, 0, 0, 0, tzinfo=PARIS)

LIST_URL = "/api/v1/rounds/round-cs/comments/"
ROLES = ["anonymous", "author", "other_ngo", "co_signer", "focal_a", "focal_b", "staff"]
NOT_AUTHORS = ["other_ngo", "co_signer", "focal_a", "focal_b", "staff"]

# What each caller sees of the contributions fixture, by title.
PUBLISHED = {"public", "questionnaire"}
VISIBLE = {
    "anonymous": PUBLISHED,
    "focal_a": PUBLISHED,
    "focal_b": PUBLISHED,
    "author": PUBLISHED | {"confidential", "draft", "submitted"},
    "co_signer": PUBLISHED | {"confidential"},
    "other_ngo": PUBLISHED | {"other-confidential"},
    "staff": PUBLISHED | {"confidential", "draft", "submitted", "other-confidential"},
}


@pytest.fixture
def world(db):
    """Party A's reply published on 31 October 2025, Party B's a draft; three organisations."""
    round_ = RoundFactory(slug="round-cs", civil_society_deadline=datetime.date(2026, 3, 31))
    questionnaire = QuestionnaireFactory(round=round_)
    questions = {
        number: QuestionFactory(questionnaire=questionnaire, number=number, position=position)
        for position, number in enumerate(["1", "2", "6", "7"], start=1)
    }
    party_a = PartyFactory(code="ZA", name_en="Aland", name_fr="Alande")
    party_b = PartyFactory(code="ZB", name_en="Borduria", name_fr="Bordurie")
    ReplyFactory(round=round_, party=party_a, state=Reply.State.PUBLISHED, published_on=PUBLISHED_ON)
    ReplyFactory(round=round_, party=party_b)
    ngo1 = OrganisationFactory(name="Alpha Child Rights")
    ngo2 = OrganisationFactory(name="Beta Youth Voice")
    ngo3 = OrganisationFactory(name="Gamma Helpline")
    return SimpleNamespace(
        round=round_,
        questions=questions,
        party_a=party_a,
        party_b=party_b,
        ngo1=ngo1,
        ngo2=ngo2,
        ngo3=ngo3,
        author=MembershipFactory(organisation=ngo1, user__username="member-alpha").user,
        other_ngo=MembershipFactory(organisation=ngo2, user__username="member-beta").user,
        co_signer=MembershipFactory(organisation=ngo3, user__username="member-gamma").user,
        focal_a=FocalPointFactory(party=party_a, user__username="focal-za").user,
        focal_b=FocalPointFactory(party=party_b, user__username="focal-zb").user,
        staff=UserFactory(username="secretariat-cs", is_staff=True),
    )


def contribution(world, organisation, title, *, state="draft", items=("6",), parties=None, **fields):
    submitted_at = datetime.datetime(2025, 12, 1, 10, tzinfo=PARIS) if state != "draft" else None
    acknowledged_at = datetime.datetime(2025, 12, 2, 10, tzinfo=PARIS) if state == "acknowledged" else None
    created = ContributionFactory(
        round=world.round,
        organisation=organisation,
        title=title,
        state=state,
        submitted_at=submitted_at,
        acknowledged_at=acknowledged_at,
        parties=parties or [world.party_a],
        **fields,
    )
    for number in items:
        ContributionItemFactory(
            contribution=created, question=world.questions[number], text=f"<p>{title} on Q{number}.</p>"
        )
    return created


@pytest.fixture
def contributions(world):
    confidential = contribution(
        world, world.ngo1, "confidential", state="acknowledged", visibility="confidential"
    )
    CoSignature.objects.create(
        contribution=confidential, organisation=world.ngo3, state=CoSignature.State.CONFIRMED
    )
    return SimpleNamespace(
        public=contribution(world, world.ngo1, "public", state="acknowledged", items=("1", "6")),
        confidential=confidential,
        draft=contribution(world, world.ngo1, "draft"),
        submitted=contribution(world, world.ngo1, "submitted", state="submitted"),
        other_confidential=contribution(
            world, world.ngo2, "other-confidential", state="submitted", visibility="confidential"
        ),
        questionnaire=contribution(
            world,
            world.ngo2,
            "questionnaire",
            state="acknowledged",
            kind="questionnaire_reply",
            parties=[world.party_a, world.party_b],
            items=("2",),
        ),
    )


@pytest.fixture
def draft(world):
    """The author's draft comment on Party A's reply, ready to submit."""
    return contribution(world, world.ngo1, "Our comment")


def titles(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {contribution["title"] for contribution in response.json()["results"]}


def state_of(contribution: Contribution) -> tuple:
    contribution.refresh_from_db()
    return (
        contribution.state,
        contribution.submitted_at,
        contribution.general_text,
        bool(contribution.document),
        contribution.events.count(),
    )


def files_under(root) -> list:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


# Reading


@pytest.mark.parametrize("role", ROLES)
def test_each_caller_lists_exactly_the_contributions_it_may_see(client_as, contributions, role):
    assert titles(client_as(role).get(LIST_URL)) == VISIBLE[role]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "title", ["public", "confidential", "draft", "submitted", "other-confidential", "questionnaire"]
)
def test_a_contribution_the_caller_may_not_see_is_not_found(client_as, contributions, role, title):
    pk = Contribution.objects.get(title=title).pk

    response = client_as(role).get(f"/api/v1/comments/{pk}/")

    if title in VISIBLE[role]:
        assert response.status_code == 200 and response.json()["title"] == title
    else:
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found.", "code": "not_found"}


def test_a_co_signer_that_declined_no_longer_sees_a_confidential_draft(client_as, world):
    secret = contribution(world, world.ngo1, "secret", visibility="confidential")
    signature = CoSignature.objects.create(contribution=secret, organisation=world.ngo3)
    client = client_as("co_signer")
    assert client.get(f"/api/v1/comments/{secret.pk}/").status_code == 200

    co_signature_decide(co_signature=signature, by=world.co_signer, confirm=False)

    assert client.get(f"/api/v1/comments/{secret.pk}/").status_code == 404
    assert titles(client.get(LIST_URL)) == set()


def test_a_public_comment_reads_with_its_organisation_co_signers_parties_and_items(client_as, world):
    comment = contribution(
        world,
        world.ngo1,
        "Helplines at night",
        state="acknowledged",
        items=("6", "1"),
        language="fr",
        general_text="<p>General part.</p>",
        children_involved=True,
        children_involvement="A youth panel read the draft.",
    )
    CoSignature.objects.create(contribution=comment, organisation=world.ngo3, state="confirmed")

    response = client_as("anonymous").get(LIST_URL)

    assert response.status_code == 200
    assert response.json()["count"] == 1 and response.json()["next"] is None
    assert response.json()["results"] == [
        {
            "id": comment.pk,
            "round": "round-cs",
            "kind": "comment",
            "visibility": "public",
            "language": "fr",
            "state": "acknowledged",
            "title": "Helplines at night",
            "organisation": {"id": world.ngo1.pk, "name": "Alpha Child Rights"},
            "co_signers": [{"id": world.ngo3.pk, "name": "Gamma Helpline", "state": "confirmed"}],
            "parties": ["ZA"],
            "items": [
                {"question": "1", "text": "<p>Helplines at night on Q1.</p>"},
                {"question": "6", "text": "<p>Helplines at night on Q6.</p>"},
            ],
            "general_text": "<p>General part.</p>",
            "children_involved": True,
            "children_involvement": "A youth panel read the draft.",
            "submitted_at": "2025-12-01T10:00:00+01:00",
            "acknowledged_at": "2025-12-02T10:00:00+01:00",
        }
    ]


@pytest.mark.parametrize(
    ("role", "query", "expected"),
    [
        ("anonymous", {"party": "zb"}, {"questionnaire"}),
        ("anonymous", {"party": "ZA"}, {"public", "questionnaire"}),
        ("anonymous", {"kind": "questionnaire_reply"}, {"questionnaire"}),
        ("anonymous", {"question": "6"}, {"public"}),
        ("anonymous", {"question": "6", "party": "ZB"}, set()),
        # The filter only narrows: the public, the Parties and other NGOs never see confidential ones.
        ("anonymous", {"visibility": "confidential"}, set()),
        ("focal_a", {"visibility": "confidential"}, set()),
        ("other_ngo", {"visibility": "confidential"}, {"other-confidential"}),
        ("author", {"visibility": "confidential"}, {"confidential"}),
        ("staff", {"visibility": "confidential"}, {"confidential", "other-confidential"}),
        ("staff", {"visibility": "public", "kind": "comment"}, {"public", "draft", "submitted"}),
    ],
)
def test_the_list_filters_narrow_what_the_caller_may_see(client_as, contributions, role, query, expected):
    assert titles(client_as(role).get(LIST_URL, query)) == expected


def test_an_unknown_filter_value_is_refused(client_as, contributions):
    response = client_as("anonymous").get(LIST_URL, {"kind": "petition"})

    assert response.status_code == 400
    assert response.json()["code"] == "invalid" and "kind" in response.json()["errors"]


def test_the_list_is_paginated_like_the_others(client_as, world, contributions):
    ContributionFactory.create_batch(
        50, round=world.round, organisation=world.ngo2, state="acknowledged", parties=[world.party_a]
    )
    client = client_as("anonymous")

    first = client.get(LIST_URL).json()
    second = client.get(first["next"]).json()

    assert first["count"] == 52 and len(first["results"]) == 50 and first["previous"] is None
    assert first["next"].endswith("?page=2")
    assert len(second["results"]) == 2 and second["next"] is None
    seen = {c["id"] for c in first["results"] + second["results"]}
    assert len(seen) == 52


def test_a_round_still_in_preparation_has_no_comments_for_the_public(client_as, contributions, world):
    Round.objects.filter(pk=world.round.pk).update(status=Round.Status.PREPARATION)

    assert client_as("anonymous").get(LIST_URL).status_code == 404
    assert client_as("author").get(LIST_URL).status_code == 404
    assert client_as("staff").get(LIST_URL).status_code == 200


@pytest.mark.parametrize("role", ["anonymous", "author", "staff"])
def test_the_list_queries_do_not_grow_with_the_contributions(
    client_as, world, contributions, role, django_assert_max_num_queries
):
    client = client_as(role)
    with django_assert_max_num_queries(9) as few:
        client.get(LIST_URL)
    for number in range(8):
        comment = contribution(world, world.ngo1, f"more {number}", state="acknowledged", items=("1", "6"))
        CoSignature.objects.create(contribution=comment, organisation=world.ngo2, state="confirmed")

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(LIST_URL)

    assert len(response.json()["results"]) == len(VISIBLE[role]) + 8


# Writing a draft


def payload(**fields) -> dict:
    """A valid body; a field given as None is left out."""
    data = {
        "party": "za",
        "question": "6",
        "text": "<p>The helpline closes at night.</p>",
        "language": "en",
        "visibility": "confidential",
        **fields,
    }
    return {key: value for key, value in data.items() if value is not None}


def test_a_member_writes_a_draft_comment_on_one_question(client_as, world):
    response = client_as("author").post(LIST_URL, payload(), format="json")

    assert response.status_code == 201
    created = Contribution.objects.get()
    body = response.json()
    assert body["id"] == created.pk
    assert (body["state"], body["kind"], body["visibility"], body["language"]) == (
        "draft",
        "comment",
        "confidential",
        "en",
    )
    assert body["organisation"] == {"id": world.ngo1.pk, "name": "Alpha Child Rights"}
    assert body["parties"] == ["ZA"] and body["co_signers"] == []
    assert body["items"] == [{"question": "6", "text": "<p>The helpline closes at night.</p>"}]
    assert body["submitted_at"] is None
    assert created.created_by == world.author and created.organisation == world.ngo1


def test_a_coalition_draft_with_several_items_and_co_signers_by_id(client_as, world):
    response = client_as("author").post(
        LIST_URL,
        {
            "party": "ZA",
            "items": [
                {"question": "6", "text": "<p>On helplines.</p><script>alert(1)</script>"},
                {"question": "1", "text": "On awareness."},
            ],
            "language": "fr",
            "visibility": "public",
            "co_signers": [world.ngo3.pk, world.ngo2.pk],
            "title": "Joint comment",
            "children_involved": True,
            "children_involvement": "Young people chose the topics.",
        },
        format="json",
    )

    assert response.status_code == 201
    body = response.json()
    assert body["items"] == [
        {"question": "1", "text": "On awareness."},
        {"question": "6", "text": "<p>On helplines.</p>"},
    ]
    assert body["co_signers"] == [
        {"id": world.ngo2.pk, "name": "Beta Youth Voice", "state": "pending"},
        {"id": world.ngo3.pk, "name": "Gamma Helpline", "state": "pending"},
    ]
    assert body["children_involved"] is True and body["title"] == "Joint comment"


def test_a_questionnaire_reply_concerns_several_parties(client_as, world):
    response = client_as("author").post(
        LIST_URL,
        payload(kind="questionnaire_reply", party=None, parties=["za", "zb"], question="2", text="Answer"),
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["kind"] == "questionnaire_reply"
    assert sorted(response.json()["parties"]) == ["ZA", "ZB"]


def test_a_draft_may_start_without_items_and_take_its_text_from_a_word_document(client_as, world):
    response = client_as("author").post(
        LIST_URL, payload(question=None, text=None, title="From Word"), format="json"
    )

    assert response.status_code == 201 and response.json()["items"] == []


@pytest.mark.parametrize("visibility", ["missing", "", None, "secret"])
def test_visibility_must_be_chosen(client_as, world, visibility):
    data = payload()
    if visibility == "missing":
        del data["visibility"]
    else:
        data["visibility"] = visibility

    response = client_as("author").post(LIST_URL, data, format="json")

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert body["detail"] == "Choose whether the contribution is public or confidential."
    assert body["errors"]["visibility"] == ["Choose whether the contribution is public or confidential."]
    assert not Contribution.objects.exists()


def test_visibility_is_named_even_when_other_fields_are_wrong_too(client_as, world):
    data = payload(language="")
    del data["visibility"]

    response = client_as("author").post(LIST_URL, data, format="json")

    assert response.status_code == 400
    assert response.json()["detail"] == "Choose whether the contribution is public or confidential."
    assert set(response.json()["errors"]) >= {"visibility", "language"}


@pytest.mark.parametrize(
    ("fields", "detail"),
    [
        ({"party": "ZB"}, "is not published yet"),
        ({"question": "99"}, "Question 99 is not in this round's questionnaire."),
        ({"language": "de"}, "English or French"),
        ({"kind": "petition"}, "Choose a comment on a State reply or a reply to the questionnaire."),
        ({"party": None}, "Name the Party or Parties"),
        ({"parties": ["ZB"]}, "A comment concerns the reply of one Party."),
        ({"items": [{"question": "6", "text": "x"}]}, "Send either items, or one question and its text."),
        ({"text": None}, "A question needs its text, and a text its question."),
    ],
)
def test_an_invalid_draft_is_refused_and_nothing_is_created(client_as, world, fields, detail):
    response = client_as("author").post(LIST_URL, payload(**fields), format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid" and detail in response.json()["detail"]
    assert not Contribution.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"party": "QQ"}, "parties"), ({"co_signers": [999999]}, "co_signers")],
)
def test_an_unknown_party_or_co_signer_is_refused(client_as, world, fields, field):
    response = client_as("author").post(LIST_URL, payload(**fields), format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid" and field in response.json()["errors"]
    assert not Contribution.objects.exists()


@pytest.mark.parametrize(
    ("role", "status", "code"),
    [
        ("anonymous", 401, "not_authenticated"),
        ("focal_a", 404, "not_found"),
        ("focal_b", 404, "not_found"),
        ("staff", 404, "not_found"),
    ],
)
def test_only_members_of_an_organisation_write_contributions(client_as, world, role, status, code):
    response = client_as(role).post(LIST_URL, payload(), format="json")

    assert response.status_code == status and response.json()["code"] == code
    assert not Contribution.objects.exists()


# Submitting


def submit(client, contribution: Contribution):
    return client.post(f"/api/v1/comments/{contribution.pk}/submit/")


def test_a_comment_submitted_in_the_last_second_of_the_window_is_accepted(client_as, draft):
    client = client_as("author")

    with time_machine.travel(IN_WINDOW, tick=False):
        response = submit(client, draft)

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["state"] == "submitted"
    assert datetime.datetime.fromisoformat(body["submitted_at"]) == IN_WINDOW
    draft.refresh_from_db()
    assert draft.state == "submitted" and draft.submitted_at == IN_WINDOW
    assert list(draft.events.values_list("action", "by__username")) == [("submitted", "member-alpha")]


def test_a_comment_submitted_at_midnight_in_strasbourg_is_refused_with_the_closing_time(client_as, draft):
    client = client_as("author")
    before = state_of(draft)

    with time_machine.travel(CLOSED, tick=False):
        response = submit(client, draft)

    assert response.status_code == 409
    assert response.json() == {
        "detail": "The window for this contribution closed at the end of 31 December 2025 "
        "(midnight, Strasbourg time).",
        "code": "comment_window_closed",
        "closes_at": "2026-01-01T00:00:00+01:00",
    }
    assert state_of(draft) == before


def test_the_secretariats_extension_of_the_partys_window_is_honoured(client_as, world, draft):
    Participation.objects.filter(round=world.round, party=world.party_a).update(
        comment_window_extended_to=datetime.date(2026, 1, 15)
    )

    with time_machine.travel(CLOSED, tick=False):
        response = submit(client_as("author"), draft)

    assert response.status_code == 200 and response.json()["state"] == "submitted"


def test_submitting_waits_for_every_co_signer(client_as, world, draft):
    co_signature = CoSignature.objects.create(contribution=draft, organisation=world.ngo3)
    client = client_as("author")
    before = state_of(draft)

    with time_machine.travel(IN_WINDOW, tick=False):
        refused = submit(client, draft)
        co_signature_decide(co_signature=co_signature, by=world.co_signer, confirm=True)
        accepted = submit(client, draft)

    assert refused.status_code == 409
    assert refused.json() == {
        "detail": "Every co-signer must confirm first (or be removed): Gamma Helpline.",
        "code": "co_signers_pending",
    }
    assert before[0] == "draft"
    assert accepted.status_code == 200
    assert accepted.json()["co_signers"] == [
        {"id": world.ngo3.pk, "name": "Gamma Helpline", "state": "confirmed"}
    ]


def test_an_organisation_awaiting_verification_cannot_submit(client_as, world, draft):
    world.ngo1.verified_at = None
    world.ngo1.save()
    before = state_of(draft)

    with time_machine.travel(IN_WINDOW, tick=False):
        response = submit(client_as("author"), draft)

    assert response.status_code == 409 and response.json()["code"] == "organisation_not_verified"
    assert "awaiting verification" in response.json()["detail"]
    assert state_of(draft) == before


def test_submitting_twice_is_refused(client_as, draft):
    client = client_as("author")
    with time_machine.travel(IN_WINDOW, tick=False):
        submit(client, draft)
        before = state_of(draft)
        response = submit(client, draft)

    assert response.status_code == 409
    assert response.json() == {
        "detail": "This contribution has already been submitted.",
        "code": "not_editable",
    }
    assert state_of(draft) == before


@pytest.mark.parametrize(
    ("role", "status", "code"),
    [("anonymous", 401, "not_authenticated")] + [(role, 404, "not_found") for role in NOT_AUTHORS],
)
def test_only_the_lead_organisations_members_submit(client_as, world, draft, role, status, code):
    CoSignature.objects.create(contribution=draft, organisation=world.ngo3, state="confirmed")
    before = state_of(draft)

    with time_machine.travel(IN_WINDOW, tick=False):
        response = submit(client_as(role), draft)

    assert response.status_code == status and response.json()["code"] == code
    assert state_of(draft) == before


# The .docx route


def attach(client, contribution: Contribution, name: str, content: bytes):
    return client.post(
        f"/api/v1/comments/{contribution.pk}/document/",
        {"file": SimpleUploadedFile(name, content)},
        format="multipart",
    )


def test_a_word_document_becomes_the_general_part_and_is_kept(client_as, draft, media_root):
    content = docx_bytes("Statistics on reported cases")

    response = attach(client_as("author"), draft, "Our comment.docx", content)

    assert response.status_code == 200, response.content
    assert response.json()["general_text"] == "<p>Statistics on reported cases</p>"
    draft.refresh_from_db()
    assert draft.document_name == "Our comment.docx"
    assert [path.read_bytes() for path in files_under(media_root)] == [content]


def test_a_draft_written_in_word_can_then_be_submitted(client_as, world):
    created = client_as("author").post(
        LIST_URL, payload(question=None, text=None, title="From Word"), format="json"
    )
    pk = created.json()["id"]
    client = client_as("author")
    attach(client, Contribution.objects.get(pk=pk), "comment.docx", docx_bytes())

    with time_machine.travel(IN_WINDOW, tick=False):
        response = client.post(f"/api/v1/comments/{pk}/submit/")

    assert response.status_code == 200 and response.json()["state"] == "submitted"


@pytest.mark.parametrize(
    ("name", "content"),
    [("comment.docx", PDF_BYTES), ("comment.docx", b"just some text"), ("comment.pdf", PDF_BYTES)],
)
def test_a_file_that_is_not_a_word_document_is_refused_and_nothing_is_stored(
    client_as, draft, media_root, name, content
):
    before = state_of(draft)

    response = attach(client_as("author"), draft, name, content)

    assert response.status_code == 400
    assert response.json()["code"] == "invalid_file" and response.json()["detail"]
    assert state_of(draft) == before
    assert files_under(media_root) == []


def test_a_word_document_without_text_is_refused(client_as, draft, media_root):
    response = attach(client_as("author"), draft, "empty.docx", docx_bytes(""))

    assert response.status_code == 400
    assert response.json() == {"detail": "This document has no text.", "code": "invalid_file"}
    assert files_under(media_root) == []


def test_a_request_without_a_file_is_invalid(client_as, draft):
    response = client_as("author").post(f"/api/v1/comments/{draft.pk}/document/", {}, format="multipart")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid" and "file" in response.json()["errors"]


def test_a_submitted_contribution_takes_no_document(client_as, draft, media_root):
    Contribution.objects.filter(pk=draft.pk).update(state="submitted")

    response = attach(client_as("author"), draft, "late.docx", docx_bytes())

    assert response.status_code == 409 and response.json()["code"] == "not_editable"
    assert files_under(media_root) == []


@pytest.mark.parametrize(
    ("role", "status", "code"),
    [("anonymous", 401, "not_authenticated")] + [(role, 404, "not_found") for role in NOT_AUTHORS],
)
def test_only_the_lead_organisations_members_attach_a_document(
    client_as, world, draft, media_root, role, status, code
):
    CoSignature.objects.create(contribution=draft, organisation=world.ngo3)
    before = state_of(draft)

    response = attach(client_as(role), draft, "comment.docx", docx_bytes())

    assert response.status_code == status and response.json()["code"] == code
    assert state_of(draft) == before
    assert files_under(media_root) == []


def test_the_verified_organisations_are_listed_for_naming_co_signers(client, world):
    OrganisationFactory(name="Unverified Circle", verified_at=None)
    names = [row["name"] for row in client.get("/api/v1/organisations/").json()["results"]]
    assert world.ngo2.name in names and "Unverified Circle" not in names
