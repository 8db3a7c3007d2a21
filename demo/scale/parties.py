"""The Parties of the scale data set, and the people who write for them.

The first 48 are the real Parties, as the demo writes them (created here if the demo is not loaded, never
changed when it is): the scale rounds are rounds of their own (`scale-1`, ...), so a Party has its replies to
the demo rounds and one reply to each scale round, and nothing collides. Beyond 48, synthetic Parties are
added with codes no real Party has (the ISO user-assigned codes first: XA-XZ, QM-QZ, AA, ZZ), named
"Synthetic State XA". Their attributes depend on their code alone, so they are kept from one seed to the
next; they entered into force after the demo's rounds were adopted, so the demo never counts them among the
Parties it monitors.
"""

import datetime
import random
import string
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from civil_society.windows import add_months
from rounds.models import FocalPoint, Language, Party

from ..data.parties import LANGUAGES, PARTIES
from ..services import SeedReport, seed_parties
from .writing import Writer

OFFICIAL = ("en", "fr")
USER_ASSIGNED = [f"X{c}" for c in string.ascii_uppercase] + [f"Q{c}" for c in "MNOPQRSTUVWXYZ"] + ["AA", "ZZ"]
ALL_CODES = [a + b for a in string.ascii_uppercase for b in string.ascii_uppercase]
REAL_CODES = [entry["code"] for entry in PARTIES]
# Codes for synthetic Parties, in the order they are used.
SYNTHETIC_CODES = [code for code in dict.fromkeys(USER_ASSIGNED + ALL_CODES) if code not in REAL_CODES]
MAX_PARTIES = len(REAL_CODES) + len(SYNTHETIC_CODES)
SYNTHETIC_NAME = {"en": "Synthetic State {code}", "fr": "État synthétique {code}"}
# After the demo's latest round adopted its questionnaire (2 June 2017).
SYNTHETIC_IN_FORCE_FROM = datetime.date(2017, 7, 1)

# Scale users are named so; none can log in (unusable password): log in as a demo user to see the data.
SECRETARIAT_USERNAME = "scale-secretariat"
FOCAL_USERNAME = "scale-focal-{code}"
JOINED = datetime.datetime(2015, 1, 5, 9, 0, tzinfo=datetime.UTC)
FRENCH_SHARE = 0.2  # of the Parties without French as a national language, those replying in French


@dataclass(frozen=True)
class Cast:
    """The Parties in the order of the data set, their languages, and who acts for whom."""

    parties: list[Party]
    official: dict[int, str]  # Party id: "en" or "fr"
    national: dict[int, Language | None]  # Party id: the language of its national versions, if any
    focal_points: dict[int, object]  # Party id: user
    secretariat: object
    password: str  # unusable, shared by every scale user


def cast_create(writer: Writer, *, count: int, seed: int) -> Cast:
    if Party.objects.filter(code__in=REAL_CODES).count() < len(REAL_CODES):
        seed_parties(SeedReport())  # the demo's own Parties and languages, as `seed_demo` writes them
    by_code = {party.code: party for party in Party.objects.filter(code__in=REAL_CODES)}
    parties = [by_code[code] for code in REAL_CODES[:count]]
    parties += _synthetic_parties(writer, count=count - len(parties))
    national_languages = {
        party.pk: list(party.national_languages.all())
        for party in Party.objects.filter(pk__in=[p.pk for p in parties]).prefetch_related(
            "national_languages"
        )
    }
    official, national = {}, {}
    for party in parties:
        codes = [language.code for language in national_languages[party.pk]]
        rng = random.Random(f"{seed}:language:{party.code}")
        official[party.pk] = "fr" if "fr" in codes or rng.random() < FRENCH_SHARE else "en"
        others = [language for language in national_languages[party.pk] if language.code not in OFFICIAL]
        national[party.pk] = others[0] if others else None
    password = make_password(None)
    User = get_user_model()
    secretariat = writer.insert(User, [_user(SECRETARIAT_USERNAME, password, is_staff=True)])[0]
    users = writer.insert(
        User, [_user(FOCAL_USERNAME.format(code=p.code.lower()), password) for p in parties]
    )
    writer.insert(
        FocalPoint,
        [
            FocalPoint(user=user, party=party, created_at=JOINED, updated_at=JOINED)
            for user, party in zip(users, parties, strict=True)
        ],
    )
    return Cast(
        parties=parties,
        official=official,
        national=national,
        focal_points={party.pk: user for party, user in zip(parties, users, strict=True)},
        secretariat=secretariat,
        password=password,
    )


def _user(username: str, password: str, *, is_staff: bool = False):
    return get_user_model()(username=username, password=password, is_staff=is_staff, date_joined=JOINED)


def _synthetic_parties(writer: Writer, *, count: int) -> list[Party]:
    """`count` synthetic Parties: those already in the database, then new ones. A code some other Party
    already has (not a synthetic one) is skipped."""
    if count <= 0:
        return []
    existing = {party.code: party for party in Party.objects.filter(code__in=SYNTHETIC_CODES)}
    chosen, new = [], []
    for code in SYNTHETIC_CODES:
        if len(chosen) == count:
            break
        party = existing.get(code)
        if party is None:
            party = _synthetic_party(code)
            new.append(party)
        elif party.name_en != SYNTHETIC_NAME["en"].format(code=code):
            continue
        chosen.append(party)
    writer.insert(Party, new)
    languages = {language.code: language for language in Language.objects.all()}
    through = Party.national_languages.through
    writer.insert(
        through,
        [
            through(party_id=party.pk, language_id=languages[code].pk)
            for party in new
            for code in party.language_codes
        ],
    )
    return chosen


def _synthetic_party(code: str) -> Party:
    rng = random.Random(f"party:{code}")
    in_force = add_months(SYNTHETIC_IN_FORCE_FROM, rng.randint(0, 65))
    ratified = add_months(in_force, -4) + datetime.timedelta(days=rng.randint(0, 27))
    party = Party(
        code=code,
        name_en=SYNTHETIC_NAME["en"].format(code=code),
        name_fr=SYNTHETIC_NAME["fr"].format(code=code),
        article_fr="le",  # l'État synthétique
        elided_fr=True,
        signed_on=ratified - datetime.timedelta(days=rng.randint(200, 1000)),
        ratified_on=ratified,
        in_force_on=in_force,
        created_at=JOINED,
        updated_at=JOINED,
    )
    national = [language for language, _en, _fr in LANGUAGES if language not in OFFICIAL]
    party.language_codes = [rng.choice(national)] if rng.random() < 0.8 else []
    return party
