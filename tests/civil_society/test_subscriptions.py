"""Following a round or a Party: the buttons on their pages, "My subscriptions", and the one-click
unsubscribe link of the e-mails, which a GET never uses up (mail scanners fetch every link)."""

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from civil_society.models import Subscription
from civil_society.services import (
    subscription_follow,
    subscription_unfollow,
    subscription_unsubscribe,
)
from rounds.models import Round
from tests.factories import RoundFactory, UserFactory

pytestmark = pytest.mark.django_db


def round_page(world, language="en"):
    return f"/{language}/rounds/{world.round.slug}/"


def party_page(world, language="en"):
    return f"/{language}/rounds/{world.round.slug}/parties/{world.party_a.code}/"


def subscriptions(user=None):
    rows = Subscription.objects.filter(user=user) if user else Subscription.objects.all()
    return sorted(
        (row.user.username, row.round_id, row.party_id, row.language) for row in rows.select_related("user")
    )


# The services


def test_following_twice_keeps_one_subscription_and_unfollowing_twice_changes_nothing(world):
    first = subscription_follow(user=world.member1, round=world.round, language="fr")
    again = subscription_follow(user=world.member1, round=world.round, language="en")

    assert again.pk == first.pk and again.language == "fr"
    assert subscription_unfollow(user=world.member1, round=world.round) is True
    assert subscription_unfollow(user=world.member1, round=world.round) is False
    assert not Subscription.objects.exists()


def test_a_subscription_is_to_a_round_or_a_party(world):
    with pytest.raises(ValueError):
        subscription_follow(user=world.member1, round=world.round, party=world.party_a, language="en")
    with pytest.raises(ValueError):
        subscription_follow(user=world.member1, language="en")
    assert not Subscription.objects.exists()


def test_the_language_is_one_of_the_portal_s(world):
    assert subscription_follow(user=world.member1, round=world.round, language="fr-ch").language == "fr"
    assert subscription_follow(user=world.member1, party=world.party_a, language="de").language == "en"


def test_unsubscribing_ends_that_subscription_only_and_once(world):
    mine = subscription_follow(user=world.member1, round=world.round, language="en")
    subscription_follow(user=world.member2, round=world.round, language="en")

    assert subscription_unsubscribe(token=mine.token) is True
    assert subscription_unsubscribe(token=mine.token) is False
    assert subscription_unsubscribe(token="not-a-token") is False
    assert subscriptions() == [("member-2", world.round.pk, None, "en")]


# The buttons on the round page and on a Party's reply


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_reader_follows_a_round_from_its_page_in_the_page_s_language(client, world, language):
    """The subscription's e-mails will be in the language of the page the button was pressed on."""
    reader = UserFactory(username="reader")
    client.force_login(reader)
    follow_url = f"/{language}/rounds/{world.round.slug}/follow/"
    unfollow_url = f"/{language}/rounds/{world.round.slug}/unfollow/"
    page = client.get(round_page(world, language)).content.decode()
    assert f'action="{follow_url}"' in page and f'action="{unfollow_url}"' not in page

    response = client.post(follow_url, {"next": round_page(world, language)}, follow=True)

    assert response.redirect_chain == [(round_page(world, language), 302)]
    assert subscriptions() == [("reader", world.round.pk, None, language)]
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    assert f'action="{unfollow_url}"' in page and f'action="{follow_url}"' not in page

    response = client.post(unfollow_url, follow=True)

    assert response.redirect_chain == [(round_page(world, language), 302)]
    assert not Subscription.objects.exists()
    assert f'action="{follow_url}"' in response.content.decode()


def test_the_follow_button_and_messages_in_english(client, world):
    client.force_login(world.member1)
    assert "Follow this round</button>" in client.get(round_page(world)).content.decode()

    page = client.post(f"/en/rounds/{world.round.slug}/follow/", follow=True).content.decode()

    assert (
        f"You follow {world.round.label}: you will be e-mailed when a Party&#x27;s reply is published" in page
    )
    assert "Unfollow this round</button>" in page and "You follow this round." in page
    page = client.post(f"/en/rounds/{world.round.slug}/unfollow/", follow=True).content.decode()
    assert f"You no longer follow {world.round.label}." in page


