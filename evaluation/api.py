"""The evaluation over the API (DESIGN §4).

- `GET rounds/{slug}/report/`: the round's implementation reports, read through `reports_visible_to`:
  adopted ones for everyone, drafts too for the Secretariat and the Committee's members (each report says
  its `state`). The evidence of each statement is what the public may read, with its public address.
- `GET/PUT rounds/{slug}/observations/{id}/`: an observation for the evaluators (`observation_for`; anyone
  else is told it does not exist); `PUT {body, version}` saves its text through `observation_save`, against
  the version last read (409 `edit_conflict` with `current`, the text saved since).
"""

from django.urls import reverse
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, extend_schema_serializer
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api_schema import READ_ERRORS, SLUG, TOO_LONG, WRITE_ERRORS, ErrorOutput, TooLongErrorOutput, errors
from core.languages import OfficialLanguage
from reports.evidence import ANSWER, COMMENT, attach_evidence
from reports.models import Finding
from rounds.models import Participation
from rounds.selectors import round_for

from .models import Chapter, Observation, Report, ReportDocument, Statement
from .publication import anchor_prefix, evidence_link
from .selectors import (
    adopted_reports,
    may_write_observation,
    observation_for,
    report_contents,
    report_documents_visible_to,
    reports_visible_to,
)
from .services import observation_save

OBSERVATION_ID = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The observation's id (`id` in its body)."
)


def _absolute(request: Request, path: str) -> str:
    return request.build_absolute_uri(path)


@extend_schema_serializer(component_name="ReportEvidence")
class EvidenceOutput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=[(ANSWER, ANSWER), (COMMENT, COMMENT)])
    party = serializers.CharField(source="party.code", default=None, allow_null=True)
    question = serializers.CharField(
        help_text="The question answered or commented on; empty for a contribution without items."
    )
    comment = serializers.IntegerField(
        source="contribution", allow_null=True, help_text="Comments only: the contribution's id."
    )
    url = serializers.SerializerMethodField()

    def get_url(self, evidence) -> str:
        """Where the public reads it: an answer on its Party's page, a comment on its own page."""
        return _absolute(self.context["request"], evidence_link(evidence))


@extend_schema_serializer(component_name="ReportStatement")
class StatementOutput(serializers.Serializer):
    reference = serializers.CharField(help_text="Stable within its report: R-1, P-1, C-1 …")
    kind = serializers.ChoiceField(choices=Finding.Kind.choices)
    grade = serializers.ChoiceField(
        choices=Finding.Grade.choices, allow_blank=True, help_text="Recommendations only; else empty."
    )
    title = serializers.CharField()
    title_en = serializers.CharField()
    title_fr = serializers.CharField()
    text = serializers.CharField()
    text_en = serializers.CharField()
    text_fr = serializers.CharField()
    applies_to_all = serializers.BooleanField(help_text="It concerns every Party monitored in the round.")
    parties = serializers.SerializerMethodField()
    questions = serializers.SerializerMethodField()
    evidence = EvidenceOutput(
        many=True, help_text="The answers and comments it rests on that the public may read, with where."
    )
    finding = serializers.IntegerField(
        source="finding_id", allow_null=True, help_text="The adopted finding it became (`GET findings/`)."
    )
    url = serializers.SerializerMethodField()

    def get_parties(self, statement: Statement) -> list[str]:
        """The codes of the Parties concerned (every Party monitored when it applies to all)."""
        if statement.applies_to_all:
            return self.context["monitored"]
        return sorted(party.code for party in statement.parties.all())

    def get_questions(self, statement: Statement) -> list[str]:
        """The numbers of the questions it rests on."""
        return [question.number for question in sorted(statement.questions.all(), key=lambda q: q.position)]

    def get_url(self, statement: Statement) -> str | None:
        """Its place on the report's public page; null in a draft."""
        return statement.page_url


@extend_schema_serializer(component_name="ReportChapter")
class ChapterOutput(serializers.Serializer):
    number = serializers.CharField(help_text="“I” for a chapter, “I.2” for a section of it.")
    depth = serializers.IntegerField(help_text="0 for a chapter, 1 for a section, 2 for a sub-section …")
    position = serializers.IntegerField()
    title = serializers.CharField()
    title_en = serializers.CharField()
    title_fr = serializers.CharField()
    body = serializers.CharField(help_text="Sanitised HTML, in the request's language (English if none).")
    body_en = serializers.CharField()
    body_fr = serializers.CharField()
    questions = serializers.SerializerMethodField()
    statements = StatementOutput(source="statement_list", many=True)

    def get_questions(self, chapter: Chapter) -> list[str]:
        """The numbers of the questions it covers."""
        return [question.number for question in sorted(chapter.questions.all(), key=lambda q: q.position)]


