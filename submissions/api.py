"""State replies over the API (DESIGN §4): read, write answers, attach documents, submit, publish.

Every read goes through `replies_visible_to`, every write through a service; what a caller may not see or
touch answers 404. Domain errors are left to the API's exception handler.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import F, Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_field, extend_schema_serializer
from rest_framework import generics, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api_schema import (
    ISO2,
    NUMBER,
    READ_ERRORS,
    SLUG,
    TOO_LONG,
    WRITE_ERRORS,
    ErrorOutput,
    TooLongErrorOutput,
    errors,
)
from core.languages import OfficialLanguage
from questionnaires.models import QUESTION_NUMBER, Question
from questionnaires.selectors import addressed_to, questions_for, questions_of
from rounds.filters import PARTY_CODE
from rounds.models import Round
from rounds.selectors import round_for

from .errors import NotFound
from .filters import ReplyFilter
from .models import Answer, Attachment, Reply
from .selectors import (
    answer_authors_visible_to,
    participation_for_editing,
    replies_visible_to,
)
from .services import answer_save_in_language, attachment_add, reply_open, reply_publish, reply_submit


def _round(request: Request, slug: str) -> Round:
    return round_for(request.user, slug)


def _with_contents(replies):
    """The replies with their answers (to the questions asked of their Party) and attachments."""
    asked = addressed_to(F("reply__party"), prefix="question__")
    return replies.prefetch_related(
        Prefetch("answers", Answer.objects.filter(asked).select_related("question", "saved_by")),
        Prefetch("attachments", Attachment.objects.select_related("question")),
    )


def _party_code(iso2: str) -> str:
    """The Party code of the path, upper-cased; a path naming no possible Party is not found."""
    try:
        PARTY_CODE(iso2)
    except DjangoValidationError:
        raise NotFound() from None
    return iso2.upper()


def _reply_for_editing(request: Request, slug: str, iso2: str) -> Reply:
    """The caller's own Party's reply, opened as a draft if need be; 404 for anyone but its focal points."""
    participation = participation_for_editing(
        user=request.user, round=_round(request, slug), party_code=_party_code(iso2)
    )
    return reply_open(participation=participation, by=request.user)


@extend_schema_serializer(component_name="PartyRef")
class PartyRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


@extend_schema_serializer(component_name="Answer")
class AnswerOutput(serializers.Serializer):
    """One answer as last saved; `version` is what the writer sends back with its next save."""

    text = serializers.CharField(help_text="In the reply's official language.")
    national_text = serializers.CharField(help_text="In the reply's national language, if any.")
    no_information = serializers.BooleanField(
        help_text="The Party has no information available on this question; the texts, if any, say why."
    )
    version = serializers.IntegerField(help_text="Send it back with the next save of this answer.")
    saved_by = serializers.SerializerMethodField()
    saved_at = serializers.DateTimeField(source="updated_at")

    def get_saved_by(self, answer: Answer) -> str | None:
        """The author's user name, or null where the caller may not know it (public readers)."""
        return answer.saved_by.get_username() if self.context.get("show_authors", True) else None


@extend_schema_serializer(component_name="SavedAnswer")
class SavedAnswerOutput(AnswerOutput):
    question = serializers.CharField(source="question.number", help_text="The question's number.")


@extend_schema_serializer(component_name="EditConflictError")
class EditConflictOutput(ErrorOutput):
    current = AnswerOutput(
        required=False,
        allow_null=True,
        help_text="With `edit_conflict`: the answer as stored now, to compare with the text not saved.",
    )


@extend_schema_serializer(component_name="IncompleteReplyError")
class IncompleteReplyOutput(ErrorOutput):
    missing = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        help_text="With `incomplete_reply`: the numbers of the required questions that have neither text "
        "nor the mark `no_information`, in questionnaire order.",
    )


