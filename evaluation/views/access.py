"""Who reaches the evaluation's pages, and how their refusals read.

Only the Secretariat and the Committee's members take part in the evaluation: anyone else logged in finds
nothing here (404), an anonymous visitor is sent to log in. A service's refusal becomes a message on the
page (`core.page_errors.refusal_shown`), except `NotPermitted` — a member who may read the thing but not
change it — which answers the 403 page with its message.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from core.page_errors import refusal_shown

from ..errors import NotPermitted
from ..selectors import is_evaluator


def evaluator_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page of the evaluation: log in first; 404 for anyone but an evaluator; a refusal to change what
    the viewer reads (`PermissionDenied`, from `refusals_shown`) answers 403 with its message."""

    @wraps(view)
    def page(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_evaluator(request.user):
            raise Http404
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as refusal:
            return render(request, "evaluation/refused.html", {"message": str(refusal)}, status=403)

    return login_required(page)


@contextmanager
def refusals_shown(request: HttpRequest, *, form: forms.Form | None = None) -> Iterator[None]:
    """`refusal_shown`, with NotPermitted turned into the 403 page (see `evaluator_page`)."""
    with refusal_shown(request, form=form):
        try:
            yield
        except NotPermitted as error:
            raise PermissionDenied(error.message) from error
