"""A real Celery worker process takes tasks from a real broker: Redis (production) and files (`make run`)."""

import os
import subprocess
import sys
import time
import uuid

import pytest
import redis
from django.conf import settings
from django.utils.module_loading import import_string
from environ import Env
from kombu import Connection

from lanzarote_portal.celery import app as celery_app
from lanzarote_portal.tasks import HEARTBEAT_KEY, worker_heartbeat

pytestmark = pytest.mark.integration
REDIS_URL = os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
WAIT_SECONDS = 60


def redis_available() -> bool:
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


def broker(kind: str, tmp_path) -> tuple[str, dict, dict]:
    """(url, transport options, extra worker environment) for a kind of broker."""
    if kind == "redis":
        if not REDIS_URL.startswith("redis://") or not redis_available():
            if os.environ.get("REQUIRE_SERVICES"):
                pytest.fail(f"Redis is required here but unreachable at {REDIS_URL}")
            pytest.skip("no Redis on this machine")
        return REDIS_URL, {}, {"CELERY_BROKER_URL": REDIS_URL}
    folder = tmp_path / "broker"
    (folder / "queue").mkdir(parents=True)
    (folder / "processed").mkdir()
    options = {
        "data_folder_in": str(folder / "queue"),
        "data_folder_out": str(folder / "queue"),
        "control_folder": str(folder / "control"),
    }
    return (
        "filesystem://",
        options,
        {"CELERY_BROKER_URL": "filesystem://", "CELERY_FILESYSTEM_BROKER_DIR": str(folder)},
    )


@pytest.fixture
def worker_cache(tmp_path):
    """A cache on disk shared by the test and the worker process, where the heartbeat lands."""
    url = f"filecache://{tmp_path / 'cache'}"
    config = Env.cache_url_config(url)
    return url, import_string(config["BACKEND"])(config["LOCATION"], {})


@pytest.mark.parametrize("kind", ["redis", "filesystem"])
def test_a_worker_process_runs_a_task_sent_through_the_broker(kind, tmp_path, worker_cache, monkeypatch):
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)  # the test settings run tasks inline
    url, transport_options, worker_env = broker(kind, tmp_path)
    cache_url, cache = worker_cache
    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        **worker_env,
        "CACHE_URL": cache_url,
        "DJANGO_SETTINGS_MODULE": "lanzarote_portal.settings.test",
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lanzarote_portal",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            "--without-gossip",
            "--without-mingle",
            "--loglevel=INFO",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert cache.get(HEARTBEAT_KEY) is None
        with Connection(url, transport_options=transport_options) as connection:
            worker_heartbeat.apply_async(queue=queue, connection=connection)
        deadline = time.monotonic() + WAIT_SECONDS
        while cache.get(HEARTBEAT_KEY) is None and time.monotonic() < deadline and worker.poll() is None:
            time.sleep(0.2)
        assert cache.get(HEARTBEAT_KEY) is not None, "the worker did not run the task"
    finally:
        worker.terminate()
        output, _ = worker.communicate(timeout=30)
    assert "lanzarote_portal.tasks.worker_heartbeat" in output
    assert "succeeded" in output
