from django.db.models import Count, QuerySet

from .models import FocalPoint, Participation, Party, Round


def rounds_visible_to(user) -> QuerySet[Round]:
    """Rounds a user may see: the Secretariat sees rounds still in preparation, everyone else does not."""
    rounds = Round.objects.annotate(party_count=Count("participations"))
    if not (user.is_authenticated and user.is_staff):
        rounds = rounds.exclude(status=Round.Status.PREPARATION)
    return rounds


def round_current(user) -> Round | None:
    """The round most recently launched that the user may see."""
    return rounds_visible_to(user).first()


def parties_list() -> QuerySet[Party]:
    return Party.objects.prefetch_related("national_languages")


def party_of(user) -> Party | None:
    """The Party a user is a focal point of, if any; remembered on the user object for the request."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_focal_party"):
        focal_point = FocalPoint.objects.select_related("party").filter(user=user).first()
        user._focal_party = focal_point.party if focal_point else None
    return user._focal_party


def participation_of(*, round: Round, party: Party) -> Participation | None:
    return Participation.objects.select_related("round", "party").filter(round=round, party=party).first()