def test_the_french_round_page_keeps_its_french_around_the_button(client, world):
    client.force_login(world.member1)
    page = client.get(round_page(world, "fr")).content.decode()
    assert "Calendrier" in page and "Cycles de suivi" in page
    assert f'action="/fr/rounds/{world.round.slug}/follow/"' in page
    assert 'href="/fr/subscriptions/"' in page


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_focal_point_follows_a_party_from_its_reply(client, world, language):
    client.force_login(world.focal_b)
    follow_url = f"/{language}/rounds/{world.round.slug}/parties/{world.party_a.code}/follow/"
    unfollow_url = f"/{language}/rounds/{world.round.slug}/parties/{world.party_a.code}/unfollow/"
    assert f'action="{follow_url}"' in client.get(party_page(world, language)).content.decode()

    response = client.post(follow_url, follow=True)

    assert response.redirect_chain == [(party_page(world, language), 302)]
    assert subscriptions() == [("focal-b", None, world.party_a.pk, language)]
    assert f'action="{unfollow_url}"' in response.content.decode()

    client.post(unfollow_url)
    assert not Subscription.objects.exists()


def test_the_party_button_names_the_party(client, world):
    client.force_login(world.member1)
    name = world.party_a.name_en
    assert f"Follow {name}</button>" in client.get(party_page(world)).content.decode()

    page = client.post(party_page(world) + "follow/", follow=True).content.decode()

    assert (
        f"You follow {name}: you will be e-mailed when its reply to a monitoring round is published" in page
    )
    assert f"Unfollow {name}</button>" in page


def test_anonymous_visitors_are_asked_to_log_in_and_follow_nothing(client, world):
    page = client.get(round_page(world)).content.decode()
    assert "Log in to follow." in page and "Follow this round</button>" not in page

    response = client.post(f"/en/rounds/{world.round.slug}/follow/")

    assert response.status_code == 302 and response["Location"].startswith("/en/accounts/login/")
    assert not Subscription.objects.exists()


def test_a_get_on_the_follow_link_changes_nothing(client, world):
    client.force_login(world.member1)

    response = client.get(f"/en/rounds/{world.round.slug}/follow/")

    assert response.status_code == 302 and response["Location"] == round_page(world)
    assert not Subscription.objects.exists()


def test_next_leads_only_to_this_site(client, world):
    client.force_login(world.member1)
    response = client.post(f"/en/rounds/{world.round.slug}/follow/", {"next": "https://evil.example/"})
    assert response["Location"] == round_page(world)


def test_a_round_in_preparation_cannot_be_followed_by_the_public(client, world):
    hidden = RoundFactory(status=Round.Status.PREPARATION)
    client.force_login(world.member1)

    assert client.post(f"/en/rounds/{hidden.slug}/follow/").status_code == 404
    assert client.post(f"/en/rounds/{world.round.slug}/parties/ZZ/follow/").status_code == 404
    assert not Subscription.objects.exists()


# My subscriptions


def test_my_subscriptions_lists_mine_only_with_a_language_each(client, world, django_assert_max_num_queries):
    subscription_follow(user=world.member1, round=world.round, language="fr")
    subscription_follow(user=world.member1, party=world.party_a, language="en")
    subscription_follow(user=world.member2, party=world.party_b, language="en")
    client.force_login(world.member1)

    with django_assert_max_num_queries(5):
        page = client.get(reverse("subscriptions")).content.decode()

    assert "My subscriptions" in page
    assert world.round.label in page and f"{world.party_a.name_en}, in every round" in page
    assert world.party_b.name_en not in page
    assert page.count('<option value="fr" selected>') == 1 and page.count('<option value="en" selected>') == 1


def test_my_subscriptions_queries_do_not_grow(client, world, django_assert_max_num_queries):
    client.force_login(world.member1)
    subscription_follow(user=world.member1, round=world.round, language="en")
    with django_assert_max_num_queries(10) as few:
        client.get(reverse("subscriptions"))
    for _ in range(5):
        subscription_follow(user=world.member1, round=RoundFactory(), language="en")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("subscriptions"))


def test_the_language_of_a_subscription_is_changed_on_my_subscriptions(client, world):
    subscription = subscription_follow(user=world.member1, round=world.round, language="en")
    client.force_login(world.member1)

    response = client.post(
        reverse("subscriptions"),
        {"subscription": subscription.pk, "action": "language", "language": "fr"},
        follow=True,
    )

    assert response.redirect_chain == [(reverse("subscriptions"), 302)]
    assert f"E-mails about {world.round.label} will be in French." in response.content.decode()
    assert subscriptions() == [("member-1", world.round.pk, None, "fr")]


def test_an_unknown_language_changes_nothing(client, world):
    subscription = subscription_follow(user=world.member1, round=world.round, language="en")
    client.force_login(world.member1)

    response = client.post(
        reverse("subscriptions"),
        {"subscription": subscription.pk, "action": "language", "language": "de"},
        follow=True,
    )

    assert "Choose English or French." in response.content.decode()
    assert subscriptions() == [("member-1", world.round.pk, None, "en")]


