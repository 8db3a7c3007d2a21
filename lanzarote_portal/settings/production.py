"""Production settings: every secret and address comes from the environment, nothing defaults.

`manage.py check --deploy --settings=lanzarote_portal.settings.production` passes when given real values.
"""

from .base import *  # noqa: F403
from .base import PAGES_IN_MEMORY, env, shared_cache

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
DATABASES = {"default": env.db("DATABASE_URL")}
# After a PostgreSQL restart each process reconnects by itself: gunicorn's persistent connections are
# checked before a request reuses them (CONN_HEALTH_CHECKS); Celery's Django fixup closes the connection
# around every task. A request caught by the restart answers 503 (lanzarote_portal.error_pages), and a
# database that does not answer fails a connection in seconds rather than holding a gunicorn worker.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env.int("DB_CONNECT_TIMEOUT", default=5)
CACHES = {"default": shared_cache(env.str("CACHE_URL")), "pages": PAGES_IN_MEMORY}
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL")

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)  # a hung mail server must not hold a worker for minutes

# TLS is terminated by a reverse proxy, which tells the portal the original scheme in a header. Trusting it
# is safe only when the proxy sets it on every request (overwriting what a client sent): set
# PROXY_SSL_HEADER to the header it uses, or to an empty value when no proxy sits in front.
PROXY_SSL_HEADER = env.str("PROXY_SSL_HEADER", default="X-Forwarded-Proto")
if PROXY_SSL_HEADER:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + PROXY_SSL_HEADER.upper().replace("-", "_"), "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]  # probes from inside the network speak plain HTTP
# Browsers keep to HTTPS for a year. The preload flag only lets the domain's owner submit it to the
# browsers' built-in list (hstspreload.org); set SECURE_HSTS_PRELOAD=false where that must not happen.
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)

# Cookies over HTTPS only, out of scripts' reach. The __Host- prefix makes browsers refuse them unless they
# are Secure, for the whole site and bound to this exact host (no Domain attribute). No script of the
# portal reads the CSRF cookie: forms and htmx send the token from the page.
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_NAME = "__Host-csrftoken"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
