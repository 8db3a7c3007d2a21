import pytest
from django.core.management import call_command
from django.utils import translation

from demo.services import SECRETARIAT_GROUP
from tests.auth import log_in_verified


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items):
    """With pytest-xdist (`make test`), the tests that start real worker, beat or broker processes run one
    after another in a single worker: side by side, their processes compete for the few cores and their
    timings (a worker's start, beat's schedule) slip."""
    for item in items:
        if item.get_closest_marker("integration"):
            item.add_marker(pytest.mark.xdist_group("integration"))


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


@pytest.fixture
def embedded_broker(tmp_path, monkeypatch):
    """The filesystem broker of `make run`, publishing from this process (not inline, as the test settings
    do), with its folders missing as before the portal's start: returns the broker folder."""
    from lanzarote_portal.celery import app as celery_app

    folder = tmp_path / "var" / "broker"
    options = {
        "data_folder_in": str(folder / "queue"),
        "data_folder_out": str(folder / "queue"),
        "processed_folder": str(folder / "processed"),
        "control_folder": str(folder / "control"),
        "store_processed": False,
    }
    monkeypatch.setenv("CELERY_BROKER_URL", "filesystem://")  # Celery reads it before its configuration
    monkeypatch.setitem(celery_app.conf, "broker_url", "filesystem://")
    monkeypatch.setitem(celery_app.conf, "broker_transport_options", options)
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    # Connections pooled for another broker are set aside, and given back after the test.
    monkeypatch.setattr(celery_app, "_pool", None)
    monkeypatch.setattr(celery_app.amqp, "_producer_pool", None)
    yield folder
    for pool in (celery_app.amqp._producer_pool, celery_app._pool):
        if pool is not None:
            pool.force_close_all()
