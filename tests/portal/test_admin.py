import re

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse

from questionnaires.models import Questionnaire
from rounds.models import Party, Round
from tests.factories import PartyFactory

pytestmark = pytest.mark.django_db

PORTAL_APPS = {"rounds", "questionnaires", "submissions", "civil_society", "reports"}
PORTAL_MODELS = [model for model in admin.site._registry if model._meta.app_label in PORTAL_APPS]


def admin_url(model, action: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


@pytest.mark.parametrize("model", PORTAL_MODELS, ids=lambda model: model._meta.label)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_secretariat_can_open_every_list_and_add_page(secretariat_client, model, language, rf):
    request = rf.get("/")
    request.user = get_user_model().objects.get(username="secretariat")
    can_add = admin.site._registry[model].has_add_permission(request)
    response = secretariat_client.get(admin_url(model, "changelist").replace("/en/", f"/{language}/"))
    assert response.status_code == 200
    response = secretariat_client.get(admin_url(model, "add").replace("/en/", f"/{language}/"))
    assert response.status_code == (200 if can_add else 403)


def test_the_secretariat_can_open_a_round_and_its_questions(secretariat_client):
    round_ = Round.objects.get(slug="2nd-round")
    response = secretariat_client.get(admin_url(Round, "change", round_.pk))
    assert response.status_code == 200
    page = response.content.decode()
    assert "theme_fr" in page  # modeltranslation's French tab
    scripts = re.findall(r'<script[^>]* src="([^"]+)"', page)
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in scripts
    assert not [src for src in scripts if not src.startswith("/") or src.startswith("//")], scripts

    response = secretariat_client.get(admin_url(Party, "changelist"), {"q": "Allemagne"})
    assert "DE" in response.content.decode()


def test_the_secretariat_edits_the_preliminary_remarks_in_both_languages(secretariat_client):
    questionnaire = Questionnaire.objects.get(round__slug="2nd-round")
    change = admin_url(Questionnaire, "change", questionnaire.pk)
    page = secretariat_client.get(change).content.decode()
    assert 'name="introduction_en"' in page and 'name="introduction_fr"' in page
    assert "Preliminary remarks" in page and "Self-generated sexual content" in page

    response = secretariat_client.post(
        change,
        {
            "round": questionnaire.round_id,
            "title_en": questionnaire.title_en,
            "title_fr": questionnaire.title_fr,
            "introduction_en": "Edited remarks.",
            "introduction_fr": "Remarques modifiées.",
        },
    )

    assert response.status_code == 302
    questionnaire.refresh_from_db()
    assert (questionnaire.introduction_en, questionnaire.introduction_fr) == (
        "Edited remarks.",
        "Remarques modifiées.",
    )


@pytest.mark.parametrize("model", PORTAL_MODELS, ids=lambda model: model._meta.label)
def test_anonymous_visitors_are_sent_to_the_admin_login(client, model):
    response = client.get(admin_url(model, "changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response.url


def test_a_focal_point_cannot_enter_the_admin(client, seeded):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="focal-fr"))
    response = client.get(admin_url(Party, "changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response.url


def test_the_party_list_queries_do_not_grow_with_the_number_of_parties(
    secretariat_client, django_assert_max_num_queries
):
    url = admin_url(Party, "changelist")
    with django_assert_max_num_queries(12) as few:
        secretariat_client.get(url)
    PartyFactory.create_batch(30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = secretariat_client.get(url)
    assert response.context["cl"].result_count == 78
