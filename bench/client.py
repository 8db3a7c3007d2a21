"""An HTTP client for the bench's server, in the bench's own process: one connection, kept when the server
keeps it (gunicorn's sync workers close it after each response, as in production, and http.client opens
the next one), timing each request from sending it to the last byte read.

The server runs production's settings behind no proxy, so the client says what the proxy would
(`X-Forwarded-Proto: https`) and keeps the cookies itself: they are `Secure`, which a cookie jar would
refuse to send over plain HTTP.
"""

import dataclasses
import http.client
import time
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

from .middleware import HEADER as QUERIES_HEADER


@dataclasses.dataclass(frozen=True)
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    seconds: float

    @property
    def queries(self) -> int | None:
        value = self.headers.get(QUERIES_HEADER)
        return int(value) if value is not None else None

    @property
    def location(self) -> str:
        """Where a redirect goes, as a path with its query."""
        parts = urlsplit(self.headers.get("Location", ""))
        return parts.path + (f"?{parts.query}" if parts.query else "")


class Client:
    def __init__(self, port: int) -> None:
        self.origin = f"https://127.0.0.1:{port}"
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.cookies: dict[str, str] = {}

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict | None = None
    ) -> Response:
        headers = {"X-Forwarded-Proto": "https", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        began = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
        except OSError:  # the worker was killed (gunicorn's timeout) or the server is gone
            self.connection.close()
            raise
        seconds = time.perf_counter() - began
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return Response(response.status, response.headers, data, seconds)

    def log_in(self, username: str, password: str, *, next: str, code=None) -> None:
        """Through the log-in form, then the second factor's form when the portal asks for it (`code`
        gives a current code), until `next` answers 200."""
        path = f"/en/accounts/login/?{urlencode({'next': next})}"
        response = self.submit(path, {"username": username, "password": password})
        for _step in range(6):
            if response.status in (301, 302, 303):
                path = response.location
                response = self.get(path)
            elif response.status == 200 and urlsplit(path).path == urlsplit(next).path:
                return
            elif response.status == 200 and code and b'name="code"' in response.body:
                response = self.submit(path, {"code": code()}, page=response)
            else:
                break
        raise RuntimeError(f"Logging {username} in to {next} failed at {path} ({response.status}).")

    def submit(self, path: str, fields: dict[str, str], *, page: Response | None = None) -> Response:
        """Fill the page's POST form with `fields` (its hidden fields kept) and send it as a browser does."""
        page = page or self.get(path)
        if page.status != 200:
            raise RuntimeError(f"GET {path} answered {page.status}")
        parser = _Forms()
        parser.feed(page.body.decode())
        form = next((form for form in parser.forms if set(fields) <= form.names), None)
        if form is None:
            raise RuntimeError(f"{path} has no form with the fields {', '.join(sorted(fields))}")
        data = {**form.values, **fields}
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": self.origin,
            "Referer": self.origin + path,
        }
        return self.request("POST", form.action or path, urlencode(data).encode(), headers)


@dataclasses.dataclass
class _Form:
    action: str
    names: set[str] = dataclasses.field(default_factory=set)
    values: dict[str, str] = dataclasses.field(default_factory=dict)


class _Forms(HTMLParser):
    """A page's POST forms: each one's action, field names and the values the page gives them."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[_Form] = []
        self._form: _Form | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        form = self._form
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._form = _Form(action=attrs.get("action") or "")
            self.forms.append(self._form)
        elif form and tag in ("input", "textarea", "select") and attrs.get("name"):
            form.names.add(attrs["name"])
            if attrs.get("value") is not None and attrs.get("type") not in ("checkbox", "radio", "submit"):
                form.values[attrs["name"]] = attrs["value"]
            self._select = attrs["name"] if tag == "select" else None
        elif form and tag == "option" and self._select:
            form.values.setdefault(self._select, attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
