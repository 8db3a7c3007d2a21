"""A round's findings over the API (DESIGN §4): `GET rounds/{slug}/findings/`.

Read through `findings_visible_to`: adopted findings for everyone, drafts for the Secretariat too. The
figure is counted, never typed; `parties` lists the Parties concerned, every Party monitored in the round
when `applies_to_all`. `answers` and `comments` list the evidence as far as the caller may read it;
`evidence`, what the public may read of it, with the URL of each piece on its public page.
"""

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import translation
from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from civil_society.selectors import contributions_visible_to
from core.api_schema import READ_ERRORS, SLUG, IdOutputField, SlugOutputField, errors
from questionnaires.models import Question, Theme
from rounds.models import Participation, Party
from rounds.selectors import round_for
from submissions.selectors import answers_visible_to

from .evidence import ANSWER, COMMENT, Evidence, attach_evidence
from .filters import FactsheetFilter, FindingFilter
from .models import Factsheet, Finding
from .selectors import factsheets_visible_to, findings_visible_to, with_figures


class FindingListApi(generics.ListAPIView):
    @extend_schema_serializer(component_name="Finding")
    class OutputSerializer(serializers.Serializer):
        @extend_schema_serializer(component_name="FindingFigure")
        class FigureOutput(serializers.Serializer):
            label = serializers.CharField(source="figure_label")
            label_en = serializers.CharField(source="figure_label_en")
            label_fr = serializers.CharField(source="figure_label_fr")
            count = serializers.IntegerField(source="figure_count", help_text="Counted, never typed.")

        @extend_schema_serializer(component_name="FindingEvidence")
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

            def get_url(self, evidence: Evidence) -> str:
                """Where the public reads it: its anchor on the Party's page, or on the contribution's own."""
                return self.context["request"].build_absolute_uri(evidence.url)

        @extend_schema_serializer(component_name="EvidenceAnswer")
        class EvidenceAnswerOutput(serializers.Serializer):
            party = serializers.CharField(source="reply.party.code")
            question = serializers.CharField(source="question.number")

        id = serializers.IntegerField()
        kind = serializers.ChoiceField(choices=Finding.Kind.choices)
        grade = serializers.ChoiceField(
            choices=Finding.Grade.choices, allow_blank=True, help_text="Recommendations only; else empty."
        )
        state = serializers.ChoiceField(choices=Finding.State.choices)
        position = serializers.IntegerField()
        title = serializers.CharField()
        title_en = serializers.CharField()
        title_fr = serializers.CharField()
        text = serializers.CharField()
        text_en = serializers.CharField()
        text_fr = serializers.CharField()
        theme = serializers.ChoiceField(choices=Theme.choices, allow_blank=True)
        applies_to_all = serializers.BooleanField(help_text="It concerns every Party monitored in the round.")
        parties = serializers.SerializerMethodField()
        questions = SlugOutputField(
            slug_field="number", many=True, read_only=True, help_text="The numbers of the questions cited."
        )
        figure = FigureOutput(source="*")
        answers = EvidenceAnswerOutput(
            source="visible_answers", many=True, help_text="The answers cited that the caller may read."
        )
        comments = IdOutputField(
            source="visible_contributions",
            many=True,
            read_only=True,
            help_text="The ids of the contributions cited that the caller may read.",
        )
        evidence = EvidenceOutput(
            many=True,
            help_text="The answers and comments cited that the public may read, each with where to read it.",
        )
        adopted_at = serializers.DateTimeField(allow_null=True)

        def get_parties(self, finding: Finding) -> list[str]:
            """The codes of the Parties concerned (every Party monitored when it applies to all)."""
            if finding.applies_to_all:
                return self.context["monitored"]
            return [party.code for party in finding.parties.all()]

    serializer_class = OutputSerializer
    filterset_class = FindingFilter
    queryset = Finding.objects.none()  # the model, for the OpenAPI description

    @extend_schema(
        operation_id="findings_list",
        tags=["reports"],
        summary="A round's findings",
        description="Recommendations, promising practices and challenges, in the report's order, with the "
        "evidence the caller may read. Adopted findings for everyone; drafts for the Secretariat too.",
        parameters=[SLUG],
        responses={200: OutputSerializer, **errors(*READ_ERRORS)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return self.list(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Finding]:
        user = self.request.user
        self.round = round_for(user, self.kwargs["slug"])
        # The gate first; the filters (FindingFilter) only narrow what it lets through.
        findings = findings_visible_to(user).filter(round=self.round).order_by("position", "pk")
        return with_figures(findings).prefetch_related(
            Prefetch("parties", Party.objects.order_by("code")),
            Prefetch("questions", Question.objects.order_by("position")),
            Prefetch(
                "answers",
                answers_visible_to(user)
                .select_related("reply__party", "question")
                .order_by("reply__party__code", "question__position"),
                to_attr="visible_answers",
            ),
            Prefetch(
                "contributions",
                contributions_visible_to(user).order_by("pk"),
                to_attr="visible_contributions",
            ),
        )

    def paginate_queryset(self, queryset) -> list[Finding]:
        return attach_evidence(super().paginate_queryset(queryset))

    def get_serializer_context(self) -> dict:
        context = super().get_serializer_context()
        if hasattr(self, "round"):
            context["monitored"] = list(
                Participation.objects.filter(round=self.round)
                .order_by("party__code")
                .values_list("party__code", flat=True)
            )
        return context


class FactsheetListApi(generics.ListAPIView):
    """`GET rounds/{slug}/factsheets/`: a round's rendered factsheets, with where to download them."""

    @extend_schema_serializer(component_name="Factsheet")
    class OutputSerializer(serializers.Serializer):
        kind = serializers.ChoiceField(choices=Factsheet.Kind.choices)
        party = serializers.CharField(
            source="party.code", default=None, allow_null=True, help_text="Country factsheets only."
        )
        theme = serializers.ChoiceField(
            choices=Theme.choices, allow_blank=True, help_text="Thematic factsheets only; else empty."
        )
        language = serializers.ChoiceField(choices=Factsheet.Language.choices)
        url = serializers.SerializerMethodField()
        sha256 = serializers.CharField(help_text="Of the PDF file.")
        rendered_at = serializers.DateTimeField()
        pages = serializers.IntegerField()

        def get_url(self, factsheet) -> str:
            """Where to download the PDF."""
            with translation.override(factsheet.language):
                path = reverse("factsheet-download", kwargs={"pk": factsheet.pk})
            return self.context["request"].build_absolute_uri(path)

    serializer_class = OutputSerializer
    filterset_class = FactsheetFilter
    queryset = Factsheet.objects.none()  # the model, for the OpenAPI description

    @extend_schema(
        operation_id="factsheets_list",
        tags=["reports"],
        summary="A round's factsheets",
        description="The rendered factsheets, by kind, Party, theme and language, with where to download "
        "each PDF.",
        parameters=[SLUG],
        responses={200: OutputSerializer, **errors(*READ_ERRORS)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return self.list(request, *args, **kwargs)

    def get_queryset(self):
        round_ = round_for(self.request.user, self.kwargs["slug"])
        return (
            factsheets_visible_to(self.request.user)
            .filter(round=round_)
            .order_by("kind", "party__code", "theme", "language", "pk")
        )