@extend_schema_serializer(component_name="ReportDocument")
class DocumentOutput(serializers.Serializer):
    language = serializers.ChoiceField(choices=OfficialLanguage.choices)
    url = serializers.SerializerMethodField()
    sha256 = serializers.CharField(help_text="Of the PDF file.")
    pages = serializers.IntegerField()
    rendered_at = serializers.DateTimeField()

    def get_url(self, document: ReportDocument) -> str:
        """Where to download the PDF."""
        with translation.override(document.language):
            path = reverse(
                "round-report-pdf",
                kwargs={
                    "slug": document.report.round.slug,
                    "pk": document.report_id,
                    "language": document.language,
                },
            )
        return _absolute(self.context["request"], path)


@extend_schema_serializer(component_name="Report")
class ReportOutput(serializers.Serializer):
    id = serializers.IntegerField()
    state = serializers.ChoiceField(
        choices=Report.State.choices, help_text="`draft` only for the Secretariat and Committee members."
    )
    position = serializers.IntegerField()
    title = serializers.CharField()
    title_en = serializers.CharField()
    title_fr = serializers.CharField()
    document_ref = serializers.CharField(help_text="The Committee's document reference, e.g. T-ES(2022)02.")
    adopted_on = serializers.DateField(allow_null=True)
    meeting = serializers.IntegerField(
        source="adopted_at_meeting.number",
        default=None,
        allow_null=True,
        help_text="The number of the Committee's meeting that adopted it.",
    )
    url = serializers.SerializerMethodField()
    pdf = DocumentOutput(source="pdfs", many=True, help_text="The rendered PDFs, in English and French.")
    chapters = ChapterOutput(source="chapter_list", many=True)

    def get_url(self, report: Report) -> str | None:
        """The report's public page; null for a draft."""
        return report.page_url


@extend_schema_serializer(component_name="RoundReports")
class RoundReportsOutput(serializers.Serializer):
    round = serializers.SlugField(source="round.slug")
    reports = ReportOutput(many=True)


class ReportApi(APIView):
    @extend_schema(
        operation_id="report_retrieve",
        tags=["evaluation"],
        summary="A round's implementation reports",
        description="The round's implementation reports in order, each with its chapters (and sections, by "
        "`depth`), their statements with the evidence the public may read, and the PDFs. Adopted reports "
        "for everyone; the Secretariat and the Committee's members also read drafts (`state`).",
        parameters=[SLUG],
        responses={200: RoundReportsOutput, **errors(*READ_ERRORS)},
    )
    def get(self, request: Request, slug: str) -> Response:
        round_ = round_for(request.user, slug)
        reports = list(reports_visible_to(request.user).filter(round=round_).order_by("position", "pk"))
        first = adopted_reports(round_).order_by("position", "pk").values_list("pk", flat=True).first()
        documents: dict[int, list[ReportDocument]] = {}
        for document in (
            report_documents_visible_to(request.user).filter(report__in=reports).order_by("language")
        ):
            documents.setdefault(document.report_id, []).append(document)
        page = reverse("round-report", kwargs={"slug": round_.slug})
        for report in reports:
            self._contents(request, report, page=page, prefix=anchor_prefix(report, first))
            report.pdfs = documents.get(report.pk, [])
        monitored = list(
            Participation.objects.filter(round=round_)
            .order_by("party__code")
            .values_list("party__code", flat=True)
        )
        output = RoundReportsOutput(
            {"round": round_, "reports": reports}, context={"request": request, "monitored": monitored}
        )
        return Response(output.data)

    @staticmethod
    def _contents(request: Request, report: Report, *, page: str, prefix: str) -> None:
        chapters = report_contents(report)
        statements = [statement for chapter in chapters for statement in chapter.statements.all()]
        attach_evidence(statements)  # through the public gates: the addresses lead to public pages
        adopted = report.is_adopted
        report.page_url = (
            _absolute(request, page + (f"#report-{report.pk}" if prefix else "")) if adopted else None
        )
        for chapter in chapters:
            chapter.statement_list = list(chapter.statements.all())
            for statement in chapter.statement_list:
                anchor = prefix + statement.anchor
                statement.page_url = _absolute(request, f"{page}#{anchor}") if adopted else None
        report.chapter_list = chapters


