"""The Committee's evaluation in the demo (`data/evaluation.py` holds the texts).

- The 2nd round's history: the meetings its agendas show, and the implementation report adopted on
  10 March 2022 with its chapters, whose statements are the round's adopted findings (`Statement.finding`).
  Like the publications, this is history, restored as rows (a report adopted through `report_adopt` would
  make each finding a second time), keyed on natural keys and written only when they differ, with the
  timestamps of when things happened. Its PDFs are rendered by the workers after the seed commits.
- The demonstration round: two Rapporteurs with observations in progress (versions, citations, comments by
  other members), a meeting a few weeks ahead with its agenda, and a draft report. Written through the
  services, as people would, each part once: a later seed finds it there and leaves it.
"""

import datetime
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models import Model
from django.utils import timezone

from civil_society.models import Contribution, ContributionItem
from core.audit import bulk_update_recorded
from core.deadlines import STRASBOURG
from evaluation.models import (
    AgendaItem,
    Chapter,
    ChapterVersion,
    Meeting,
    Observation,
    Rapporteur,
    Report,
    ReportDocument,
    Statement,
)
from evaluation.services import (
    agenda_item_add,
    chapter_create,
    chapter_save,
    citation_add,
    meeting_create,
    observation_comment,
    observation_create,
    observation_save,
    rapporteur_appoint,
    report_create,
    statement_add,
)
from evaluation.tasks import report_document_render_task
from questionnaires.models import Question
from reports.models import Finding
from rounds.models import CommitteeMember, Party, Round
from submissions.models import Answer

from .data import evaluation as data
from .data.demonstration import SLUG as DEMONSTRATION
from .data.publications import FINDINGS_DRAFTED_AT, REPORT_ADOPTED_AT
from .services import SeedReport, sync_row

MEETING_OPENS = datetime.time(9, 0)
# What a statement of the adopted report takes from the finding it became.
STATEMENT_FIELDS = (
    "kind",
    "grade",
    "theme",
    "applies_to_all",
    "title_en",
    "title_fr",
    "text_en",
    "text_fr",
)  # the hour a meeting's rows are dated (a placeholder time of day)


def evaluation_seed(report: SeedReport) -> None:
    secretariat = get_user_model().objects.get(username="secretariat")
    _seed_second_round(report, by=secretariat)
    _Demonstration(report, secretariat=secretariat).seed()


def _strasbourg(moment: datetime.datetime) -> datetime.datetime:
    return moment.replace(tzinfo=STRASBOURG)


def _opening(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, MEETING_OPENS, tzinfo=STRASBOURG)


def _backdate(model: type[Model], objects: Iterable[Model], when: dict[int, dict]) -> None:
    """Set the automatic timestamps to when things happened, where they differ (`bulk_update` writes the
    values given, with the history rows of audited models)."""
    changed, fields = [], set()
    for obj in objects:
        differing = {name: value for name, value in when[obj.pk].items() if getattr(obj, name) != value}
        for name, value in differing.items():
            setattr(obj, name, value)
        if differing:
            fields |= differing.keys()
            changed.append(obj)
    if changed:
        bulk_update_recorded(model, changed, sorted(fields))


# --- The 2nd round ---------------------------------------------------------------------------------------


def _seed_second_round(report: SeedReport, *, by) -> Report:
    round_ = Round.objects.get(slug=data.SECOND_ROUND)
    questions = {q.number: q for q in Question.objects.filter(questionnaire__round=round_)}
    meetings = {
        entry["number"]: sync_row(
            report,
            "meetings",
            Meeting,
            number=entry["number"],
            defaults={name: entry[name] for name in ("place", "starts_on", "ends_on")},
        )
        for entry in data.MEETINGS_2ND_ROUND
    }
    entry = data.REPORT_2ND_ROUND
    adopted_at = _strasbourg(REPORT_ADOPTED_AT)
    adopting = meetings[entry["adopted_at_meeting"]]
    implementation = sync_row(
        report,
        "implementation reports",
        Report,
        round=round_,
        document_ref=entry["document_ref"],
        defaults={
            "title_en": entry["title_en"],
            "title_fr": entry["title_fr"],
            "position": 0,
            "state": Report.State.ADOPTED,
            "adopted_at_meeting": adopting,
            "adopted_on": entry["adopted_on"],
        },
    )
    chapters = _seed_chapters(report, implementation=implementation, questions=questions, by=by)
    items = _seed_agendas(report, meetings=meetings, chapters=chapters, implementation=implementation)

    drafted_at = _strasbourg(entry["drafted_at"])
    _backdate(
        Meeting,
        meetings.values(),
        {
            m.pk: {"created_at": _opening(m.starts_on), "updated_at": _opening(m.starts_on)}
            for m in meetings.values()
        },
    )
    _backdate(AgendaItem, items, {item.pk: _item_times(item, adopted_at) for item in items})
    _backdate(
        Report, [implementation], {implementation.pk: {"created_at": drafted_at, "updated_at": adopted_at}}
    )
    _backdate(
        Chapter,
        chapters.values(),
        {c.pk: {"created_at": drafted_at, "updated_at": adopted_at} for c in chapters.values()},
    )
    for version in ChapterVersion.objects.filter(chapter__report=implementation).exclude(saved_at=adopted_at):
        version.saved_at = adopted_at  # when the adopted text was settled; saved, so the write paths stay one
        version.save(update_fields=["saved_at"])
    statements = list(Statement.objects.filter(chapter__report=implementation))
    drafted = _strasbourg(FINDINGS_DRAFTED_AT)
    _backdate(
        Statement, statements, {s.pk: {"created_at": drafted, "updated_at": adopted_at} for s in statements}
    )
    _queue_documents(implementation)
    return implementation


