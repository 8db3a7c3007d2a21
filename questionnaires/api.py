"""A round's questionnaire, public once the round is (DESIGN §4): `rounds/{slug}/questions/`."""

from django.shortcuts import get_object_or_404
from rest_framework import generics, serializers

from rounds.selectors import rounds_visible_to

from .selectors import questions_of


class QuestionListApi(generics.ListAPIView):
    class OutputSerializer(serializers.Serializer):
        number = serializers.CharField()
        parent = serializers.CharField(source="parent.number", allow_null=True)
        position = serializers.IntegerField()
        kind = serializers.CharField()
        theme = serializers.CharField()
        articles = serializers.ListField(source="article_list", child=serializers.CharField())
        required = serializers.BooleanField()
        asks_for_data = serializers.BooleanField()
        text = serializers.CharField()
        text_en = serializers.CharField()
        text_fr = serializers.CharField()
        guidance = serializers.CharField()
        guidance_en = serializers.CharField()
        guidance_fr = serializers.CharField()

    serializer_class = OutputSerializer

    def get_queryset(self):
        round_ = get_object_or_404(rounds_visible_to(self.request.user), slug=self.kwargs["slug"])
        return questions_of(round=round_).select_related("parent")
