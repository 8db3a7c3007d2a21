"""HTML to PDF with WeasyPrint, fetching nothing but the project's own static files.

A factsheet's HTML is built from data people typed. Whatever a finding's text says, WeasyPrint must not
reach the network or read a file outside `static/`: the fetcher answers `file:` URLs under that folder and
refuses everything else (http, https, ftp, data, files elsewhere, `..` escapes, symlinks out).
"""

import mimetypes
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse


class FetchRefused(ValueError):
    """WeasyPrint catches this, logs a warning and renders without the resource."""


def static_root() -> Path:
    return (Path(settings.BASE_DIR) / "static").resolve()


class StaticOnlyURLFetcher(URLFetcher):
    def __init__(self, root: Path | None = None) -> None:
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self.root = (root or static_root()).resolve()

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise FetchRefused(f"Refused to fetch {url!r}: only the portal's static files are served.")
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            raise FetchRefused(f"Refused to fetch {url!r}: outside the portal's static files.")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": content_type})


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    pages: int


def html_to_pdf(html: str) -> RenderedPdf:
    """Lay out once, count the pages from the layout, write a tagged PDF with the HTML's metadata."""
    root = static_root()
    document = HTML(
        string=html, base_url=root.as_uri() + "/", url_fetcher=StaticOnlyURLFetcher(root)
    ).render()
    return RenderedPdf(content=document.write_pdf(pdf_tags=True), pages=len(document.pages))
