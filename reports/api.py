"""A round's findings over the API (DESIGN §4): `GET rounds/{slug}/findings/`.

Read through `findings_visible_to`: adopted findings for everyone, drafts for the Secretariat too. The
figure is counted, never typed; `parties` lists the Parties concerned, every Party monitored in the round
when `applies_to_all`. Evidence is listed as far as the caller may read it.
"""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from rest_framework import generics, serializers

from civil_society.selectors import contributions_visible_to
from questionnaires.models import Question, Theme
from rounds.models import Participation, Party
from rounds.selectors import rounds_visible_to
from submissions.selectors import answers_visible_to

from .models import Finding
from .selectors import concerning, factsheets_visible_to, findings_visible_to, with_figures


class FindingListApi(generics.ListAPIView):
    class FilterInput(serializers.Serializer):
        party = serializers.CharField(required=False)
        kind = serializers.ChoiceField(choices=Finding.Kind.choices, required=False)
        grade = serializers.ChoiceField(choices=Finding.Grade.choices, required=False)
        theme = serializers.ChoiceField(choices=Theme.choices, required=False)
        question = serializers.CharField(required=False)

    class OutputSerializer(serializers.Serializer):
        class FigureOutput(serializers.Serializer):
            label = serializers.CharField(source="figure_label")
            label_en = serializers.CharField(source="figure_label_en")
            label_fr = serializers.CharField(source="figure_label_fr")
            count = serializers.IntegerField(source="figure_count")

        class EvidenceAnswerOutput(serializers.Serializer):
            party = serializers.CharField(source="reply.party.code")
            question = serializers.CharField(source="question.number")

        id = serializers.IntegerField()
        kind = serializers.CharField()
        grade = serializers.CharField()
        state = serializers.CharField()
        position = serializers.IntegerField()
        title = serializers.CharField()
        title_en = serializers.CharField()
        title_fr = serializers.CharField()
        text = serializers.CharField()
        text_en = serializers.CharField()
        text_fr = serializers.CharField()
        theme = serializers.CharField()
        applies_to_all = serializers.BooleanField()
        parties = serializers.SerializerMethodField()
        questions = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
        figure = FigureOutput(source="*")
        answers = EvidenceAnswerOutput(source="visible_answers", many=True)
        comments = serializers.PrimaryKeyRelatedField(
            source="visible_contributions", many=True, read_only=True
        )
        adopted_at = serializers.DateTimeField()

        def get_parties(self, finding: Finding) -> list[str]:
            if finding.applies_to_all:
                return self.context["monitored"]
            return [party.code for party in finding.parties.all()]

    serializer_class = OutputSerializer

    def get_queryset(self) -> QuerySet[Finding]:
        user = self.request.user
        self.round = get_object_or_404(rounds_visible_to(user), slug=self.kwargs["slug"])
        filters = self.FilterInput(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        wanted = filters.validated_data
        findings = findings_visible_to(user).filter(round=self.round)  # the gate first, then the filters
        if "party" in wanted:
            findings = concerning(findings, party_code=wanted["party"])
        for name in ("kind", "grade", "theme"):
            if name in wanted:
                findings = findings.filter(**{name: wanted[name]})
        if "question" in wanted:
            cited = Finding.questions.through.objects.filter(question__number=wanted["question"].strip())
            findings = findings.filter(pk__in=cited.values("finding"))
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

    class OutputSerializer(serializers.Serializer):
        kind = serializers.CharField()
        party = serializers.CharField(source="party.code", default=None)
        theme = serializers.CharField()
        language = serializers.CharField()
        url = serializers.SerializerMethodField()
        sha256 = serializers.CharField()
        rendered_at = serializers.DateTimeField()
        pages = serializers.IntegerField()

        def get_url(self, factsheet) -> str:
            with translation.override(factsheet.language):
                path = reverse("factsheet-download", kwargs={"pk": factsheet.pk})
            return self.context["request"].build_absolute_uri(path)

    serializer_class = OutputSerializer

    def get_queryset(self):
        round_ = get_object_or_404(rounds_visible_to(self.request.user), slug=self.kwargs["slug"])
        return (
            factsheets_visible_to(self.request.user)
            .filter(round=round_)
            .order_by("kind", "party__code", "theme", "language")
        )
