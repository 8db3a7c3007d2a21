"""The demonstration round: a live round beside the real ones, so that every journey can be tried the
minute the demo is loaded (DESIGN §2). It takes the 2nd round's questions and Parties; its dates count from
the day it was first seeded, and later runs read that day back from the round itself, so they change nothing.

Unlike the 2nd round's history, this is written through the apps' services, as people would: the state
changes, history rows and outbox e-mails are those of real use, stamped with the time of the seed (the answers
alone are written in bulk, as `answer_save` writes a first answer). Each Party's reply, each contribution and
each finding is written once, when it is missing; the factsheets are queued for the workers after commit, as
the Secretariat's rendering is. The texts are in `data/demonstration.py`.
"""

import datetime

from django.utils import timezone

from civil_society.models import Contribution, Membership
from civil_society.services import (
    contribution_acknowledge,
    contribution_create,
    contribution_submit,
    information_request_create,
)
from civil_society.windows import add_months
from core.audit import bulk_create_recorded
from core.deadlines import STRASBOURG
from questionnaires.models import Question, Questionnaire
from reports.models import Factsheet, Finding
from reports.services import finding_adopt, finding_create
from reports.tasks import factsheet_render_task
from rounds.models import Participation, Party, Round
from rounds.services import participation_extend_deadline
from submissions.answer_html import answer_with_html
from submissions.models import Answer, AnswerVersion, Reply
from submissions.services import (
    reply_open,
    reply_publish,
    reply_send_back,
    reply_settings_update,
    reply_submit,
)

from .data import demonstration as data
from .services import SeedReport, sync_row

QUESTION_FIELDS = (
    "number", "position", "kind", "theme", "articles", "asks_for_data", "required",
    "text_en", "text_fr", "guidance_en", "guidance_fr",
)  # fmt: skip
# Replies are submitted and published in the morning, Strasbourg time.
MORNING = datetime.time(10, 0)


def demonstration_seed(report: SeedReport, *, users: dict) -> Round:
    source = Round.objects.get(slug=data.SOURCE_SLUG)
    stored = Round.objects.filter(slug=data.SLUG).first()
    # The first seed's day in Strasbourg, read back from the round on every later run.
    first_day = timezone.localdate(stored.created_at if stored else timezone.now(), STRASBOURG)
    round_ = _seed_round(report, first_day=first_day)
    for party_id in source.participations.values_list("party", flat=True):
        _, created = Participation.objects.get_or_create(round=round_, party_id=party_id)
        report.count("participations", created)
    questions = _seed_questionnaire(report, round_=round_, source=source)
    story = _Story(round_=round_, first_day=first_day, users=users, questions=questions, report=report)
    story.replies()
    story.contributions()
    story.findings()
    story.factsheets()
    return round_


def _seed_round(report: SeedReport, *, first_day: datetime.date) -> Round:
    entry = data.ROUND
    days = {
        name: first_day + datetime.timedelta(days=entry[name])
        for name in ("questionnaire_adopted_on", "reply_deadline", "civil_society_deadline")
    }
    return sync_row(
        report,
        "rounds",
        Round,
        slug=data.SLUG,
        defaults={
            "demonstration": True,
            "kind": Round.Kind.REGULAR,
            "status": Round.Status.REPLIES,
            **{name: entry[name] for name in ("theme_en", "theme_fr", "summary_en", "summary_fr")},
            **days,
        },
    )


