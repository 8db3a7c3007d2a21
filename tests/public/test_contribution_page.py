"""A public contribution's own page (`/rounds/<slug>/contributions/<id>/`): who signs it, the Parties it
concerns, its general part and its items by question; linked from every public surface that names it; missing
(404) for what is not public, whoever asks; and the general part shown wherever the contribution is."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from civil_society.models import Contribution, CoSignature
from civil_society.services.moderation import contribution_make_confidential
from rounds.models import Round
from tests.factories import ContributionFactory, ContributionItemFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "focal_a", "member", "staff")


def log_in(client, world, role: str) -> None:
    if role != "anonymous":
        client.force_login(getattr(world, role))


def page_url(contribution: Contribution, *, slug: str = "", language: str = "en") -> str:
    with translation.override(language):
        return reverse("public-contribution", args=[slug or contribution.round.slug, contribution.pk])


def main_of(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.fixture
def contributions(world):
    """A's public comment: a general part (stored with a script, as no service would write it), items on 2
    then 1, a confirmed, a pending and a declined co-signer. A public reply to the questionnaire on A and B
    (B's reply is a draft), in French. General parts and items on the confidential and unacknowledged ones."""
    comment = world.public_comment
    comment.title = "Helplines in Aland"
    comment.general_text = "<p>PUBLICGENERAL <strong>in bold</strong></p><script>alert('x')</script>"
    comment.save()
    ContributionItemFactory(contribution=comment, question=world.questions["2"], text="<p>ITEMTWO</p>")
    ContributionItemFactory(contribution=comment, question=world.questions["1"], text="<p>ITEMONE</p>")
    for name, state in (
        ("Beta Youth Voice", "confirmed"),
        ("Gamma Pending", "pending"),
        ("Delta No", "declined"),
    ):
        CoSignature.objects.create(
            contribution=comment, organisation=OrganisationFactory(name=name), state=state
        )
    for contribution, word in (
        (world.confidential_comment, "CONFIDENTIALGENERAL"),
        (world.unacknowledged_comment, "UNACKNOWLEDGEDGENERAL"),
    ):
        contribution.general_text = f"<p>{word}</p>"
        contribution.save()
        ContributionItemFactory(
            contribution=contribution, question=world.questions["1"], text=f"<p>{word}I</p>"
        )
    world.questionnaire_reply = ContributionFactory(
        round=world.round,
        organisation=comment.organisation,
        created_by=world.member,
        kind=Contribution.Kind.QUESTIONNAIRE_REPLY,
        language="fr",
        general_text="<p>QREPLYGENERAL</p>",
        state=Contribution.State.ACKNOWLEDGED,
        acknowledged_at=timezone.now(),
        parties=[world.party_a, world.party_b],
    )
    ContributionItemFactory(
        contribution=world.questionnaire_reply, question=world.questions["3"], text="<p>QREPLYITEM</p>"
    )
    return world


# --- The page ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_a_public_comment_has_a_page_with_its_signatories_parties_general_part_and_items(
    client, contributions, role
):
    world = contributions
    log_in(client, world, role)

    response = client.get(page_url(world.public_comment))

    assert response.status_code == 200
    main = main_of(response.content.decode())
    assert "<h1>Comment by Alpha Child Rights</h1>" in main
    assert "Alpha Child Rights, co-signed by Beta Youth Voice" in main
    assert "Gamma Pending" not in main and "Delta No" not in main
    party_page = reverse("party-reply", args=[world.round.slug, world.party_a.code])
    assert f'<a href="{party_page}">Aland</a>' in main
    assert "Helplines in Aland" in main and "English" in main
    general = main.split('id="general"', 1)[1].split("</section>", 1)[0]
    assert "PUBLICGENERAL <strong>in bold</strong>" in general and "<script" not in main
    # Items by question, in questionnaire order, each where its question's anchor says.
    assert main.index('id="q-1"') < main.index("ITEMONE") < main.index('id="q-2"') < main.index("ITEMTWO")
    assert f'href="{party_page}#q-1"' in main
    for secret in ("CONFIDENTIALGENERAL", "UNACKNOWLEDGEDGENERAL"):
        assert secret not in main


def test_the_page_reads_in_french(client, contributions):
    main = main_of(client.get(page_url(contributions.public_comment, language="fr")).content.decode())

    assert "Commentaire présenté par Alpha Child Rights" in main
    assert "Partie générale" in main and "Question par question" in main and "Signée par" in main
    assert "Alande" in main and "PUBLICGENERAL" in main


def test_a_reply_to_the_questionnaire_names_every_party_and_links_those_published(client, contributions):
    world = contributions

    main = main_of(client.get(page_url(world.questionnaire_reply)).content.decode())

    assert "<h1>Reply to the questionnaire by Alpha Child Rights</h1>" in main
    assert "Parties concerned" in main and "Aland" in main and "Borduria" in main
    assert reverse("party-reply", args=[world.round.slug, world.party_a.code]) in main
    assert reverse("party-reply", args=[world.round.slug, world.party_b.code]) not in main  # a draft
    assert '<div class="contribution-text" lang="fr"><p>QREPLYGENERAL</p>' in main
    assert "QREPLYITEM" in main and "French" in main