def test_unfollowing_on_my_subscriptions(client, world):
    subscription = subscription_follow(user=world.member1, party=world.party_a, language="en")
    client.force_login(world.member1)

    response = client.post(
        reverse("subscriptions"), {"subscription": subscription.pk, "action": "unfollow"}, follow=True
    )

    page = response.content.decode()
    assert f"You no longer follow {world.party_a.name_en}." in page and "You follow nothing yet." in page
    assert not Subscription.objects.exists()


@pytest.mark.parametrize("action", ["unfollow", "language"])
def test_another_user_s_subscription_is_not_found(client, world, action):
    theirs = subscription_follow(user=world.member2, round=world.round, language="en")
    client.force_login(world.member1)

    response = client.post(
        reverse("subscriptions"), {"subscription": theirs.pk, "action": action, "language": "fr"}
    )

    assert response.status_code == 404
    assert subscriptions() == [("member-2", world.round.pk, None, "en")]


def test_a_malformed_subscription_is_not_found(client, world):
    client.force_login(world.member1)
    assert (
        client.post(reverse("subscriptions"), {"subscription": "x", "action": "unfollow"}).status_code == 404
    )


def test_my_subscriptions_needs_a_login(client, world):
    response = client.get(reverse("subscriptions"))
    assert response.status_code == 302 and response["Location"].startswith("/en/accounts/login/")


def test_an_account_without_an_email_is_warned(client, world):
    reader = UserFactory(username="no-mail", email="")
    subscription_follow(user=reader, round=world.round, language="en")
    client.force_login(reader)
    assert "Your account has no e-mail address" in client.get(reverse("subscriptions")).content.decode()


# One-click unsubscribe


def unsubscribe_url(token, language="en"):
    return f"/{language}/subscriptions/{token}/unsubscribe/"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_link_shows_a_confirmation_and_changes_nothing(client, world, language):
    subscription = subscription_follow(user=world.member1, round=world.round, language=language)

    response = client.get(unsubscribe_url(subscription.token, language))
    client.head(unsubscribe_url(subscription.token, language))

    page = response.content.decode()
    assert response.status_code == 200 and f'<html lang="{language}">' in page
    assert '<meta name="robots" content="noindex">' in page
    button = {"en": "Unsubscribe</button>", "fr": "Se désabonner</button>"}[language]
    assert 'method="post"' in page and button in page
    assert Subscription.objects.filter(pk=subscription.pk).exists()


def test_the_button_unsubscribes_without_logging_in(world):
    subscription = subscription_follow(user=world.member1, party=world.party_a, language="en")
    browser = Client(enforce_csrf_checks=True)
    form = browser.get(unsubscribe_url(subscription.token))
    token = form.cookies["csrftoken"].value if "csrftoken" in form.cookies else ""

    response = browser.post(unsubscribe_url(subscription.token), {"csrfmiddlewaretoken": token})

    assert response.status_code == 200
    assert f"You will no longer be e-mailed about {world.party_a.name_en}." in response.content.decode()
    assert not Subscription.objects.exists()


def test_a_mail_client_s_one_click_post_needs_no_csrf_token(world):
    """RFC 8058: the mail client posts `List-Unsubscribe=One-Click` to the link, with no cookie or token."""
    subscription = subscription_follow(user=world.member1, round=world.round, language="fr")
    other = subscription_follow(user=world.member1, party=world.party_a, language="fr")

    response = Client(enforce_csrf_checks=True).post(
        unsubscribe_url(subscription.token, "fr"),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert list(Subscription.objects.values_list("pk", flat=True)) == [other.pk]


def test_an_unknown_or_used_token_is_not_found(client, world):
    subscription = subscription_follow(user=world.member1, round=world.round, language="en")
    client.post(unsubscribe_url(subscription.token))

    assert client.get(unsubscribe_url(subscription.token)).status_code == 404
    assert client.post(unsubscribe_url(subscription.token)).status_code == 404
    assert client.get(unsubscribe_url(uuid.uuid4())).status_code == 404
    assert client.get("/en/subscriptions/not-a-uuid/unsubscribe/").status_code == 404


def test_other_methods_are_refused(client, world):
    subscription = subscription_follow(user=world.member1, round=world.round, language="en")
    assert client.delete(unsubscribe_url(subscription.token)).status_code == 405
    assert Subscription.objects.exists()
