"""Pages turn a service's refusal into what the person reads in one place, as the API does in
`lanzarote_portal/api_errors.py`: a `DomainError` becomes an error message (or the form's error, when the
page shows the form again), and `NotFound` answers 404, since what a person may not see is missing.

    with refusal_shown(request):
        services.co_signer_add(contribution=contribution, by=request.user, organisation=organisation)
        messages.success(request, _("%(name)s is invited to co-sign.") % {"name": organisation})
    return redirect(editor_url(pk, "co-signers"))

A refusal stops the block where the service raised it (no success message), shows its message, and the view
goes on after the block: to the same redirect, or to rendering the form again with the error on it. Pages
that show a refusal in their own way (an editor keeping the text typed, a fragment for htmx) catch it
themselves.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest

from .errors import DomainError, NotFound


@contextmanager
def refusal_shown(
    request: HttpRequest, *, form: forms.Form | None = None, wrap: Callable[[str], str] | None = None
) -> Iterator[None]:
    """Show a refusal raised in the block: on `form` (its errors above the fields) if given, else as an error
    message; `wrap` turns the refusal's message into the sentence shown (e.g. one naming the file)."""
    try:
        yield
    except NotFound as error:
        raise Http404 from error
    except DomainError as error:
        text = wrap(error.message) if wrap else error.message
        if form is not None:
            form.add_error(None, text)
        else:
            messages.error(request, text)
