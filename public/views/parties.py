"""A Party's page in a round: its published reply question by question (official and national-language
texts side by side), attachments, the public comments of civil society under the questions they concern,
the Committee's findings and factsheets on the Party, and the Party's reservations and declarations on the
Convention (public treaty facts). Until the reply is published, the page of a Party monitored in the round
says only whether and when it was received, and those statements.

Whoever reads it sees what the public sees: the page is built from the public gates only, cached per
language, and the reader's own controls (follow, comment) are added around it.
"""

from collections import defaultdict

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

from civil_society.selectors import (
    for_listing,
    organisation_of,
    public_comment_items,
    public_contributions_on,
)
from civil_society.windows import comment_window
from core.viewers import PUBLIC
from followup.selectors import party_has_follow_up
from questionnaires.selectors import questions_for
from reports.evidence import attach_evidence
from reports.factsheets import KIND_HEADINGS
from reports.selectors import factsheets_visible_to, findings_of_party
from rounds.selectors import articles_overlap, participation_for, statements_of
from submissions.answer_html import TEXTS
from submissions.models import Reply
from submissions.selectors import (
    answers_visible_to,
    attachments_visible_to,
    replies_visible_to,
    reply_receipts,
)

from ..cache import cached, whole_page_for_readers

VERSIONS = ("both", "official", "national")


def published_reply(*, slug: str, iso2: str) -> Reply | None:
    return replies_visible_to(PUBLIC).filter(round__slug=slug, party__code=iso2.upper()).first()


@whole_page_for_readers
def party_page(request: HttpRequest, slug: str, iso2: str) -> HttpResponse:
    reply = published_reply(slug=slug, iso2=iso2)
    if reply is None:
        return reply_awaited(request, slug=slug, iso2=iso2)
    versions = request.GET.get("versions")
    versions = versions if versions in VERSIONS else "both"
    window = comment_window(round=reply.round, party=reply.party)
    body = cached(
        "party",
        reply.pk,
        versions,
        build=lambda: render_to_string("public/_party_body.html", _body_context(reply, versions, window)),
    )
    context = {
        "reply": reply,
        "body": mark_safe(body),  # noqa: S308 (rendered by our template, autoescaped)
        "versions": versions,
        "can_comment": organisation_of(request.user) is not None and window.is_open(),
    }
    return render(request, "public/party.html", context)


def reply_awaited(request: HttpRequest, *, slug: str, iso2: str) -> HttpResponse:
    """The page of a Party monitored in a public round whose reply is not published: what is public of the
    reply, that it was received, when and whether late (`reply_receipts`), or the deadline, and nothing else.
    A Party not monitored in the round has no page."""
    participation = participation_for(PUBLIC, slug=slug, party_code=iso2)
    received_at, is_late = reply_receipts(round=participation.round).get(participation.party_id, (None, None))
    context = {
        "round": participation.round,
        "party": participation.party,
        "participation": participation,  # its deadline, with any extension, against which lateness is judged
        "received_at": received_at,
        "is_late": is_late,
        "statements": list(statements_of(party=participation.party)),
    }
    return render(request, "public/party_awaited.html", context)


def _body_context(reply: Reply, versions: str, window) -> dict:
    """A constant number of queries, whatever the number of questions, comments and findings."""
    shown = answers_visible_to(PUBLIC).filter(reply=reply).defer(*TEXTS)  # the page shows their stored HTML
    answers = {answer.question_id: answer for answer in shown}
    comments = defaultdict(list)
    for item in public_comment_items(round=reply.round, party=reply.party):
        comments[item.question_id].append(item)
    attachments = defaultdict(list)
    for attachment in attachments_visible_to(PUBLIC).filter(reply=reply).order_by("created_at"):
        attachments[attachment.question_id].append(attachment)
    statements = list(statements_of(party=reply.party))
    questions = list(questions_for(round=reply.round, party=reply.party))  # those asked of the Party
    for question in questions:
        question.party_answer = answers.get(question.pk)
        question.comments = comments.get(question.pk, [])
        question.attachments = attachments.get(question.pk, [])
        # Beside a question citing the article (Question 10 of the 2nd round: reservations to 20§3).
        question.statements = [s for s in statements if articles_overlap(question.article_list, s.article)]
    findings = list(
        findings_of_party(round=reply.round, party=reply.party)
        .order_by("position", "pk")
        # A list, not a manager per finding: a translated model's manager is costly to make, by the hundred.
        .prefetch_related(Prefetch("questions", to_attr="rests_on"))
    )
    attach_evidence(findings)
    return {
        "reply": reply,
        # Evidence on this very page is linked by its anchor alone.
        "page_path": reverse("party-reply", kwargs={"slug": reply.round.slug, "iso2": reply.party.code}),
        "questions": questions,
        "statements": statements,
        "versions": versions,
        "show_national": bool(reply.national_language_id) and versions != "official",
        "show_official": not (reply.national_language_id and versions == "national"),
        "reply_attachments": attachments.get(None, []),
        # Every public contribution on the Party, counted as the status table and the factsheet count them.
        "contributions": list(
            for_listing(public_contributions_on(round=reply.round, party=reply.party)).order_by(
                "-acknowledged_at", "-pk"
            )
        ),
        "window": window,
        "has_follow_up": party_has_follow_up(PUBLIC, reply.party),
        "findings": [
            (heading, [finding for finding in findings if finding.kind == kind])
            for kind, heading in KIND_HEADINGS.items()
        ],
        "factsheets": factsheets_visible_to(PUBLIC)
        .filter(round=reply.round, party=reply.party)
        .order_by("language"),
    }