@extend_schema_serializer(component_name="Observation")
class ObservationOutput(serializers.Serializer):
    id = serializers.IntegerField()
    round = serializers.SlugField(source="round.slug")
    title = serializers.CharField()
    language = serializers.ChoiceField(choices=OfficialLanguage.choices)
    state = serializers.ChoiceField(choices=Observation.State.choices)
    questions = serializers.SerializerMethodField()
    rapporteur = serializers.SerializerMethodField()
    body = serializers.CharField(help_text="Sanitised HTML.")
    version = serializers.IntegerField(help_text="Send it back with the next save.")
    saved_by = serializers.SerializerMethodField()
    saved_at = serializers.DateTimeField(source="updated_at")
    may_write = serializers.SerializerMethodField()

    def get_questions(self, observation: Observation) -> list[str]:
        """The numbers of the questions it is on."""
        return [question.number for question in sorted(observation.questions.all(), key=lambda q: q.position)]

    def get_rapporteur(self, observation: Observation) -> str | None:
        """The Rapporteur's Party code; null when the Secretariat prepares it."""
        return observation.rapporteur.party.code if observation.rapporteur_id else None

    def get_saved_by(self, observation: Observation) -> str | None:
        """Who saved the text last (a user name); null before the first save."""
        return observation.updated_by.get_username() if observation.updated_by_id else None

    def get_may_write(self, observation: Observation) -> bool:
        """Whether the caller may change its text (its Rapporteur and the Secretariat)."""
        return may_write_observation(self.context["request"].user, observation)


@extend_schema_serializer(component_name="ObservationCurrent")
class ObservationCurrentOutput(serializers.Serializer):
    body = serializers.CharField(help_text="The text as saved since.")
    version = serializers.IntegerField(help_text="Send it back to save over it.")
    saved_by = serializers.CharField(help_text="Who saved it.")
    saved_at = serializers.DateTimeField(allow_null=True)


@extend_schema_serializer(component_name="ObservationEditConflictError")
class ObservationConflictOutput(ErrorOutput):
    current = ObservationCurrentOutput(
        required=False,
        allow_null=True,
        help_text="With `edit_conflict`: the observation's text as stored now, to compare with the text "
        "not saved.",
    )


class ObservationApi(APIView):
    @extend_schema_serializer(component_name="ObservationSave")
    class InputSerializer(serializers.Serializer):
        body = serializers.CharField(
            allow_blank=True, help_text="HTML; sanitised when saved. At most the portal's limit for texts."
        )
        version = serializers.IntegerField(
            min_value=0, max_value=2**31 - 1, help_text="The version last read of this observation."
        )

    def get_permissions(self):
        return [IsAuthenticated()] if self.request.method == "PUT" else []

    @extend_schema(
        operation_id="observation_retrieve",
        tags=["evaluation"],
        summary="An observation",
        description="An observation of the Committee's evaluation, for the Secretariat and the Committee's "
        "members; anyone else is told it does not exist.",
        parameters=[SLUG, OBSERVATION_ID],
        responses={200: ObservationOutput, **errors(401, 404, 429)},
    )
    def get(self, request: Request, slug: str, pk: int) -> Response:
        observation = observation_for(request.user, slug=slug, pk=pk)
        return Response(ObservationOutput(observation, context={"request": request}).data)

    @extend_schema(
        operation_id="observation_save",
        tags=["evaluation"],
        summary="Save an observation's text",
        description="Its Rapporteur or the Secretariat writes the text, against the `version` last read: "
        "a colleague's newer save is never overwritten.",
        parameters=[SLUG, OBSERVATION_ID],
        request=InputSerializer,
        examples=[
            OpenApiExample(
                "A save",
                value={"body": "<p>Most Parties define the material in law.</p>", "version": 3},
                request_only=True,
            )
        ],
        responses={
            200: ObservationOutput,
            **errors(
                *WRITE_ERRORS,
                extra={
                    400: TOO_LONG,
                    403: "`not_permitted`: the caller reads this observation but may not change it.",
                    409: "`edit_conflict`: `version` is not the stored one (`current` is); `not_editable`: "
                    "the observation has been examined.",
                },
                bodies={400: TooLongErrorOutput, 409: ObservationConflictOutput},
            ),
        },
    )
    def put(self, request: Request, slug: str, pk: int) -> Response:
        observation = observation_for(request.user, slug=slug, pk=pk)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        saved = observation_save(observation=observation, by=request.user, **serializer.validated_data)
        saved = observation_for(request.user, slug=slug, pk=saved.pk)
        return Response(ObservationOutput(saved, context={"request": request}).data)