def _item_times(item: AgendaItem, adopted_at: datetime.datetime) -> dict:
    moment = adopted_at if item.decided_at else _opening(item.meeting.starts_on)
    return {"created_at": moment, "updated_at": moment}


def _seed_chapters(report: SeedReport, *, implementation: Report, questions: dict, by) -> dict[str, Chapter]:
    """The chapters and sections, their one version, and their statements: the round's adopted findings,
    numbered R-n, P-n, C-n in the order the report gives them."""
    findings = {
        finding.title_en: finding
        for finding in Finding.objects.filter(
            round=implementation.round, state=Finding.State.ADOPTED
        ).prefetch_related("parties", "questions", "answers", "contributions")
    }
    counters: dict[str, int] = {}
    chapters = {}
    for position, entry in enumerate(data.CHAPTERS_2ND_ROUND):
        texts = {name: entry[name] for name in ("title_en", "title_fr", "body_en", "body_fr")}
        chapter = sync_row(
            report,
            "chapters",
            Chapter,
            report=implementation,
            number=entry["number"],
            defaults={**texts, "position": position, "version": 1},
        )
        chapter.questions.set([questions[number] for number in entry["questions"]])
        version, created = ChapterVersion.objects.get_or_create(
            chapter=chapter, number=1, defaults={**texts, "saved_by": by}
        )
        if not created and any(getattr(version, name) != value for name, value in texts.items()):
            for name, value in texts.items():
                setattr(version, name, value)
            version.save(update_fields=list(texts))
        for spot, title in enumerate(entry.get("findings", ())):
            finding = findings[title]
            prefix = Statement.PREFIX[finding.kind]
            counters[prefix] = counters.get(prefix, 0) + 1
            statement = sync_row(
                report,
                "statements",
                Statement,
                finding=finding,
                defaults={
                    "chapter": chapter,
                    "reference": f"{prefix}-{counters[prefix]}",
                    "position": spot,
                    **{name: getattr(finding, name) for name in STATEMENT_FIELDS},
                },
            )
            for name in ("parties", "questions", "answers", "contributions"):
                getattr(statement, name).set(getattr(finding, name).all())
        chapters[entry["number"]] = chapter
    return chapters


def _seed_agendas(
    report: SeedReport, *, meetings: dict[int, Meeting], chapters: dict[str, Chapter], implementation: Report
) -> list[AgendaItem]:
    items = []
    for entry in data.MEETINGS_2ND_ROUND:
        meeting = meetings[entry["number"]]
        for position, (kind, title, examines, document_ref) in enumerate(entry["items"]):
            items.append(
                sync_row(
                    report,
                    "agenda items",
                    AgendaItem,
                    meeting=meeting,
                    position=position,
                    defaults={
                        "kind": kind,
                        "title": title,
                        "chapter": chapters[examines] if kind == AgendaItem.Kind.CHAPTER else None,
                        "observation": None,
                        "document_ref": document_ref,
                    },
                )
            )
    # The adoption, as `report_adopt` records it on the meeting's agenda.
    adopting = implementation.adopted_at_meeting
    items.append(
        sync_row(
            report,
            "agenda items",
            AgendaItem,
            meeting=adopting,
            position=len(next(e["items"] for e in data.MEETINGS_2ND_ROUND if e["number"] == adopting.number)),
            defaults={
                "kind": AgendaItem.Kind.DECISION,
                "title": data.ADOPTION_ITEM.format(title=implementation.title_en),
                "chapter": None,
                "observation": None,
                "document_ref": implementation.document_ref,
                "decision": data.ADOPTION_DECISION,
                "decided_at": _strasbourg(REPORT_ADOPTED_AT),
            },
        )
    )
    return items


def _queue_documents(report: Report) -> None:
    """The PDFs in English and French, rendered by the workers once the seed is committed (the task leaves
    alone a PDF already rendered from the same data)."""
    for language in ("en", "fr"):
        rendered = ReportDocument.objects.filter(report=report, language=language, rendered_at__isnull=False)
        if not rendered.exists():
            report_document_render_task.delay_on_commit(report.pk, language)


# --- The demonstration round -----------------------------------------------------------------------------


