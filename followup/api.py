"""The follow-up over the API (DESIGN §4).

- `GET rounds/{slug}/follow-up/`: the follow-ups of the round `slug` that the viewer may see, each with the
  recommendations it follows up (its items) and, Party by Party, the current level of compliance with each
  and its history. Adopted assessments only, for every viewer (`compliance_table`): a proposal is no level
  until the Committee adopts it. A round without a follow-up the viewer may see: 404.
"""

from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api_schema import READ_ERRORS, SLUG, errors
from reports.models import Finding
from rounds.selectors import round_for, rounds_visible_to

from .models import Level
from .selectors import ComplianceCell, ComplianceTable, compliance_table


@extend_schema_serializer(component_name="FollowUpItem")
class ItemOutput(serializers.Serializer):
    reference = serializers.CharField(help_text="The report's reference (R-3), else the question's number.")
    question = serializers.CharField(help_text="The number of the follow-up's question asking it.")
    finding = serializers.IntegerField(help_text="The adopted recommendation's id.")
    title = serializers.CharField()
    grade = serializers.ChoiceField(choices=Finding.Grade.choices, allow_blank=True)
    parties = serializers.ListField(
        child=serializers.CharField(),
        help_text="The Parties it is asked of (codes); empty when asked of every Party monitored.",
    )


@extend_schema_serializer(component_name="FollowUpAssessment")
class AssessmentOutput(serializers.Serializer):
    level = serializers.ChoiceField(choices=Level.choices)
    cycle = serializers.IntegerField(help_text="1, then one more after each request for clarifications.")
    adopted_on = serializers.DateField()
    meeting = serializers.IntegerField(
        source="adopted_at_meeting.number", help_text="The number of the meeting that adopted it."
    )


@extend_schema_serializer(component_name="FollowUpCompliance")
class ComplianceOutput(serializers.Serializer):
    reference = serializers.CharField()
    asked = serializers.BooleanField(help_text="False when the recommendation does not concern this Party.")
    level = serializers.ChoiceField(
        choices=Level.choices, allow_null=True, help_text="The level last adopted; null until one is."
    )
    history = AssessmentOutput(many=True, help_text="Every adopted assessment, oldest first.")


@extend_schema_serializer(component_name="FollowUpParty")
class PartyComplianceOutput(serializers.Serializer):
    party = serializers.CharField()
    name = serializers.CharField()
    compliance = ComplianceOutput(many=True)


@extend_schema_serializer(component_name="FollowUpExercise")
class ExerciseOutput(serializers.Serializer):
    slug = serializers.CharField(source="round.slug")
    label = serializers.CharField(source="round.label")
    status = serializers.CharField(source="round.status")
    reply_deadline = serializers.DateField(source="round.reply_deadline", allow_null=True)
    items = ItemOutput(many=True, help_text="The recommendations followed up, in the questionnaire's order.")
    parties = PartyComplianceOutput(many=True, help_text="The Parties monitored in it, by name.")


@extend_schema_serializer(component_name="RoundFollowUp")
class RoundFollowUpOutput(serializers.Serializer):
    round = serializers.CharField(help_text="The slug of the round followed up.")
    follow_ups = ExerciseOutput(many=True)


def _exercise(table: ComplianceTable) -> dict:
    columns: list[list[ComplianceCell]] = [[] for _ in table.parties]
    for row in table.rows:
        for column, cell in zip(columns, row.cells, strict=True):
            column.append(cell)
    references = [row.item.reference for row in table.rows]
    # The questions' Parties are read as ids only (the table's query): their codes come from its columns.
    codes = {party.pk: party.code for party in table.parties}
    return {
        "round": table.round,
        "items": [
            {
                "reference": row.item.reference,
                "question": row.item.question.number,
                "finding": row.item.finding_id,
                "title": row.item.finding.title,
                "grade": row.item.finding.grade,
                "parties": sorted(
                    codes[party.pk] for party in row.item.question.parties.all() if party.pk in codes
                ),
            }
            for row in table.rows
        ],
        "parties": [
            {
                "party": party.code,
                "name": party.name,
                "compliance": [
                    {
                        "reference": reference,
                        "asked": cell.asked,
                        "level": cell.level,
                        "history": cell.history,
                    }
                    for reference, cell in zip(references, column, strict=True)
                ],
            }
            for party, column in zip(table.parties, columns, strict=True)
        ],
    }


class RoundFollowUpApi(APIView):
    @extend_schema(
        operation_id="follow_up_retrieve",
        tags=["follow-up"],
        summary="The follow-up of a round's recommendations",
        description="The follow-ups of the round `slug`, each with the recommendations it follows up and, "
        "Party by Party, the current level of compliance with each (the latest adopted assessment) and every "
        "adopted assessment, dated. Proposed assessments are never listed. 404 when the round has no "
        "follow-up the viewer may see.",
        parameters=[SLUG],
        responses={200: RoundFollowUpOutput, **errors(*READ_ERRORS)},
    )
    def get(self, request: Request, slug: str) -> Response:
        round_ = round_for(request.user, slug)
        follow_ups = list(rounds_visible_to(request.user).filter(follows=round_).order_by("pk"))
        if not follow_ups:
            raise Http404
        exercises = [_exercise(compliance_table(request.user, follow_up)) for follow_up in follow_ups]
        return Response(RoundFollowUpOutput({"round": round_.slug, "follow_ups": exercises}).data)
