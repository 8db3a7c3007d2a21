"""Settings shared by every environment, read from the environment.

The defaults are the embedded ones used by `make run`: SQLite and a filesystem broker under `var/`, so a
newcomer needs nothing but Python. Production overrides them through environment variables (see README).
"""

import datetime
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="insecure-development-key-change-me")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "modeltranslation",  # before admin, so its tabs and fields are registered first
    "accounts.admin_config.PortalAdminConfig",  # Django's admin, behind a second factor
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "simple_history",  # the audit trail (core/audit.py)
    "django_otp",  # the Secretariat's second factor (accounts/two_factor.py)
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # recovery codes
    "axes",  # log-in throttling
    "core",  # what every app shares (core/apps.py); no models
    "accounts",
    "rounds",
    "questionnaires",
    "submissions",
    "civil_society",
    "outbox",
    "reports",
    "evaluation",
    "followup",
    "public",
    "demo",
    "backups",  # backup_portal / restore_portal: imports no other app
    "lanzarote_portal",  # at start, makes the folders the portal writes to (lanzarote_portal/apps.py)
    # Swagger UI's scripts and styles, served as the portal's own static files (no CDN: the API docs work
    # offline and under a Content-Security-Policy without inline scripts).
    "drf_spectacular_sidecar",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lanzarote_portal.csp.CSPMiddleware",  # before WhiteNoise: static files carry the policy too
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A cached public page for a reader without a session, served before the middleware it does not need.
    "public.middleware.CachedPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): the second factor of this session
    "simple_history.middleware.HistoryRequestMiddleware",  # who: the request's user
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.SessionLimitMiddleware",  # a session's idle and absolute limits (after messages)
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out log-in into the lockout page
]

# Response headers on every page, in every environment (production adds HSTS and secure cookies).
# The Content-Security-Policy runs no script and applies no style that is not a file of the portal's own:
# no inline <script>, no onclick=, no style="", no CDN. The one exception is a nonce, given only to a
# page that asks for it (`request.csp_nonce`): the printable contribution keeps its <style> inline so
# that the downloaded file reads the same offline. Pages that show no confidential data may relax it per
# view (the admin's factsheet preview, see reports/admin/factsheets.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
    },
}
X_FRAME_OPTIONS = "DENY"  # for browsers that predate frame-ancestors
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "lanzarote_portal.error_pages.csrf_failure"

ROOT_URLCONF = "lanzarote_portal.urls"
WSGI_APPLICATION = "lanzarote_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # Overrides the `date` filter everywhere: "1er avril 2018" in French.
            "builtins": ["core.templatetags.dates"],
        },
    },
]

# SQLite shared by the web process and the worker needs WAL and immediate transactions, or writers
# collide with "database is locked".
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Each web process keeps the public pages it served last in its own memory (public/cache.py): a bounded
# number, as the largest weigh a few MB.
PAGES_IN_MEMORY = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "public-pages",
    "OPTIONS": {"MAX_ENTRIES": env.int("PAGES_IN_MEMORY", default=40)},
}


