import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from civil_society.models import Contribution, ContributionItem, Membership, Organisation
from questionnaires.models import Question, Questionnaire, Theme
from reports.models import Finding
from rounds.models import FocalPoint, Participation, Party, Round
from submissions.answer_html import answer_html
from submissions.models import Answer, Reply


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user-{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("pass-word-123")


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Party

    # First letters no Party's ISO code starts with, so factories never collide with the seeded Parties.
    code = factory.Sequence(lambda n: f"{'XQJO'[n // 26 % 4]}{chr(65 + n % 26)}")
    name_en = factory.Sequence(lambda n: f"Party {n}")
    name_fr = factory.Sequence(lambda n: f"Partie {n}")


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round

    number = factory.Sequence(lambda n: n + 10)
    slug = factory.LazyAttribute(lambda round_: f"round-{round_.number}")
    kind = Round.Kind.REGULAR
    status = Round.Status.REPLIES
    theme_en = "Protection against abuse in the circle of trust"
    theme_fr = "Protection contre les abus dans le cercle de confiance"
    questionnaire_adopted_on = datetime.date(2025, 6, 1)
    reply_deadline = datetime.date(2025, 12, 1)


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    round = factory.SubFactory(RoundFactory)
    party = factory.SubFactory(PartyFactory)


class FocalPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocalPoint

    user = factory.SubFactory(UserFactory)
    party = factory.SubFactory(PartyFactory)


class QuestionnaireFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Questionnaire

    round = factory.SubFactory(RoundFactory)
    title_en = "Questionnaire"
    title_fr = "Questionnaire"


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    questionnaire = factory.SubFactory(QuestionnaireFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    position = factory.Sequence(lambda n: n + 1)
    kind = Question.Kind.MONITORING
    theme = Theme.PREVENTION
    text_en = factory.LazyAttribute(lambda q: f"What measures address point {q.number}?")
    text_fr = factory.LazyAttribute(lambda q: f"Quelles mesures répondent au point {q.number} ?")


class ReplyFactory(factory.django.DjangoModelFactory):
    """A reply of a Party monitored in the round (its participation is created with it)."""

    class Meta:
        model = Reply
        skip_postgeneration_save = True

    round = factory.SubFactory(RoundFactory)
    party = factory.SubFactory(PartyFactory)
    participation = factory.RelatedFactory(
        ParticipationFactory, round=factory.SelfAttribute("..round"), party=factory.SelfAttribute("..party")
    )


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    reply = factory.SubFactory(ReplyFactory)
    question = factory.SubFactory(QuestionFactory)
    text = factory.Sequence(lambda n: f"Answer text {n}")
    national_text = ""
    # As every writer stores it beside the texts.
    text_html = factory.LazyAttribute(lambda answer: answer_html(answer.text))
    national_text_html = factory.LazyAttribute(lambda answer: answer_html(answer.national_text))
    saved_by = factory.SubFactory(UserFactory)


def answers_complete(reply: Reply, *, by=None) -> Reply:
    """Answer every question of the reply's questionnaire still unanswered, so that it can be submitted."""
    unanswered = Question.objects.filter(questionnaire__round=reply.round_id).exclude(answers__reply=reply)
    for question in unanswered:
        AnswerFactory(reply=reply, question=question, **({"saved_by": by} if by else {}))
    return reply


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Children's Rights Network {n}")
    email = factory.Sequence(lambda n: f"office-{n}@ngo.example.org")
    verified_at = factory.LazyFunction(timezone.now)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)


class ContributionFactory(factory.django.DjangoModelFactory):
    """A draft comment of an organisation; pass `parties=[...]` to name the Parties it concerns."""

    class Meta:
        model = Contribution
        skip_postgeneration_save = True

    round = factory.SubFactory(RoundFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    kind = Contribution.Kind.COMMENT
    visibility = Contribution.Visibility.PUBLIC
    language = "en"
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        if create and extracted:
            self.parties.set(extracted)


class ContributionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContributionItem

    contribution = factory.SubFactory(ContributionFactory)
    question = factory.SubFactory(QuestionFactory)
    text = "<p>Our observation.</p>"


class FindingFactory(factory.django.DjangoModelFactory):
    """A draft recommendation; pass `parties=[...]`, `questions=[...]`, `answers=[...]` or
    `contributions=[...]` to link them (written as given, without the services' checks)."""

    class Meta:
        model = Finding
        skip_postgeneration_save = True

    round = factory.SubFactory(RoundFactory)
    kind = Finding.Kind.RECOMMENDATION
    grade = Finding.Grade.URGES
    title_en = factory.Sequence(lambda n: f"Finding {n}")
    title_fr = factory.Sequence(lambda n: f"Constat {n}")
    text_en = "The Committee urges the Parties to define child sexual abuse material in law."
    text_fr = "Le Comité exhorte les Parties à définir le matériel d'abus sexuels sur enfants en droit."
    theme = Theme.PREVENTION
    position = factory.Sequence(lambda n: n)
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        if create and extracted:
            self.parties.set(extracted)

    @factory.post_generation
    def questions(self, create, extracted, **kwargs):
        if create and extracted:
            self.questions.set(extracted)

    @factory.post_generation
    def answers(self, create, extracted, **kwargs):
        if create and extracted:
            self.answers.set(extracted)

    @factory.post_generation
    def contributions(self, create, extracted, **kwargs):
        if create and extracted:
            self.contributions.set(extracted)
