"""Public reads of Parties and rounds (DESIGN §4): `parties/`, `rounds/`, `rounds/{slug}/`."""

from django.db.models import F, Prefetch
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api_schema import READ_ERRORS, SLUG, SlugOutputField, errors

from .filters import PartyFilter, RoundFilter
from .models import Participation, PartyStatement, Round
from .selectors import parties_with_statements, rounds_visible_to


class PartyListApi(generics.ListAPIView):
    @extend_schema_serializer(component_name="Party")
    class OutputSerializer(serializers.Serializer):
        @extend_schema_serializer(component_name="PartyStatement")
        class StatementSerializer(serializers.Serializer):
            kind = serializers.ChoiceField(choices=PartyStatement.Kind.choices)
            article = serializers.CharField(help_text="The article it is made on, e.g. `20§3`.")
            text = serializers.CharField(help_text="In the caller's language (English or French).")

        code = serializers.CharField(help_text="ISO 3166-1 alpha-2.")
        name = serializers.CharField(help_text="In the caller's language (English or French).")
        name_en = serializers.CharField()
        name_fr = serializers.CharField()
        national_languages = SlugOutputField(slug_field="code", many=True, read_only=True)
        signed_on = serializers.DateField(allow_null=True)
        ratified_on = serializers.DateField(allow_null=True)
        in_force_on = serializers.DateField(allow_null=True)
        statements = StatementSerializer(
            many=True,
            read_only=True,
            help_text="The Party's reservations and declarations on articles of the Convention, by article.",
        )

    serializer_class = OutputSerializer
    filterset_class = PartyFilter

    @extend_schema(
        operation_id="parties_list",
        tags=["rounds"],
        summary="The States Parties",
        description="Every State Party to the Convention, ordered by code, with its reservations and "
        "declarations (Question 10 of the 2nd round asks about reservations to Article 20§3).",
        responses={200: OutputSerializer, **errors(*READ_ERRORS)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return self.list(request, *args, **kwargs)

    def get_queryset(self):
        return parties_with_statements().order_by("code", "pk")


@extend_schema_serializer(component_name="Round")
class RoundOutputSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    number = serializers.IntegerField(
        allow_null=True, help_text="Urgent rounds and follow-ups need not be numbered."
    )
    kind = serializers.ChoiceField(choices=Round.Kind.choices)
    label = serializers.CharField()
    theme = serializers.CharField()
    theme_en = serializers.CharField()
    theme_fr = serializers.CharField()
    status = serializers.ChoiceField(choices=Round.Status.choices)
    questionnaire_adopted_on = serializers.DateField(allow_null=True)
    reply_deadline = serializers.DateField(allow_null=True)
    civil_society_deadline = serializers.DateField(
        allow_null=True, help_text="Last day for organisations to reply to the questionnaire itself."
    )
    report_adopted_on = serializers.DateField(allow_null=True)
    factsheets_published_on = serializers.DateField(allow_null=True)
    comment_window_months = serializers.IntegerField()
    party_count = serializers.IntegerField()
    demonstration = serializers.BooleanField(
        help_text="A round for trying the portal, with invented content: not part of the Committee's work."
    )


# Newest first, by the earliest date known of each round (Round.Meta), then by id.
ROUND_ORDER = (
    Coalesce("questionnaire_adopted_on", "reply_deadline", "report_adopted_on").desc(nulls_last=True),
    F("pk").desc(),
)


class RoundListApi(generics.ListAPIView):
    serializer_class = RoundOutputSerializer
    filterset_class = RoundFilter

    @extend_schema(
        operation_id="rounds_list",
        tags=["rounds"],
        summary="The monitoring rounds",
        description="Newest first (by the earliest date known of each), then by id. Rounds in preparation "
        "are listed for the Secretariat only.",
        responses={200: RoundOutputSerializer, **errors(*READ_ERRORS)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return self.list(request, *args, **kwargs)

    def get_queryset(self):
        return rounds_visible_to(self.request.user).order_by(*ROUND_ORDER)


class RoundDetailApi(APIView):
    @extend_schema_serializer(component_name="RoundDetail")
    class OutputSerializer(RoundOutputSerializer):
        @extend_schema_serializer(component_name="Participation")
        class ParticipationSerializer(serializers.Serializer):
            code = serializers.CharField(source="party.code")
            name = serializers.CharField(source="party.name")
            reply_deadline = serializers.DateField(
                allow_null=True, help_text="The round's, or the Party's extension."
            )
            deadline_extended_to = serializers.DateField(allow_null=True)

        summary = serializers.CharField()
        summary_en = serializers.CharField()
        summary_fr = serializers.CharField()
        parties = ParticipationSerializer(source="participations.all", many=True)

    @extend_schema(
        operation_id="rounds_retrieve",
        tags=["rounds"],
        summary="A monitoring round",
        description="The round with the Parties it monitors and each one's reply deadline.",
        parameters=[SLUG],
        responses={200: OutputSerializer, **errors(401, 404, 429)},
    )
    def get(self, request: Request, slug: str) -> Response:
        participations = Participation.objects.select_related("party").order_by("party__code")
        round_ = get_object_or_404(
            rounds_visible_to(request.user).prefetch_related(Prefetch("participations", participations)),
            slug=slug,
        )
        return Response(self.OutputSerializer(round_).data)
