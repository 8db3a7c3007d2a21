import pytest
from django.urls import reverse

from rounds.models import Round
from tests.auth import log_in_verified
from tests.factories import RoundFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_the_latest_round_in_both_languages(client, seeded):
    # The demo's latest real round has its report adopted: it is the latest round, no longer the current one.
    english = client.get("/en/").content.decode()
    french = client.get("/fr/").content.decode()
    assert "Latest round" in english and '<html lang="en">' in english
    assert "Dernier cycle" in french and '<html lang="fr">' in french
    assert "Monitoring round 2" in english


def test_the_round_page_shows_the_questionnaire_grouped_by_theme(
    client, seeded, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):  # 8: whether a report is adopted, a follow-up public, to link them
        response = client.get(reverse("round-detail", args=["2nd-round"]))
    page = response.content.decode()
    assert response.status_code == 200
    for theme in ("Prevention", "Protection", "Prosecution", "International cooperation"):
        assert f"<h3>{theme}</h3>" in page
    assert 'id="q6.1"' in page or 'id="q1.1"' in page
    assert "capacity-building" in page and "monitoring" in page


def test_the_round_page_reads_in_french(client, seeded):
    page = client.get("/fr/rounds/2nd-round/").content.decode()
    assert "Questionnaire" in page and "Prévention" in page and "Date limite de réponse" in page


def test_the_round_page_opens_the_questionnaire_with_its_preliminary_remarks_in_both_languages(
    client, seeded
):
    english = client.get("/en/rounds/2nd-round/").content.decode()
    french = client.get("/fr/rounds/2nd-round/").content.decode()

    # The two definitions of the 2nd round's questionnaire (seed 001), before its first question.
    assert '<h3 id="preliminary-remarks-heading">Preliminary remarks</h3>' in english
    assert "“Self-generated sexually explicit images and/or videos”" in english
    assert "“Self-generated sexual content”" in english and "Article 20§2" in english
    assert english.index("preliminary-remarks") < english.index('id="q1"')
    assert '<h3 id="preliminary-remarks-heading">Remarques préliminaires</h3>' in french
    assert "images et/ou vidéos sexuellement explicites autoproduites" in french
    assert "contenus sexuels autoproduits" in french and "article 20§2" in french
    assert "Self-generated" not in french


def test_a_round_in_preparation_is_hidden_from_the_public_but_not_the_secretariat(client):
    draft = RoundFactory(status=Round.Status.PREPARATION, theme_en="Unannounced theme")
    url = reverse("round-detail", args=[draft.slug])
    assert client.get(url).status_code == 404
    assert "Unannounced theme" not in client.get(reverse("round-list")).content.decode()

    log_in_verified(client, UserFactory(is_staff=True))
    assert client.get(url).status_code == 200


def test_an_unknown_round_is_404(client, db):
    assert client.get("/en/rounds/no-such-round/").status_code == 404


def test_the_language_switcher_keeps_the_page(client, seeded):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/en/rounds/2nd-round/"})
    assert response.status_code == 302
    assert response.url == "/fr/rounds/2nd-round/"


def test_a_demo_user_can_log_in_from_the_page(client, seeded):
    response = client.post("/en/accounts/login/", {"username": "focal-fr", "password": "lanzarote-demo"})
    assert response.status_code == 302
    assert "Log out (focal-fr)" in client.get("/en/").content.decode()


def test_a_wrong_password_is_refused_with_a_message(client, seeded):
    response = client.post("/en/accounts/login/", {"username": "focal-fr", "password": "wrong"})
    assert response.status_code == 200
    assert "enter a correct username and password" in response.content.decode()
    assert "_auth_user_id" not in client.session
