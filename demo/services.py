"""The demo data set: the real Parties and rounds, paraphrased questions, the demo users, what the 2nd
round published (`publications`), and a live demonstration round (`demonstration`).

Every write is an update-or-create keyed on a natural key, so running the seed again changes nothing.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from django_otp.plugins.otp_totp.models import TOTPDevice

from civil_society.models import Membership, Organisation
from civil_society.services import organisation_verify
from core.audit import audited
from questionnaires.models import Question, Questionnaire
from rounds.models import (
    CommitteeMember,
    FocalPoint,
    Language,
    Participation,
    Party,
    PartyStatement,
    Round,
)
from rounds.names import KNOWN_FORMS
from rounds.services import committee_member_appoint

from .data.parties import LANGUAGES, PARTIES, RESERVATIONS
from .data.rounds import INTRODUCTION_2ND_ROUND, QUESTIONS_2ND_ROUND, ROUNDS

SECRETARIAT_GROUP = "Secretariat"
# The demo Secretariat's authenticator: a published key, for demo data only.
DEMO_DEVICE = "demo"
DEMO_TOTP_KEY = "6c616e7a61726f74652d64656d6f2d6b65792d31"
SECRETARIAT_APPS = (
    "rounds",
    "questionnaires",
    "submissions",
    "civil_society",
    "outbox",
    "reports",
    "evaluation",
    "followup",
    "auth",
)
# The demo organisations, verified, and the member of each.
NGO_MEMBERS = {
    "ngo-alpha": {"name": "Alpha Child Rights Network (demo)", "country": "France"},
    "ngo-beta": {"name": "Beta Youth Voice (demo)", "country": "Portugal"},
}
QUESTIONNAIRE_TITLES = {
    "2nd-round": {
        "en": "Questionnaire on the protection of children against sexual exploitation and sexual abuse "
        "facilitated by information and communication technologies (ICTs)",
        "fr": "Questionnaire sur la protection des enfants contre l'exploitation et les abus sexuels "
        "facilités par les technologies de l'information et de la communication (TIC)",
    },
}
QUESTIONNAIRE_INTRODUCTIONS = {"2nd-round": INTRODUCTION_2ND_ROUND}


@dataclass
class SeedReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, created: bool, updated: bool = False) -> None:
        self.created[kind] = self.created.get(kind, 0) + int(created)
        self.updated[kind] = self.updated.get(kind, 0) + int(updated)

    def add(self, kind: str, *, created: int = 0, updated: int = 0) -> None:
        """Rows written in bulk: how many were created and how many updated."""
        self.created[kind] = self.created.get(kind, 0) + created
        self.updated[kind] = self.updated.get(kind, 0) + updated


def sync_row(report: SeedReport, label: str, model, /, *, defaults: dict, **lookup):
    """Create the row, or bring it in line with `defaults`, writing only when something differs.

    `update_or_create` would save every row on every run; a second seed must change nothing.
    """
    instance, created = model.objects.get_or_create(**lookup, defaults=defaults)
    changed = [name for name, value in defaults.items() if not created and getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, defaults[name])
    if changed:
        instance.save(update_fields=changed)
    report.count(label, created, bool(changed))
    return instance


@audited
@transaction.atomic
def demo_seed(*, password: str | None = None) -> SeedReport:
    report = SeedReport()
    # One hash for every demo user: hashing 51 times would make the seed take seconds.
    password_hash = make_password(password or settings.DEMO_PASSWORD)
    seed_parties(report)
    _seed_rounds(report)
    _seed_users(report, password_hash=password_hash)
    # Imported here: the publications build on this module's `sync_row`.
    from .publications import publications_seed

    publications_seed(report)
    from .demonstration import demonstration_seed

    demonstration_seed(report, users={user.username: user for user in get_user_model().objects.all()})
    from .evaluation import evaluation_seed

    evaluation_seed(report)
    from .followup import followup_seed

    followup_seed(report)
    return report


NAME_FORM_FIELDS = ("article_en", "article_fr", "elided_fr")


def seed_parties(report: SeedReport) -> None:
    languages = {}
    for code, name_en, name_fr in LANGUAGES:
        languages[code] = sync_row(
            report, "languages", Language, code=code, defaults={"name_en": name_en, "name_fr": name_fr}
        )
    for entry in PARTIES:
        party = sync_row(
            report,
            "parties",
            Party,
            code=entry["code"],
            defaults={
                "name_en": entry["name_en"],
                "name_fr": entry["name_fr"],
                "signed_on": entry["signed"],
                "ratified_on": entry["ratified"],
                "in_force_on": entry["in_force"],
                **dict(
                    zip(("article_en", "article_fr", "elided_fr"), KNOWN_FORMS[entry["code"]], strict=True)
                ),
            },
        )
        party.national_languages.set([languages[code] for code in entry["languages"]])
    for entry in RESERVATIONS:
        sync_row(
            report,
            "reservations and declarations",
            PartyStatement,
            party=Party.objects.get(code=entry["party"]),
            kind=entry["kind"],
            article=entry["article"],
            defaults={"text_en": entry["text_en"], "text_fr": entry["text_fr"]},
        )


def _seed_rounds(report: SeedReport) -> None:
    for entry in ROUNDS:
        round_ = sync_row(
            report,
            "rounds",
            Round,
            slug=entry["slug"],
            defaults={
                "number": entry["number"],
                "kind": entry["kind"],
                "status": entry["status"],
                "theme_en": entry["theme_en"],
                "theme_fr": entry["theme_fr"],
                "summary_en": entry["summary_en"],
                "summary_fr": entry["summary_fr"],
                "questionnaire_adopted_on": entry["questionnaire_adopted_on"],
                "reply_deadline": entry["reply_deadline"],
                "civil_society_deadline": entry.get("civil_society_deadline"),
                "report_adopted_on": entry["report_adopted_on"],
                "factsheets_published_on": entry["factsheets_published_on"],
                "comment_window_months": entry.get("comment_window_months", 2),
            },
        )
        _seed_participations(report, round_=round_)
    _seed_questionnaire(report, round_=Round.objects.get(slug="2nd-round"), questions=QUESTIONS_2ND_ROUND)


def _seed_participations(report: SeedReport, *, round_: Round) -> None:
    """The Parties monitored are those bound by the Convention when the questionnaire was adopted.

    Where the adoption date is not sourced, the round's earliest known date stands in for it; a Party whose
    entry into force is not sourced counts as bound (so the 2nd round has its 42 Parties).
    """
    known = [round_.questionnaire_adopted_on, round_.reply_deadline, round_.report_adopted_on]
    reference = next(day for day in known if day)
    for party in Party.objects.filter(Q(in_force_on__lte=reference) | Q(in_force_on=None)):
        _, created = Participation.objects.get_or_create(round=round_, party=party)
        report.count("participations", created)


def _seed_questionnaire(report: SeedReport, *, round_: Round, questions) -> None:
    titles = QUESTIONNAIRE_TITLES[round_.slug]
    introduction = QUESTIONNAIRE_INTRODUCTIONS.get(round_.slug, {"en": "", "fr": ""})
    questionnaire = sync_row(
        report,
        "questionnaires",
        Questionnaire,
        round=round_,
        defaults={
            "title_en": titles["en"],
            "title_fr": titles["fr"],
            "introduction_en": introduction["en"],
            "introduction_fr": introduction["fr"],
        },
    )
    by_number = {}
    for position, entry in enumerate(questions, start=1):
        question = sync_row(
            report,
            "questions",
            Question,
            questionnaire=questionnaire,
            number=entry["number"],
            defaults={
                "parent": by_number.get(entry["parent"]),
                "position": position,
                "kind": entry["kind"],
                "theme": entry["theme"],
                "articles": entry["articles"],
                "asks_for_data": entry["asks_for_data"],
                "text_en": entry["text_en"],
                "text_fr": entry["text_fr"],
                "guidance_en": entry["guidance_en"],
                "guidance_fr": entry["guidance_fr"],
            },
        )
        by_number[entry["number"]] = question


def _seed_users(report: SeedReport, *, password_hash: str) -> None:
    group, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS))
    secretariat = _demo_user("secretariat", password_hash=password_hash, report=report, is_staff=True)
    secretariat.groups.add(group)
    # The admin asks staff for a second factor: the demo's comes from a known key (`manage.py demo_code`).
    TOTPDevice.objects.get_or_create(
        user=secretariat, name=DEMO_DEVICE, defaults={"key": DEMO_TOTP_KEY, "confirmed": True}
    )
    for party in Party.objects.all():
        user = _demo_user(f"focal-{party.code.lower()}", password_hash=password_hash, report=report)
        FocalPoint.objects.get_or_create(user=user, defaults={"party": party})
        # The Party's member of the Committee (never its focal point: the service refuses that).
        member = _demo_user(f"member-{party.code.lower()}", password_hash=password_hash, report=report)
        if not CommitteeMember.objects.filter(user=member).exists():
            committee_member_appoint(user=member, party=party)
            report.count("Committee members", True)
    for username, organisation in NGO_MEMBERS.items():
        user = _demo_user(username, password_hash=password_hash, report=report)
        organisation = sync_row(
            report,
            "organisations",
            Organisation,
            name=organisation["name"],
            defaults={"country": organisation["country"], "email": f"{username}@example.org"},
        )
        if organisation.verified_at is None:
            organisation_verify(organisation=organisation, by=secretariat)
        Membership.objects.get_or_create(user=user, defaults={"organisation": organisation})


def _demo_user(username: str, *, password_hash: str, report: SeedReport, is_staff: bool = False):
    # The password is set on creation only: a later run must not undo a password the user changed.
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"email": f"{username}@example.org", "is_staff": is_staff, "password": password_hash},
    )
    report.count("users", created)
    return user


def demo_logins() -> list[tuple[str, str]]:
    """The demo log-ins and what each one is, for the console."""
    return [
        ("secretariat", "Secretariat staff: /admin/, second factor from `manage.py demo_code`"),
        ("focal-fr", "focal point of France (focal-<iso2> for every Party)"),
        ("member-it", "Committee member for Italy, Rapporteur on Question 1 of the demonstration round"),
        ("member-pt", "Committee member for Portugal, Rapporteur on Questions 9 and 10 (member-<iso2>)"),
        ("ngo-alpha", "member of a civil-society organisation"),
        ("ngo-beta", "member of another civil-society organisation"),
    ]
