"""Civil-society contributions over the API (DESIGN §4): list and read them, write a draft, attach a Word
document, submit.

Every read goes through `contributions_visible_to`, every write through a service; what a caller may not
see or touch answers 404, a write without a login 401. Domain errors are left to the API's exception
handler, which answers `{"detail", "code"}` with the error's own status.

`co_signers` names organisations by id (`GET organisations/` lists the verified ones): names are
typed differently by each coalition partner, ids are not.
"""

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_serializer
from rest_framework import generics, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api_schema import (
    PK,
    READ_ERRORS,
    SLUG,
    TOO_LONG,
    WRITE_ERRORS,
    SlugOutputField,
    TooLongErrorOutput,
    WindowClosedErrorOutput,
    errors,
)
from core.languages import OfficialLanguage
from rounds.models import Party, Round
from rounds.selectors import round_for

from .errors import NotFound
from .filters import ContributionFilter, OrganisationFilter
from .models import Contribution, ContributionItem, CoSignature, Organisation
from .selectors import (
    contribution_for_authoring,
    contribution_for_reading,
    contributions_visible_to,
    organisation_of,
    verified_organisations,
)
from .services import contribution_create, contribution_document_attach, contribution_submit

# The service's own words, so a missing choice reads the same on the pages and over the API.
VISIBILITY_REQUIRED = gettext_lazy("Choose whether the contribution is public or confidential.")
VISIBILITY_ERRORS = ("required", "null", "blank", "invalid_choice")


def _round(request: Request, slug: str) -> Round:
    return round_for(request.user, slug)


def _with_contents(contributions: QuerySet[Contribution]) -> QuerySet[Contribution]:
    return contributions.select_related("round", "organisation").prefetch_related(
        "parties",
        Prefetch("co_signatures", CoSignature.objects.select_related("organisation")),
        Prefetch("items", ContributionItem.objects.select_related("question").order_by("question__position")),
    )


@extend_schema_serializer(component_name="OrganisationRef")
class OrganisationRefOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


@extend_schema_serializer(component_name="CoSigner")
class CoSignerOutput(serializers.Serializer):
    id = serializers.IntegerField(source="organisation.id")
    name = serializers.CharField(source="organisation.name")
    state = serializers.ChoiceField(choices=CoSignature.State.choices)


@extend_schema_serializer(component_name="ContributionItem")
class ItemOutput(serializers.Serializer):
    question = serializers.CharField(source="question.number")
    text = serializers.CharField(help_text="Sanitised HTML.")


@extend_schema_serializer(component_name="Contribution")
class ContributionOutput(serializers.Serializer):
    """A contribution as its reader may see it; texts are sanitised HTML."""

    id = serializers.IntegerField()
    round = serializers.SlugField(source="round.slug")
    kind = serializers.ChoiceField(choices=Contribution.Kind.choices)
    visibility = serializers.ChoiceField(choices=Contribution.Visibility.choices)
    language = serializers.ChoiceField(choices=OfficialLanguage.choices)
    state = serializers.ChoiceField(choices=Contribution.State.choices)
    title = serializers.CharField()
    organisation = OrganisationRefOutput(help_text="The lead organisation.")
    co_signers = CoSignerOutput(source="co_signatures.all", many=True)
    parties = SlugOutputField(
        slug_field="code", many=True, read_only=True, help_text="The codes of the Parties concerned."
    )
    items = ItemOutput(source="items.all", many=True, help_text="One per question, in questionnaire order.")
    general_text = serializers.CharField(help_text="Sanitised HTML.")
    children_involved = serializers.BooleanField(help_text="Children took part in drafting it.")
    children_involvement = serializers.CharField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    acknowledged_at = serializers.DateTimeField(allow_null=True)


def _contribution_response(request: Request, contribution: Contribution, **kwargs) -> Response:
    """The contribution as it now stands, read back through the gate with its contents."""
    contribution = contribution_for_reading(user=request.user, pk=contribution.pk)
    return Response(ContributionOutput(contribution).data, **kwargs)


def _parties(codes: list[str]) -> list[Party]:
    codes = list(dict.fromkeys(code.strip().upper() for code in codes))
    found = {party.code: party for party in Party.objects.filter(code__in=codes)}
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise serializers.ValidationError(
            {"parties": [_("No Party has the code %(codes)s.") % {"codes": ", ".join(unknown)}]}
        )
    return [found[code] for code in codes]


def _organisations(ids: list[int]) -> list[Organisation]:
    ids = list(dict.fromkeys(ids))
    found = Organisation.objects.in_bulk(ids)
    unknown = [str(pk) for pk in ids if pk not in found]
    if unknown:
        raise serializers.ValidationError(
            {"co_signers": [_("No organisation has the id %(ids)s.") % {"ids": ", ".join(unknown)}]}
        )
    return [found[pk] for pk in ids]