@extend_schema_serializer(component_name="Attachment")
class AttachmentOutput(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    language = serializers.CharField(help_text="`en`, `fr` or the reply's national language.")
    kind = serializers.ChoiceField(choices=Attachment.Kind.choices)
    size = serializers.IntegerField(help_text="In bytes.")
    question = serializers.CharField(
        source="question.number", allow_null=True, help_text="Null for a document about the whole reply."
    )
    url = serializers.SerializerMethodField()

    def get_url(self, attachment: Attachment) -> str:
        url = reverse("attachment-download", args=[attachment.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


@extend_schema_serializer(component_name="ReplySummary")
class ReplySummaryOutput(serializers.Serializer):
    round = serializers.SlugField(source="round.slug")
    party = PartyRefSerializer()
    state = serializers.ChoiceField(choices=Reply.State.choices)
    language = serializers.ChoiceField(choices=OfficialLanguage.choices, help_text="The official language.")
    national_language = serializers.CharField(source="national_language.code", allow_null=True)
    submitted_at = serializers.DateTimeField(allow_null=True, help_text="When first submitted.")
    is_late = serializers.BooleanField()
    published_on = serializers.DateField(allow_null=True)


@extend_schema_serializer(component_name="Reply")
class ReplyOutput(ReplySummaryOutput):
    """A reply with its answers keyed by question number, and its attachments."""

    answers = serializers.SerializerMethodField()
    attachments = AttachmentOutput(many=True, source="attachments.all")

    @extend_schema_field(serializers.DictField(child=AnswerOutput(), help_text="Keyed by question number."))
    def get_answers(self, reply: Reply) -> dict[str, dict]:
        request = self.context.get("request")
        context = {"show_authors": bool(request) and answer_authors_visible_to(request.user, reply=reply)}
        return {
            answer.question.number: AnswerOutput(answer, context=context).data
            for answer in reply.answers.all()
        }


def _reply_response(request: Request, reply: Reply) -> Response:
    """The reply as it now stands, read back through the gate with its answers and attachments."""
    reply = _with_contents(replies_visible_to(request.user)).get(pk=reply.pk)
    return Response(ReplyOutput(reply, context={"request": request}).data)


class ReplyListApi(generics.ListAPIView):
    serializer_class = ReplySummaryOutput
    filterset_class = ReplyFilter
    queryset = Reply.objects.none()  # the model, for the OpenAPI description

    @extend_schema(
        operation_id="replies_list",
        tags=["submissions"],
        summary="A round's State replies",
        description="The replies the caller may see (published ones for the public; a focal point also "
        "sees its own Party's in every state), ordered by Party code.",
        parameters=[SLUG],
        responses={200: ReplySummaryOutput, **errors(*READ_ERRORS)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return self.list(request, *args, **kwargs)

    def get_queryset(self):
        round_ = _round(self.request, self.kwargs["slug"])
        return replies_visible_to(self.request.user).filter(round=round_).order_by("party__code", "pk")


class ReplyDetailApi(APIView):
    @extend_schema(
        operation_id="replies_retrieve",
        tags=["submissions"],
        summary="A Party's reply",
        description="The reply with its answers keyed by question number and its attachments. A focal "
        "point's first read of its own Party's reply starts it as a draft.",
        parameters=[SLUG, ISO2],
        responses={200: ReplyOutput, **errors(401, 404, 429)},
    )
    def get(self, request: Request, slug: str, iso2: str) -> Response:
        round_ = _round(request, slug)
        code = _party_code(iso2)
        replies = _with_contents(replies_visible_to(request.user))
        reply = replies.filter(round=round_, party__code=code).first()
        if reply is None:
            # A focal point's first visit starts its Party's draft, as the reply page does; others get 404.
            participation = participation_for_editing(user=request.user, round=round_, party_code=code)
            return _reply_response(request, reply_open(participation=participation, by=request.user))
        return Response(ReplyOutput(reply, context={"request": request}).data)


class AnswerSaveApi(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema_serializer(component_name="AnswerSave")
    class InputSerializer(serializers.Serializer):
        text = serializers.CharField(
            allow_blank=True, help_text="At most 100,000 characters unless the portal sets another limit."
        )
        language = serializers.CharField(
            max_length=3, help_text="The reply's official language, or its national language."
        )
        version = serializers.IntegerField(
            allow_null=True,
            min_value=1,
            max_value=2**31 - 1,
            help_text="The version last read of this answer; null for an answer not yet written.",
        )
        no_information = serializers.BooleanField(
            required=False,
            help_text="true marks the question “no information available” (`text` may then say why); "
            "false removes the mark; left out, the mark stays as it is.",
        )

    @extend_schema(
        operation_id="answers_save",
        tags=["submissions"],
        summary="Save an answer",
        description="Writes the text of one answer of the caller's own Party's reply (its focal points "
        "only), in the reply's official or national language. `version` guards against overwriting a "
        "colleague's newer save.",
        parameters=[SLUG, ISO2, NUMBER],
        request=InputSerializer,
        examples=[
            OpenApiExample(
                "A first answer",
                value={"text": "<p>The Criminal Code covers it.</p>", "language": "en", "version": None},
                request_only=True,
            ),
            OpenApiExample(
                "No information available",
                value={
                    "text": "No statistics are kept on these cases.",
                    "language": "en",
                    "version": 2,
                    "no_information": True,
                },
                request_only=True,
            ),
        ],
        responses={
            200: SavedAnswerOutput,
            **errors(
                *WRITE_ERRORS,
                extra={
                    400: f"`invalid_language`: the reply is not written in that language; {TOO_LONG}",
                    409: "`edit_conflict`: `version` is not the stored one (`current` is); `not_editable`: "
                    "the reply has been submitted.",
                },
                bodies={400: TooLongErrorOutput, 409: EditConflictOutput},
            ),
        },
    )
    def put(self, request: Request, slug: str, iso2: str, number: str) -> Response:
        reply = _reply_for_editing(request, slug, iso2)
        if not QUESTION_NUMBER.regex.match(number):
            raise NotFound()
        question = get_object_or_404(
            questions_of(round=reply.round).select_related("questionnaire"), number=number
        )
        data = self._validated(request)
        answer = answer_save_in_language(reply=reply, question=question, by=request.user, **data)
        return Response(SavedAnswerOutput(answer).data)

    def _validated(self, request: Request) -> dict:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data


class ReplySubmitApi(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="replies_submit",
        tags=["submissions"],
        summary="Submit a reply",
        description="The caller's own Party's focal points submit its reply; after the deadline it is "
        "accepted and marked late. Every required question must have text or be marked "
        "`no_information`.",
        parameters=[SLUG, ISO2],
        request=None,
        responses={
            200: ReplyOutput,
            **errors(
                401,
                403,
                404,
                429,
                extra={
                    409: "`incomplete_reply`: required questions have neither text nor the mark "
                    "`no_information` (`missing` numbers them); `not_editable`: already submitted; "
                    "`invalid_transition`: not in a state that can be submitted."
                },
                bodies={409: IncompleteReplyOutput},
            ),
        },
    )
    def post(self, request: Request, slug: str, iso2: str) -> Response:
        reply = reply_submit(reply=_reply_for_editing(request, slug, iso2), by=request.user)
        return _reply_response(request, reply)


class ReplyPublishApi(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema_serializer(component_name="ReplyPublish")
    class InputSerializer(serializers.Serializer):
        published_on = serializers.DateField(
            required=False,
            allow_null=True,
            help_text="Today unless given; a past date records a historic publication and its window.",
        )
        reason = serializers.CharField(
            required=False,
            allow_blank=True,
            help_text="Why a submitted reply that is incomplete is registered as it is; kept in its history.",
        )

    @extend_schema(
        operation_id="replies_publish",
        tags=["submissions"],
        summary="Publish a reply",
        description="The Secretariat publishes a submitted or registered reply (a submitted one is "
        "registered on the way); its comment window opens. Not found for anyone else.",
        parameters=[SLUG, ISO2],
        request=InputSerializer,
        responses={
            200: ReplyOutput,
            **errors(
                *WRITE_ERRORS,
                extra={
                    400: f"`invalid_date`: a publication date in the future; {TOO_LONG}",
                    409: "`invalid_transition`: the reply is not submitted or registered; "
                    "`incomplete_reply`: a submitted reply with required questions missing (`missing`) "
                    "is registered only with a `reason`.",
                },
                bodies={400: TooLongErrorOutput, 409: IncompleteReplyOutput},
            ),
        },
    )
    def post(self, request: Request, slug: str, iso2: str) -> Response:
        if not request.user.is_staff:
            raise NotFound()  # the Secretariat's action does not exist for anyone else
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        reply = get_object_or_404(
            replies_visible_to(request.user), round=_round(request, slug), party__code=_party_code(iso2)
        )
        data = serializer.validated_data
        reply = reply_publish(
            reply=reply,
            by=request.user,
            published_on=data.get("published_on"),
            reason=data.get("reason", ""),
        )
        return _reply_response(request, reply)


class AttachmentAddApi(APIView):
    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema_serializer(component_name="AttachmentAdd")
    class InputSerializer(serializers.Serializer):
        file = serializers.FileField(  # what the file is, the service decides
            allow_empty_file=True, help_text="A PDF, DOCX or ODT document, judged by its content."
        )
        title = serializers.CharField(help_text="At most 200 characters.")
        language = serializers.CharField(
            max_length=3, help_text="`en`, `fr` or the reply's national language."
        )
        question = serializers.CharField(
            required=False, allow_blank=True, help_text="The number of the question it documents, if one."
        )

    @extend_schema(
        operation_id="attachments_create",
        tags=["submissions"],
        summary="Attach a document to a reply",
        description="The caller's own Party's focal points attach a document to its reply, while the "
        "reply can be edited.",
        parameters=[SLUG, ISO2],
        request={"multipart/form-data": InputSerializer},
        responses={
            201: AttachmentOutput,
            **errors(
                *WRITE_ERRORS,
                extra={
                    400: "`invalid_file`: not a PDF, DOCX or ODT document, damaged, too large or with "
                    f"macros; `invalid_language`: not a language of the reply; {TOO_LONG}",
                    409: "`not_editable`: the reply has been submitted.",
                },
                bodies={400: TooLongErrorOutput},
            ),
        },
    )
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
            questions_for(round=reply.round, party=reply.party)
            .select_related("questionnaire")
            .filter(number=number)
            .first()
        )
        if question is None:
            raise serializers.ValidationError({"question": [_("This questionnaire has no such question.")]})
        return question
