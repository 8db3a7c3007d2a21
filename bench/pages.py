"""Server time and query count of the pages readers and staff use most, cold (the cache emptied before each
request) and warm, each beside the minimal view answering the same number of bytes to the same client.

A series stops early, after at least `FEWEST` requests, once it has taken `BUDGET_SECONDS`: at full volume
a slow page would otherwise hold the suite for many minutes (the table says how many requests were made).
"""

import dataclasses
import time
from urllib.parse import quote

from .client import Client, Response
from .common import CACHE_DB, median, percentile, redis_flush
from .server import Server
from .targets import FOCAL, PASSWORD, STAFF, Targets, second_factor_token

PUBLIC = "public"
COLD = {"X-Bench-Cold": "1"}  # bench/middleware.py: the answering process forgets what it keeps in memory
BUDGET_SECONDS, FEWEST = 60, 5


@dataclasses.dataclass(frozen=True)
class Page:
    name: str
    path: str
    who: str  # PUBLIC, FOCAL or STAFF


@dataclasses.dataclass(frozen=True)
class Timing:
    seconds: list[float]
    queries: list[int]
    size: int

    @property
    def median_ms(self) -> float:
        return median(self.seconds) * 1000

    @property
    def p95_ms(self) -> float:
        return percentile(self.seconds, 0.95) * 1000

    @property
    def requests(self) -> int:
        return len(self.seconds)

    @property
    def query_range(self) -> str:
        low, high = min(self.queries), max(self.queries)
        return str(low) if low == high else f"{low}-{high}"


@dataclasses.dataclass(frozen=True)
class Result:
    page: Page
    cold: Timing | None = None
    warm: Timing | None = None
    floor: Timing | None = None
    failure: str = ""  # why the page could not be measured (a page too slow for gunicorn's timeout)


def pages(t: Targets) -> list[Page]:
    return [
        Page("Status table", f"/en/rounds/{t.round}/status/", PUBLIC),
        Page(f"Party page ({t.party})", f"/en/rounds/{t.round}/parties/{t.party}/", PUBLIC),
        Page(
            f"Question page ({t.question}, every Party)",
            f"/en/rounds/{t.round}/questions/{t.question}/",
            PUBLIC,
        ),
        Page(f"Search ({t.search!r})", f"/en/search/?q={quote(t.search)}", PUBLIC),
        Page(
            f"Reply editor ({t.editor_party})",
            f"/en/rounds/{t.editor_round}/parties/{t.editor_party}/reply/",
            FOCAL,
        ),
        Page("Moderation queue (admin)", "/en/admin/civil_society/contribution/", STAFF),
        Page("API: replies list", f"/api/v1/rounds/{t.round}/replies/", PUBLIC),
    ]


def measure(server: Server, targets: Targets, *, cold: int, warm: int) -> list[Result]:
    by_page = pages(targets)
    clients = {PUBLIC: server.client(), FOCAL: server.client(), STAFF: server.client()}
    clients[FOCAL].log_in(FOCAL, PASSWORD, next=next(p.path for p in by_page if p.who == FOCAL))
    clients[STAFF].log_in(
        STAFF, PASSWORD, next=next(p.path for p in by_page if p.who == STAFF), code=second_factor_token
    )
    results = []
    for page in by_page:
        try:
            result = _measure(page, clients[page.who], workers=server.workers, cold=cold, warm=warm)
        except (RuntimeError, OSError) as error:
            clients[page.who].connection.close()
            result = Result(page, failure=str(error) or type(error).__name__)
        print(f"{page.name}: {result.failure or _summary(result)}")
        results.append(result)
    return results


def _measure(page: Page, client: Client, *, workers: int, cold: int, warm: int) -> Result:
    _warm_up(client, page.path, workers=workers)
    cold_timing = _sample(client, page.path, count=cold, flush=True)
    warm_timing = _sample(client, page.path, count=warm)
    floor_path = f"/bench/floor/{warm_timing.size}/"
    _warm_up(client, floor_path, workers=workers)
    return Result(page, cold_timing, warm_timing, _sample(client, floor_path, count=warm))


def _summary(result: Result) -> str:
    return (
        f"cold {result.cold.median_ms:.1f} ms, warm {result.warm.median_ms:.1f} ms, "
        f"floor {result.floor.median_ms:.1f} ms, {result.warm.size} bytes"
    )


def _warm_up(client: Client, path: str, *, workers: int) -> None:
    """A few requests first, so that every worker process has loaded what it keeps (templates, code)."""
    ends = time.monotonic() + BUDGET_SECONDS / 4
    for _ in range(3 * workers):
        _ok(client.get(path), path)
        if time.monotonic() > ends:
            break


def _sample(client: Client, path: str, *, count: int, flush: bool = False) -> Timing:
    seconds, queries, sizes = [], [], []
    ends = time.monotonic() + BUDGET_SECONDS
    while len(seconds) < count and (len(seconds) < FEWEST or time.monotonic() < ends):
        if flush:
            redis_flush(CACHE_DB)
        response = _ok(client.request("GET", path, headers=COLD if flush else None), path)
        seconds.append(response.seconds)
        queries.append(response.queries)
        sizes.append(len(response.body))
    return Timing(seconds, queries, int(median(sizes)))


def _ok(response: Response, path: str) -> Response:
    if response.status != 200:
        raise RuntimeError(f"GET {path} answered {response.status}")
    return response
