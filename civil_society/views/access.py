"""Who may open a contribution's pages: shared by the contribution and coalition views."""

from django.http import Http404, HttpRequest
from django.urls import reverse

from .. import selectors
from ..errors import NotFound
from ..models import Contribution, CoSignature, Organisation


def organisation_or_404(request: HttpRequest) -> Organisation:
    organisation = selectors.organisation_of(request.user)
    if organisation is None:
        raise Http404
    return organisation


def for_authoring(request: HttpRequest, pk: int) -> Contribution:
    """A contribution the user's organisation leads; anything else is 404."""
    try:
        return selectors.contribution_for_authoring(user=request.user, pk=pk)
    except NotFound:
        raise Http404 from None


def opened(request: HttpRequest, pk: int) -> tuple[Contribution, bool]:
    """The contribution and whether the user writes it. Members of the lead organisation write; members of
    a co-signing organisation and the Secretariat read; anyone else finds nothing, even for a public
    contribution (the public reads that on its public page)."""
    try:
        return selectors.contribution_for_authoring(user=request.user, pk=pk), True
    except NotFound:
        pass
    try:
        contribution = selectors.contribution_for_reading(user=request.user, pk=pk)
    except NotFound:
        raise Http404 from None
    organisation = selectors.organisation_of(request.user)
    co_signs = organisation is not None and any(
        signature.organisation_id == organisation.pk and signature.state != CoSignature.State.DECLINED
        for signature in contribution.co_signatures.all()
    )
    if not (request.user.is_staff or co_signs):
        raise Http404
    return contribution, False


def editor_url(contribution_pk: int, anchor: str = "") -> str:
    url = reverse("contribution-edit", args=[contribution_pk])
    return f"{url}#{anchor}" if anchor else url
