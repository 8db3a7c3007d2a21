"""An adopted implementation report in the evaluation's test world (`world` in conftest.py), made through
the services as the Secretariat makes it: two chapters, a section, and a statement of each kind citing a
published answer, a public comment, or nothing; the report's page, PDF, API and open data read it."""

import datetime
from types import SimpleNamespace

from evaluation import services
from reports.models import Finding

BODY_EN = "<p>Most Parties criminalise the possession of such material.</p>"
BODY_FR = "<p>La plupart des Parties incriminent la détention de ce matériel.</p>"


def adopt_a_report(world, *, adopt: bool = True) -> SimpleNamespace:
    staff = world.staff
    report = services.report_create(
        round=world.round,
        title_en="Protecting children against ICT-facilitated abuse",
        title_fr="Protéger les enfants contre les abus facilités par les TIC",
        document_ref="T-ES(2022)02",
        by=staff,
    )
    legal = services.chapter_create(
        report=report, number="I", title_en="Legal frameworks", title_fr="Cadres juridiques", by=staff
    )
    legal = services.chapter_save(
        chapter=legal,
        title_en="Legal frameworks",
        title_fr="Cadres juridiques",
        body_en=BODY_EN,
        body_fr=BODY_FR,
        version=legal.version,
        by=staff,
    )
    section = services.chapter_create(
        report=report,
        number="I.1",
        title_en="Self-generated material",
        title_fr="Matériel autoproduit",
        questions=[world.q1],
        by=staff,
    )
    support = services.chapter_create(
        report=report, number="II", title_en="Support to victims", title_fr="Aide aux victimes", by=staff
    )
    recommendation = services.statement_add(
        chapter=section,
        kind=Finding.Kind.RECOMMENDATION,
        grade=Finding.Grade.URGES,
        title_en="Define self-generated material in law",
        title_fr="Définir le matériel autoproduit en droit",
        text_en="The Committee urges the Parties concerned to define self-generated material in law.",
        text_fr="Le Comité exhorte les Parties concernées à définir le matériel autoproduit en droit.",
        parties=[world.party_b],
        questions=[world.q1],
        answers=[world.answer_a1, world.answer_b1],
        contributions=[world.public],
        by=staff,
    )
    practice = services.statement_add(
        chapter=support,
        kind=Finding.Kind.PROMISING_PRACTICE,
        grade="",
        title_en="State-funded helplines",
        title_fr="Lignes d'écoute financées par l'État",
        text_en="Helplines funded by the State answer children day and night.",
        text_fr="Des lignes d'écoute financées par l'État répondent aux enfants jour et nuit.",
        parties=[world.party_a],
        questions=[world.q2],
        answers=[world.answer_a2],
        by=staff,
    )
    challenge = services.statement_add(
        chapter=support,
        kind=Finding.Kind.CHALLENGE,
        grade="",
        title_en="Waiting times for hearings",
        title_fr="Délais d'attente des audiences",
        text_en="Victims wait too long for a hearing.",
        text_fr="Les victimes attendent trop longtemps une audience.",
        applies_to_all=True,
        questions=[world.q1],
        by=staff,
    )
    meeting = services.meeting_create(
        number=41,
        place="Strasbourg",
        starts_on=datetime.date(2026, 3, 8),
        ends_on=datetime.date(2026, 3, 10),
        by=staff,
    )
    if adopt:
        report = services.report_adopt(
            report=report, meeting=meeting, adopted_on=datetime.date(2026, 3, 10), by=staff
        )
    return SimpleNamespace(
        report=report,
        meeting=meeting,
        legal=legal,
        section=section,
        support=support,
        recommendation=recommendation,
        practice=practice,
        challenge=challenge,
    )
