"""The organisations' contribution pages: a new draft, the editor (read-only for co-signers and the
Secretariat), saving items, the .docx route and submitting. Coalitions are in `coalitions.py`.

Who may open what comes from the selectors; what may be done from the services. A domain error becomes a
message on the page and changes nothing; what a user may not see is 404.
"""

import html

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError, TextTooLong
from core.page_errors import refusal_shown
from core.viewers import PUBLIC
from questionnaires.selectors import questions_of
from rounds.selectors import rounds_visible_to
from submissions.selectors import answers_visible_to

from .. import selectors, services
from ..contribution_forms import (
    ContributionNewForm,
    ContributionSettingsForm,
    CoSignerAddForm,
    DocumentForm,
)
from ..errors import NotFound
from ..models import Contribution
from .access import editor_url, for_authoring, opened, organisation_or_404

TEMPLATES = "civil_society/contributions"


# A new contribution


@login_required
def new(request: HttpRequest) -> HttpResponse:
    """Choose the round first (a plain GET form, so the Party lists fit it without JavaScript), then the
    rest. `?round=<slug>&party=<iso2>&kind=comment` preselects, as the public Party page links here."""
    organisation = organisation_or_404(request)
    rounds = list(rounds_visible_to(PUBLIC))  # one writes only in a round the public sees
    data = request.POST if request.method == "POST" else request.GET
    round_ = next((r for r in rounds if r.slug == data.get("round")), None)
    if round_ is None and len(rounds) == 1:
        round_ = rounds[0]
    if round_ is None:
        return render(request, f"{TEMPLATES}/new.html", {"organisation": organisation, "rounds": rounds})

    choices = selectors.new_contribution_choices(round=round_)
    if request.method == "POST":
        form = ContributionNewForm(request.POST, round=round_, choices=choices)
        if form.is_valid():
            with refusal_shown(request, form=form):
                contribution = services.contribution_create(
                    organisation=organisation, by=request.user, **form.creation()
                )
                messages.success(request, _("Your draft is created. Write it here, then submit it."))
                return redirect("contribution-edit", contribution.pk)
    else:
        kind, party = request.GET.get("kind"), request.GET.get("party", "").upper()
        form = ContributionNewForm(
            initial={
                "kind": kind if kind in Contribution.Kind.values else None,
                "party": party,
                "parties": [party] if party else [],
                "language": translation.get_language(),
            },
            round=round_,
            choices=choices,
        )
    context = {
        "organisation": organisation,
        "rounds": rounds,
        "round": round_,
        "form": form,
        "choices": choices,
    }
    return render(request, f"{TEMPLATES}/new.html", context, status=400 if form.errors else 200)


# The editor, and the read-only view


def _settings_form(contribution: Contribution, data=None) -> ContributionSettingsForm:
    initial = {
        "visibility": contribution.visibility,
        "language": contribution.language,
        "title": contribution.title,
        # A textarea shows text: the stored HTML with its entities decoded, so "&" reads "&" again.
        "general_text": html.unescape(contribution.general_text),
        "children_involved": contribution.children_involved,
        "children_involvement": contribution.children_involvement,
    }
    return ContributionSettingsForm(data, initial=initial)


def _page_context(request: HttpRequest, contribution: Contribution, *, writes: bool, **extra) -> dict:
    user = request.user
    organisation = selectors.organisation_of(user)
    editable = writes and contribution.is_editable
    parties = list(contribution.parties.all())
    is_comment = contribution.kind == Contribution.Kind.COMMENT
    items = {item.question_id: item for item in contribution.items.all()}
    answers = {}
    if is_comment and parties:  # a comment is on the published reply, as the public reads it
        answers = {
            answer.question_id: answer
            for answer in answers_visible_to(PUBLIC)
            .filter(reply__round=contribution.round_id, reply__party=parties[0])
            .select_related("reply")
        }
    questions = list(questions_of(round=contribution.round))
    for question in questions:
        question.item = items.get(question.pk)
        question.party_answer = answers.get(question.pk)
        question.source = html.unescape(question.item.text) if question.item else ""
    co_signatures = list(contribution.co_signatures.select_related("organisation"))
    own_signature = next(
        (s for s in co_signatures if organisation and s.organisation_id == organisation.pk), None
    )
    context = {
        "contribution": contribution,
        "writes": writes,
        "editable": editable,
        "is_comment": is_comment,
        "parties": parties,
        "party": parties[0] if is_comment and parties else None,
        "questions": questions,
        "item_count": len(items),
        "co_signatures": co_signatures,
        "own_signature": own_signature,
        "window": selectors.window_of(contribution) if contribution.is_editable else None,
        "organisation": organisation,
    }
    if editable:
        context["settings_form"] = extra.pop("settings_form", None) or _settings_form(contribution)
        context["co_signer_form"] = CoSignerAddForm(contribution=contribution)
    if writes or user.is_staff:
        context["events"] = list(contribution.events.select_related("by"))
        context["information_requests"] = list(contribution.information_requests.all()) if writes else []
    return {**context, **extra}


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the editor for the lead organisation, read-only for others who may see it (`?print=1`: a
    plain page to print or keep). POST: the contribution's settings."""
    contribution, writes = opened(request, pk)
    if request.method == "POST":
        if not writes:
            raise Http404
        form = _settings_form(contribution, request.POST)
        if form.is_valid():
            try:
                services.contribution_update(contribution=contribution, by=request.user, **form.cleaned_data)
            except TextTooLong as error:  # shown on the form, which keeps what was typed
                form.add_error(error.context["field"], error.message)
            except DomainError as error:
                messages.error(request, error.message)
                return redirect(editor_url(pk, "settings"))
            else:
                messages.success(request, _("The contribution's settings and general part are saved."))
                return redirect(editor_url(pk, "settings"))
        context = _page_context(request, contribution, writes=writes, settings_form=form)
        return render(request, f"{TEMPLATES}/editor.html", context, status=400)
    context = _page_context(request, contribution, writes=writes)
    if request.GET.get("print"):
        return render(request, f"{TEMPLATES}/print.html", context)
    return render(request, f"{TEMPLATES}/editor.html", context)