def _seed_questionnaire(report: SeedReport, *, round_: Round, source: Round) -> dict[str, Question]:
    """A copy of the source round's questions, in its own questionnaire: same numbers, kinds and texts."""
    questionnaire = sync_row(
        report,
        "questionnaires",
        Questionnaire,
        round=round_,
        defaults={
            "title_en": data.QUESTIONNAIRE_TITLE["en"],
            "title_fr": data.QUESTIONNAIRE_TITLE["fr"],
            # The same preliminary remarks: the definitions the questions rely on.
            **{name: getattr(source.questionnaire, name) for name in ("introduction_en", "introduction_fr")},
        },
    )
    copies: dict[str, Question] = {}
    for original in Question.objects.filter(questionnaire__round=source).order_by("position"):
        defaults = {name: getattr(original, name) for name in QUESTION_FIELDS if name != "number"}
        defaults["parent"] = copies.get(original.parent.number) if original.parent_id else None
        copies[original.number] = sync_row(
            report,
            "questions",
            Question,
            questionnaire=questionnaire,
            number=original.number,
            defaults=defaults,
        )
    return copies


class _Story:
    """What happened in the round so far, each part written once."""

    def __init__(
        self, *, round_: Round, first_day: datetime.date, users: dict, questions: dict, report
    ) -> None:
        self.round, self.first_day, self.users, self.report = round_, first_day, users, report
        self.questions = list(questions.values())
        self.by_number = questions
        self.secretariat = users["secretariat"]
        self.parties = {party.code: party for party in Party.objects.filter(rounds=round_)}

    def day(self, offset: int) -> datetime.date:
        return self.first_day + datetime.timedelta(days=offset)

    def morning(self, offset: int) -> datetime.datetime:
        """That day's morning, or now when that is earlier: nothing is stamped in the future."""
        return min(datetime.datetime.combine(self.day(offset), MORNING, tzinfo=STRASBOURG), timezone.now())

    def focal_point(self, code: str):
        return self.users[f"focal-{code.lower()}"]

    # --- State replies ------------------------------------------------------------------------------------

    def replies(self) -> None:
        for code, until in data.EXTENDED.items():
            participation = Participation.objects.get(round=self.round, party__code=code)
            if participation.deadline_extended_to is None:
                participation_extend_deadline(participation=participation, until=self.day(until))
        for code, answered in data.DRAFTS.items():
            self._reply(code, answered=answered)
        for code, submitted in data.SUBMITTED.items():
            if reply := self._reply(code):
                reply_submit(reply=reply, by=self.focal_point(code), now=self.morning(submitted))
        returned = data.RETURNED
        if reply := self._reply(returned["party"]):
            reply = reply_submit(
                reply=reply, by=self.focal_point(returned["party"]), now=self.morning(returned["submitted"])
            )
            reply_send_back(reply=reply, by=self.secretariat, message=returned["message"])
        for code, entry in data.PUBLISHED.items():
            if reply := self._reply(code):
                reply = reply_submit(
                    reply=reply, by=self.focal_point(code), now=self.morning(entry["submitted"])
                )
                published_on = self._published_on(entry)
                reply_publish(
                    reply=reply,
                    by=self.secretariat,
                    published_on=published_on,
                    now=self.morning((published_on - self.first_day).days),
                )

    def _published_on(self, entry: dict) -> datetime.date:
        """The day a window opened: today, or the day whose window closes `closing_in` days from today."""
        if "closing_in" not in entry:
            return self.day(entry["opened"])
        closes_on = self.day(entry["closing_in"])
        published_on = add_months(closes_on, -self.round.comment_window_months)
        while add_months(published_on, self.round.comment_window_months) < closes_on:
            published_on += datetime.timedelta(days=1)  # a short month between: open a day later
        return published_on

    def _answer(self, reply: Reply, *, by, name: str, answered: int | None = None) -> None:
        """What `answer_save` writes for each first answer (the answer at version 1 and that version), in
        bulk: 400 answers saved one by one would be most of the seed's time, in every test that seeds."""
        answers = []
        for position, question in enumerate(self.questions[:answered], start=1):
            text = data.ANSWER[reply.language].format(
                party=name, number=question.number, year=2010 + position % 9, count=10 + 7 * position
            )
            answer = Answer(reply=reply, question=question, saved_by=by, version=1, text=text)
            answers.append(answer_with_html(answer))
        answers = bulk_create_recorded(Answer, answers)
        AnswerVersion.objects.bulk_create(
            AnswerVersion(answer=answer, version=1, text=answer.text, saved_by=by) for answer in answers
        )
        self.report.add("answers", created=len(answers))

    def _reply(self, code: str, *, answered: int | None = None) -> Reply | None:
        """The Party's reply opened and written by its focal point (its first `answered` questions, or
        all): None when the Party already has a reply, which is left as it is."""
        party = self.parties[code]
        if Reply.objects.filter(round=self.round, party=party).exists():
            return None
        focal_point = self.focal_point(code)
        participation = Participation.objects.get(round=self.round, party=party)
        reply = reply_open(participation=participation, by=focal_point)
        language = "fr" if code in data.IN_FRENCH else "en"
        if language != reply.language:
            reply = reply_settings_update(
                reply=reply, by=focal_point, language=language, national_language=None
            )
        name = party.name_fr if language == "fr" else party.name_en
        self._answer(reply, by=focal_point, name=name, answered=answered)
        self.report.count("replies", True)
        return reply

    # --- Civil society ------------------------------------------------------------------------------------

    def contributions(self) -> None:
        organisations = {
            m.user.username: m.organisation for m in Membership.objects.select_related("user", "organisation")
        }
        for entry in data.CONTRIBUTIONS:
            organisation = organisations[entry["author"]]
            if Contribution.objects.filter(
                round=self.round, organisation=organisation, title=entry["title"]
            ).exists():
                continue
            author = self.users[entry["author"]]
            contribution = contribution_create(
                organisation=organisation,
                by=author,
                round=self.round,
                kind=Contribution.Kind.COMMENT,
                parties=[self.parties[entry["party"]]],
                visibility=entry["visibility"],
                language="en",
                items=[(number, f"<p>{text}</p>") for number, text in entry["items"]],
                title=entry["title"],
                co_signers=[organisations[entry["co_signer"]]] if "co_signer" in entry else [],
                children_involved=entry.get("children_involved", False),
                children_involvement=entry.get("children_involvement", ""),
            )
            self.report.count("contributions", True)
            if entry["state"] != Contribution.State.DRAFT:
                contribution = contribution_submit(contribution=contribution, by=author)
            if entry["state"] == Contribution.State.ACKNOWLEDGED:
                contribution = contribution_acknowledge(contribution=contribution, by=self.secretariat)
            if request := entry.get("information_request"):
                information_request_create(
                    contribution=contribution,
                    by=self.secretariat,
                    question=request["question"],
                    due_on=self.day(request["due_in"]),
                )

    # --- Findings and factsheets --------------------------------------------------------------------------

    def findings(self) -> None:
        for position, entry in enumerate(data.FINDINGS):
            if Finding.objects.filter(round=self.round, title_en=entry["title_en"]).exists():
                continue
            finding = finding_create(
                round=self.round,
                kind=entry["kind"],
                grade=entry.get("grade", ""),
                theme="",
                questions=[self.by_number[number] for number in entry["questions"]],
                parties=[self.parties[code] for code in entry["parties"]],
                applies_to_all=False,
                by=self.secretariat,
                position=position,
                **{name: entry[name] for name in ("title_en", "title_fr", "text_en", "text_fr")},
            )
            self.report.count("findings", True)
            if entry["state"] == Finding.State.ADOPTED:
                finding_adopt(finding=finding, by=self.secretariat)

    def factsheets(self) -> None:
        """The published Parties' country factsheets, rendered by the workers once the seed is committed
        (the task leaves alone a factsheet already rendered from the same data)."""
        for code in data.FACTSHEET_PARTIES:
            for language in Factsheet.Language.values:
                rendered = Factsheet.objects.filter(
                    round=self.round, party__code=code, language=language, rendered_at__isnull=False
                )
                if not rendered.exists():
                    factsheet_render_task.delay_on_commit(
                        self.round.pk, Factsheet.Kind.COUNTRY, code, language
                    )
