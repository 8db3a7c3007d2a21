"""The 2nd round as a reader of the portal finds it: published State replies and their answers (each
published on the day the Secretariat registered it), civil-society comments on them, and the Committee's
findings.

This is historic data, so it is written to the models directly, but it is what the services would have
written: a reply's state changes each leave a `ReplyTransition`, each answer its `AnswerVersion`, each
submitted or acknowledged contribution its `ContributionEvent`, and every finding passes `finding_check`.
Timestamps are set to when things happened (replies and comments 2017, findings 2021-2022), not to when
the seed ran, so digests and feeds do
not take them for news.

Every row is keyed on a natural key and written only when it differs (`sync_row`, or a bulk comparison for the
answers), so a second run changes nothing. The texts are in `data/publications.py`.
"""

import datetime
import hashlib
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models import Case, Model, Value, When

from civil_society.documents import safe_html
from civil_society.models import Contribution, ContributionEvent, ContributionItem, Membership
from core.audit import bulk_create_recorded, bulk_update_recorded
from core.deadlines import STRASBOURG, end_of_day
from questionnaires.models import Question
from reports.models import Finding
from reports.services import finding_check
from rounds.models import Language, Participation, Party, Round
from submissions.answer_html import HTML_FIELDS, answer_with_html
from submissions.models import Answer, AnswerVersion, Reply, ReplyTransition

from .data.parties import RESERVATIONS
from .data.publications import (
    CLOSINGS,
    CONTRIBUTIONS,
    DEMO_NOTICE,
    DRAFT_FINDING,
    DRAFT_FINDING_CREATED_AT,
    ENGLISH_ARTICLE,
    FACTS,
    FACTS_BY_CASE,
    FINDINGS,
    FINDINGS_DRAFTED_AT,
    FRENCH_FORMS,
    NATIONAL_TEXTS,
    OPENED_FROM,
    OPENINGS,
    PARTY_GROUPS,
    PUBLISHED_REPLIES,
    REPORT_ADOPTED_AT,
    ROUND_SLUG,
)
from .services import SeedReport, sync_row

State = Reply.State
# Replies "will be published ... as soon as they are registered by the Secretariat" (seed 003): the
# Secretariat publishes each one minutes after registering it, on the same day.
PUBLISHED_AFTER_REGISTRATION = datetime.timedelta(minutes=10)
# How many published answers a finding cites as evidence, at most.
EVIDENCE_ANSWERS = 3


def publications_seed(report: SeedReport) -> None:
    round_ = Round.objects.get(slug=ROUND_SLUG)
    users = {user.username: user for user in get_user_model().objects.all()}
    groups = party_groups(
        sorted(Participation.objects.filter(round=round_).values_list("party__code", flat=True))
    )
    questions = list(Question.objects.filter(questionnaire__round=round_).order_by("position"))
    replies = _seed_replies(report, round_=round_, users=users)
    _seed_answers(report, replies=replies, questions=questions, groups=groups, users=users)
    _seed_contributions(report, round_=round_, users=users)
    _seed_findings(report, round_=round_, groups=groups, questions=questions, by=users["secretariat"])


# --- Deterministic choices -------------------------------------------------------------------------------


def _digest(*parts: str) -> bytes:
    return hashlib.sha256(":".join(parts).encode()).digest()


def _pick(digest: bytes, index: int, low: int, high: int) -> int:
    """A number in [low, high] read from two bytes of a digest: the same on every machine and Python."""
    return low + int.from_bytes(digest[2 * index : 2 * index + 2], "big") % (high - low + 1)


def party_groups(monitored: list[str]) -> dict[str, list[str]]:
    """The Parties each finding names (`PARTY_GROUPS`), chosen among those monitored by a stable hash."""
    groups: dict[str, list[str]] = {}
    for name, (size, disjoint_from) in PARTY_GROUPS.items():
        excluded = {code for other in disjoint_from for code in groups[other]}
        candidates = sorted(
            (code for code in monitored if code not in excluded), key=lambda c: _digest(name, c)
        )
        groups[name] = sorted(candidates[:size])
    return groups


def _strasbourg(moment: datetime.datetime) -> datetime.datetime:
    return moment.replace(tzinfo=STRASBOURG)


