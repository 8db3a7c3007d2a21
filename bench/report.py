"""The suite's one table: each measure, its result, the minimal view's figure beside it where there is one,
the ratio, and the target it is reported against (met or missed; the figures are not fixed here)."""

from . import load, pages, sweep
from .common import median, met
from .factsheets import WALL_S, WORKER_MIB

HEADER = ["Measure", "Result", "Minimal view, same size", "Ratio", "Target"]
WARM_RATIO, COLD_RATIO, SEARCH_MS, LOAD_P95_MS = 1.5, 10, 200, 1000
LOAD_RATIO = 0.7
# Logged-in pages are never cached: their target is a time of their own, not a ratio to the floor.
LOGGED_IN_MS = 20


def table(found: dict, *, asked: dict[str, int], connections: int, seconds: int, workers: int) -> str:
    """`asked`: the number of cold and warm requests asked for each page."""
    rows = []
    for result in found.get("pages", []):
        rows += _page_rows(result, asked)
    for result in found.get("load", []):
        rows.append(_load_row(result, connections=connections, seconds=seconds, workers=workers))
    if "factsheets" in found:
        rows += _factsheet_rows(*found["factsheets"])
    if "sweep" in found:
        rows.append(_sweep_row(found["sweep"]))
    if "web_mib" in found:
        rows.append(
            ["Peak memory of a web worker", f"{found['web_mib']:.0f} MiB (highest of {workers})", "", "", ""]
        )
    if "factsheets" in found:
        peak = max(wall["peak_mib"] for wall in found["factsheets"][1].values())
        rows.append(
            [
                "Peak memory of a PDF worker",
                f"{peak:.0f} MiB",
                "",
                "",
                f"< {WORKER_MIB} MiB: {met(peak < WORKER_MIB)}",
            ]
        )
    lines = [_line(HEADER), _line(["---"] * len(HEADER)), *(_line(row) for row in rows)]
    return "\n".join(lines)


def _line(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _page_rows(result: pages.Result, asked: dict[str, int]) -> list[list[str]]:
    if result.failure:
        return [[result.page.name, f"not measured: {result.failure}", "", "", "**missed**"]]
    floor = result.floor
    rows = []
    for label, timing, limit in (("cold", result.cold, COLD_RATIO), ("warm", result.warm, WARM_RATIO)):
        ratio = timing.median_ms / floor.median_ms
        cut = f"; {timing.requests} requests (time budget)" if timing.requests < asked[label] else ""
        target = f"< {limit:g} times the minimal view: {met(ratio < limit)}"
        if result.page.name.startswith("Search"):
            target += f"; median < {SEARCH_MS} ms: {met(timing.median_ms < SEARCH_MS)}"
        if result.page.who != pages.PUBLIC:
            target += f"; median ≤ {LOGGED_IN_MS} ms: {met(timing.median_ms <= LOGGED_IN_MS)}"
        rows.append(
            [
                f"{result.page.name}, {label}",
                f"{timing.median_ms:.1f} / {timing.p95_ms:.1f} ms; {timing.query_range} queries; "
                f"{timing.size / 1024:.0f} KiB{cut}",
                f"{floor.median_ms:.1f} / {floor.p95_ms:.1f} ms; {floor.query_range} queries",
                f"{ratio:.1f} times",
                target,
            ]
        )
    return rows


def _load_row(result: load.Result, *, connections: int, seconds: int, workers: int) -> list[str]:
    if result.failure:
        return [f"{result.name} under load", f"not measured: {result.failure}", "", "", "**missed**"]
    page, floor = result.page, result.floor
    ratio = page.per_second / floor.per_second
    ok = ratio >= LOAD_RATIO and page.p95_ms <= LOAD_P95_MS and page.errors == 0
    return [
        f"{result.name} under load: wrk, {connections} connections for {seconds} s, {workers} workers",
        f"{page.per_second:.0f} req/s; median {page.median_ms:.1f}, p95 {page.p95_ms:.1f}, "
        f"max {page.max_ms:.0f} ms; {page.errors} errors in {page.requests}",
        f"{floor.per_second:.0f} req/s; p95 {floor.p95_ms:.1f} ms; {floor.errors} errors",
        f"{ratio:.2f} times the throughput",
        f"≥ {LOAD_RATIO:g} times the minimal application, p95 ≤ 1 s and no error: {met(ok)}",
    ]


def _factsheet_rows(timings: dict, walls: dict) -> list[list[str]]:
    count = len(timings["due"])
    per_sheet = f"; {median(timings['ours']):.2f} s per factsheet in one process (median)"
    return [
        [
            f"Factsheets of the round, {count} (EN and FR), 1 worker",
            f"{walls[1]['wall']:.1f} s{per_sheet}",
            "",
            "",
            "",
        ],
        [
            f"Factsheets of the round, {count} (EN and FR), 2 workers",
            f"{walls[2]['wall']:.1f} s ({walls[1]['wall'] / walls[2]['wall']:.2f} times faster)",
            "",
            "",
            f"≤ {WALL_S} s: {met(walls[2]['wall'] <= WALL_S)}",
        ],
    ]


def _sweep_row(result: sweep.Result) -> list[str]:
    return [
        f"Deadline sweep: {result.volume}",
        f"first run {result.first_seconds:.2f} s, {result.first_queries} queries ({result.first_did}); "
        f"again {result.again_seconds:.2f} s, {result.again_queries} queries",
        "",
        "",
        "",
    ]
