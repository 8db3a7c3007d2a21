"""A round with two monitored Parties and the five kinds of caller the API serves."""

import datetime
import io
from types import SimpleNamespace

import factory
import pytest
from django.core.cache import cache
from docx import Document
from rest_framework.test import APIClient

from rounds.models import Language
from submissions.models import Reply
from tests.factories import (
    AnswerFactory,
    FocalPointFactory,
    ParticipationFactory,
    PartyFactory,
    QuestionFactory,
    QuestionnaireFactory,
    RoundFactory,
    UserFactory,
)

PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
ROLES = ["anonymous", "focal_a", "focal_b", "stranger", "staff"]


class ReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reply

    round = factory.SubFactory(RoundFactory)
    party = factory.SubFactory(PartyFactory)


def docx_bytes(text: str = "Statistics on reported cases") -> bytes:
    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def fresh_throttles():
    """Throttle counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def world(db):
    """A round collecting replies; Party A (national language German) and Party B are monitored."""
    round_ = RoundFactory(slug="round-api", number=42, reply_deadline=datetime.date(2099, 12, 1))
    questionnaire = QuestionnaireFactory(round=round_)
    q1 = QuestionFactory(questionnaire=questionnaire, number="1", position=1)
    q2 = QuestionFactory(questionnaire=questionnaire, number="2", position=2)
    q21 = QuestionFactory(questionnaire=questionnaire, number="2.1", position=3, parent=q2, required=False)
    german = Language.objects.create(code="de", name="German")
    party_a = PartyFactory(code="ZA", name_en="Aland", name_fr="Alande")
    party_a.national_languages.add(german)
    party_b = PartyFactory(code="ZB", name_en="Borduria", name_fr="Bordurie")
    for party in (party_a, party_b):
        ParticipationFactory(round=round_, party=party)
    return SimpleNamespace(
        round=round_,
        questions={"1": q1, "2": q2, "2.1": q21},
        german=german,
        party_a=party_a,
        party_b=party_b,
        focal_a=FocalPointFactory(party=party_a, user__username="focal-za").user,
        focal_b=FocalPointFactory(party=party_b, user__username="focal-zb").user,
        stranger=UserFactory(username="stranger"),
        staff=UserFactory(username="secretariat-api", is_staff=True),
    )


@pytest.fixture
def draft_a(world):
    """Party A's draft, written in English with German beside it, one answer saved."""
    reply = ReplyFactory(round=world.round, party=world.party_a, national_language=world.german)
    AnswerFactory(reply=reply, question=world.questions["1"], text="Draft answer", saved_by=world.focal_a)
    return reply


@pytest.fixture
def published_b(world):
    reply = ReplyFactory(
        round=world.round,
        party=world.party_b,
        state=Reply.State.PUBLISHED,
        submitted_at=datetime.datetime(2025, 11, 1, tzinfo=datetime.UTC),
        published_on=datetime.date(2025, 12, 15),
    )
    AnswerFactory(reply=reply, question=world.questions["1"], text="Published answer", saved_by=world.focal_b)
    return reply


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def client_as(world):
    """An API client for one of ROLES, logged in by session (token login has its own tests)."""

    def make(role: str) -> APIClient:
        client = APIClient()
        if role != "anonymous":
            client.force_login(getattr(world, role))
        return client

    return make
