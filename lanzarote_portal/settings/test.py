"""Test settings: the base ones, with fast hashing and mail kept in memory.

The database comes from DATABASE_URL like everywhere else (CI points it to PostgreSQL).
"""

import os
import re
from urllib.parse import urlsplit, urlunsplit

# pytest-xdist runs the suite in workers gw0, gw1…; pytest-django gives each a test database of its own.
# Each also needs Redis databases of its own (a test empties the cache): gwN takes the numbers in CACHE_URL
# and CELERY_BROKER_URL moved up by 2N (gw0 keeps them). They go back into the environment, marked with
# the worker's name, for the processes the tests start, which inherit them and must not move them again.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")


def _worker_redis(url: str, offset: int) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediscache") or not re.fullmatch(r"/?\d*", parts.path):
        return url
    return urlunsplit(parts._replace(path=f"/{int(parts.path.strip('/') or 0) + offset}"))


if XDIST_WORKER and os.environ.get("TEST_SERVICES_WORKER") != XDIST_WORKER:
    _offset = 2 * int(XDIST_WORKER.removeprefix("gw"))
    for _name in ("CACHE_URL", "CELERY_BROKER_URL"):
        if os.environ.get(_name):
            os.environ[_name] = _worker_redis(os.environ[_name], _offset)
    os.environ["TEST_SERVICES_WORKER"] = XDIST_WORKER

# After the worker's services are set: the base settings read the environment.
from .base import *  # noqa: E402, F403
from .base import PAGES_IN_MEMORY, REST_FRAMEWORK, env, shared_cache  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": shared_cache(env.str("CACHE_URL", default="locmemcache://")), "pages": PAGES_IN_MEMORY}
# A test that empties the shared cache or writes behind the models sees it on the next page; the process's
# memory of the version is tested on its own (tests/public/test_cached_page_middleware.py).
PUBLIC_DATA_VERSION_IN_MEMORY_SECONDS = 0
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Tasks enqueued after commit run in the test's process; the worker tests start real workers. With no
# broker named in the environment, it is in memory: the suite makes no broker folder in the work tree.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
if not env.str("CELERY_BROKER_URL", default=""):
    CELERY_BROKER_URL, CELERY_BROKER_TRANSPORT_OPTIONS = "memory://", {}
MEDIA_ROOT = BASE_DIR / "var" / (f"test-media-{XDIST_WORKER}" if XDIST_WORKER else "test-media")  # noqa: F405

# The API's throttles stay out of the way of the suite; the throttling tests set their own low rates.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {
        **REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
        "anon": "100000/minute",
        "user": "100000/minute",
    },
}
