"""The contribution pages through HTTP: creating a draft, the editor, items (htmx and without JavaScript),
the .docx route, co-signers, submitting in and after the window, consent, information requests, the
public page of a Party's reply, the e-mails, and who sees what on each page."""

import datetime
import io

import docx
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from civil_society.models import Contribution, ContributionEvent, ContributionItem, CoSignature
from civil_society.services import information_request_create, party_comment_digest_send
from rounds.models import Participation, Round
from submissions.models import Reply
from tests.factories import (
    AnswerFactory,
    ContributionFactory,
    ContributionItemFactory,
    OrganisationFactory,
    QuestionFactory,
    ReplyFactory,
    RoundFactory,
)

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "member1", "member2", "focal_a", "focal_b", "staff")
VISIBILITY_MISSING = "Choose whether the contribution is public or confidential."


def log_in(client, world, role):
    if role != "anonymous":
        client.force_login(getattr(world, role))
    return client


def open_window(world, days: int = 30) -> datetime.date:
    """Party A's window closed on 31 December 2025; the Secretariat extends it into the future."""
    closes_on = timezone.localdate() + datetime.timedelta(days=days)
    participation = Participation.objects.get(round=world.round, party=world.party_a)
    participation.comment_window_extended_to = closes_on
    participation.save()
    return closes_on


def open_questionnaire(world, days: int = 30) -> datetime.date:
    """The round's deadline for replies to the questionnaire, moved into the future."""
    deadline = timezone.localdate() + datetime.timedelta(days=days)
    Round.objects.filter(pk=world.round.pk).update(civil_society_deadline=deadline)
    world.round.refresh_from_db()
    return deadline


def draft(world, *, visibility="public", organisation=None, by=None, **extra) -> Contribution:
    return ContributionFactory(
        round=world.round,
        organisation=organisation or world.ngo1,
        created_by=by or world.member1,
        visibility=visibility,
        parties=[world.party_a],
        **extra,
    )


def co_signature(*, contribution, organisation, state=CoSignature.State.PENDING) -> CoSignature:
    return CoSignature.objects.create(contribution=contribution, organisation=organisation, state=state)


def edit_url(contribution) -> str:
    return reverse("contribution-edit", args=[contribution.pk])


def docx_file(text: str, name: str = "comment.docx") -> SimpleUploadedFile:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def new_url(world, **query) -> str:
    params = "&".join(f"{key}={value}" for key, value in query.items())
    return f"{reverse('contribution-new')}?{params}" if params else reverse("contribution-new")


# A new contribution


def test_a_new_contribution_asks_anonymous_visitors_to_log_in_and_is_404_for_non_members(client, world):
    response = client.get(reverse("contribution-new"))
    assert response.status_code == 302 and reverse("login") in response["Location"]
    for role in ("focal_a", "staff"):
        log_in(client, world, role)
        assert client.get(reverse("contribution-new")).status_code == 404


def test_the_public_party_page_link_preselects_round_party_and_kind_but_never_the_visibility(client, world):
    open_window(world)
    log_in(client, world, "member1")
    page = client.get(
        new_url(world, round=world.round.slug, party=world.party_a.code.lower(), kind="comment")
    ).content.decode()
    assert f'<option value="{world.party_a.code}" selected>' in page
    # Party B's reply is a draft: there is nothing to comment on, so it is not offered for a comment.
    assert f'<option value="{world.party_b.code}"' not in page
    assert 'value="comment" id="kind_comment" aria-describedby="kind_comment_help" checked' in page
    assert 'name="visibility" value="public"' in page and 'name="visibility" value="confidential"' in page
    assert 'value="public" id="id_visibility_public" required' in page
    assert "checked" not in page.split('name="visibility"', 1)[1].split("</fieldset>", 1)[0]
    assert "never shown to the public, the Parties or other organisations" in page


def test_with_several_rounds_open_the_round_is_chosen_first_and_rounds_in_preparation_are_not_offered(
    client, world
):
    other = RoundFactory(theme_en="Children in migration")
    hidden = RoundFactory(status=Round.Status.PREPARATION)
    log_in(client, world, "member1")
    page = client.get(new_url(world, kind="comment")).content.decode()
    assert (
        'method="get"' in page and f'value="{other.slug}"' in page and f'value="{world.round.slug}"' in page
    )
    assert f'value="{hidden.slug}"' not in page and 'name="visibility"' not in page
    page = client.get(new_url(world, round=other.slug)).content.decode()
    assert 'name="visibility"' in page and "choose another round" in page
    assert client.get(new_url(world, round=hidden.slug)).content.decode().count('name="visibility"') == 0


