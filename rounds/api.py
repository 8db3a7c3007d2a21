"""Public reads of Parties and rounds (DESIGN §4): `parties/`, `rounds/`, `rounds/{slug}/`."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Participation
from .selectors import parties_list, rounds_visible_to


class PartyListApi(generics.ListAPIView):
    class OutputSerializer(serializers.Serializer):
        code = serializers.CharField()
        name = serializers.CharField()
        name_en = serializers.CharField()
        name_fr = serializers.CharField()
        national_languages = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
        signed_on = serializers.DateField()
        ratified_on = serializers.DateField()
        in_force_on = serializers.DateField()

    serializer_class = OutputSerializer

    def get_queryset(self):
        return parties_list()


class RoundOutputSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    number = serializers.IntegerField()
    kind = serializers.CharField()
    label = serializers.CharField()
    theme = serializers.CharField()
    theme_en = serializers.CharField()
    theme_fr = serializers.CharField()
    status = serializers.CharField()
    questionnaire_adopted_on = serializers.DateField()
    reply_deadline = serializers.DateField()
    report_adopted_on = serializers.DateField()
    factsheets_published_on = serializers.DateField()
    comment_window_months = serializers.IntegerField()
    party_count = serializers.IntegerField()


class RoundListApi(generics.ListAPIView):
    serializer_class = RoundOutputSerializer

    def get_queryset(self):
        return rounds_visible_to(self.request.user)


class RoundDetailApi(APIView):
    class OutputSerializer(RoundOutputSerializer):
        class ParticipationSerializer(serializers.Serializer):
            code = serializers.CharField(source="party.code")
            name = serializers.CharField(source="party.name")
            reply_deadline = serializers.DateField()  # the round's, or the Party's extension
            deadline_extended_to = serializers.DateField()

        summary = serializers.CharField()
        summary_en = serializers.CharField()
        summary_fr = serializers.CharField()
        parties = ParticipationSerializer(source="participations.all", many=True)

    def get(self, request: Request, slug: str) -> Response:
        participations = Participation.objects.select_related("party").order_by("party__code")
        round_ = get_object_or_404(
            rounds_visible_to(request.user).prefetch_related(Prefetch("participations", participations)),
            slug=slug,
        )
        return Response(self.OutputSerializer(round_).data)
