"""The one gate for reading contributions (DESIGN §3).

The Secretariat sees every contribution. An organisation's members see their own organisation's, whether
it leads or co-signs them, in every state. Everyone else — the public, the Parties, other organisations —
sees public contributions once the Secretariat has acknowledged them, and nothing confidential, ever. None
but the Secretariat sees a contribution of a round still in preparation.
"""

import dataclasses
import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from core.viewers import PUBLIC, Viewer
from questionnaires.models import Question
from rounds.models import Party, Round
from rounds.names import sorted_by_name
from rounds.selectors import in_rounds_visible_to
from submissions.selectors import replies_visible_to

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
from .windows import CLOSED, Window, comment_window, comment_windows, questionnaire_window


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


def contributions_visible_to(viewer: Viewer) -> QuerySet[Contribution]:
    if viewer.is_authenticated and viewer.is_staff:
        return Contribution.objects.all()
    organisation = organisation_of(viewer)
    visible = Q(visibility=Contribution.Visibility.PUBLIC, state=Contribution.State.ACKNOWLEDGED)
    if organisation is not None:
        co_signed = (
            CoSignature.objects.filter(organisation=organisation)
            .exclude(state=CoSignature.State.DECLINED)
            .values("contribution")
        )
        visible |= Q(organisation=organisation) | Q(pk__in=co_signed)
    return Contribution.objects.filter(visible, in_rounds_visible_to(viewer))


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


# --- What the public reads: the one definition of each list and count every public surface shows -------


def public_contributions(*, round: Round) -> QuerySet[Contribution]:
    """A round's public contributions of both kinds (comments on a reply, replies to the questionnaire):
    what the pages, feeds, open data and factsheets list and count."""
    return contributions_visible_to(PUBLIC).filter(round=round)


def public_contributions_on(*, round: Round, party: Party) -> QuerySet[Contribution]:
    """The public contributions on a Party: its reply's public comments and the public replies to the
    questionnaire that name it, each once, however many items or other Parties it has."""
    return public_contributions(round=round).filter(parties=party)


def public_contribution_counts(*, round: Round) -> dict[int, int]:
    """{Party id: how many public contributions are on it} (`public_contributions_on`), every Party in one
    query; a Party without any is absent."""
    rows = (
        Contribution.parties.through.objects.filter(contribution__in=public_contributions(round=round))
        .values("party")
        .annotate(n=Count("contribution", distinct=True))
        .order_by()
    )
    return {row["party"]: row["n"] for row in rows}


def public_contributions_latest(
    *, round: Round | None = None, party: Party | None = None
) -> QuerySet[Contribution]:
    """Public contributions (of a round, on a Party) newest first by the day the Secretariat acknowledged
    them, with the round, organisation and Parties an entry names: the home page's and the feeds' lists. One
    acknowledged without that date (entered by hand) has no place in a list by date."""
    contributions = contributions_visible_to(PUBLIC)
    if round is not None:
        contributions = contributions.filter(round=round)
    if party is not None:
        contributions = contributions.filter(parties=party)
    return (
        contributions.filter(acknowledged_at__isnull=False)
        .select_related("round", "organisation")
        .prefetch_related("parties")
        .order_by("-acknowledged_at", "-pk")
    )


def public_contribution(*, slug: str, pk: int) -> Contribution:
    """An acknowledged public contribution of a round the public may see, with what its page shows; else
    NotFound, whoever asks (its authors and the Secretariat read it on their own pages)."""
    contribution = (
        for_listing(contributions_visible_to(PUBLIC))
        .filter(round__slug=slug, pk=pk)
        .prefetch_related(_items())
        .first()
    )
    if contribution is None:
        raise NotFound()
    return contribution


def for_listing(contributions: QuerySet[Contribution]) -> QuerySet[Contribution]:
    """With the lead organisation, the co-signers who confirmed (`confirmed_co_signatures`) and the Parties
    concerned: what every public listing of a contribution names."""
    return contributions.select_related("round", "organisation").prefetch_related(
        Prefetch("parties", Party.objects.order_by("code")), _confirmed("co_signatures")
    )


def _confirmed(lookup: str) -> Prefetch:
    """The co-signatures confirmed, by organisation name, as `confirmed_co_signatures`: declined and pending
    co-signers are named nowhere public."""
    confirmed = CoSignature.objects.filter(state=CoSignature.State.CONFIRMED).select_related("organisation")
    return Prefetch(lookup, confirmed.order_by("organisation__name"), to_attr="confirmed_co_signatures")


def public_comment_items(*, round: Round, party: Party) -> QuerySet[ContributionItem]:
    """The items of the public comments on a Party's reply, in question order, as its page shows them under
    the questions (and the question pages count, from `public_items_on`)."""
    return (
        ContributionItem.objects.filter(
            contribution__in=public_contributions(round=round).filter(
                parties=party, kind=Contribution.Kind.COMMENT
            )
        )
        .select_related("contribution__organisation", "question")
        .prefetch_related(_confirmed("contribution__co_signatures"))
        .order_by("question__position", "contribution__acknowledged_at", "pk")
    )


def public_items_on(*, round: Round, questions: list[Question]) -> QuerySet[ContributionItem]:
    """The items of public contributions of both kinds on these questions, each with its contribution as a
    listing shows it (`for_listing`); in question order, oldest contribution first."""
    return (
        ContributionItem.objects.filter(
            contribution__in=public_contributions(round=round), question__in=[q.pk for q in questions]
        )
        .select_related("question", "contribution__round", "contribution__organisation")
        .prefetch_related(
            Prefetch("contribution__parties", Party.objects.order_by("code")),
            _confirmed("contribution__co_signatures"),
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


@dataclasses.dataclass(frozen=True)
class NewContributionChoices:
    """What a new contribution in a round may concern now. A comment: a Party whose published reply's window
    is open (`commentable`); those whose window has closed are named apart with it (`closed`). A reply to
    the questionnaire: the Parties monitored (`monitored`), while its own window (`questionnaire`) is open."""

    commentable: list[Party]
    closed: list[tuple[Party, Window]]
    questionnaire: Window
    monitored: list[Party]


def new_contribution_choices(*, round: Round, now: datetime.datetime | None = None) -> NewContributionChoices:
    now = now or timezone.now()
    # What may be commented on is what the public may read, whoever asks (a staff author sees drafts too).
    replies = replies_visible_to(PUBLIC).filter(round=round)
    published = sorted_by_name(reply.party for reply in replies.select_related("party"))  # as lists show them
    windows = comment_windows((round.pk, party.pk) for party in published)
    commentable, closed = [], []
    for party in published:
        window = windows.get((round.pk, party.pk), CLOSED)
        if window.is_open(now):
            commentable.append(party)
        elif window.has_closed(now):
            closed.append((party, window))
    return NewContributionChoices(
        commentable=commentable,
        closed=closed,
        questionnaire=questionnaire_window(round=round),
        monitored=sorted_by_name(p.party for p in round.participations.select_related("party")),
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
