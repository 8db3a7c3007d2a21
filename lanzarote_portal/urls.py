from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    # Changing the language changes nothing else, so it needs no CSRF token: the public pages, served whole
    # from the cache to readers without a session (public.cache), hold no token of theirs.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    # The API's OpenAPI 3 description (YAML, or JSON with ?format=json) and its reader, without inline script.
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # Swagger UI styles itself inline and draws its icons as data: images; its scripts stay our own files.
    path(
        "api/docs/",
        csp_update({"style-src": [UNSAFE_INLINE], "img-src": ["data:"]})(
            SpectacularSwaggerSplitView.as_view(url_name="api-schema")
        ),
        name="api-docs",
    ),
    path("api/v1/", include("lanzarote_portal.api_urls")),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("accounts.urls")),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("rounds.urls")),
    path("", include("submissions.urls")),
    path("", include("civil_society.urls")),
    path("", include("reports.urls")),
    path("", include("evaluation.urls")),  # before public's /rounds/<slug>/… pages
    path("", include("followup.urls")),
    path("", include("public.urls")),
)

# Branded pages in the page's language; JSON under /api/ (lanzarote_portal/error_pages.py).
handler400 = "lanzarote_portal.error_pages.bad_request"
handler403 = "lanzarote_portal.error_pages.permission_denied"
handler404 = "lanzarote_portal.error_pages.page_not_found"
handler500 = "lanzarote_portal.error_pages.server_error"
