"""Following a round or a Party, the user's own list of subscriptions, and the one-click unsubscribe link
carried by the e-mails a subscription brings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.languages import OfficialLanguage
from rounds.models import Party, Round
from rounds.selectors import round_for

from ..errors import NotFound
from ..models import Subscription
from ..selectors import subscription_for_token, subscriptions_of
from ..services import (
    subscription_follow,
    subscription_language_set,
    subscription_unfollow,
    subscription_unsubscribe,
)


def _followed(subscription: Subscription) -> str:
    return subscription.round.label if subscription.round_id else subscription.party.name_with_article


def _back(request: HttpRequest, default: str) -> str:
    """Where the button was pressed (`next`), when it is a page of this site; else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return default


def _follow(request: HttpRequest, *, follow: bool, round: Round, party: Party | None, back: str):
    """Follow or unfollow the round, or the Party when one is given. A GET (the page after logging in, a
    link followed by hand) changes nothing and returns to the page."""
    if request.method != "POST":
        return redirect(back)
    target = {"party": party} if party is not None else {"round": round}
    name = party.name_with_article if party is not None else round.label
    if follow:
        subscription_follow(user=request.user, **target, language=translation.get_language())
        if party is not None:
            text = _(
                "You follow %(name)s: you will be e-mailed when its reply to a monitoring round is "
                "published, and a week before civil society's comment window on it closes."
            )
        else:
            text = _(
                "You follow %(name)s: you will be e-mailed when a Party's reply is published, and a week "
                "before civil society's comment window on it closes."
            )
        messages.success(request, text % {"name": name})
    else:
        subscription_unfollow(user=request.user, **target)
        messages.success(request, _("You no longer follow %(name)s.") % {"name": name})
    return redirect(back)


def _round(request: HttpRequest, slug: str) -> Round:
    return round_for(request.user, slug)


@login_required
def round_follow(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = _round(request, slug)
    back = _back(request, reverse("round-detail", args=[round_.slug]))
    return _follow(request, follow=True, round=round_, party=None, back=back)


@login_required
def round_unfollow(request: HttpRequest, slug: str) -> HttpResponse:
    round_ = _round(request, slug)
    back = _back(request, reverse("round-detail", args=[round_.slug]))
    return _follow(request, follow=False, round=round_, party=None, back=back)


def _party(request: HttpRequest, slug: str, iso2: str) -> tuple[Round, Party, str]:
    round_ = _round(request, slug)
    party = get_object_or_404(Party, code=iso2.upper())
    return round_, party, _back(request, reverse("party-reply", args=[round_.slug, party.code]))


@login_required
def party_follow(request: HttpRequest, slug: str, iso2: str) -> HttpResponse:
    round_, party, back = _party(request, slug, iso2)
    return _follow(request, follow=True, round=round_, party=party, back=back)


@login_required
def party_unfollow(request: HttpRequest, slug: str, iso2: str) -> HttpResponse:
    round_, party, back = _party(request, slug, iso2)
    return _follow(request, follow=False, round=round_, party=party, back=back)


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    """The user's subscriptions, each with its e-mail language and an unfollow button. A subscription of
    another user is not found here (404)."""
    subscriptions = subscriptions_of(request.user)
    if request.method == "POST":
        try:
            subscription = subscriptions.get(pk=int(request.POST.get("subscription", "")))
        except (ValueError, Subscription.DoesNotExist):
            raise Http404 from None
        name = _followed(subscription)
        if request.POST.get("action") == "unfollow":
            subscription_unfollow(user=request.user, round=subscription.round, party=subscription.party)
            messages.success(request, _("You no longer follow %(name)s.") % {"name": name})
        elif (language := request.POST.get("language")) in OfficialLanguage.values:
            subscription = subscription_language_set(subscription=subscription, language=language)
            messages.success(
                request,
                _("E-mails about %(name)s will be in %(language)s.")
                % {"name": name, "language": subscription.get_language_display()},
            )
        else:
            messages.error(request, _("Choose English or French."))
        return redirect("subscriptions")
    context = {"subscriptions": subscriptions, "language_choices": OfficialLanguage.choices}
    return render(request, "civil_society/subscriptions/manage.html", context)


@csrf_exempt  # the token is the credential; see below
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token) -> HttpResponse:
    """The link in a subscription's e-mails. A GET shows what it ends and a button, and changes nothing:
    mail scanners fetch the links of every message. A POST ends the subscription: the button, or a mail
    client's one-click unsubscribe (RFC 8058), which carries no CSRF token. Without CSRF a forged POST could
    only end the one subscription whose unguessable token it already holds."""
    try:
        subscription = subscription_for_token(token)
    except NotFound:
        raise Http404 from None
    if request.method == "POST":
        subscription_unsubscribe(token=token)
        return render(
            request, "civil_society/subscriptions/unsubscribed.html", {"name": _followed(subscription)}
        )
    return render(
        request,
        "civil_society/subscriptions/unsubscribe.html",
        {"subscription": subscription, "name": _followed(subscription)},
    )