def shared_cache(url: str) -> dict:
    """The shared cache named by a CACHE_URL. On Redis (`rediscache://`), one the portal can do without
    (lanzarote_portal/shared_cache.py): a Redis hung or out of reach costs a request at most half a second
    to connect or a second to answer, then nothing for a few seconds; the URL's query may set other
    timeouts (`?socket_timeout=2`)."""
    config = env.cache_url_config(url)
    if config["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        config["BACKEND"] = "lanzarote_portal.shared_cache.TolerantRedisCache"
        timeouts = {"socket_connect_timeout": 0.5, "socket_timeout": 1.0}
        config["OPTIONS"] = {**timeouts, **config.get("OPTIONS", {})}
    return config


CACHES = {
    "default": shared_cache(env.str("CACHE_URL", default=f"filecache://{VAR_DIR / 'cache'}")),
    "pages": PAGES_IN_MEMORY,
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
# Log-in throttling: five failures for one user name from one address lock that pair for 15 minutes
# (another address, or the right user from elsewhere, is not locked out by a guesser). Axes checks before
# the password; the portal's own backend (ModelBackend) refuses inactive accounts.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.lockout.locked_out"
AXES_VERBOSE = False
# Sessions end after SESSION_IDLE_MINUTES without a request (at the earliest half of it: see
# accounts.middleware) and, whatever the activity, SESSION_MAX_HOURS after the log-in. Log-in rotates the
# session key; a password change ends every other session; an inactive account's session ends at its next
# request.
SESSION_COOKIE_AGE = 60 * env.int("SESSION_IDLE_MINUTES", default=120)
SESSION_MAX_AGE_SECONDS = 3600 * env.int("SESSION_MAX_HOURS", default=12)
# The second factor (django-otp): a staff session reaches the admin only once verified with a TOTP code or
# a recovery code, asked for at each log-in.
OTP_TOTP_ISSUER = "Lanzarote portal"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # nobody reads another person's key in the admin
TWO_FACTOR_RECOVERY_CODES = 10
# A confirmation link for a new e-mail address is valid this long.
EMAIL_CHANGE_MAX_AGE_SECONDS = 24 * 3600
# The audit trail is read in the admin, never reverted from it (core/audit.py, core/audit_admin.py).
SIMPLE_HISTORY_REVERT_DISABLED = True

# The Council of Europe's two official languages; content fields carry both (django-modeltranslation).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
FORMAT_MODULE_PATH = ["lanzarote_portal.formats"]
LOCALE_PATHS = [BASE_DIR / "locale"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "fr")
# The admin's language tabs need jQuery UI: served from here, never from a third-party CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
USE_I18N = True
# Deadlines and comment windows are reckoned in Strasbourg time (DESIGN §2).
TIME_ZONE = "Europe/Paris"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Celery. Without CELERY_BROKER_URL the broker is Kombu's filesystem transport: the web process, the
# worker and beat exchange messages through files under var/broker (made at start by each of them), so
# `make run`, or `manage.py migrate` and `runserver`, need no Redis.
BROKER_DIR = Path(env.str("CELERY_FILESYSTEM_BROKER_DIR", default=str(VAR_DIR / "broker")))
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "processed_folder": str(BROKER_DIR / "processed"),
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
    }
else:
    # Tasks are idempotent and acknowledged late; a visibility timeout longer than any task (its time limit,
    # or the longest retry countdown) keeps Redis from redelivering a task that is still running or waiting.
    # A publish from a web request fails at once when Redis is down (one connection attempt, not kombu's
    # retries) and within two seconds when it hangs (socket timeouts: a worker's wait for tasks is not a
    # read that times out, the event loop polls it): the outbox row keeps the e-mail for the sweep's relay,
    # and the user is not kept waiting. Workers reconnect on their own, with Celery's retries.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": 3600,
        "max_retries": 0,
        "socket_connect_timeout": 1,
        "socket_timeout": 2,
        "socket_keepalive": True,
    }
