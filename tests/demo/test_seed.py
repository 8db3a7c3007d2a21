import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from civil_society.selectors import organisation_of
from questionnaires.models import Question
from rounds.models import FocalPoint, Language, Party, Round

pytestmark = pytest.mark.django_db

PORTAL_APPS = (
    "rounds",
    "questionnaires",
    "submissions",
    "civil_society",
    "reports",
    "evaluation",
    "followup",
    "auth",
)


def snapshot() -> dict[str, list[dict]]:
    """Every row of the portal's tables, to show a second seed writes nothing."""
    rows = {}
    for app_label in PORTAL_APPS:
        for model in apps.get_app_config(app_label).get_models(include_auto_created=True):
            rows[model._meta.label] = list(model.objects.order_by("pk").values())
    return rows


def test_the_seed_loads_the_real_parties_and_rounds(seeded):
    assert Party.objects.count() == 48
    # And the demonstration round, and the follow-ups of the urgent and demonstration rounds.
    assert Round.objects.filter(demonstration=False).exclude(kind=Round.Kind.FOLLOW_UP).count() == 3
    assert Round.objects.filter(kind=Round.Kind.FOLLOW_UP).count() == 2
    second = Round.objects.get(slug="2nd-round")
    assert second.questionnaire.questions.filter(parent=None).count() == 16
    assert set(second.questionnaire.questions.values_list("kind", flat=True)) == set(Question.Kind.values)
    assert set(second.questionnaire.questions.values_list("theme", flat=True)) == {
        "prevention",
        "protection",
        "prosecution",
        "international_cooperation",
    }
    assert Party.objects.get(code="FR").name_fr == "France"
    assert Party.objects.get(code="DE").name_fr == "Allemagne"


def test_montenegro_s_national_language_is_montenegrin_and_a_new_seed_corrects_it(seeded):
    montenegro = Party.objects.get(code="ME")
    assert montenegro.national_languages.filter(
        code="cnr", name_en="Montenegrin", name_fr="monténégrin"
    ).exists()
    assert not montenegro.national_languages.filter(code="sr").exists()
    # A database seeded when Montenegro was given Serbian is put right by the next seed.
    montenegro.national_languages.add(Language.objects.get(code="sr"))
    montenegro.national_languages.remove(Language.objects.get(code="cnr"))

    call_command("seed_demo", "--force", verbosity=0)

    assert set(montenegro.national_languages.values_list("code", flat=True)) == {"cnr", "sq", "bs", "hr"}
    assert Party.objects.get(code="RS").national_languages.filter(code="sr").exists()


def test_every_party_has_a_focal_point_and_the_demo_users_exist(seeded):
    assert FocalPoint.objects.count() == 48
    assert FocalPoint.objects.get(user__username="focal-fr").party.code == "FR"
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    assert users.get(username="secretariat").is_staff
    assert users.filter(username__in=["ngo-alpha", "ngo-beta"], is_staff=False).count() == 2
    assert users.get(username="focal-fr").check_password("lanzarote-demo")


def test_the_parties_monitored_in_a_round_were_bound_when_its_questionnaire_was_adopted(seeded):
    second = Round.objects.get(slug="2nd-round")
    monitored = second.parties.all()
    assert monitored.count() == 42  # DESIGN §2: the six Parties bound later are not monitored
    assert not monitored.filter(in_force_on__gt=second.questionnaire_adopted_on).exists()
    assert not monitored.filter(code__in=["AM", "AZ", "GB", "IE", "NO", "TN"]).exists()


def test_running_the_seed_twice_changes_nothing(seeded):
    before = snapshot()
    call_command("seed_demo", "--force", verbosity=0)
    assert snapshot() == before


def test_the_seed_refuses_to_run_with_debug_off_unless_forced(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("seed_demo", verbosity=0)
    assert not Party.objects.exists()

    call_command("seed_demo", "--force", verbosity=0)
    assert Party.objects.count() == 48


def test_the_demo_organisations_are_verified_and_have_their_members(seeded):
    users = get_user_model().objects.filter(username__in=["ngo-alpha", "ngo-beta"]).order_by("username")
    organisations = [organisation_of(user) for user in users]
    assert [organisation.name for organisation in organisations] == [
        "Alpha Child Rights Network (demo)",
        "Beta Youth Voice (demo)",
    ]
    assert all(organisation.is_verified for organisation in organisations)
