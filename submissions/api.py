"""State replies over the API (DESIGN §4): read, write answers, attach documents, submit, publish.

Every read goes through `replies_visible_to`, every write through a service; what a caller may not see or
touch answers 404. Domain errors are left to the API's exception handler.
"""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework import generics, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from questionnaires.models import Question
from questionnaires.selectors import questions_of
from rounds.models import Round
from rounds.selectors import rounds_visible_to

from .errors import NotFound
from .models import Answer, Attachment, Reply
from .selectors import (
    answer_authors_visible_to,
    participation_for_editing,
    replies_visible_to,
    unanswered_required,
)
from .services import answer_save_in_language, attachment_add, reply_open, reply_publish, reply_submit


def _round(request: Request, slug: str) -> Round:
    return get_object_or_404(rounds_visible_to(request.user), slug=slug)


def _with_contents(replies):
    return replies.prefetch_related(
        Prefetch("answers", Answer.objects.select_related("question", "saved_by")),
        Prefetch("attachments", Attachment.objects.select_related("question")),
    )


def _reply_for_editing(request: Request, slug: str, iso2: str) -> Reply:
    """The caller's own Party's reply, opened as a draft if need be; 404 for anyone but its focal points."""
    participation = participation_for_editing(user=request.user, round=_round(request, slug), party_code=iso2)
    return reply_open(participation=participation, by=request.user)


class PartyRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class AnswerOutput(serializers.Serializer):
    """One answer as last saved; `version` is what the writer sends back with its next save."""

    text = serializers.CharField()
    national_text = serializers.CharField()
    version = serializers.IntegerField()
    saved_by = serializers.SerializerMethodField()
    saved_at = serializers.DateTimeField(source="updated_at")

    def get_saved_by(self, answer: Answer) -> str | None:
        """The author's user name, or null where the caller may not know it (public readers)."""
        return answer.saved_by.get_username() if self.context.get("show_authors", True) else None


class AttachmentOutput(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    language = serializers.CharField()
    kind = serializers.CharField()
    size = serializers.IntegerField()
    question = serializers.CharField(source="question.number", allow_null=True)
    url = serializers.SerializerMethodField()

    def get_url(self, attachment: Attachment) -> str:
        url = reverse("attachment-download", args=[attachment.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class ReplySummaryOutput(serializers.Serializer):
    round = serializers.SlugField(source="round.slug")
    party = PartyRefSerializer()
    state = serializers.CharField()
    language = serializers.CharField()
    national_language = serializers.CharField(source="national_language.code", allow_null=True)
    submitted_at = serializers.DateTimeField()
    is_late = serializers.BooleanField()
    published_on = serializers.DateField()


class ReplyOutput(ReplySummaryOutput):
    """A reply with its answers keyed by question number, and its attachments."""

    answers = serializers.SerializerMethodField()
    attachments = AttachmentOutput(many=True, source="attachments.all")

    def get_answers(self, reply: Reply) -> dict[str, dict]:
        request = self.context.get("request")
        context = {"show_authors": bool(request) and answer_authors_visible_to(request.user, reply=reply)}
        return {
            answer.question.number: AnswerOutput(answer, context=context).data
            for answer in reply.answers.all()
        }


def _reply_response(request: Request, reply: Reply, **extra) -> Response:
    """The reply as it now stands, read back through the gate with its answers and attachments."""
    reply = _with_contents(replies_visible_to(request.user)).get(pk=reply.pk)
    return Response({**ReplyOutput(reply, context={"request": request}).data, **extra})


class ReplyListApi(generics.ListAPIView):
    serializer_class = ReplySummaryOutput

    def get_queryset(self):
        round_ = _round(self.request, self.kwargs["slug"])
        return replies_visible_to(self.request.user).filter(round=round_).order_by("party__code")


class ReplyDetailApi(APIView):
    def get(self, request: Request, slug: str, iso2: str) -> Response:
        round_ = _round(request, slug)
        replies = _with_contents(replies_visible_to(request.user))
        reply = replies.filter(round=round_, party__code=iso2.upper()).first()
        if reply is None:
            # A focal point's first visit starts its Party's draft, as the reply page does; others get 404.
            participation = participation_for_editing(user=request.user, round=round_, party_code=iso2)
            return _reply_response(request, reply_open(participation=participation, by=request.user))
        return Response(ReplyOutput(reply, context={"request": request}).data)


class AnswerSaveApi(APIView):
    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        text = serializers.CharField(allow_blank=True)
        language = serializers.CharField()
        version = serializers.IntegerField(allow_null=True, min_value=1)

    def put(self, request: Request, slug: str, iso2: str, number: str) -> Response:
        reply = _reply_for_editing(request, slug, iso2)
        question = get_object_or_404(
            questions_of(round=reply.round).select_related("questionnaire"), number=number
        )
        data = self._validated(request)
        answer = answer_save_in_language(reply=reply, question=question, by=request.user, **data)
        return Response({"question": question.number, **AnswerOutput(answer).data})

    def _validated(self, request: Request) -> dict:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data


class ReplySubmitApi(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request: Request, slug: str, iso2: str) -> Response:
        reply = reply_submit(reply=_reply_for_editing(request, slug, iso2), by=request.user)
        missing = list(unanswered_required(reply=reply).values_list("number", flat=True))
        return _reply_response(request, reply, unanswered_required=missing)


class ReplyPublishApi(APIView):
    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        published_on = serializers.DateField(required=False, allow_null=True)

    def post(self, request: Request, slug: str, iso2: str) -> Response:
        if not request.user.is_staff:
            raise NotFound()  # the Secretariat's action does not exist for anyone else
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        reply = get_object_or_404(
            replies_visible_to(request.user), round=_round(request, slug), party__code=iso2.upper()
        )
        reply = reply_publish(
            reply=reply, by=request.user, published_on=serializer.validated_data.get("published_on")
        )
        return _reply_response(request, reply)


class AttachmentAddApi(APIView):
    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    class InputSerializer(serializers.Serializer):
        file = serializers.FileField(allow_empty_file=True)  # what the file is, the service decides
        title = serializers.CharField(max_length=200)
        language = serializers.CharField(max_length=3)
        question = serializers.CharField(required=False, allow_blank=True)

    def post(self, request: Request, slug: str, iso2: str) -> Response:
        reply = _reply_for_editing(request, slug, iso2)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        attachment = attachment_add(
            reply=reply,
            by=request.user,
            upload=data["file"],
            title=data["title"],
            language=data["language"],
            question=self._question(reply, data.get("question")),
        )
        return Response(
            AttachmentOutput(attachment, context={"request": request}).data, status=status.HTTP_201_CREATED
        )

    @staticmethod
    def _question(reply: Reply, number: str | None) -> Question | None:
        if not number:
            return None
        question = (
            questions_of(round=reply.round).select_related("questionnaire").filter(number=number).first()
        )
        if question is None:
            raise serializers.ValidationError({"question": [_("This questionnaire has no such question.")]})
        return question
