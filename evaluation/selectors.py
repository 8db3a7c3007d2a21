"""The one gate for the evaluation (DESIGN §3): who reads observations, meetings, report drafts, and the
evidence on a Rapporteur's desk.

- The Secretariat reads everything.
- Committee members read every observation, meeting and report draft of the rounds they may see; only an
  observation's Rapporteur (or the Secretariat) writes it.
- Everyone else, the public included, reads adopted reports and nothing else.
- On the desk, published answers and public acknowledged contributions are everyone's evidence; an
  acknowledged confidential contribution was addressed to the Committee, so the Secretariat and the
  Rapporteur of the question it answers read it too, and nobody else.
"""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from civil_society.models import Contribution, ContributionItem
from civil_society.selectors import contributions_visible_to
from core.viewers import PUBLIC, Viewer
from questionnaires.models import Question
from rounds.models import CommitteeMember, Round
from rounds.selectors import committee_member_of, in_rounds_visible_to
from submissions.models import Answer
from submissions.selectors import answers_visible_to

from .models import (
    AgendaItem,
    Chapter,
    Citation,
    Meeting,
    Observation,
    ObservationComment,
    Rapporteur,
    Report,
    ReportDocument,
    Statement,
)


def is_evaluator(viewer: Viewer) -> bool:
    """The Secretariat and the Committee's members: who takes part in the evaluation."""
    return viewer.is_authenticated and (viewer.is_staff or committee_member_of(viewer) is not None)


def observations_visible_to(viewer: Viewer) -> QuerySet[Observation]:
    if not is_evaluator(viewer):
        return Observation.objects.none()
    return Observation.objects.filter(in_rounds_visible_to(viewer)).select_related(
        "round", "rapporteur__user", "rapporteur__party", "updated_by"
    )


def observation_for(viewer: Viewer, *, slug: str, pk: int) -> Observation:
    return get_object_or_404(
        observations_visible_to(viewer).prefetch_related("questions"), round__slug=slug, pk=pk
    )


def may_write_observation(user: Viewer, observation: Observation) -> bool:
    """Its Rapporteur and the Secretariat write an observation; other members comment."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    member = committee_member_of(user)
    return member is not None and observation.rapporteur_id == member.pk


def rounds_being_evaluated(viewer: Viewer) -> QuerySet[Round]:
    """The rounds under evaluation, and those whose Rapporteurs are appointed already (observations may
    begin while replies are still collected)."""
    if not is_evaluator(viewer):
        return Round.objects.none()
    appointed = Rapporteur.objects.values("round")
    return Round.objects.filter(
        Q(status=Round.Status.EVALUATION) | Q(pk__in=appointed), in_rounds_visible_to(viewer, via="")
    ).order_by("-number")


def rapporteurs_of(round: Round) -> QuerySet[Rapporteur]:
    return Rapporteur.objects.filter(round=round).select_related("question", "member__user", "member__party")


def rapporteur_questions(viewer: Viewer, round: Round) -> QuerySet[Question]:
    """The questions of the round the viewer reports on (none for anyone but a Rapporteur)."""
    member = committee_member_of(viewer)
    if member is None:
        return Question.objects.none()
    return Question.objects.filter(rapporteurs__round=round, rapporteurs__member=member).order_by("position")


def _confidential_readable(viewer: Viewer) -> Q:
    """Acknowledged confidential items the viewer may read: all for the Secretariat, those on their
    questions for a Rapporteur, none otherwise (on ContributionItem)."""
    acknowledged = Q(
        contribution__visibility=Contribution.Visibility.CONFIDENTIAL,
        contribution__state=Contribution.State.ACKNOWLEDGED,
    )
    if viewer.is_authenticated and viewer.is_staff:
        return acknowledged
    member = committee_member_of(viewer)
    if member is None:
        return Q(pk__in=[])
    reported_on = Rapporteur.objects.filter(
        member=member, round=OuterRef("contribution__round"), question=OuterRef("question")
    )
    return acknowledged & Q(Exists(reported_on))


def evidence_items_visible_to(viewer: Viewer) -> QuerySet[ContributionItem]:
    """Contributions' items an evaluator may read and cite: public acknowledged ones, and the confidential
    ones `_confidential_readable` allows. Nothing for anyone else."""
    if not is_evaluator(viewer):
        return ContributionItem.objects.none()
    public = Q(contribution__in=contributions_visible_to(PUBLIC))
    return ContributionItem.objects.filter(
        public | _confidential_readable(viewer), in_rounds_visible_to(viewer, via="contribution__round")
    ).select_related("contribution__organisation", "question")


def evidence_answers_visible_to(viewer: Viewer) -> QuerySet[Answer]:
    """Published answers, the evidence every evaluator reads (drafts never are)."""
    if not is_evaluator(viewer):
        return Answer.objects.none()
    return answers_visible_to(PUBLIC).select_related("reply__party", "question")


def citations_visible_to(viewer: Viewer) -> QuerySet[Citation]:
    """Citations of the observations the viewer reads, less those of confidential items the viewer may not
    read (another member sees that one is there, not what it says: `hidden_citations_count`)."""
    readable_items = evidence_items_visible_to(viewer).values("pk")
    return (
        Citation.objects.filter(observation__in=observations_visible_to(viewer))
        .filter(Q(item__isnull=True) | Q(item__in=readable_items))
        .select_related("answer__reply__party", "answer__question", "item__contribution__organisation")
    )


def hidden_citations_count(viewer: Viewer, observation: Observation) -> int:
    all_citations = Citation.objects.filter(observation=observation).count()
    return all_citations - citations_visible_to(viewer).filter(observation=observation).count()


def comments_visible_to(viewer: Viewer) -> QuerySet[ObservationComment]:
    return ObservationComment.objects.filter(observation__in=observations_visible_to(viewer)).select_related(
        "author"
    )


def meetings_visible_to(viewer: Viewer) -> QuerySet[Meeting]:
    if not is_evaluator(viewer):
        return Meeting.objects.none()
    return Meeting.objects.all()


def meeting_for(viewer: Viewer, *, number: int) -> Meeting:
    items = AgendaItem.objects.select_related("observation__round", "chapter__report__round")
    return get_object_or_404(
        meetings_visible_to(viewer).prefetch_related(Prefetch("items", items)), number=number
    )


def agenda_items_on_chapters(viewer: Viewer, *, report: Report) -> QuerySet[AgendaItem]:
    """The agenda items that put a report's chapters before the Committee, oldest meeting first."""
    return (
        AgendaItem.objects.filter(meeting__in=meetings_visible_to(viewer), chapter__report=report)
        .select_related("meeting")
        .order_by("meeting__starts_on", "position")
    )