@pytest.mark.parametrize("role", [*ROLES, "member_of_the_author"])
def test_what_is_not_public_has_no_page_whoever_asks(client, contributions, role):
    world = contributions
    log_in(client, world, "member" if role == "member_of_the_author" else role)

    for url in (
        page_url(world.confidential_comment),
        page_url(world.unacknowledged_comment),
        page_url(world.public_comment, slug=world.other_round.slug),  # under another round's address
        page_url(world.public_comment).replace(f"/{world.public_comment.pk}/", "/999999/"),
    ):
        assert client.get(url).status_code == 404, url
        assert client.get(url.replace("/en/", "/fr/", 1)).status_code == 404, url


def test_a_contribution_of_a_round_in_preparation_has_no_page_even_for_the_secretariat(client, contributions):
    world = contributions
    Round.objects.filter(pk=world.round.pk).update(status=Round.Status.PREPARATION)
    client.force_login(world.staff)

    assert client.get(page_url(world.public_comment)).status_code == 404


def test_a_cached_page_is_gone_once_the_contribution_is_made_confidential(client, contributions):
    world = contributions
    assert client.get(page_url(world.public_comment)).status_code == 200

    contribution_make_confidential(contribution=world.public_comment, by=world.staff)

    assert client.get(page_url(world.public_comment)).status_code == 404


def test_queries_do_not_grow_with_items_and_a_warm_page_costs_none(
    client, contributions, django_assert_num_queries
):
    world = contributions
    # The data version; the contribution, its Parties, co-signers and items; the published replies.
    with django_assert_num_queries(6):
        first = client.get(page_url(world.public_comment)).content.decode()
    with django_assert_num_queries(0):
        assert client.get(page_url(world.public_comment)).content.decode() == first
    ContributionItemFactory(contribution=world.public_comment, question=world.questions["3"])
    CoSignature.objects.create(
        contribution=world.public_comment, organisation=OrganisationFactory(), state="confirmed"
    )
    with django_assert_num_queries(6):
        assert client.get(page_url(world.public_comment)).status_code == 200


# --- Where it is linked from, and its general part shown ---------------------------------------------------


def test_the_party_page_shows_each_public_contribution_with_its_general_part_and_links_it(
    client, contributions
):
    world = contributions
    page = client.get(reverse("party-reply", args=[world.round.slug, world.party_a.code])).content.decode()

    assert '<a href="#civil-society">2 public contributions.</a>' in page
    section = page.split('id="civil-society"', 1)[1]
    for contribution, general in (
        (world.public_comment, "PUBLICGENERAL"),
        (world.questionnaire_reply, "QREPLYGENERAL"),
    ):
        block = section.split(f'id="contribution-{contribution.pk}"', 1)[1].split("</article>", 1)[0]
        assert general in block and f'href="{page_url(contribution)}"' in block
        assert "Alpha Child Rights" in block
    # The stored script never reaches the page (the page's own contents script does).
    assert "co-signed by Beta Youth Voice" in section and "alert(" not in page
    # The comment's organisation, under the question, opens the comment at that question.
    q1 = page.split('id="q-1"', 1)[1].split('id="q-2"', 1)[0]
    assert f'href="{page_url(world.public_comment)}#q-1">Alpha Child Rights</a>' in q1
    for secret in ("CONFIDENTIALGENERAL", "UNACKNOWLEDGEDGENERAL"):
        assert secret not in page


def test_the_question_page_shows_the_contributions_on_it_with_their_general_part(client, contributions):
    world = contributions
    q1 = client.get(reverse("question-compare", args=[world.round.slug, "1"])).content.decode()
    q3 = client.get(reverse("question-compare", args=[world.round.slug, "3"])).content.decode()

    aland = q1.split('id="party-ZA"', 1)[1].split("</section>", 1)[0]
    assert f'href="#contribution-{world.public_comment.pk}"' in aland
    section = q1.split('id="civil-society"', 1)[1]
    assert f'href="{page_url(world.public_comment)}"' in section
    assert "PUBLICGENERAL" in section and "ITEMONE" in section and "ITEMTWO" not in section
    assert f'href="{page_url(world.questionnaire_reply)}"' not in q1  # no item on question 1
    assert f'href="{page_url(world.questionnaire_reply)}"' in q3 and "QREPLYGENERAL" in q3
    for secret in ("CONFIDENTIALGENERAL", "UNACKNOWLEDGEDGENERAL"):
        assert secret not in q1


def test_search_results_lead_to_the_contribution_page(client, contributions):
    world = contributions
    for word, contribution, anchor in (
        ("PUBLICGENERAL", world.public_comment, "general"),
        ("ITEMONE", world.public_comment, "q-1"),
        ("QREPLYITEM", world.questionnaire_reply, "q-3"),
    ):
        hits = list(client.get(reverse("search"), {"q": word}).context["results"])
        assert [hit.url for hit in hits] == [f"{page_url(contribution)}#{anchor}"], word


def test_the_feeds_and_the_home_page_link_to_the_contribution_page(client, contributions):
    world = contributions
    round_feed = client.get(reverse("round-feed", args=[world.round.slug])).content.decode()
    party_feed = client.get(
        reverse("party-feed", args=[world.round.slug, world.party_b.code])
    ).content.decode()
    home = client.get(reverse("home")).content.decode()

    for contribution in (world.public_comment, world.questionnaire_reply):
        assert f'href="http://testserver{page_url(contribution)}"' in round_feed
        assert f'href="{page_url(contribution)}"' in home
    assert f'href="http://testserver{page_url(world.questionnaire_reply)}"' in party_feed
    assert re.search(r"CONFIDENTIALGENERAL|UNACKNOWLEDGEDGENERAL", round_feed + home) is None
