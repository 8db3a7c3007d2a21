"""Following a round or a Party: its subscribers are e-mailed when a reply is published (its comment window
opens) and a week before that window closes. Each write is idempotent: following twice leaves one
subscription, unfollowing or unsubscribing what is gone changes nothing."""

import uuid

from django.db import transaction

from core.languages import OfficialLanguage
from rounds.models import Party, Round

from ..models import Subscription


def _target(round: Round | None, party: Party | None) -> dict:
    if (round is None) == (party is None):
        raise ValueError("A subscription is to a round or to a Party, not both nor neither.")
    return {"round": round} if round is not None else {"party": party}


def _language(language: str) -> str:
    """The page's language ("fr", "fr-ch"...) as one of the portal's; English otherwise."""
    code = (language or "").lower()[:2]
    return code if code in OfficialLanguage.values else OfficialLanguage.EN


@transaction.atomic
def subscription_follow(
    *, user, round: Round | None = None, party: Party | None = None, language: str
) -> Subscription:
    """Follow a round or a Party, e-mailed in `language`. Following again returns the subscription as it is
    (its language is changed on the "My subscriptions" page)."""
    subscription, _created = Subscription.objects.get_or_create(
        user=user, **_target(round, party), defaults={"language": _language(language)}
    )
    return subscription


@transaction.atomic
def subscription_unfollow(*, user, round: Round | None = None, party: Party | None = None) -> bool:
    """Stop following; False when the user did not follow it."""
    deleted, _detail = Subscription.objects.filter(user=user, **_target(round, party)).delete()
    return bool(deleted)


@transaction.atomic
def subscription_language_set(*, subscription: Subscription, language: str) -> Subscription:
    language = _language(language)
    if subscription.language != language:
        subscription.language = language
        subscription.save(update_fields=["language", "updated_at"])
    return subscription


@transaction.atomic
def subscription_unsubscribe(*, token: uuid.UUID | str) -> bool:
    """The one-click unsubscribe of an e-mail's link: whoever holds the token ends that one subscription.
    False when the token is unknown (malformed, or already used)."""
    try:
        token = uuid.UUID(str(token))
    except ValueError:
        return False
    deleted, _detail = Subscription.objects.filter(token=token).delete()
    return bool(deleted)