def _between(start: datetime.datetime, end: datetime.datetime, digest: bytes) -> datetime.datetime:
    """A moment between `start` and `end`, to the minute, chosen by `digest`."""
    minutes = max(int((end - start).total_seconds() // 60), 0)
    return start + datetime.timedelta(minutes=_pick(digest, 15, 0, minutes))


def _backdate(model: type[Model], objects: Iterable[Model], when: dict[int, dict]) -> int:
    """Set the automatic timestamps (`created_at`, `at`, ...) to when things happened, where they differ.

    `bulk_update` writes the values given, where `save()` and `bulk_create()` would stamp the present; the
    audited models' history records the change.
    """
    changed, fields = [], set()
    for obj in objects:
        wanted = when[obj.pk]
        differing = {name: value for name, value in wanted.items() if getattr(obj, name) != value}
        if differing:
            for name, value in differing.items():
                setattr(obj, name, value)
            fields |= differing.keys()
            changed.append(obj)
    if changed:
        bulk_update_recorded(model, changed, sorted(fields), batch_size=500)
    return len(changed)


# --- State replies ---------------------------------------------------------------------------------------


def _seed_replies(report: SeedReport, *, round_: Round, users: dict) -> list[Reply]:
    participations = {
        p.party.code: p for p in Participation.objects.filter(round=round_).select_related("party")
    }
    languages = {language.code: language for language in Language.objects.all()}
    replies, history = [], {}
    for entry in PUBLISHED_REPLIES:
        participation = participations[entry["party"]]  # KeyError: the Party is not monitored
        closes_at = end_of_day(participation.reply_deadline)
        submitted_at = _strasbourg(entry["submitted"])
        registered_at = _strasbourg(entry["registered"])
        published_at = registered_at + PUBLISHED_AFTER_REGISTRATION
        is_late = submitted_at >= closes_at
        reply = sync_row(
            report,
            "replies",
            Reply,
            round=round_,
            party=participation.party,
            defaults={
                "state": State.PUBLISHED,
                "language": entry["language"],
                "national_language": languages[entry["national"]] if "national" in entry else None,
                "submitted_at": submitted_at,
                "is_late": is_late,
                # The sweep marked the reply overdue when the deadline passed before it was submitted.
                "overdue_at": closes_at if is_late else None,
                "registered_at": registered_at,
                "published_on": published_at.date(),
            },
        )
        focal_point, secretariat = users[f"focal-{entry['party'].lower()}"], users["secretariat"]
        opened_at = _strasbourg(OPENED_FROM) + datetime.timedelta(
            days=_pick(_digest("opened", entry["party"]), 0, 0, 45)
        )
        steps = [
            ("", State.DRAFT, focal_point, opened_at),
            (State.DRAFT, State.SUBMITTED, focal_point, submitted_at),
            (State.SUBMITTED, State.REGISTERED, secretariat, registered_at),
            (State.REGISTERED, State.PUBLISHED, secretariat, published_at),
        ]
        reply.party, reply.opened_at = participation.party, opened_at
        history[reply.pk] = steps
        replies.append(reply)
    _backdate(
        Reply,
        replies,
        {
            reply.pk: {"created_at": reply.opened_at, "updated_at": history[reply.pk][-1][3]}
            for reply in replies
        },
    )
    _seed_transitions(report, history=history)
    return replies


def _seed_transitions(report: SeedReport, *, history: dict[int, list]) -> None:
    existing = {
        (t.reply_id, t.from_state, t.to_state): t
        for t in ReplyTransition.objects.filter(reply__in=history.keys())
    }
    missing = [
        ReplyTransition(reply_id=reply_id, from_state=from_state, to_state=to_state, by=by)
        for reply_id, steps in history.items()
        for from_state, to_state, by, _at in steps
        if (reply_id, from_state, to_state) not in existing
    ]
    created = ReplyTransition.objects.bulk_create(missing)
    for transition in created:
        existing[transition.reply_id, transition.from_state, transition.to_state] = transition
    wanted = [
        (existing[reply_id, from_state, to_state], at)
        for reply_id, steps in history.items()
        for from_state, to_state, _by, at in steps
    ]
    _backdate(ReplyTransition, [t for t, _at in wanted], {t.pk: {"at": at} for t, at in wanted})
    report.add("reply state changes", created=len(created))


# --- Answers ---------------------------------------------------------------------------------------------


def _forms(party: Party, language: str) -> dict[str, str]:
    """How the Party is named in a sentence: as a subject, after "in", capitalised at a sentence's start."""
    if language == "fr":
        forms = dict(FRENCH_FORMS[party.code])
    else:
        name = ENGLISH_ARTICLE.get(party.code, party.name_en)
        forms = {"party": name, "in_party": f"in {name}"}
    forms["Party"] = forms["party"][:1].upper() + forms["party"][1:]
    forms["In_party"] = forms["in_party"][:1].upper() + forms["in_party"][1:]
    return forms


def _numbers(digest: bytes) -> dict[str, int]:
    numbers = {
        "age": _pick(digest, 0, 9, 12),
        "m": _pick(digest, 1, 2, 12),
        "k": _pick(digest, 2, 4, 9),
        "n": _pick(digest, 3, 24, 480),
        "big": _pick(digest, 4, 1200, 6400),
        "pct": _pick(digest, 5, 10, 60),
        "team": _pick(digest, 6, 8, 60),
        "years": _pick(digest, 7, 5, 10),
        "resp": _pick(digest, 8, 12, 15),
        "year": _pick(digest, 9, 2012, 2016),
    }
    numbers["conv"] = numbers["n"] * 2 // 3
    return numbers


def _case(number: str, code: str, groups: dict[str, list[str]], reserved: set[str]) -> str | None:
    """Which variant of a question's answer matches what the findings say of the Party."""
    return {
        "8": "explicit" if code in groups["explicit"] else "general",
        "8.1": "undefined" if code in groups["undefined"] else "defined",
        "9.2": "liable" if code in groups["liable"] else "not_liable",
        "10": "reservation" if code in reserved else "none",
        "12": "complaint" if code in groups["complaint"] else "ex_officio",
        "12.2": "dual" if code in groups["dual"] else "no_dual",
    }.get(number)


def answer_text(*, party: Party, question: Question, language: str, groups: dict, reserved: set[str]) -> str:
    """A demo answer: a sentence on the theme, one on the question, one on its kind, and the demo notice."""
    digest = _digest(party.code, question.number)
    case = _case(question.number, party.code, groups, reserved)
    fact = FACTS_BY_CASE[question.number][case] if case else FACTS[question.number]
    openings = OPENINGS[question.theme][language]
    closings = CLOSINGS[question.kind][language]
    sentences = (
        openings[_pick(digest, 10, 0, len(openings) - 1)],
        fact[language],
        closings[_pick(digest, 11, 0, len(closings) - 1)],
    )
    values = _forms(party, language) | _numbers(digest)
    return " ".join(sentence.format(**values) for sentence in sentences) + " " + DEMO_NOTICE[language]


def national_text(*, party: Party, question: Question) -> str:
    texts = NATIONAL_TEXTS.get(party.code)
    if texts is None:
        return ""
    return " ".join(
        (texts["question"].format(number=question.number), texts[question.theme], texts["notice"])
    )


def _seed_answers(
    report: SeedReport, *, replies: list[Reply], questions: list[Question], groups: dict, users: dict
) -> None:
    reserved = {entry["party"] for entry in RESERVATIONS if entry["article"] == "20§3"}
    existing = {(a.reply_id, a.question_id): a for a in Answer.objects.filter(reply__in=replies)}
    wanted = {}
    for reply in replies:
        focal_point = users[f"focal-{reply.party.code.lower()}"]
        for question in questions:
            wanted[reply.pk, question.pk] = {
                "text": answer_text(
                    party=reply.party,
                    question=question,
                    language=reply.language,
                    groups=groups,
                    reserved=reserved,
                ),
                "national_text": national_text(party=reply.party, question=question)
                if reply.national_language_id
                else "",
                "saved_by_id": focal_point.pk,
            }
    missing = [
        answer_with_html(Answer(reply_id=reply_id, question_id=question_id, version=1, **fields))
        for (reply_id, question_id), fields in wanted.items()
        if (reply_id, question_id) not in existing
    ]
    changed = []
    for key, answer in existing.items():
        fields = wanted.get(key)
        if fields and any(getattr(answer, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(answer, name, value)
            changed.append(answer_with_html(answer))
    if changed:
        written = ["text", "national_text", *HTML_FIELDS, "saved_by"]
        bulk_update_recorded(Answer, changed, written, batch_size=500)
    for answer in bulk_create_recorded(Answer, missing, batch_size=500):
        existing[answer.reply_id, answer.question_id] = answer
    report.add("answers", created=len(missing), updated=len(changed))
    answers = [existing[key] for key in wanted]
    versions = _seed_answer_versions(report, answers=answers)
    _backdate_answers(replies=replies, answers=answers, versions=versions)


def _seed_answer_versions(report: SeedReport, *, answers: list[Answer]) -> list[AnswerVersion]:
    """Each answer's history: the version it is at, with the same text, as `answer_save` records it."""
    existing = {
        (v.answer_id, v.version): v for v in AnswerVersion.objects.filter(answer__in=[a.pk for a in answers])
    }
    missing, changed = [], []
    for answer in answers:
        fields = {
            "text": answer.text,
            "national_text": answer.national_text,
            "saved_by_id": answer.saved_by_id,
        }
        version = existing.get((answer.pk, answer.version))
        if version is None:
            missing.append(AnswerVersion(answer=answer, version=answer.version, **fields))
        elif any(getattr(version, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(version, name, value)
            changed.append(version)
    if changed:
        AnswerVersion.objects.bulk_update(changed, ["text", "national_text", "saved_by"], batch_size=500)
    for version in AnswerVersion.objects.bulk_create(missing, batch_size=500):
        existing[version.answer_id, version.version] = version
    report.add("answer versions", created=len(missing), updated=len(changed))
    return [existing[answer.pk, answer.version] for answer in answers]


def _backdate_answers(*, replies: list[Reply], answers: list[Answer], versions: list[AnswerVersion]) -> None:
    """The focal points wrote each theme's answers on one day between opening the reply and submitting it.

    The answers are dated in bulk, with their history (`bulk_update`: a thousand answers saved one by one
    would make up most of the seed's time); their versions by one UPDATE per reply whose dates are not right.
    """
    themes = dict(Question.objects.filter(pk__in={a.question_id for a in answers}).values_list("pk", "theme"))
    written_at = {
        (reply.pk, theme): _between(
            reply.opened_at, reply.submitted_at, _digest("saved", reply.party.code, theme)
        )
        for reply in replies
        for theme in set(themes.values())
    }
    key_of = {answer.pk: (answer.reply_id, themes[answer.question_id]) for answer in answers}
    dated = []
    for answer in answers:
        at = written_at[key_of[answer.pk]]
        if not answer.created_at == answer.updated_at == at:
            answer.created_at = answer.updated_at = at
            dated.append(answer)
    if dated:
        bulk_update_recorded(Answer, dated, ["created_at", "updated_at"], batch_size=500)
    stale = {key_of[v.answer_id][0] for v in versions if v.saved_at != written_at[key_of[v.answer_id]]}
    for reply_id in sorted(stale):
        by_theme = {}
        for answer in answers:
            if answer.reply_id == reply_id:
                by_theme.setdefault(key_of[answer.pk][1], []).append(answer.pk)
        saved_at = Case(
            *(
                When(answer_id__in=pks, then=Value(written_at[reply_id, theme]))
                for theme, pks in by_theme.items()
            )
        )
        AnswerVersion.objects.filter(answer__in=[pk for pks in by_theme.values() for pk in pks]).update(
            saved_at=saved_at
        )


# --- Civil society ---------------------------------------------------------------------------------------


def _seed_contributions(report: SeedReport, *, round_: Round, users: dict) -> list[Contribution]:
    organisations = {
        m.user.username: m.organisation for m in Membership.objects.select_related("user", "organisation")
    }
    questions = {q.number: q for q in Question.objects.filter(questionnaire__round=round_)}
    secretariat = users["secretariat"]
    contributions = []
    for entry in CONTRIBUTIONS:
        author = users[entry["author"]]
        submitted_at = _strasbourg(entry["submitted"]) if "submitted" in entry else None
        acknowledged_at = _strasbourg(entry["acknowledged"]) if "acknowledged" in entry else None
        is_public = entry["visibility"] == Contribution.Visibility.PUBLIC
        contribution = sync_row(
            report,
            "contributions",
            Contribution,
            round=round_,
            organisation=organisations[entry["author"]],
            title=entry["title"],
            defaults={
                "kind": Contribution.Kind.COMMENT,
                "visibility": entry["visibility"],
                "language": entry["language"],
                "state": entry["state"],
                "children_involved": entry.get("children_involved", False),
                "children_involvement": entry.get("children_involvement", ""),
                "general_text": safe_html(f"<p>{entry['general']}</p>") if "general" in entry else "",
                "created_by": author,
                "submitted_at": submitted_at,
                "acknowledged_at": acknowledged_at,
                # The Party's focal points heard of it in the digest of public comments the day after.
                "party_notified_at": acknowledged_at + datetime.timedelta(days=1)
                if acknowledged_at and is_public
                else None,
            },
        )
        contribution.parties.set([Party.objects.get(code=entry["party"])])
        created_at = _strasbourg(entry["created"])
        items = [
            sync_row(
                report,
                "contribution items",
                ContributionItem,
                contribution=contribution,
                question=questions[number],
                defaults={"text": safe_html(f"<p>{text}</p>")},
            )
            for number, text in entry["items"]
        ]
        _backdate(
            ContributionItem,
            items,
            {item.pk: {"created_at": created_at, "updated_at": created_at} for item in items},
        )
        events = []
        if submitted_at:
            events.append((ContributionEvent.Action.SUBMITTED, author, submitted_at))
        if acknowledged_at:
            events.append((ContributionEvent.Action.ACKNOWLEDGED, secretariat, acknowledged_at))
        for action, by, at in events:
            event, created = ContributionEvent.objects.get_or_create(
                contribution=contribution, action=action, defaults={"by": by}
            )
            report.add("contribution events", created=int(created))
            _backdate(ContributionEvent, [event], {event.pk: {"at": at}})
        last = acknowledged_at or submitted_at or created_at
        _backdate(
            Contribution, [contribution], {contribution.pk: {"created_at": created_at, "updated_at": last}}
        )
        contributions.append(contribution)
    return contributions


# --- Findings --------------------------------------------------------------------------------------------


def _evidence(
    *, entry: dict, parties: list[Party], questions: dict[str, Question], round_: Round
) -> tuple[list[Answer], list[Contribution]]:
    """Published answers of the Parties named (any Party's, for a finding on all) to the question cited, and
    public acknowledged comments on it when the finding asks for them."""
    number = entry.get("evidence")
    if not number:
        return [], []
    answers = Answer.objects.filter(
        reply__round=round_, reply__state=State.PUBLISHED, question=questions[number]
    ).select_related("reply__party")
    if parties:
        answers = answers.filter(reply__party__in=parties)
    answers = sorted(answers, key=lambda a: _digest("evidence", entry["title_en"], a.reply.party.code))
    contributions = []
    if entry.get("contributions"):
        contributions = list(
            Contribution.objects.filter(
                round=round_,
                visibility=Contribution.Visibility.PUBLIC,
                state=Contribution.State.ACKNOWLEDGED,
                items__question=questions[number],
            ).order_by("pk")
        )
    return answers[:EVIDENCE_ANSWERS], contributions


def _seed_findings(report: SeedReport, *, round_: Round, groups: dict, questions: list[Question], by) -> None:
    by_number = {question.number: question for question in questions}
    parties_by_code = {party.code: party for party in Party.objects.all()}
    adopted_at = _strasbourg(REPORT_ADOPTED_AT)
    entries = [(entry, Finding.State.ADOPTED) for entry in FINDINGS] + [(DRAFT_FINDING, Finding.State.DRAFT)]
    for position, (entry, state) in enumerate(entries):
        applies_to_all = entry["parties"] == "all"
        parties = [] if applies_to_all else [parties_by_code[code] for code in groups[entry["parties"]]]
        cited = [by_number[number] for number in entry["questions"]]
        answers, contributions = _evidence(entry=entry, parties=parties, questions=by_number, round_=round_)
        grade = entry.get("grade", "")
        theme = finding_check(
            round=round_,
            kind=entry["kind"],
            grade=grade,
            theme=entry.get("theme", ""),
            questions=cited,
            parties=parties,
            applies_to_all=applies_to_all,
            answers=answers,
            contributions=contributions,
        )
        adopted = state == Finding.State.ADOPTED
        finding = sync_row(
            report,
            "findings",
            Finding,
            round=round_,
            title_en=entry["title_en"],
            defaults={
                "kind": entry["kind"],
                "grade": grade,
                "title_fr": entry["title_fr"],
                "text_en": entry["text_en"],
                "text_fr": entry["text_fr"],
                "theme": theme,
                "applies_to_all": applies_to_all,
                "figure_label_en": entry.get("figure_label_en", ""),
                "figure_label_fr": entry.get("figure_label_fr", ""),
                "position": position,
                "state": state,
                "adopted_at": adopted_at if adopted else None,
                "adopted_by": by if adopted else None,
                "created_by": by,
            },
        )
        finding.questions.set(cited)
        finding.parties.set(parties)
        finding.answers.set(answers)
        finding.contributions.set(contributions)
        created_at = _strasbourg(FINDINGS_DRAFTED_AT if adopted else DRAFT_FINDING_CREATED_AT)
        updated_at = adopted_at if adopted else created_at
        _backdate(Finding, [finding], {finding.pk: {"created_at": created_at, "updated_at": updated_at}})
