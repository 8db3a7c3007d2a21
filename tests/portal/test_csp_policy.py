"""lanzarote_portal.csp.CSPMiddleware: django-csp's header, its site-wide policy built once per process; a
nonce, a view's own policy and a change of the settings still take effect."""

import pytest
from csp.exceptions import CSPNonceError
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from lanzarote_portal.csp import CSPMiddleware

HEADER = "Content-Security-Policy"


def served(middleware, view=lambda request: HttpResponse("page")):
    request = RequestFactory().get("/en/")
    return request, middleware(view)(request)


def test_a_response_no_view_changed_gets_django_csps_header_each_time():
    expected = served(DjangoCSPMiddleware)[1][HEADER]
    middleware = CSPMiddleware(lambda request: HttpResponse("page"))
    for _ in range(2):
        request = RequestFactory().get("/en/")
        assert middleware(request)[HEADER] == expected
    with pytest.raises(CSPNonceError):  # asked for once the header is written: an error, as in django-csp
        str(request.csp_nonce)


def test_a_nonce_and_a_views_own_policy_still_reach_the_header():
    _request, response = served(CSPMiddleware, lambda request: HttpResponse(str(request.csp_nonce)))
    assert f"'nonce-{response.content.decode()}'" in response[HEADER]

    def relaxed(request):
        response = HttpResponse("page")
        response._csp_update = {"img-src": ["data:"]}
        return response

    assert "data:" in served(CSPMiddleware, relaxed)[1][HEADER]
    assert "data:" not in served(CSPMiddleware)[1][HEADER]


def test_a_change_of_the_settings_changes_the_header():
    middleware = CSPMiddleware(lambda request: HttpResponse("page"))
    before = middleware(RequestFactory().get("/en/"))[HEADER]
    with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {"default-src": ["'self'"]}}):
        assert middleware(RequestFactory().get("/en/"))[HEADER] == "default-src 'self'"
    assert middleware(RequestFactory().get("/en/"))[HEADER] == before
