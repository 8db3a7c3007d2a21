"""A round's open data over the API: `GET rounds/{slug}/open-data/`, the same document as the JSON download
(licence, data version and every public table), whoever asks. A round that is not public answers 404."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api_schema import READ_ERRORS, SLUG, errors

from .opendata.downloads import round_document
from .status import public_round


class RoundOpenDataApi(APIView):
    @extend_schema(
        operation_id="round_open_data",
        parameters=[SLUG],
        responses={200: OpenApiTypes.OBJECT, **errors(*READ_ERRORS)},
        summary="A round's public data, with its licence (the open-data JSON document)",
        tags=["open data"],
    )
    def get(self, request: Request, slug: str) -> Response:
        """The round, its Parties and questions, the published replies and their answers, the public
        civil-society contributions and the adopted findings: the document `/rounds/{slug}/open-data.json`
        downloads, described field by field on the round's open-data page."""
        return Response(round_document(public_round(slug)))