def reports_visible_to(viewer: Viewer) -> QuerySet[Report]:
    """Drafts for evaluators; adopted reports, in the rounds they may see, for everyone."""
    visible = Q(state=Report.State.ADOPTED)
    if is_evaluator(viewer):
        visible = Q()
    return Report.objects.filter(visible, in_rounds_visible_to(viewer)).select_related(
        "round", "adopted_at_meeting"
    )


def adopted_reports(round: Round) -> QuerySet[Report]:
    """A round's adopted reports as the public reads them (pages, PDF, API, open data)."""
    return reports_visible_to(PUBLIC).filter(round=round)


def report_contents(report: Report) -> list[Chapter]:
    """A report's chapters in order, each with its statements, their Parties, questions and evidence, in a
    fixed number of queries. The report itself was read through `reports_visible_to`."""
    statements = Statement.objects.prefetch_related(
        "parties", "questions", "answers__reply__party", "answers__question", "contributions__organisation"
    )
    return list(
        Chapter.objects.filter(report=report)
        .prefetch_related("questions", Prefetch("statements", statements))
        .order_by("position", "pk")
    )


def report_documents_visible_to(viewer: Viewer) -> QuerySet[ReportDocument]:
    """The rendered PDFs of the reports the viewer reads (adopted ones for the public); a document queued
    and never rendered, or whose file is gone from the row, is not offered."""
    return (
        ReportDocument.objects.filter(report__in=reports_visible_to(viewer), rendered_at__isnull=False)
        .exclude(file="")
        .select_related("report__round")
    )


def chapters_of_drafts() -> QuerySet[Chapter]:
    """The chapters still being drafted, for the Secretariat's choices (an adopted report's are final)."""
    return (
        Chapter.objects.filter(report__state=Report.State.DRAFT)
        .select_related("report__round")
        .order_by("report_id", "position")
    )


def chapters_visible_to(viewer: Viewer) -> QuerySet[Chapter]:
    return Chapter.objects.filter(report__in=reports_visible_to(viewer)).select_related("report__round")


def members_of_committee() -> QuerySet[CommitteeMember]:
    return CommitteeMember.objects.select_related("user", "party")
