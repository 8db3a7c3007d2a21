"""A round's questionnaire, public once the round is (DESIGN §4): `rounds/{slug}/questions/`."""

from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from core.api_schema import READ_ERRORS, SLUG, errors
from rounds.selectors import round_for

from .filters import QuestionFilter
from .models import Question, Theme
from .selectors import questions_of


class QuestionListApi(generics.ListAPIView):
    @extend_schema_serializer(component_name="Question")
    class OutputSerializer(serializers.Serializer):
        number = serializers.CharField()
        parent = serializers.CharField(
            source="parent.number", allow_null=True, help_text="The number of the question this is part of."
        )
        position = serializers.IntegerField()
        kind = serializers.ChoiceField(choices=Question.Kind.choices)
        theme = serializers.ChoiceField(choices=Theme.choices)
        articles = serializers.ListField(
            source="article_list",
            child=serializers.CharField(),
            help_text="Convention articles, e.g. `20§3`.",
        )
        required = serializers.BooleanField()
        asks_for_data = serializers.BooleanField()
        text = serializers.CharField(help_text="In the caller's language (English or French).")
        text_en = serializers.CharField()
        text_fr = serializers.CharField()
        guidance = serializers.CharField()
        guidance_en = serializers.CharField()
        guidance_fr = serializers.CharField()

    serializer_class = OutputSerializer
    filterset_class = QuestionFilter
    queryset = Question.objects.none()  # the model, for the OpenAPI description

    @extend_schema(
        operation_id="questions_list",
        tags=["questionnaires"],
        summary="A round's questions",
        description="In questionnaire order, sub-parts after their question.",
        parameters=[SLUG],
        responses={200: OutputSerializer, **errors(*READ_ERRORS)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return self.list(request, *args, **kwargs)

    def get_queryset(self):
        round_ = round_for(self.request.user, self.kwargs["slug"])
        return questions_of(round=round_).select_related("parent").order_by("position", "pk")
