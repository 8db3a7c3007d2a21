"""The civil-society organisations of the scale data set, one member each (`scale-ngo-0001`, ...), named
"... (scale 0001)". About one in fifty contributions' worth of organisations, most of them verified."""

import datetime
import math
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from civil_society.models import Membership, Organisation

from . import phrases
from .parties import JOINED, Cast
from .writing import Writer

NAME_PATTERN = r" \(scale [0-9]{4}\)$"
USERNAME = "scale-ngo-{number:04d}"
CONTRIBUTIONS_EACH = 50
MAX_ORGANISATIONS = 400
UNVERIFIED_SHARE = 0.05


@dataclass(frozen=True)
class Organisations:
    verified: list[Organisation]
    members: dict[int, object]  # organisation id: its member


def organisations_create(writer: Writer, *, contributions: int, cast: Cast, seed: int) -> Organisations:
    if contributions <= 0:
        return Organisations(verified=[], members={})
    rng = random.Random(f"{seed}:organisations")
    verified_count = min(MAX_ORGANISATIONS, max(3, math.ceil(contributions / CONTRIBUTIONS_EACH)))
    total = verified_count + math.ceil(verified_count * UNVERIFIED_SHARE)
    organisations = []
    for number in range(1, total + 1):
        country = rng.choice(cast.parties).name_en
        prefix = phrases.ORGANISATION_NAMES[number % len(phrases.ORGANISATION_NAMES)]
        created = JOINED + datetime.timedelta(days=rng.randint(0, 1500))
        verified = number <= verified_count
        organisations.append(
            Organisation(
                name=f"{prefix} {country} (scale {number:04d})",
                acronym="".join(word[0] for word in prefix.split()).upper(),
                country=country,
                email=f"contact-{number:04d}@example.org",
                description="A synthetic organisation made for load testing.",
                verified_at=created + datetime.timedelta(days=rng.randint(1, 30)) if verified else None,
                verified_by=cast.secretariat if verified else None,
                created_at=created,
                updated_at=created,
            )
        )
    organisations = writer.insert(Organisation, organisations)
    User = get_user_model()
    users = writer.insert(
        User,
        [
            User(username=USERNAME.format(number=number), password=cast.password, date_joined=o.created_at)
            for number, o in enumerate(organisations, start=1)
        ],
    )
    writer.insert(
        Membership,
        [
            Membership(organisation=o, user=user, created_at=o.created_at, updated_at=o.created_at)
            for o, user in zip(organisations, users, strict=True)
        ],
    )
    return Organisations(
        verified=organisations[:verified_count],
        members={o.pk: user for o, user in zip(organisations, users, strict=True)},
    )
