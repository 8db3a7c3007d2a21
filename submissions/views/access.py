"""How a page finds the reply it works on, through the visibility gate: what the user may not see is 404."""

from django.http import Http404

from rounds.selectors import round_for

from ..errors import DeadlinePassed, NotFound
from ..models import Reply
from ..selectors import participation_for_editing
from ..services import reply_open


def reply_for_focal_point(request, slug: str, iso2: str) -> Reply:
    """The reply the logged-in focal point writes for this round, opened as a draft the first time."""
    round_ = round_for(request.user, slug)
    try:
        participation = participation_for_editing(user=request.user, round=round_, party_code=iso2)
    except NotFound:
        raise Http404 from None
    try:
        return reply_open(participation=participation, by=request.user)
    except DeadlinePassed:
        raise Http404 from None  # nothing to show: the dashboard offers no reply to start in a round over
