"""Test settings: the base ones, with fast hashing and mail kept in memory.

The database comes from DATABASE_URL like everywhere else (CI points it to PostgreSQL).
"""

from .base import *  # noqa: F403
from .base import PAGES_IN_MEMORY, REST_FRAMEWORK, env, shared_cache

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": shared_cache(env.str("CACHE_URL", default="locmemcache://")), "pages": PAGES_IN_MEMORY}
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
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405

# The API's throttles stay out of the way of the suite; the throttling tests set their own low rates.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {
        **REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
        "anon": "100000/minute",
        "user": "100000/minute",
    },
}
