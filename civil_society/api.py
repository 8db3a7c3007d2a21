"""Civil-society contributions over the API (DESIGN §4): list and read them, write a draft, attach a Word
document, submit.

Every read goes through `contributions_visible_to`, every write through a service; what a caller may not
see or touch answers 404, a write without a login 401. Domain errors are left to the API's exception
handler, which answers `{"detail", "code"}` with the error's own status.

`co_signers` names organisations by id (`GET organisations/` lists the verified ones): names are
typed differently by each coalition partner, ids are not.
"""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import generics, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from rounds.models import Party, Round
from rounds.selectors import rounds_visible_to

from .errors import NotFound
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
    return get_object_or_404(rounds_visible_to(request.user), slug=slug)


def _with_contents(contributions: QuerySet[Contribution]) -> QuerySet[Contribution]:
    return contributions.select_related("round", "organisation").prefetch_related(
        "parties",
        Prefetch("co_signatures", CoSignature.objects.select_related("organisation")),
        Prefetch("items", ContributionItem.objects.select_related("question").order_by("question__position")),
    )


class OrganisationRefOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class CoSignerOutput(serializers.Serializer):
    id = serializers.IntegerField(source="organisation.id")
    name = serializers.CharField(source="organisation.name")
    state = serializers.CharField()


class ItemOutput(serializers.Serializer):
    question = serializers.CharField(source="question.number")
    text = serializers.CharField()


class ContributionOutput(serializers.Serializer):
    """A contribution as its reader may see it; texts are sanitised HTML."""

    id = serializers.IntegerField()
    round = serializers.SlugField(source="round.slug")
    kind = serializers.CharField()
    visibility = serializers.CharField()
    language = serializers.CharField()
    state = serializers.CharField()
    title = serializers.CharField()
    organisation = OrganisationRefOutput()
    co_signers = CoSignerOutput(source="co_signatures.all", many=True)
    parties = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    items = ItemOutput(source="items.all", many=True)
    general_text = serializers.CharField()
    children_involved = serializers.BooleanField()
    children_involvement = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    acknowledged_at = serializers.DateTimeField()


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

    def get_queryset(self):
        return verified_organisations()


class ContributionListApi(generics.ListAPIView):
    """`GET` the round's contributions the caller may see; `POST` a draft (members of an organisation)."""

    permission_classes = [IsAuthenticatedOrReadOnly]
    serializer_class = ContributionOutput

    class FilterInput(serializers.Serializer):
        party = serializers.CharField(required=False)
        kind = serializers.ChoiceField(choices=Contribution.Kind.choices, required=False)
        visibility = serializers.ChoiceField(choices=Contribution.Visibility.choices, required=False)
        question = serializers.CharField(required=False)

    class InputSerializer(serializers.Serializer):
        class ItemInput(serializers.Serializer):
            question = serializers.CharField()
            text = serializers.CharField()

        kind = serializers.CharField(default=Contribution.Kind.COMMENT)
        party = serializers.CharField(required=False)
        parties = serializers.ListField(child=serializers.CharField(), required=False)
        question = serializers.CharField(required=False)
        text = serializers.CharField(required=False)
        items = ItemInput(many=True, required=False)
        language = serializers.CharField()
        # Required, with no default (DESIGN §2): the organisation chooses every time.
        visibility = serializers.ChoiceField(
            choices=Contribution.Visibility.choices,
            error_messages=dict.fromkeys(VISIBILITY_ERRORS, VISIBILITY_REQUIRED),
        )
        co_signers = serializers.ListField(child=serializers.IntegerField(), default=list)
        title = serializers.CharField(max_length=200, allow_blank=True, default="")
        general_text = serializers.CharField(allow_blank=True, default="")
        children_involved = serializers.BooleanField(default=False)
        children_involvement = serializers.CharField(allow_blank=True, default="")

        def validate(self, data: dict) -> dict:
            if "items" in data and ("question" in data or "text" in data):
                raise serializers.ValidationError(_("Send either items, or one question and its text."))
            if ("question" in data) != ("text" in data):
                raise serializers.ValidationError(_("A question needs its text, and a text its question."))
            return data

    def get_queryset(self) -> QuerySet[Contribution]:
        round_ = _round(self.request, self.kwargs["slug"])
        filters = self.FilterInput(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        wanted = filters.validated_data
        # The gate first; the filters only narrow what it lets through (the public asking for
        # `visibility=confidential` gets an empty list).
        contributions = contributions_visible_to(self.request.user).filter(round=round_)
        if "party" in wanted:
            contributions = contributions.filter(parties__code=wanted["party"].strip().upper())
        if "kind" in wanted:
            contributions = contributions.filter(kind=wanted["kind"])
        if "visibility" in wanted:
            contributions = contributions.filter(visibility=wanted["visibility"])
        if "question" in wanted:
            contributions = contributions.filter(items__question__number=wanted["question"])
        return _with_contents(contributions)

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
    def get(self, request: Request, pk: int) -> Response:
        return Response(ContributionOutput(contribution_for_reading(user=request.user, pk=pk)).data)


class ContributionSubmitApi(APIView):
    """Members of the lead organisation submit, within the window, once every co-signer confirmed."""

    permission_classes = [IsAuthenticated]

    def post(self, request: Request, pk: int) -> Response:
        contribution = contribution_for_authoring(user=request.user, pk=pk)
        contribution = contribution_submit(contribution=contribution, by=request.user)
        return _contribution_response(request, contribution)


class ContributionDocumentApi(APIView):
    """A .docx whose text, as safe HTML, becomes the general part of a draft; the original is kept."""

    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    class InputSerializer(serializers.Serializer):
        file = serializers.FileField(allow_empty_file=True)  # what the file is, the service decides

    def post(self, request: Request, pk: int) -> Response:
        contribution = contribution_for_authoring(user=request.user, pk=pk)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        contribution = contribution_document_attach(
            contribution=contribution, by=request.user, upload=serializer.validated_data["file"]
        )
        return _contribution_response(request, contribution)
