"""A Party's follow-up in public (`/parties/<code>/follow-up/`): every recommendation asked of it in every
exercise, the newest first, each with its current adopted level (named, not a colour alone), its dated
history (cycle, meeting), the report's statement and the Party's answer; the counts per level; proposals
never; 404 for a Party asked nothing the viewer may see; links from the Party's page and the compliance
table; French; queries constant in exercises and items; the page kept for readers changes with an
adoption."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from core.viewers import PUBLIC
from followup.selectors import party_follow_up
from followup.services import assessment_adopt, clarification_request
from rounds.models import Round
from tests.factories import AnswerFactory, PartyFactory, ReplyFactory
from tests.followup.test_public import _assess
from tests.followup.test_selectors import _grow

pytestmark = pytest.mark.django_db


def page_url(party, language: str = "en") -> str:
    with translation.override(language):
        return reverse("party-follow-up", args=[party.code])


def page(client, party, language: str = "en") -> str:
    response = client.get(page_url(party, language))
    assert response.status_code == 200
    return response.content.decode()


def _item(html: str, reference: str) -> str:
    return html.split(f'<span class="compliance-reference">{reference}</span>')[1].split("</li>\n    \n")[0]


def _cycle_two(world, exercise, party):
    """Not complied at the first assessment, clarifications asked, partially complied at the second."""
    _assess(world, exercise, party=party, level="not_complied", on=datetime.date(2026, 9, 1))
    clarification_request(
        round=exercise.round,
        question=exercise.q_r3,
        party=party,
        request="Say when the bill is voted.",
        due_on=datetime.date(2026, 12, 1),
        by=world.staff,
        now=timezone.make_aware(datetime.datetime(2026, 9, 1, 18)),
    )
    _assess(world, exercise, party=party, level="partially_complied", on=datetime.date(2026, 9, 3))


def test_the_selector_gives_each_item_asked_of_the_party_with_its_history(world, exercise):
    _cycle_two(world, exercise, world.party_b)
    _assess(world, exercise, party=world.party_a, level="complied")

    follow_up_a = party_follow_up(PUBLIC, world.party_a)
    follow_up_b = party_follow_up(PUBLIC, world.party_b)

    assert [entry.item.reference for entry in follow_up_a.items] == ["R-1", "R-3"]
    assert [entry.item.reference for entry in follow_up_b.items] == ["R-3"]  # R-1 concerns Party A only
    (entry,) = follow_up_b.items
    assert [(a.cycle, a.level) for a in entry.history] == [(1, "not_complied"), (2, "partially_complied")]
    assert entry.level == "partially_complied" and entry.statement_anchor == "r-3"
    counts = {count.level: count.count for count in follow_up_a.counts}
    assert counts == {"complied": 1, "partially_complied": 0, "not_complied": 0, "no_information": 0, "": 1}


def test_the_page_shows_levels_history_links_and_counts(client, world, exercise):
    _cycle_two(world, exercise, world.party_b)
    published = {"state": "published", "published_on": datetime.date(2026, 7, 1)}
    reply = ReplyFactory(round=exercise.round, party=world.party_b, participation=None, **published)
    AnswerFactory(reply=reply, question=exercise.q_r3, text="The bill is tabled.")

    html = page(client, world.party_b)

    assert f"Follow-up of the recommendations: {world.party_b.name}" in html
    assert exercise.round.label in html
    assert "Recommendation R-1" not in html  # not asked of Party B
    item = _item(html, "R-3")
    assert 'class="level-badge level-partially_complied">Partially complied</span>' in item
    assert item.index("Not complied") < item.index("Partially complied</span> · cycle 2")
    assert "2026-09-01" in item and "2026-09-03" in item
    assert f"meeting no. {world.meeting.number}" in item
    assert reverse("round-report", args=[world.round.slug]) + "#r-3" in item
    assert reverse("party-reply", args=[exercise.round.slug, world.party_b.code]) + "#q-3" in item
    summary = html.split('id="follow-up-summary"')[1].split("</table>")[0]
    assert "<caption>" in summary and 'scope="row"' in summary and 'scope="col"' in summary
    assert "Partially complied</span></th><td>1</td>" in summary
    assert "Not assessed yet</span></th><td>0</td>" in summary
    assert reverse("party-follow-up-pdf", args=[world.party_b.code, "fr"]) in html


def test_exercises_are_listed_newest_first(client, world, exercise):
    later = _grow(world, parties=0, items=1)
    later.questionnaire_adopted_on = datetime.date(2026, 6, 1)  # after the first one's, 1 May
    later.save()

    html = page(client, world.party_a)

    assert html.index(f'id="exercise-{later.slug}"') < html.index(f'id="exercise-{exercise.round.slug}"')


def test_a_proposal_is_no_level_and_its_reasoning_is_never_shown(client, world, exercise):
    _assess(world, exercise, party=world.party_a, level="complied", adopt=False, reasoning="SECRET-REASONING")

    html = page(client, world.party_a)

    assert "SECRET-REASONING" not in html
    assert "Complied</span></th><td>0</td>" in html
    assert "Not assessed yet</span></th><td>2</td>" in html


def test_in_french(client, world, exercise):
    _assess(world, exercise, party=world.party_a, level="complied")

    html = page(client, world.party_a, "fr")

    assert page_url(world.party_a, "fr").startswith("/fr/")
    assert 'lang="fr"' in html
    assert "Respectée" in html
    assert "Suivi des recommandations" in html


def test_no_follow_up_visible_no_page(client, world, exercise):
    assert client.get(reverse("party-follow-up", args=["zz"])).status_code == 404
    assert client.get(page_url(PartyFactory())).status_code == 404  # asked nothing
    exercise.round.status = Round.Status.PREPARATION
    exercise.round.save()
    assert client.get(page_url(world.party_a)).status_code == 404
    client.force_login(world.staff)  # the Secretariat sees the exercise in preparation
    assert client.get(page_url(world.party_a)).status_code == 200


def test_the_party_page_and_the_compliance_table_link_to_it(client, world, exercise):
    link = page_url(world.party_a)
    party_page = reverse("party-reply", args=[world.round.slug, world.party_a.code])
    assert link in client.get(party_page).content.decode()
    assert link in client.get(reverse("round-follow-up", args=[world.round.slug])).content.decode()
    exercise.round.status = Round.Status.PREPARATION
    exercise.round.save()
    assert link not in client.get(party_page).content.decode()


def test_an_adoption_changes_the_page_kept_for_readers(client, world, exercise):
    assessment = _assess(world, exercise, party=world.party_a, level="complied", adopt=False)
    assert "Complied</span></th><td>0</td>" in page(client, world.party_a)

    assessment_adopt(
        assessment=assessment, meeting=world.meeting, adopted_on=datetime.date(2026, 9, 2), by=world.staff
    )

    assert "Complied</span></th><td>1</td>" in page(client, world.party_a)


def test_the_selector_takes_four_queries_whatever_the_exercises_and_items(
    world, exercise, django_assert_num_queries
):
    _assess(world, exercise, party=world.party_a, level="complied")
    with django_assert_num_queries(4):
        one = party_follow_up(PUBLIC, world.party_a)
        [(entry.level, entry.item.reference, entry.item.finding.title) for entry in one.items]
        [exercise.round.label for exercise in one.exercises]
    assert len(one.exercises) == 1

    for items in (3, 2):  # two more exercises, each following up every "urges" recommendation so far
        _grow(world, parties=2, items=items)
    with django_assert_num_queries(4):
        many = party_follow_up(PUBLIC, world.party_a)
        [(entry.level, entry.item.reference, entry.item.finding.title) for entry in many.items]
        [exercise.round.label for exercise in many.exercises]
    assert len(many.exercises) == 3 and len(many.items) > 10


def test_the_page_takes_as_many_queries_whatever_the_exercises_and_items(
    client, world, exercise, django_assert_num_queries
):
    client.force_login(world.staff)  # a reader with a session: the page is built each time
    _assess(world, exercise, party=world.party_a, level="complied")
    client.get(page_url(world.party_a))  # the session's and the cache's first reads
    with django_assert_num_queries(QUERIES_PER_PAGE):
        page(client, world.party_a)
    for items in (3, 2):
        _grow(world, parties=2, items=items)
    client.get(page_url(world.party_a))
    with django_assert_num_queries(QUERIES_PER_PAGE):
        html = page(client, world.party_a)
    assert html.count('class="follow-up-item"') > 10


QUERIES_PER_PAGE = 10