class _Demonstration:
    """The evaluation of the demonstration round so far, each part written once through the services."""

    def __init__(self, report: SeedReport, *, secretariat) -> None:
        self.report, self.secretariat = report, secretariat
        self.round = Round.objects.get(slug=DEMONSTRATION)
        # The demonstration's first day in Strasbourg, as `demonstration.py` reads it back from the round.
        self.first_day = timezone.localdate(self.round.created_at, STRASBOURG)
        self.questions = {q.number: q for q in Question.objects.filter(questionnaire__round=self.round)}
        self.members = {
            member.party.code: member
            for member in CommitteeMember.objects.select_related("user", "party").filter(
                user__username__startswith="member-"
            )
        }

    def seed(self) -> None:
        self.rapporteurs()
        observations = self.observations()
        report = self.draft_report()
        self.meeting(observations=observations, report=report)

    def user(self, username: str):
        return get_user_model().objects.get(username=username)

    def answer(self, code: str, number: str) -> Answer:
        return Answer.objects.get(reply__round=self.round, reply__party__code=code, question__number=number)

    def rapporteurs(self) -> None:
        for code, numbers in data.RAPPORTEURS.items():
            for number in numbers:
                question = self.questions[number]
                if not Rapporteur.objects.filter(round=self.round, question=question).exists():
                    rapporteur_appoint(
                        round=self.round, question=question, member=self.members[code], by=self.secretariat
                    )
                    self.report.count("Rapporteurs", True)

    def observations(self) -> list[Observation]:
        observations = []
        for entry in data.OBSERVATIONS:
            found = Observation.objects.filter(round=self.round, title=entry["title"]).first()
            if found is None:
                found = self._observation(entry)
            observations.append(found)
        return observations

    def _observation(self, entry: dict) -> Observation:
        member = self.members[entry["rapporteur"]]
        writer = member.user
        observation = observation_create(
            round=self.round,
            questions=[self.questions[number] for number in entry["questions"]],
            title=entry["title"],
            by=writer,
            rapporteur=member,
        )
        self.report.count("observations", True)
        for body in entry["versions"]:
            observation = observation_save(
                observation=observation, body=body, version=observation.version, by=writer
            )
        for source, key, number, passage in entry["citations"]:
            if source == "answer":
                citation_add(
                    observation=observation, by=writer, passage=passage, answer=self.answer(key, number)
                )
            else:
                item = ContributionItem.objects.get(
                    contribution__round=self.round,
                    contribution__title=key,
                    contribution__state=Contribution.State.ACKNOWLEDGED,
                    question__number=number,
                )
                citation_add(observation=observation, by=writer, passage=passage, item=item)
        for username, text in entry["comments"]:
            observation_comment(observation=observation, text=text, by=self.user(username))
        return observation

    def draft_report(self) -> Report:
        entry = data.REPORT
        found = Report.objects.filter(round=self.round, document_ref=entry["document_ref"]).first()
        if found is not None:
            return found
        by = self.secretariat
        draft = report_create(
            round=self.round,
            title_en=entry["title_en"],
            title_fr=entry["title_fr"],
            document_ref=entry["document_ref"],
            by=by,
        )
        self.report.count("implementation reports", True)
        parties = {party.code: party for party in Party.objects.filter(rounds=self.round)}
        for chapter_entry in entry["chapters"]:
            chapter = chapter_create(
                report=draft,
                number=chapter_entry["number"],
                title_en=chapter_entry["title_en"],
                title_fr=chapter_entry["title_fr"],
                questions=[self.questions[number] for number in chapter_entry["questions"]],
                by=by,
            )
            chapter_save(
                chapter=chapter,
                version=chapter.version,
                by=by,
                **{name: chapter_entry[name] for name in ("title_en", "title_fr", "body_en", "body_fr")},
            )
            for statement in chapter_entry["statements"]:
                statement_add(
                    chapter=chapter,
                    kind=statement["kind"],
                    grade=statement["grade"],
                    parties=[parties[code] for code in statement["parties"]],
                    questions=[self.questions[number] for number in statement["questions"]],
                    answers=[self.answer(code, number) for code, number in statement["answers"]],
                    by=by,
                    **{name: statement[name] for name in ("title_en", "title_fr", "text_en", "text_fr")},
                )
            self.report.add("chapters", created=1)
        return draft

    def meeting(self, *, observations: list[Observation], report: Report) -> Meeting:
        entry = data.MEETING
        found = Meeting.objects.filter(number=entry["number"]).first()
        if found is not None:
            return found
        meeting = meeting_create(
            number=entry["number"],
            place=entry["place"],
            starts_on=self.first_day + datetime.timedelta(days=entry["starts_in"]),
            ends_on=self.first_day + datetime.timedelta(days=entry["ends_in"]),
            by=self.secretariat,
        )
        self.report.count("meetings", True)
        documents = [observation_entry["document_ref"] for observation_entry in data.OBSERVATIONS]
        for kind, title, examines in data.AGENDA:
            arguments = {"meeting": meeting, "kind": kind, "title": title, "by": self.secretariat}
            if kind == AgendaItem.Kind.OBSERVATION:
                arguments |= {"observation": observations[examines], "document_ref": documents[examines]}
            elif kind == AgendaItem.Kind.CHAPTER:
                arguments |= {
                    "chapter": report.chapters.get(number=examines),
                    "document_ref": report.document_ref,
                }
            agenda_item_add(**arguments)
        return meeting
