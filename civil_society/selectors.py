"""The one gate for reading contributions (DESIGN §3).

The Secretariat sees every contribution. An organisation's members see their own organisation's, whether
it leads or co-signs them, in every state. Everyone else — the public, the Parties, other organisations —
sees public contributions once the Secretariat has acknowledged them, and nothing confidential, ever.
"""

import datetime

from django.db.models import Prefetch, Q, QuerySet

from rounds.models import Party, Round

from .errors import NotFound
from .models import (
    Contribution,
    ContributionItem,
    CoSignature,
    InformationRequest,
    Invitation,
    Membership,
    Organisation,
    Subscription,
)
from .windows import Window, comment_window, questionnaire_window


def organisation_of(user) -> Organisation | None:
    """The organisation a user speaks for, if any; remembered on the user object for the request."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_organisation"):
        membership = Membership.objects.select_related("organisation").filter(user=user).first()
        user._organisation = membership.organisation if membership else None
    return user._organisation


def verified_organisations() -> QuerySet[Organisation]:
    return Organisation.objects.filter(verified_at__isnull=False).order_by("name", "pk")


def published_contributions() -> QuerySet[Contribution]:
    return Contribution.objects.filter(
        visibility=Contribution.Visibility.PUBLIC, state=Contribution.State.ACKNOWLEDGED
    )


def contributions_visible_to(user) -> QuerySet[Contribution]:
    if user.is_authenticated and user.is_staff:
        return Contribution.objects.all()
    organisation = organisation_of(user)
    visible = Q(visibility=Contribution.Visibility.PUBLIC, state=Contribution.State.ACKNOWLEDGED)
    if organisation is not None:
        co_signed = (
            CoSignature.objects.filter(organisation=organisation)
            .exclude(state=CoSignature.State.DECLINED)
            .values("contribution")
        )
        visible |= Q(organisation=organisation) | Q(pk__in=co_signed)
    return Contribution.objects.filter(visible)


def contributions_of(organisation: Organisation) -> QuerySet[Contribution]:
    """What an organisation leads or co-signs (not what it declined), for its own members' eyes."""
    signed = CoSignature.objects.filter(organisation=organisation).exclude(state=CoSignature.State.DECLINED)
    return (
        Contribution.objects.filter(Q(organisation=organisation) | Q(pk__in=signed.values("contribution")))
        .select_related("round", "organisation")
        .prefetch_related(
            "parties", Prefetch("co_signatures", CoSignature.objects.select_related("organisation"))
        )
    )


def member_emails(organisation: Organisation) -> list[str]:
    return list(
        Membership.objects.filter(organisation=organisation)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )


def members_of(organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.select_related("user").order_by("user__username")


def pending_invitations_of(organisation: Organisation, *, now: datetime.datetime) -> QuerySet[Invitation]:
    return organisation.invitations.filter(
        accepted_at__isnull=True, created_at__gt=now - Invitation.LIFETIME
    ).select_related("invited_by")


def contribution_for_reading(*, user, pk: int) -> Contribution:
    contribution = (
        contributions_visible_to(user)
        .select_related("round", "organisation")
        .prefetch_related("parties", "co_signatures__organisation", _items())
        .filter(pk=pk)
        .first()
    )
    if contribution is None:
        raise NotFound()
    return contribution


def contribution_for_authoring(*, user, pk: int) -> Contribution:
    """A contribution the user's organisation leads: only its members write, submit and withdraw it."""
    organisation = organisation_of(user)
    contribution = (
        Contribution.objects.select_related("round", "organisation")
        .filter(pk=pk, organisation=organisation)
        .first()
        if organisation
        else None
    )
    if contribution is None:
        raise NotFound()
    return contribution


def _items() -> Prefetch:
    return Prefetch(
        "items", ContributionItem.objects.select_related("question").order_by("question__position")
    )


def public_items_for(*, round: Round, party: Party) -> QuerySet[ContributionItem]:
    """Public comments on a Party's reply, item by item, with the organisations that signed them."""
    return (
        ContributionItem.objects.filter(
            contribution__in=published_contributions().filter(
                round=round, parties=party, kind=Contribution.Kind.COMMENT
            )
        )
        .select_related("contribution__organisation", "question")
        .prefetch_related(
            Prefetch(
                "contribution__co_signatures",
                CoSignature.objects.filter(state=CoSignature.State.CONFIRMED).select_related("organisation"),
                to_attr="confirmed_co_signatures",
            )
        )
        .order_by("question__position", "contribution__acknowledged_at", "pk")
    )


def window_of(contribution: Contribution) -> Window:
    """The window that governs a contribution's submission. A comment concerns one Party."""
    if contribution.kind == Contribution.Kind.QUESTIONNAIRE_REPLY:
        return questionnaire_window(round=contribution.round)
    party = contribution.parties.first()
    return (
        comment_window(round=contribution.round, party=party)
        if party
        else questionnaire_window(round=contribution.round)
    )


def co_signature_requests_for(organisation: Organisation) -> QuerySet[CoSignature]:
    return CoSignature.objects.filter(
        organisation=organisation, state=CoSignature.State.PENDING
    ).select_related("contribution__organisation", "contribution__round")


def information_requests_for(organisation: Organisation) -> QuerySet[InformationRequest]:
    return InformationRequest.objects.filter(contribution__organisation=organisation).select_related(
        "contribution"
    )


def subscriptions_of(user) -> QuerySet[Subscription]:
    """A user's own subscriptions: nobody reads or changes another's."""
    if not user.is_authenticated:
        return Subscription.objects.none()
    return (
        Subscription.objects.filter(user=user).select_related("round", "party").order_by("-created_at", "-pk")
    )


def subscription_of(*, user, round: Round | None = None, party: Party | None = None) -> Subscription | None:
    """The user's subscription to this round or this Party, if any."""
    target = {"round": round} if round is not None else {"party": party}
    return subscriptions_of(user).filter(**target).first()


def subscription_for_token(token) -> Subscription:
    """The subscription an e-mail's unsubscribe link names; anyone holding the link may end it."""
    subscription = Subscription.objects.select_related("round", "party").filter(token=token).first()
    if subscription is None:
        raise NotFound()
    return subscription
