"""Settings of `make bench` only: production's, plus what the benchmarks measure with (bench/urls.py,
bench/middleware.py): a header with each response's query count, and a minimal view of any size that
gives the floor of the stack beside each page.

Nothing else imports this module, and it refuses to load unless the benchmark asks for it (BENCH=1), so a
deployment that names it by mistake does not start.
"""

from django.core.exceptions import ImproperlyConfigured

from .production import *  # noqa: F403
from .production import MIDDLEWARE, env

if not env.bool("BENCH", default=False):
    raise ImproperlyConfigured("lanzarote_portal.settings.bench is for `make bench` only (it sets BENCH=1).")

ROOT_URLCONF = "bench.urls"
# Outermost, so that it counts the queries of every middleware too (sessions, authentication).
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", "bench.middleware.ColdMiddleware", *MIDDLEWARE]
