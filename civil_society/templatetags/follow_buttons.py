"""`{% follow_button round=... party=... %}`: the Follow / Unfollow button of the round page and of a Party's
reply page. The round page belongs to a lower app, which cannot ask civil society whether the user follows
the round; its template asks here."""

from django.template import Library

from rounds.models import Party, Round

from ..selectors import subscription_of

register = Library()


@register.inclusion_tag("civil_society/subscriptions/_follow.html", takes_context=True)
def follow_button(context, *, round: Round, party: Party | None = None) -> dict:
    """Follow the round, or the Party when one is given (the round then only names the page)."""
    request = context["request"]
    following = request.user.is_authenticated and (
        subscription_of(user=request.user, round=None if party else round, party=party) is not None
    )
    return {
        "request": request,
        "user": request.user,
        "csrf_token": context.get("csrf_token"),
        "round": round,
        "party": party,
        "following": following,
    }