def test_a_member_creates_a_confidential_comment_and_lands_in_its_editor(client, world):
    open_window(world)
    log_in(client, world, "member1")
    response = client.post(
        reverse("contribution-new"),
        {
            "round": world.round.slug,
            "kind": "comment",
            "party": world.party_a.code,
            "visibility": "confidential",
            "language": "fr",
            "title": "Helplines at night",
        },
    )
    contribution = Contribution.objects.get()
    assert response.status_code == 302 and response["Location"] == edit_url(contribution)
    assert (contribution.organisation, contribution.kind, contribution.visibility, contribution.language) == (
        world.ngo1,
        "comment",
        "confidential",
        "fr",
    )
    assert list(contribution.parties.all()) == [world.party_a]
    assert contribution.state == Contribution.State.DRAFT and contribution.created_by == world.member1


def test_creating_without_choosing_the_visibility_shows_the_form_again_and_creates_nothing(client, world):
    open_window(world)
    log_in(client, world, "member1")
    response = client.post(
        reverse("contribution-new"),
        {"round": world.round.slug, "kind": "comment", "party": world.party_a.code, "language": "en"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert VISIBILITY_MISSING in page and 'role="alert"' in page
    assert f'<option value="{world.party_a.code}" selected>' in page  # what was chosen is kept
    assert not Contribution.objects.exists()


def test_a_reply_to_the_questionnaire_concerns_the_parties_ticked(client, world):
    open_questionnaire(world)
    log_in(client, world, "member1")
    response = client.post(
        reverse("contribution-new"),
        {
            "round": world.round.slug,
            "kind": "questionnaire_reply",
            "parties": [world.party_a.code, world.party_b.code],
            "visibility": "public",
            "language": "en",
        },
    )
    contribution = Contribution.objects.get()
    assert response.status_code == 302
    assert set(contribution.parties.all()) == {world.party_a, world.party_b}
    assert contribution.kind == Contribution.Kind.QUESTIONNAIRE_REPLY


def test_a_comment_needs_its_party_and_a_reply_its_parties(client, world):
    open_window(world)
    open_questionnaire(world)
    log_in(client, world, "member1")
    base = {"round": world.round.slug, "visibility": "public", "language": "en"}
    for kind, message in (
        ("comment", "Choose the Party whose reply you comment on."),
        ("questionnaire_reply", "Choose the Party or Parties your reply concerns."),
    ):
        response = client.post(reverse("contribution-new"), {**base, "kind": kind})
        assert response.status_code == 400 and message in response.content.decode()
    response = client.post(
        reverse("contribution-new"), {**base, "kind": "comment", "party": world.party_b.code}
    )
    assert response.status_code == 400
    assert not Contribution.objects.exists()


def close_questionnaire(world) -> datetime.date:
    deadline = timezone.localdate() - datetime.timedelta(days=10)
    Round.objects.filter(pk=world.round.pk).update(civil_society_deadline=deadline)
    return deadline


def test_only_parties_whose_window_is_open_are_offered_the_others_listed_apart_with_their_closing_date(
    client, world
):
    # Party A's window closed at the end of 31 December 2025; Party C's reply is published today.
    party_c = ReplyFactory(
        round=world.round, state=Reply.State.PUBLISHED, published_on=timezone.localdate()
    ).party
    log_in(client, world, "member1")

    page = client.get(new_url(world, round=world.round.slug, party=world.party_a.code, kind="comment"))

    page = page.content.decode()
    choices = page.split('name="party"', 1)[1].split("</select>", 1)[0]
    assert f'<option value="{party_c.code}">' in choices
    assert f'value="{world.party_a.code}"' not in choices  # not even the Party the link named
    closed = page.split('id="closed-windows"', 1)[1].split("</div>", 1)[0]
    assert f"<li>{world.party_a.name} — closed at the end of" in closed and "31 December 2025" in closed
    assert f"<li>{party_c.name} —" not in closed and "The Secretariat can extend a Party's window" in closed


def test_a_comment_on_a_party_whose_window_has_closed_is_refused_with_its_closing_date_and_nothing_is_created(
    client, world
):
    ReplyFactory(round=world.round, state=Reply.State.PUBLISHED, published_on=timezone.localdate())
    log_in(client, world, "member1")

    response = client.post(
        reverse("contribution-new"),
        {
            "round": world.round.slug,
            "kind": "comment",
            "party": world.party_a.code,
            "visibility": "public",
            "language": "en",
        },
    )

    assert response.status_code == 400
    assert (
        f"The window for comments on the reply of {world.party_a.name} closed at the end of 31 December 2025"
        in response.content.decode()
    )
    assert not Contribution.objects.exists()


def test_with_no_window_open_for_comments_a_comment_cannot_be_chosen(client, world):
    open_questionnaire(world)
    log_in(client, world, "member1")

    page = client.get(new_url(world, round=world.round.slug)).content.decode()

    assert 'value="comment" id="kind_comment" aria-describedby="kind_comment_help" disabled' in page
    assert "No Party's window for comments is open at the moment." in page
    assert 'name="party"' not in page and world.party_a.name in page.split('id="closed-windows"', 1)[1]
    assert "Create the draft" in page  # a reply to the questionnaire can still be started


def test_the_parties_a_reply_concerns_are_asked_for_a_reply_to_the_questionnaire_only(client, world):
    open_window(world)
    open_questionnaire(world)
    log_in(client, world, "member1")

    page = client.get(new_url(world, round=world.round.slug)).content.decode()

    # Each list sits in the block of its kind, shown only while that kind is chosen (portal.css).
    assert '<fieldset class="parties-choice for-questionnaire" id="id_parties">' in page
    assert page.index('class="for-comment"') < page.index('name="party"') < page.index("id_parties")
    css = (settings.BASE_DIR / "static" / "css" / "portal.css").read_text()
    assert ".contribution-form:not(:has(#kind_questionnaire_reply:checked)) .for-questionnaire" in css
    assert ".contribution-form:has(#kind_questionnaire_reply:checked) .for-comment" in css


def test_after_the_questionnaire_deadline_a_reply_to_it_is_neither_offered_nor_created(client, world):
    open_window(world)
    deadline = close_questionnaire(world)
    day = f"{deadline.day} {deadline:%B %Y}"
    log_in(client, world, "member1")

    page = client.get(new_url(world, round=world.round.slug)).content.decode()
    response = client.post(
        reverse("contribution-new"),
        {
            "round": world.round.slug,
            "kind": "questionnaire_reply",
            "parties": [world.party_a.code],
            "visibility": "public",
            "language": "en",
        },
    )

    assert 'id="kind_questionnaire_reply" aria-describedby="kind_questionnaire_reply_help" disabled' in page
    assert f"Replies to the questionnaire were due by the end of {day}" in page
    assert 'name="parties"' not in page
    assert response.status_code == 400
    assert f"Replies to the questionnaire were due by the end of {day}" in response.content.decode()
    assert not Contribution.objects.exists()


def test_with_no_window_open_at_all_nothing_can_be_started(client, world):
    close_questionnaire(world)
    log_in(client, world, "member1")

    page = client.get(new_url(world, round=world.round.slug)).content.decode()

    assert "Nothing can be started in this round at the moment: no window is open." in page
    assert "Create the draft" not in page


# The editor


def test_the_editor_shows_the_banner_and_the_partys_answer_beside_each_question(client, world):
    closes_on = open_window(world)
    contribution = draft(world, visibility="confidential")
    log_in(client, world, "member1")
    page = client.get(edit_url(contribution)).content.decode()
    assert "contribution-banner-confidential" in page
    assert "You can submit until the end of" in page and closes_on.strftime("%-d %B %Y") in page
    q6 = page.split('id="q-6"', 1)[1].split('id="q-7"', 1)[0]
    assert "Party A answers Q6." in q6 and 'name="text"' in q6
    assert "prevention" in q6.lower() and "monitoring" in q6
    assert "Party A answers Q1." not in q6


def test_the_editor_says_when_the_window_has_closed_and_keeps_the_draft_editable(client, world):
    contribution = draft(world)
    log_in(client, world, "member1")
    page = client.get(edit_url(contribution)).content.decode()
    assert "contribution-banner-public" in page
    assert "The window closed at the end of" in page and "31 December 2025" in page
    assert "your draft is kept and you can still edit and download it" in page
    assert f'action="{reverse("contribution-item-save", args=[contribution.pk, "6"])}"' in page


def test_the_settings_form_saves_visibility_general_part_and_childrens_involvement(client, world):
    contribution = draft(world, visibility="public")
    log_in(client, world, "member1")
    response = client.post(
        edit_url(contribution),
        {
            "visibility": "confidential",
            "language": "en",
            "title": "Night helplines",
            "general_text": "Tom & Jerry <script>x()</script>",
            "children_involved": "on",
            "children_involvement": "A youth council read it.",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("#settings")
    contribution.refresh_from_db()
    assert (contribution.visibility, contribution.title, contribution.children_involved) == (
        "confidential",
        "Night helplines",
        True,
    )
    assert contribution.general_text == "Tom &amp; Jerry "
    # The textarea shows what was typed, not the stored entities.
    page = client.get(edit_url(contribution)).content.decode()
    assert ">\nTom &amp; Jerry </textarea>" in page and "&amp;amp;" not in page


def test_settings_sent_without_a_visibility_are_refused_and_nothing_changes(client, world):
    contribution = draft(world, visibility="confidential", title="Before")
    log_in(client, world, "member1")
    response = client.post(edit_url(contribution), {"language": "en", "title": "After"})
    assert response.status_code == 400 and VISIBILITY_MISSING in response.content.decode()
    contribution.refresh_from_db()
    assert (contribution.visibility, contribution.title) == ("confidential", "Before")


def test_the_editor_queries_do_not_grow_with_the_questionnaire(client, world, django_assert_max_num_queries):
    open_window(world)
    contribution = draft(world)
    log_in(client, world, "member1")
    with django_assert_max_num_queries(30) as baseline:
        client.get(edit_url(contribution))
    for n in range(8, 30):
        question = QuestionFactory(questionnaire=world.round.questionnaire, number=str(n), position=100 + n)
        AnswerFactory(reply=world.reply_a, question=question, saved_by=world.focal_a)
        ContributionItemFactory(contribution=contribution, question=question, text=f"Item {n}")
    with django_assert_max_num_queries(len(baseline.captured_queries)):
        response = client.get(edit_url(contribution))
    assert response.content.decode().count('class="contribution-question') == 29


def test_an_item_is_saved_by_htmx_with_a_status_fragment(client, world):
    contribution = draft(world)
    log_in(client, world, "member1")
    url = reverse("contribution-item-save", args=[contribution.pk, "6"])
    response = client.post(url, {"text": "The helpline closes at night."}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    fragment = response.content.decode()
    assert fragment.startswith('<p class="save-status" id="item-status-') and "Saved" in fragment
    assert "<html" not in fragment
    assert contribution.items.get().text == "The helpline closes at night."
    response = client.post(url, {"text": ""}, HTTP_HX_REQUEST="true")
    assert "Removed" in response.content.decode() and not contribution.items.exists()


def test_an_item_is_saved_without_javascript_and_the_page_returns_to_its_question(client, world):
    contribution = draft(world)
    log_in(client, world, "member1")
    response = client.post(
        reverse("contribution-item-save", args=[contribution.pk, "6"]), {"text": "<p>Night &amp; day</p>"}
    )
    assert response.status_code == 302 and response["Location"] == f"{edit_url(contribution)}#q-6"
    assert contribution.items.get().question == world.questions["6"]
    page = client.get(response["Location"]).content.decode()
    assert "Your item on question 6 is saved." in page
    assert "&lt;p&gt;Night &amp; day&lt;/p&gt;</textarea>" in page


def test_an_item_on_a_submitted_contribution_is_refused_and_nothing_changes(client, world):
    contribution = draft(world, state=Contribution.State.SUBMITTED)
    ContributionItemFactory(contribution=contribution, question=world.questions["6"], text="Before")
    log_in(client, world, "member1")
    url = reverse("contribution-item-save", args=[contribution.pk, "6"])
    response = client.post(url, {"text": "After"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 409 and "can no longer be changed" in response.content.decode()
    assert contribution.items.get().text == "Before"
    assert (
        client.post(
            reverse("contribution-item-save", args=[contribution.pk, "99"]), {"text": "x"}
        ).status_code
        == 404
    )


def test_only_the_lead_organisation_writes(client, world):
    contribution = draft(world)
    for role in ("member2", "focal_a", "staff"):
        log_in(client, world, role)
        url = reverse("contribution-item-save", args=[contribution.pk, "6"])
        assert client.post(url, {"text": "intrusion"}).status_code == 404
        assert (
            client.post(edit_url(contribution), {"visibility": "public", "language": "en"}).status_code == 404
        )
        assert client.get(reverse("contribution-submit", args=[contribution.pk])).status_code == 404
    assert not contribution.items.exists()


def test_a_word_document_becomes_the_general_part(client, world):
    contribution = draft(world)
    log_in(client, world, "member1")
    response = client.post(
        reverse("contribution-document", args=[contribution.pk]),
        {"file": docx_file("Shelters lack trained staff.")},
        follow=True,
    )
    assert "is now the general part" in response.content.decode()
    contribution.refresh_from_db()
    assert contribution.general_text == "<p>Shelters lack trained staff.</p>"
    assert contribution.document_name == "comment.docx" and contribution.document


def test_a_pdf_renamed_docx_is_refused_with_its_reason_and_nothing_changes(client, world):
    contribution = draft(world, general_text="<p>Typed before.</p>")
    log_in(client, world, "member1")
    fake = SimpleUploadedFile("report.docx", b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n")
    response = client.post(
        reverse("contribution-document", args=[contribution.pk]), {"file": fake}, follow=True
    )
    page = response.content.decode()
    assert "report.docx was not used: This file is not a DOCX document." in page
    assert "Nothing has changed." in page
    contribution.refresh_from_db()
    assert (contribution.general_text, contribution.document_name, bool(contribution.document)) == (
        "<p>Typed before.</p>",
        "",
        False,
    )


# Submitting


def test_submitting_in_the_window_records_it_and_emails_a_receipt_stating_the_visibility(
    client, world, mailoutbox, django_capture_on_commit_callbacks
):
    open_window(world)
    contribution = draft(world, visibility="confidential")
    ContributionItemFactory(contribution=contribution, question=world.questions["6"])
    log_in(client, world, "member1")
    page = client.get(reverse("contribution-submit", args=[contribution.pk])).content.decode()
    assert "1 question addressed" in page and "Confidential" in page and "closes at the end of" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("contribution-submit", args=[contribution.pk]))
    assert response.status_code == 302 and response["Location"] == edit_url(contribution)
    contribution.refresh_from_db()
    assert contribution.state == Contribution.State.SUBMITTED and contribution.submitted_at
    (receipt,) = [mail for mail in mailoutbox if world.member1.email in mail.to]
    assert "confidential" in receipt.subject.lower() and "It is CONFIDENTIAL" in receipt.body
    assert f"/en/civil-society/contributions/{contribution.pk}/" in receipt.body
    assert "It is CONFIDENTIAL" in receipt.alternatives[0][0]
    page = client.get(edit_url(contribution)).content.decode()
    assert "Submitted on" in page and 'name="text"' not in page


def test_submitting_after_the_window_is_refused_naming_the_closing_date_and_the_draft_stays_editable(
    client, world, mailoutbox
):
    contribution = draft(world)
    ContributionItemFactory(contribution=contribution, question=world.questions["6"], text="Kept")
    log_in(client, world, "member1")
    response = client.post(reverse("contribution-submit", args=[contribution.pk]))
    assert response.status_code == 409
    page = response.content.decode()
    assert "The contribution was not submitted" in page
    assert "closed at the end of 31 December 2025" in page
    contribution.refresh_from_db()
    assert contribution.state == Contribution.State.DRAFT and contribution.submitted_at is None
    assert not contribution.events.exists() and not mailoutbox
    client.post(reverse("contribution-item-save", args=[contribution.pk, "6"]), {"text": "Still mine"})
    assert contribution.items.get().text == "Still mine"


def test_the_submit_page_of_a_draft_whose_window_has_closed_has_no_submit_button_and_says_why(client, world):
    contribution = draft(world)
    log_in(client, world, "member1")

    page = client.get(reverse("contribution-submit", args=[contribution.pk])).content.decode()

    assert "Submit the contribution</button>" not in page
    notice = page.split('id="window-not-open"', 1)[1].split("</div>", 1)[0]
    assert "This contribution cannot be submitted now" in notice
    assert "Its window closed at the end of" in notice and "31 December 2025" in notice
    assert "Your draft is kept, with no time limit" in notice
    assert "If the Secretariat extends the window, you can submit it then." in notice
    assert "closed at the end of 31 December 2025 (midnight, Strasbourg time)" in page  # the facts too

    open_window(world)  # the Secretariat extends it
    page = client.get(reverse("contribution-submit", args=[contribution.pk])).content.decode()
    assert "Submit the contribution</button>" in page and 'id="window-not-open"' not in page


def test_submitting_twice_says_it_is_already_submitted(client, world):
    open_window(world)
    contribution = draft(world, state=Contribution.State.SUBMITTED)
    log_in(client, world, "member1")
    response = client.post(reverse("contribution-submit", args=[contribution.pk]))
    assert response.status_code == 409 and "already been submitted" in response.content.decode()


def test_a_coalition_submits_only_once_every_co_signer_has_confirmed(
    client, world, mailoutbox, django_capture_on_commit_callbacks
):
    open_window(world)
    contribution = draft(world, visibility="confidential")
    ContributionItemFactory(contribution=contribution, question=world.questions["6"])
    lead = log_in(client, world, "member1")
    with django_capture_on_commit_callbacks(execute=True):
        lead.post(
            reverse("contribution-co-signers", args=[contribution.pk]),
            {"action": "add", "organisation": world.ngo2.pk},
        )
    signature = CoSignature.objects.get(contribution=contribution)
    assert (signature.organisation, signature.state) == (world.ngo2, CoSignature.State.PENDING)
    (request_mail,) = [mail for mail in mailoutbox if world.member2.email in mail.to]
    assert "confidential" in request_mail.subject and "CONFIDENTIAL" in request_mail.body
    assert world.ngo1.name in request_mail.body

    refused = lead.post(reverse("contribution-submit", args=[contribution.pk]))
    assert refused.status_code == 409 and "Every co-signer must confirm first" in refused.content.decode()
    assert "Beta Youth Voice" in refused.content.decode()
    contribution.refresh_from_db()
    assert contribution.state == Contribution.State.DRAFT

    co_signer = log_in(client, world, "member2")
    page = co_signer.get(edit_url(contribution)).content.decode()
    assert "Confirm: we co-sign" in page and 'name="text"' not in page
    co_signer.post(reverse("co-signature-decide", args=[contribution.pk]), {"decision": "confirm"})
    signature.refresh_from_db()
    assert (signature.state, signature.decided_by) == (CoSignature.State.CONFIRMED, world.member2)

    lead = log_in(client, world, "member1")
    assert lead.post(reverse("contribution-submit", args=[contribution.pk])).status_code == 302
    contribution.refresh_from_db()
    assert contribution.state == Contribution.State.SUBMITTED


def test_a_co_signer_that_declines_returns_to_its_dashboard_and_no_longer_reads_the_draft(client, world):
    contribution = draft(world, visibility="confidential")
    signature = co_signature(contribution=contribution, organisation=world.ngo2)
    log_in(client, world, "member2")
    response = client.post(reverse("co-signature-decide", args=[contribution.pk]), {"decision": "decline"})
    assert response.status_code == 302 and response["Location"] == reverse("ngo-dashboard")
    signature.refresh_from_db()
    assert signature.state == CoSignature.State.DECLINED
    assert client.get(edit_url(contribution)).status_code == 404


def test_a_co_signer_can_be_removed_and_outsiders_cannot_decide(client, world):
    contribution = draft(world)
    co_signature(contribution=contribution, organisation=world.ngo2)
    third = OrganisationFactory(name="Gamma Watch")
    outsider = log_in(client, world, "focal_a")
    decide = reverse("co-signature-decide", args=[contribution.pk])
    assert outsider.post(decide, {"decision": "confirm"}).status_code == 404
    log_in(client, world, "member1")
    # The lead organisation is no co-signer of its own contribution.
    assert client.post(decide, {"decision": "confirm"}).status_code == 404
    page = client.get(edit_url(contribution)).content.decode()
    assert "Gamma Watch" in page and "awaiting confirmation" in page
    client.post(
        reverse("contribution-co-signers", args=[contribution.pk]),
        {"action": "remove", "organisation": world.ngo2.pk},
    )
    assert not contribution.co_signatures.exists()
    assert ContributionEvent.objects.filter(action="co_signer_removed", note=world.ngo2.name).exists()
    assert third.pk  # offered, not invited


def test_a_confidential_submitted_contribution_offers_the_consent_to_publication(client, world):
    contribution = draft(world, visibility="confidential", state=Contribution.State.SUBMITTED)
    log_in(client, world, "member1")
    page = client.get(edit_url(contribution)).content.decode()
    assert reverse("contribution-consent", args=[contribution.pk]) in page
    response = client.post(reverse("contribution-consent", args=[contribution.pk]), follow=True)
    assert "consent to publication is recorded" in response.content.decode()
    assert contribution.events.filter(action="publicity_consented", by=world.member1).exists()
    log_in(client, world, "member2")
    assert client.post(reverse("contribution-consent", args=[contribution.pk])).status_code == 404


def test_an_information_request_is_answered_by_the_organisation_only(
    client, world, mailoutbox, django_capture_on_commit_callbacks
):
    contribution = draft(world, state=Contribution.State.SUBMITTED)
    due_on = timezone.localdate() + datetime.timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        info = information_request_create(
            contribution=contribution, by=world.staff, question="Which region?", due_on=due_on
        )
    url = reverse("information-request", args=[info.pk])
    (mail,) = mailoutbox
    assert url in mail.body and "Which region?" in mail.body and due_on.strftime("%-d %B %Y") in mail.body
    for role in ("member2", "focal_a", "staff"):
        log_in(client, world, role)
        assert client.get(url).status_code == 404
    log_in(client, world, "member1")
    assert "Which region?" in client.get(url).content.decode()
    assert client.post(url, {"answer": ""}).status_code == 400
    response = client.post(url, {"answer": "The North"}, follow=True)
    assert "Your answer has been sent" in response.content.decode()
    info.refresh_from_db()
    assert (info.answer, info.answered_by) == ("The North", world.member1)


def test_the_draft_can_be_downloaded_as_a_plain_page(client, world):
    contribution = draft(world, visibility="confidential", title="Kept offline")
    ContributionItemFactory(contribution=contribution, question=world.questions["6"], text="CANARY-PRINT")
    log_in(client, world, "member1")
    page = client.get(f"{edit_url(contribution)}?print=1").content.decode()
    assert "CANARY-PRINT" in page and "CONFIDENTIAL" in page and "Party A answers Q6." in page
    assert "<form" not in page


def test_the_pages_are_in_french_under_fr(client, world):
    contribution = draft(world)
    log_in(client, world, "member1")
    assert client.get(f"/fr/civil-society/contributions/{contribution.pk}/").status_code == 200
    assert client.get(f"/fr/rounds/{world.round.slug}/parties/{world.party_a.code}/").status_code == 200


# Who sees what


@pytest.fixture
def acknowledged(world):
    """A public and a confidential contribution of ngo1 on Party A's reply, both acknowledged, each with a
    canary on Q6 and in its general part."""
    made = {}
    for visibility in ("public", "confidential"):
        contribution = draft(
            world,
            visibility=visibility,
            state=Contribution.State.ACKNOWLEDGED,
            submitted_at=timezone.now(),
            acknowledged_at=timezone.now(),
            general_text=f"GENERAL-{visibility.upper()}",
        )
        ContributionItemFactory(
            contribution=contribution, question=world.questions["6"], text=f"CANARY-{visibility.upper()}"
        )
        made[visibility] = contribution
    return made


@pytest.mark.parametrize("role", ROLES)
def test_the_party_page_shows_public_comments_and_never_confidential_ones(client, world, acknowledged, role):
    log_in(client, world, role)
    response = client.get(reverse("party-reply", args=[world.round.slug, world.party_a.code]))
    assert response.status_code == 200
    page = response.content.decode()
    q6 = page.split('id="q-6"', 1)[1].split('id="q-7"', 1)[0]
    assert "Party A answers Q6." in q6 and "CANARY-PUBLIC" in q6 and world.ngo1.name in q6
    assert "CANARY-CONFIDENTIAL" not in page and "GENERAL-CONFIDENTIAL" not in page


# The editor of a contribution: its authors write, the Secretariat reads, everyone else finds nothing.
EDITOR = {
    "anonymous": 302,  # to the log-in page, whatever the contribution
    "member1": 200,
    "member2": 404,
    "focal_a": 404,
    "focal_b": 404,
    "staff": 200,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("visibility", ["public", "confidential"])
def test_the_editor_is_for_the_authors_and_the_secretariat_only(
    client, world, acknowledged, role, visibility
):
    contribution = acknowledged[visibility]
    log_in(client, world, role)
    for url in (edit_url(contribution), f"{edit_url(contribution)}?print=1"):
        response = client.get(url)
        assert response.status_code == EDITOR[role]
        canary = f"CANARY-{visibility.upper()}"
        assert (canary in response.content.decode()) == (EDITOR[role] == 200)
    if role == "anonymous":
        assert reverse("login") in response["Location"]


def test_a_co_signing_organisation_reads_the_confidential_contribution_it_signs(client, world, acknowledged):
    co_signature(contribution=acknowledged["confidential"], organisation=world.ngo2)
    log_in(client, world, "member2")
    page = client.get(edit_url(acknowledged["confidential"])).content.decode()
    assert "CANARY-CONFIDENTIAL" in page and 'name="text"' not in page
    assert "contribution-banner-confidential" in page


def test_the_secretariat_reads_a_confidential_draft_without_writing_it(client, world):
    contribution = draft(world, visibility="confidential")
    ContributionItemFactory(contribution=contribution, question=world.questions["6"], text="CANARY-DRAFT")
    log_in(client, world, "staff")
    page = client.get(edit_url(contribution)).content.decode()
    assert "CANARY-DRAFT" in page and 'name="text"' not in page and "Submit…" not in page


def test_a_party_page_of_an_unpublished_reply_says_it_awaits_publication_and_offers_no_comment(client, world):
    url = reverse("party-reply", args=[world.round.slug, world.party_b.code])
    for role in ROLES:
        log_in(client, world, role)
        response = client.get(url)
        page = response.content.decode()
        assert response.status_code == 200
        assert "will appear on this page once it is published" in page
        assert "Comment on this reply" not in page


def test_the_party_page_names_the_confirmed_co_signers_and_offers_members_to_comment_while_open(
    client, world, acknowledged
):
    co_signature(
        contribution=acknowledged["public"], organisation=world.ngo2, state=CoSignature.State.CONFIRMED
    )
    co_signature(
        contribution=acknowledged["public"],
        organisation=OrganisationFactory(name="Declined Org"),
        state=CoSignature.State.DECLINED,
    )
    url = reverse("party-reply", args=[world.round.slug, world.party_a.code])
    page = client.get(url).content.decode()
    assert "Beta Youth Voice" in page and "Declined Org" not in page
    assert "Closed at the end of" in page and "Comment on this reply" not in page
    closes_on = open_window(world)
    assert "Comment on this reply" not in client.get(url).content.decode()  # anonymous
    log_in(client, world, "member2")
    page = client.get(url).content.decode()
    assert "Comment on this reply" in page and closes_on.strftime("%-d %B %Y") in page
    query = f"round={world.round.slug}&amp;party={world.party_a.code}&amp;kind=comment"
    assert f"{reverse('contribution-new')}?{query}" in page


# The reply, the window (the reply's date and the extension), the public data's version; built anew (the
# data changed): the answers, the public items with their co-signers, the attachments, the questions, the
# findings with their questions, the public contributions with their Parties and co-signers, the factsheets,
# the Party's reservations and declarations.
# For a logged-in member also the session, the user, the Party and the organisation they speak for, the two
# of base.html's menu, and whether they follow the Party.
PARTY_PAGE_QUERIES = {"anonymous": 16, "member2": 22}  # one says whether the Party has a follow-up


@pytest.mark.parametrize("role", PARTY_PAGE_QUERIES)
def test_the_party_page_queries_do_not_grow_with_questions_and_comments(
    client, world, acknowledged, django_assert_num_queries, role
):
    log_in(client, world, role)
    url = reverse("party-reply", args=[world.round.slug, world.party_a.code])
    with django_assert_num_queries(PARTY_PAGE_QUERIES[role]):
        client.get(url)
    questionnaire = world.round.questionnaire
    for n in range(8, 30):
        question = QuestionFactory(questionnaire=questionnaire, number=str(n), position=100 + n)
        AnswerFactory(reply=world.reply_a, question=question, text=f"Answer {n}", saved_by=world.focal_a)
        organisation = OrganisationFactory()
        contribution = draft(
            world,
            organisation=organisation,
            state=Contribution.State.ACKNOWLEDGED,
            acknowledged_at=timezone.now(),
        )
        ContributionItemFactory(contribution=contribution, question=question, text=f"Comment {n}")
        co_signature(contribution=contribution, organisation=world.ngo2, state=CoSignature.State.CONFIRMED)
    with django_assert_num_queries(PARTY_PAGE_QUERIES[role]):
        response = client.get(url)
    page = response.content.decode()
    assert page.count('class="public-comment"') == 23 and "Comment 29" in page
    assert ContributionItem.objects.count() == 24


def test_the_partys_digest_links_to_the_party_page(
    world, mailoutbox, acknowledged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert party_comment_digest_send() == 1
    (mail,) = mailoutbox
    url = reverse("party-reply", args=[world.round.slug, world.party_a.code])
    assert url in mail.body and url in mail.alternatives[0][0]
    assert world.ngo1.name in mail.body and world.party_a.name in mail.subject