def _editor_keeping(
    request: HttpRequest, contribution: Contribution, *, question, text: str, error: TextTooLong
) -> HttpResponse:
    """The editor again after an item too long: what was typed stays in its box, the refusal beside it."""
    context = _page_context(request, contribution, writes=True)
    for shown in context["questions"]:
        if shown.pk == question.pk:
            shown.source, shown.error = text, error.message
    return render(request, f"{TEMPLATES}/editor.html", context, status=error.status)


@login_required
@require_POST
def item_save(request: HttpRequest, pk: int, number: str) -> HttpResponse:
    """htmx: answers with the item's save status alone. Without JavaScript: back to the question."""
    contribution = for_authoring(request, pk)
    question = get_object_or_404(questions_of(round=contribution.round), number=number)
    status = f"{TEMPLATES}/_item_status.html"
    try:
        item = services.contribution_item_save(
            contribution=contribution, by=request.user, number=number, text=request.POST.get("text", "")
        )
    except TextTooLong as error:
        if request.htmx:
            return render(
                request, status, {"question": question, "error": error.message}, status=error.status
            )
        return _editor_keeping(
            request, contribution, question=question, text=request.POST["text"], error=error
        )
    except DomainError as error:
        if request.htmx:
            return render(request, status, {"question": question, "error": error.message}, status=409)
        messages.error(request, error.message)
        return redirect(editor_url(pk, f"q-{number}"))
    if request.htmx:
        return render(request, status, {"question": question, "item": item, "removed": item is None})
    if item is None:
        messages.success(request, _("Your item on question %(number)s is removed.") % {"number": number})
    else:
        messages.success(request, _("Your item on question %(number)s is saved.") % {"number": number})
    return redirect(editor_url(pk, f"q-{number}"))


@login_required
@require_POST
def document(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = for_authoring(request, pk)
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["file"]))
        return redirect(editor_url(pk, "document"))
    upload = form.cleaned_data["file"]
    refused = _("%(file)s was not used: %(reason)s Nothing has changed.")
    with refusal_shown(request, wrap=lambda reason: refused % {"file": upload.name, "reason": reason}):
        services.contribution_document_attach(contribution=contribution, by=request.user, upload=upload)
        messages.success(
            request,
            _("The text of %(file)s is now the general part; the file is kept.") % {"file": upload.name},
        )
        return redirect(editor_url(pk, "settings"))
    return redirect(editor_url(pk, "document"))


@login_required
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = for_authoring(request, pk)
    error = None
    if request.method == "POST":
        try:
            services.contribution_submit(contribution=contribution, by=request.user)
        except NotFound:
            raise Http404 from None
        except DomainError as refusal:
            error = refusal
        else:
            messages.success(
                request,
                _(
                    "Your contribution has been submitted. "
                    "A receipt has been e-mailed to your organisation's members."
                ),
            )
            return redirect("contribution-edit", pk)
        contribution.refresh_from_db()
    context = {
        "contribution": contribution,
        "parties": list(contribution.parties.all()),
        "item_count": contribution.items.count(),
        "co_signatures": list(contribution.co_signatures.select_related("organisation")),
        "window": selectors.window_of(contribution) if contribution.is_editable else None,
        "error": error,
    }
    return render(request, f"{TEMPLATES}/submit.html", context, status=error.status if error else 200)
