"""Factories of the evaluation's models (written as given, without the services' checks)."""

import datetime

import factory

from evaluation.models import (
    AgendaItem,
    Chapter,
    Citation,
    Meeting,
    Observation,
    ObservationComment,
    Report,
    Statement,
)
from reports.models import Finding
from tests.factories import RoundFactory, UserFactory


class ObservationFactory(factory.django.DjangoModelFactory):
    """A draft by the Secretariat (no Rapporteur); pass `questions=[...]` to set its questions."""

    class Meta:
        model = Observation
        skip_postgeneration_save = True

    round = factory.SubFactory(RoundFactory)
    title = factory.Sequence(lambda n: f"Observations {n}")
    body = "<p>The replies show progress.</p>"
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def questions(self, create, extracted, **kwargs):
        if create and extracted:
            self.questions.set(extracted)


class CitationFactory(factory.django.DjangoModelFactory):
    """Pass `answer=` or `item=` (one of them) and the `passage`."""

    class Meta:
        model = Citation

    observation = factory.SubFactory(ObservationFactory)
    passage = "quoted words"
    created_by = factory.SubFactory(UserFactory)


class ObservationCommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ObservationComment

    observation = factory.SubFactory(ObservationFactory)
    author = factory.SubFactory(UserFactory)
    text = "Please add the figures of 2024."


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    number = factory.Sequence(lambda n: n + 40)
    place = "Strasbourg"
    starts_on = datetime.date(2026, 3, 3)
    ends_on = datetime.date(2026, 3, 5)


class AgendaItemFactory(factory.django.DjangoModelFactory):
    """A decision to take; pass `kind` with `observation=` or `chapter=` for the others."""

    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n)
    kind = AgendaItem.Kind.DECISION
    title = factory.Sequence(lambda n: f"Agenda item {n}")


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    round = factory.SubFactory(RoundFactory)
    title_en = factory.Sequence(lambda n: f"Implementation report {n}")
    title_fr = factory.Sequence(lambda n: f"Rapport de mise en œuvre {n}")
    document_ref = "T-ES(2026)01"


class ChapterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chapter
        skip_postgeneration_save = True

    report = factory.SubFactory(ReportFactory)
    number = factory.Sequence(lambda n: f"{n + 1}")
    position = factory.Sequence(lambda n: n)
    title_en = factory.Sequence(lambda n: f"Chapter {n}")
    title_fr = factory.Sequence(lambda n: f"Chapitre {n}")
    body_en = "<p>The legal frameworks.</p>"
    body_fr = "<p>Les cadres juridiques.</p>"

    @factory.post_generation
    def questions(self, create, extracted, **kwargs):
        if create and extracted:
            self.questions.set(extracted)


class StatementFactory(factory.django.DjangoModelFactory):
    """A recommendation graded "urges"; pass `parties=[...]` to name Parties."""

    class Meta:
        model = Statement
        skip_postgeneration_save = True

    chapter = factory.SubFactory(ChapterFactory)
    reference = factory.Sequence(lambda n: f"R-{n + 1}")
    kind = Finding.Kind.RECOMMENDATION
    grade = Finding.Grade.URGES
    position = factory.Sequence(lambda n: n)
    title_en = factory.Sequence(lambda n: f"Recommendation {n}")
    title_fr = factory.Sequence(lambda n: f"Recommandation {n}")
    text_en = "The Committee urges the Parties to criminalise coercion."
    text_fr = "Le Comité exhorte les Parties à incriminer la coercition."

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        if create and extracted:
            self.parties.set(extracted)