class OrganisationListApi(generics.ListAPIView):
    """`GET` the verified organisations, so that a coalition's lead can name its co-signers by id."""

    serializer_class = OrganisationRefOutput
    filterset_class = OrganisationFilter

    @extend_schema(
        operation_id="organisations_list",
        tags=["civil-society"],
        summary="The verified organisations",
        description="By name, then id: a coalition's lead names its co-signers by their ids.",
        responses={200: OrganisationRefOutput, **errors(*READ_ERRORS)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return self.list(request, *args, **kwargs)

    def get_queryset(self):
        return verified_organisations().order_by("name", "pk")


class ContributionListApi(generics.ListAPIView):
    """`GET` the round's contributions the caller may see; `POST` a draft (members of an organisation)."""

    permission_classes = [IsAuthenticatedOrReadOnly]
    serializer_class = ContributionOutput
    filterset_class = ContributionFilter
    queryset = Contribution.objects.none()  # the model, for the OpenAPI description

    @extend_schema_serializer(component_name="ContributionCreate")
    class InputSerializer(serializers.Serializer):
        @extend_schema_serializer(component_name="ContributionItemCreate")
        class ItemInput(serializers.Serializer):
            question = serializers.CharField(max_length=20, help_text="The question's number.")
            text = serializers.CharField(help_text="HTML is sanitised; plain text is kept as paragraphs.")

        kind = serializers.CharField(
            default=Contribution.Kind.COMMENT,
            help_text="`comment` on a State reply (the default) or `questionnaire_reply`.",
        )
        party = serializers.CharField(required=False, help_text="The code of the Party concerned.")
        parties = serializers.ListField(
            child=serializers.CharField(), required=False, help_text="Codes of several Parties concerned."
        )
        question = serializers.CharField(
            required=False, max_length=20, help_text="One item: the question's number (with `text`)."
        )
        text = serializers.CharField(required=False, help_text="One item: its text (with `question`).")
        items = ItemInput(
            many=True, required=False, help_text="Several items, in place of `question`, `text`."
        )
        language = serializers.CharField(help_text="`en` or `fr`.")
        # Required, with no default (DESIGN §2): the organisation chooses every time.
        visibility = serializers.ChoiceField(
            choices=Contribution.Visibility.choices,
            error_messages=dict.fromkeys(VISIBILITY_ERRORS, VISIBILITY_REQUIRED),
        )
        co_signers = serializers.ListField(
            child=serializers.IntegerField(min_value=1, max_value=2**63 - 1),
            default=list,
            help_text="Ids of the co-signing organisations (`GET organisations/`); each confirms.",
        )
        title = serializers.CharField(allow_blank=True, default="", help_text="At most 200 characters.")
        general_text = serializers.CharField(allow_blank=True, default="")
        children_involved = serializers.BooleanField(default=False)
        children_involvement = serializers.CharField(allow_blank=True, default="")

        def validate(self, data: dict) -> dict:
            if "items" in data and ("question" in data or "text" in data):
                raise serializers.ValidationError(_("Send either items, or one question and its text."))
            if ("question" in data) != ("text" in data):
                raise serializers.ValidationError(_("A question needs its text, and a text its question."))
            return data

    @extend_schema(
        operation_id="comments_list",
        tags=["civil-society"],
        summary="A round's contributions",
        description="The contributions the caller may see: acknowledged public ones for everyone; an "
        "organisation's members also see their own, in every state. Newest first, then by id.",
        parameters=[SLUG],
        responses={200: ContributionOutput, **errors(*READ_ERRORS)},
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return self.list(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Contribution]:
        round_ = _round(self.request, self.kwargs["slug"])
        # The gate first; the filters (ContributionFilter) only narrow what it lets through (the public
        # asking for `visibility=confidential` gets an empty list).
        contributions = contributions_visible_to(self.request.user).filter(round=round_)
        return _with_contents(contributions).order_by("-created_at", "-pk")

    @extend_schema(
        operation_id="comments_create",
        tags=["civil-society"],
        summary="Write a contribution",
        description="A member of an organisation writes a draft: a comment on a Party's published reply, "
        "or a reply to the questionnaire, with one item (`question`, `text`) or several (`items`). "
        "`visibility` has no default: the organisation chooses every time. Not found for callers who are "
        "not members of an organisation.",
        parameters=[SLUG],
        request=InputSerializer,
        examples=[
            OpenApiExample(
                "A public comment on one answer",
                value={
                    "party": "FR",
                    "question": "6",
                    "text": "Helplines do not answer at night.",
                    "language": "en",
                    "visibility": "public",
                },
                request_only=True,
            ),
        ],
        responses={
            201: ContributionOutput,
            **errors(
                *WRITE_ERRORS,
                extra={
                    400: "`invalid`: the contribution cannot be written as given (`detail` says why); "
                    + TOO_LONG
                },
                bodies={400: TooLongErrorOutput},
            ),
        },
    )
    def post(self, request: Request, slug: str) -> Response:
        organisation = organisation_of(request.user)
        if organisation is None:
            raise NotFound()  # only organisations write contributions
        round_ = _round(request, slug)
        data = self._validated(request)
        if "items" in data:
            items = [(item["question"], item["text"]) for item in data["items"]]
        else:
            items = [(data["question"], data["text"])] if "question" in data else []
        contribution = contribution_create(
            organisation=organisation,
            by=request.user,
            round=round_,
            kind=data["kind"],
            parties=_parties(([data["party"]] if "party" in data else []) + data.get("parties", [])),
            visibility=data["visibility"],
            language=data["language"],
            items=items,
            title=data["title"],
            general_text=data["general_text"],
            co_signers=_organisations(data["co_signers"]),
            children_involved=data["children_involved"],
            children_involvement=data["children_involvement"],
        )
        return _contribution_response(request, contribution, status=status.HTTP_201_CREATED)

    def _validated(self, request: Request) -> dict:
        serializer = self.InputSerializer(data=request.data)
        if not serializer.is_valid():
            errors = dict(serializer.errors)
            if "visibility" in errors:  # the one choice that has no default says so in the detail
                errors["non_field_errors"] = errors["visibility"]
            raise serializers.ValidationError(errors)
        return serializer.validated_data


class ContributionDetailApi(APIView):
    @extend_schema(
        operation_id="comments_retrieve",
        tags=["civil-society"],
        summary="A contribution",
        parameters=[PK],
        responses={200: ContributionOutput, **errors(401, 404, 429)},
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(ContributionOutput(contribution_for_reading(user=request.user, pk=pk)).data)


class ContributionSubmitApi(APIView):
    """Members of the lead organisation submit, within the window, once every co-signer confirmed."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="comments_submit",
        tags=["civil-society"],
        summary="Submit a contribution",
        description="Members of the lead organisation submit its draft, within the comment window of the "
        "Party concerned (or the round's civil-society deadline), once every co-signer has confirmed.",
        parameters=[PK],
        request=None,
        responses={
            200: ContributionOutput,
            **errors(
                401,
                403,
                404,
                429,
                extra={
                    400: "`invalid`: nothing written yet.",
                    409: "`comment_window_closed` (with `closes_at`), `co_signers_pending`, "
                    "`organisation_not_verified`, `not_editable`: already submitted.",
                },
                bodies={409: WindowClosedErrorOutput},
            ),
        },
    )
    def post(self, request: Request, pk: int) -> Response:
        contribution = contribution_for_authoring(user=request.user, pk=pk)
        contribution = contribution_submit(contribution=contribution, by=request.user)
        return _contribution_response(request, contribution)


class ContributionDocumentApi(APIView):
    """A .docx whose text, as safe HTML, becomes the general part of a draft; the original is kept."""

    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema_serializer(component_name="ContributionDocument")
    class InputSerializer(serializers.Serializer):
        file = serializers.FileField(  # what the file is, the service decides
            allow_empty_file=True, help_text="A Word (.docx) document."
        )

    @extend_schema(
        operation_id="comments_document",
        tags=["civil-society"],
        summary="Write a contribution from a Word document",
        description="The document's text, as safe HTML, becomes the general part of the lead "
        "organisation's draft; the original is kept.",
        parameters=[PK],
        request={"multipart/form-data": InputSerializer},
        responses={
            200: ContributionOutput,
            **errors(
                *WRITE_ERRORS,
                extra={
                    400: "`invalid_file`: not a readable .docx, too large, with macros, or without text; "
                    "`too_long`: the text converted from it, with its formatting, is longer than a general "
                    "part may be (`field` is `file`, `limit` says how many characters).",
                    409: "`not_editable`: already submitted.",
                },
                bodies={400: TooLongErrorOutput},
            ),
        },
    )
    def post(self, request: Request, pk: int) -> Response:
        contribution = contribution_for_authoring(user=request.user, pk=pk)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        contribution = contribution_document_attach(
            contribution=contribution, by=request.user, upload=serializer.validated_data["file"]
        )
        return _contribution_response(request, contribution)
