"""The focal points' pages: the dashboard of their Party's replies and the reply editor."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import TextTooLong
from core.page_errors import refusal_shown
from questionnaires.models import Question
from questionnaires.selectors import addressed_to, questionnaire_of
from rounds.models import Language
from rounds.selectors import participation_of, party_of

from ..answer_html import HTML_FIELDS, TEXTS
from ..errors import EditConflict, IncompleteReply, NotEditable
from ..models import Answer, Reply
from ..panels import dashboard_notices, editor_panels
from ..selectors import (
    answer_states,
    participations_of,
    progress_of,
    questions_with_answers,
    reply_completeness,
    reply_progress,
)
from ..services import answer_save as answer_save_service
from ..services import reply_settings_update, reply_submit
from ..services.attachments import attachment_languages
from .access import reply_for_focal_point


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    party = party_of(request.user)
    participations = list(participations_of(party)) if party else []
    replies = {
        reply.round_id: reply
        for reply in Reply.objects.filter(party=party, round__in=[p.round for p in participations])
    }
    progress = reply_progress(replies.values())
    rows = [
        {
            "participation": p,
            "reply": replies.get(p.round_id),
            "progress": progress.get(getattr(replies.get(p.round_id), "pk", None)),
        }
        for p in participations
    ]
    context = {"party": party, "rows": rows, "notices": dashboard_notices(request.user)}
    return render(request, "submissions/dashboard.html", context)


def _editor_context(reply: Reply, viewer, **extra) -> dict:
    """A constant number of queries, whatever the number of questions, answers and attachments. Apps above
    this one add a panel above some answer boxes (`panels.py`: a follow-up's recommendation)."""
    # The boxes of an editable reply hold the texts; a reply no longer editable shows their HTML.
    unread = HTML_FIELDS if reply.is_editable else TEXTS
    questions = list(questions_with_answers(reply=reply, unread=unread))
    panels = editor_panels(viewer, reply)
    states = answer_states(reply=reply, questions=questions)
    progress = progress_of(states)
    attachments = defaultdict(list)
    for attachment in reply.attachments.order_by("created_at"):
        attachments[attachment.question_id].append(attachment)
    for question in questions:
        question.answer = question.answer_list[0] if question.answer_list else None
        question.state = states[question.pk]
        question.attachments = attachments.get(question.pk, [])
        question.panel = panels.get(question.pk, "")
    return {
        "reply": reply,
        "questionnaire": questionnaire_of(round=reply.round),  # its preliminary remarks, before the questions
        "questions": questions,
        "progress": progress,
        "participation": participation_of(round=reply.round, party=reply.party),
        "reply_attachments": attachments.get(None, []),
        "attachment_languages": attachment_languages(reply),
        "national_languages": reply.party.national_languages.all(),
        "returned_message": reply.transitions.filter(to_state=Reply.State.RETURNED)
        .values_list("message", flat=True)
        .last(),
        **extra,
    }


@login_required
def edit(request: HttpRequest, slug: str, iso2: str) -> HttpResponse:
    reply = reply_for_focal_point(request, slug, iso2)
    return render(request, "submissions/editor.html", _editor_context(reply, request.user))


@login_required
@require_POST
def settings_update(request: HttpRequest, slug: str, iso2: str) -> HttpResponse:
    reply = reply_for_focal_point(request, slug, iso2)
    code = request.POST.get("national_language") or None
    national = Language.objects.filter(code=code).first() if code else None
    with refusal_shown(request):
        reply_settings_update(
            reply=reply,
            by=request.user,
            language=request.POST.get("language", ""),
            national_language=national,
        )
        messages.success(request, _("The reply's languages have been saved."))
    return redirect("reply-edit", slug, iso2)


def _version(request: HttpRequest) -> int | None:
    raw = request.POST.get("version", "")
    return int(raw) if raw.isdigit() else None


def _no_information(request: HttpRequest) -> bool | None:
    """The box "no information available": a hidden "0" comes with it, so a form that has the box always
    says; a form without it (None) leaves the mark as it is."""
    values = request.POST.getlist("no_information")
    return "1" in values if values else None


@login_required
@require_POST
def answer_save(request: HttpRequest, slug: str, iso2: str, number: str) -> HttpResponse:
    """Autosave (htmx: answers with the save status alone) and the Save button (without JavaScript)."""
    reply = reply_for_focal_point(request, slug, iso2)
    # A question not asked of the reply's Party is not in its editor.
    question = get_object_or_404(
        Question.objects.filter(addressed_to(reply.party_id)),
        questionnaire__round=reply.round_id,
        number=number,
    )
    text = request.POST.get("text")
    national_text = request.POST.get("national_text") if reply.national_language_id else None
    no_information = _no_information(request)
    try:
        answer = answer_save_service(
            reply=reply,
            question=question,
            by=request.user,
            version=_version(request),
            text=text,
            national_text=national_text,
            no_information=no_information,
        )
    except EditConflict as conflict:
        context = {
            "reply": reply,
            "question": question,
            "current": conflict.context["current"],
            "mine": text,
            "mine_national": national_text,
            "mine_no_information": no_information,
            "message": conflict.message,
        }
        if request.htmx:
            return render(request, "submissions/_conflict.html", context, status=409)
        question.answer = conflict.context["current"]
        context = _editor_context(reply, request.user, conflict=context)
        return render(request, "submissions/editor.html", context, status=409)
    except TextTooLong as error:
        # Nothing is stored; the writer keeps the text on the page, beside the message naming the limit.
        if request.htmx:
            context = {"question": question, "error": error.message}
            return render(request, "submissions/_save_status.html", context, status=error.status)
        refused = {
            "question": question,
            "text": text,
            "national_text": national_text,
            "message": error.message,
        }
        context = _editor_context(reply, request.user, refused=refused)
        return render(request, "submissions/editor.html", context, status=error.status)
    except NotEditable as error:
        if request.htmx:
            return render(request, "submissions/_save_status.html", {"error": error.message}, status=409)
        messages.error(request, error.message)
        return redirect("reply-edit", slug, iso2)
    if request.htmx:
        # The contents beside the editor show the question's new state (out of band).
        state = answer_states(reply=reply, questions=[question])[question.pk]
        context = {"answer": answer, "question": question, "state": state}
        return render(request, "submissions/_save_status.html", context)
    messages.success(request, _("Answer %(number)s saved.") % {"number": number})
    return redirect(f"{reverse('reply-edit', args=[slug, iso2])}#q-{number}")


@login_required
def answer_history(request: HttpRequest, slug: str, iso2: str, number: str) -> HttpResponse:
    reply = reply_for_focal_point(request, slug, iso2)
    answer = Answer.objects.filter(reply=reply, question__number=number).select_related("question").first()
    if answer is None:
        raise Http404
    versions = answer.versions.select_related("saved_by")
    return render(
        request, "submissions/history.html", {"reply": reply, "answer": answer, "versions": versions}
    )


@login_required
def submit(request: HttpRequest, slug: str, iso2: str) -> HttpResponse:
    reply = reply_for_focal_point(request, slug, iso2)
    refusal = None
    if request.method == "POST":
        try:
            reply_submit(reply=reply, by=request.user)
        except NotEditable as error:
            messages.error(request, error.message)
            return redirect("reply-edit", slug, iso2)
        except IncompleteReply as error:
            refusal = error.message
        else:
            messages.success(
                request,
                _("The reply has been submitted. A receipt has been e-mailed to your Party's focal points."),
            )
            return redirect("reply-dashboard")
    context = {
        "reply": reply,
        "completeness": reply_completeness(reply=reply),
        "participation": participation_of(round=reply.round, party=reply.party),
        "progress": reply_progress([reply])[reply.pk],
        "refusal": refusal,
    }
    return render(request, "submissions/submit_confirm.html", context, status=409 if refusal else 200)
