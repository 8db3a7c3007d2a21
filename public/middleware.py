"""A public page kept whole in the cache is served to a reader without a session before the rest of the
middleware runs: for such a request sessions, authentication, CSRF, the second factor, the audit trail,
messages, the session limits, htmx and the log-in throttle have nothing to do (no session to load, no user
but the anonymous one, no form to check, nothing to record), yet together they cost as much as the page.

What such a response must carry comes from the same code as on the full path: the security headers and the
Content-Security-Policy from the middleware that runs before this one (it sits after them in MIDDLEWARE);
the language from the URL's prefix, then Content-Language, Content-Length and X-Frame-Options from the
response side of the locale, common and clickjacking middleware; and `Vary: Cookie`, which the session
middleware adds to every page once the session limits read the user. Anything else (a session or messages
cookie, a POST, an htmx request, a path without a language prefix, a page not kept for the current data
version) takes the full stack, where public.cache.whole_page_for_readers decides as before."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.common import CommonMiddleware
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

from .cache import kept_page, known_public_data_version, page_key, without_session


class CachedPageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        # The response side of the middleware after this one that changes such a page, innermost first.
        self.finishing = (
            XFrameOptionsMiddleware(get_response),
            CommonMiddleware(get_response),
            LocaleMiddleware(get_response),
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.kept(request)
        return response if response is not None else self.get_response(request)

    def kept(self, request: HttpRequest) -> HttpResponse | None:
        if not without_session(request):
            return None
        language = translation.get_language_from_path(request.path_info)
        if language is None:
            return None
        request.get_host()  # an unknown Host answers 400, as the common middleware makes it
        translation.activate(language)
        request.LANGUAGE_CODE = language
        # A version not known yet is computed on the full path: this one never reads the database.
        version = known_public_data_version()
        response = kept_page(page_key(request.get_full_path()), version) if version else None
        if response is None:
            return None
        patch_vary_headers(response, ("Cookie",))
        for middleware in self.finishing:
            response = middleware.process_response(request, response)
        return response