# Other publishes (factsheet renderings, beat's tasks) retry once, at once: enough to replace a connection
# that Redis closed when it restarted, not enough to keep a request waiting on a hung one (2 x 2 s).
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A task stuck on a hung connection is stopped: SoftTimeLimitExceeded after 4 minutes, its process killed
# after 5 (a factsheet renders in seconds, an e-mail in less).
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TASK_TIME_LIMIT = 300
# Factsheet PDFs have their own queue and worker (one process, recycled every 20 tasks for WeasyPrint's
# memory: `--concurrency=1 --max-tasks-per-child=20 -Q pdf` in Procfile.dev and docker-compose.yml), so
# e-mails and the sweeps, the factsheet refresh among them, on the default "celery" queue, never wait
# behind a rendering (a refresh queued behind a round's renderings expired unrun, minute after minute).
CELERY_TASK_ROUTES = {
    "reports.tasks.factsheet_render_task": {"queue": "pdf"},
    "evaluation.tasks.report_document_render_task": {"queue": "pdf"},
}
# A stale factsheet is rendered again once its data has not changed for this long (reports.refresh).
FACTSHEET_REFRESH_DEBOUNCE_SECONDS = env.int("FACTSHEET_REFRESH_DEBOUNCE_SECONDS", default=120)
# A rendering queued and not done after the task's time limit and a margin was lost with a killed worker:
# the refresh queues it again (the broker would only after its visibility timeout, an hour).
FACTSHEET_REQUEUE_AFTER_SECONDS = env.int(
    "FACTSHEET_REQUEUE_AFTER_SECONDS", default=CELERY_TASK_TIME_LIMIT + 60
)
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    "worker-heartbeat": {"task": "lanzarote_portal.tasks.worker_heartbeat", "schedule": 60.0},
    # Deadlines, comment windows, reminders and the outbox relay (DESIGN §3). A sweep not started within its
    # period is dropped: the next one does its work.
    "deadline-sweep": {
        "task": "lanzarote_portal.tasks.sweep",
        "schedule": 300.0,
        "options": {"expires": 290},
    },
    # E-mails the broker could not take (down or hung at the commit) are handed to it within a minute of
    # its return (outbox.tasks), not at the next sweep. Delivery under the row lock keeps them single.
    "outbox-relay": {
        "task": "outbox.tasks.outbox_relay_task",
        "schedule": 20.0,
        "options": {"expires": 18},
    },
    # Stale factsheets are rendered again once their data has held still (reports.refresh).
    "factsheets-refresh": {
        "task": "reports.tasks.factsheets_refresh_task",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    # The implementation report's PDFs queued and lost with a killed worker or a refusing broker.
    "report-documents-requeue": {
        "task": "evaluation.tasks.report_documents_requeue_task",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    "party-comment-digest": {
        "task": "civil_society.tasks.party_comment_digest_task",
        "schedule": crontab(hour=6, minute=0),
    },
    # Keyed by the day in the outbox: a second beat, or a rerun, sends no second digest.
    "secretariat-digest": {
        "task": "civil_society.tasks.secretariat_digest_task",
        "schedule": crontab(hour=7, minute=0),  # CELERY_TIMEZONE: Strasbourg time
    },
}

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="lanzarote-portal@localhost")
# An e-mail the mail server refuses is retried after 30 s, 1, 2, 4 and 8 minutes (each wait capped at 15),
# then recorded as failed for the Secretariat. A retry waits as a scheduled message: no process is held.
OUTBOX_RETRY_BASE_SECONDS = env.float("OUTBOX_RETRY_BASE_SECONDS", default=30)
OUTBOX_MAX_RETRIES = env.int("OUTBOX_MAX_RETRIES", default=5)

# The API (DESIGN §4): JSON only; token or session login, token first so a missing login answers 401;
# every view checks access itself (what a caller may not see is 404); errors translated in one place.
# Lists are filtered with django-filter and paginated (`?page=`, `?page_size=` up to 200); callers are
# throttled per address (anonymous) or per user, with Retry-After on a 429.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "lanzarote_portal.api_parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "lanzarote_portal.api_pagination.ApiPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "lanzarote_portal.api_errors.api_exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "lanzarote_portal.api_throttles.AnonymousRateThrottle",
        "lanzarote_portal.api_throttles.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_ANON_RATE", default="120/minute"),
        "user": env.str("API_USER_RATE", default="600/minute"),
        "auth-token": env.str("API_TOKEN_RATE", default="10/minute"),
    },
    # Behind a reverse proxy, throttles read the client's address from X-Forwarded-For.
    "NUM_PROXIES": env.int("NUM_PROXIES", default=None),
}
# The log-in throttle reads the client's address as the API's throttles do (accounts/client_ip.py).
AXES_CLIENT_IP_CALLABLE = "accounts.client_ip.client_ip"

