import pytest
from django.core.management import call_command
from django.utils import translation

from demo.services import SECRETARIAT_GROUP
from tests.auth import log_in_verified


@pytest.fixture(autouse=True)
def english():
    """Each test starts in English: a request in French leaves French active in the thread."""
    with translation.override("en"):
        yield


@pytest.fixture
def seeded(db):
    """The demo data set, as `make run` loads it."""
    call_command("seed_demo", "--force", verbosity=0)


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's superuser client, with the second factor the admin asks of every staff session."""
    log_in_verified(client, admin_user)
    return client


@pytest.fixture
def secretariat_client(client, seeded):
    """A client logged in as the demo Secretariat user: staff with the Secretariat group, not a superuser."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="secretariat")
    assert user.groups.filter(name=SECRETARIAT_GROUP).exists() and not user.is_superuser
    log_in_verified(client, user)
    return client


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: in CI it is a Redis database that outlives a test's data."""
    from django.core.cache import cache

    cache.clear()