# The OpenAPI 3 description of the API, served at /api/schema/ and committed as docs/api/openapi.yaml
# (`make schema`). Its prose is in lanzarote_portal/api_schema.py.
SPECTACULAR_SETTINGS = {
    "TITLE": "Lanzarote Committee monitoring portal API",
    "VERSION": "1",
    "DESCRIPTION": "",  # set from lanzarote_portal.api_schema.DESCRIPTION by the hook below
    "SERVERS": [{"url": "/api/v1", "description": "This portal"}],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SORT_OPERATIONS": False,
    # Every choice set named after its model, so that the names do not depend on the order of discovery.
    "ENUM_NAME_OVERRIDES": {
        "RoundKindEnum": "rounds.models.Round.Kind",
        "RoundStatusEnum": "rounds.models.Round.Status",
        "QuestionKindEnum": "questionnaires.models.Question.Kind",
        "ThemeEnum": "questionnaires.models.Theme",
        "ReplyStateEnum": "submissions.models.Reply.State",
        "OfficialLanguageEnum": "core.languages.OfficialLanguage",
        "AttachmentKindEnum": "submissions.models.Attachment.Kind",
        "ContributionKindEnum": "civil_society.models.Contribution.Kind",
        "VisibilityEnum": "civil_society.models.Contribution.Visibility",
        "ContributionStateEnum": "civil_society.models.Contribution.State",
        "CoSignatureStateEnum": "civil_society.models.CoSignature.State",
        "FindingKindEnum": "reports.models.Finding.Kind",
        "FindingGradeEnum": "reports.models.Finding.Grade",
        "FindingStateEnum": "reports.models.Finding.State",
        # The evidence of a finding and of a report's statement (reports/api.py, evaluation/api.py).
        "FindingEvidenceKindEnum": [("answer", "answer"), ("comment", "comment")],
        "FactsheetKindEnum": "reports.models.Factsheet.Kind",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "lanzarote_portal.api_schema.describe",
    ],
    # Swagger UI from our own static files (drf-spectacular-sidecar): no CDN, no inline script.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

DEMO_PASSWORD = env.str("DEMO_PASSWORD", default="lanzarote-demo")
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
# Public pages are cached under a key that changes with their data (public/cache.py): the timeout only
# bounds how long an unused entry occupies the cache.
PUBLIC_PAGE_CACHE_SECONDS = env.int("PUBLIC_PAGE_CACHE_SECONDS", default=24 * 3600)
# The data version itself is kept this long at most; a save or deletion forgets it at once (public/cache.py).
PUBLIC_DATA_VERSION_SECONDS = env.int("PUBLIC_DATA_VERSION_SECONDS", default=60)
# Each web process also remembers the version it read this long, sparing a cached page its one round trip
# to the shared cache: a change made in another process shows at most this late (at once in this one).
PUBLIC_DATA_VERSION_IN_MEMORY_SECONDS = env.float("PUBLIC_DATA_VERSION_IN_MEMORY_SECONDS", default=1.0)
# The licence of a round's open data (public/opendata): named in the JSON document, the zip and its page.
OPEN_DATA_LICENCE = {
    "name": "CC BY 4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "attribution": env.str(
        "OPEN_DATA_ATTRIBUTION", default="Council of Europe \N{EN DASH} Lanzarote Committee"
    ),
    "notice_en": env.str(
        "OPEN_DATA_NOTICE_EN",
        default="The State replies are the Parties' own texts, published as received; civil-society "
        "contributions are their authors' texts. On a demonstration site, all of these are invented texts.",
    ),
    "notice_fr": env.str(
        "OPEN_DATA_NOTICE_FR",
        default="Les réponses des États sont les textes des Parties, publiés tels que reçus ; les "
        "contributions de la société civile sont les textes de leurs auteurs. Sur un site de démonstration, "
        "ce sont des textes inventés.",
    ),
}

# Uploads. Office documents are zip archives, bounded before anything in them is decompressed.
ATTACHMENT_MAX_BYTES = env.int("ATTACHMENT_MAX_BYTES", default=20 * 1024 * 1024)
CONTRIBUTION_DOCUMENT_MAX_BYTES = env.int("CONTRIBUTION_DOCUMENT_MAX_BYTES", default=10 * 1024 * 1024)
# Free texts, in characters (a line break counts one; a contribution's text is counted as stored, as
# sanitised HTML, so a converted .docx counts its markup). The services refuse a longer one with 400
# `too_long` naming the limit; the editors count down from 90% of it (core/text_limits.py).
TEXT_LIMITS = {
    # A State's answer in either language; a contribution's items and general part; an organisation's
    # answer to a request for information; a finding.
    "text": env.int("TEXT_MAX_CHARS", default=100_000),
    # Send-back messages, requests for information, notes on a contribution's moderation.
    "message": env.int("MESSAGE_MAX_CHARS", default=5_000),
    # How children took part in drafting a contribution, an organisation's description.
    "explanation": env.int("EXPLANATION_MAX_CHARS", default=2_000),
    # Attachments', contributions' and findings' titles: their columns hold 200.
    "title": 200,
}
UPLOAD_ZIP_MAX_ENTRIES = 2000
UPLOAD_ZIP_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # WeasyPrint narrates every rendering step at INFO.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
