"""Factsheets: every country and thematic factsheet of a round, in English and in French.

Reports the time per factsheet (median, max) in this process, the same for WeasyPrint alone laying out the
same final HTML (so the ratio is our own overhead: queries, templates, hashing, storing), the wall time of
`render_factsheets --force` through 1 and through 2 real PDF workers, and the peak memory of a worker
process.
"""

import subprocess
import sys
import threading
import time
from pathlib import Path

from .common import (
    BASE_DIR,
    BROKER_DB,
    child_pids,
    environment,
    high_water_kib,
    median,
    met,
    redis_flush,
    require_redis,
    write_section,
)
from .seeding import data_set, setup_django

ROUND = "2nd-round"
CELERY = str(Path(sys.executable).with_name("celery"))


def main() -> None:
    """`python -m bench.factsheets`: this benchmark alone, on the demo data's 2nd round."""
    require_redis()
    setup_django("demo")
    try:
        timings, walls = measure(ROUND)
    finally:
        redis_flush(BROKER_DB)
    write_section(
        "Factsheets (demo)", f"Data: {data_set('demo')}; round {ROUND}.\n\n" + table(timings, walls)
    )
    print((BASE_DIR / "bench" / "results.md").read_text())


def measure(slug: str) -> tuple[dict, dict]:
    """Every factsheet of the round in this process, then through 1 and through 2 workers."""
    from rounds.models import Round

    timings = in_process(Round.objects.get(slug=slug))
    return timings, {workers: through_workers(workers, slug) for workers in (1, 2)}


def in_process(round_) -> dict:
    from weasyprint import HTML

    from reports.factsheets import factsheet_html, factsheet_render_by_key, factsheets_due
    from reports.pdf import static_root
    from rounds.models import Party

    due = factsheets_due(round_)
    # A first rendering loads fonts and templates: not counted.
    factsheet_render_by_key(round=round_, kind=due[0][0], key=due[0][1], language=due[0][2], force=True)
    ours, alone, pages = [], [], []
    for number, (kind, key, language) in enumerate(due, start=1):
        began = time.perf_counter()
        sheet = factsheet_render_by_key(round=round_, kind=kind, key=key, language=language, force=True)
        ours.append(time.perf_counter() - began)
        pages.append(sheet.pages)

        party = Party.objects.get(code=key) if kind == "country" else None
        html = factsheet_html(
            round=round_, kind=kind, party=party, theme="" if party else key, language=language
        )
        began = time.perf_counter()
        HTML(string=html, base_url=static_root().as_uri() + "/").write_pdf(pdf_tags=True)
        alone.append(time.perf_counter() - began)
        print(f"[{number}/{len(due)}] {kind} {key} {language}: {ours[-1]:.2f} s, alone {alone[-1]:.2f} s")
    countries = sum(1 for kind, _key, _language in due if kind == "country")
    return {"due": due, "countries": countries, "ours": ours, "alone": alone, "pages": pages}


def through_workers(workers: int, slug: str) -> dict:
    """`render_factsheets --force` through `workers` worker processes on the pdf queue, as in production."""
    env = environment()
    subprocess.run(
        [CELERY, "-A", "lanzarote_portal", "purge", "-f", "-Q", "pdf"], env=env, capture_output=True
    )
    name = f"bench{workers}@%h"
    log = (BASE_DIR / "var" / "bench-worker.log").open("w")
    worker = subprocess.Popen(
        [
            *(CELERY, "-A", "lanzarote_portal", "worker", "-Q", "pdf", f"--concurrency={workers}"),
            "--max-tasks-per-child=20",
            "-n",
            name,
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
        ],
        env=env,
        cwd=BASE_DIR,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_ready(env, workers=workers, pid=worker.pid)
        peak = PeakMemory(worker.pid)
        peak.start()
        began = time.perf_counter()
        subprocess.run(
            [sys.executable, "manage.py", "render_factsheets", "--round", slug, "--force"],
            env=env,
            cwd=BASE_DIR,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        wall = time.perf_counter() - began
        peak.stop()
    finally:
        worker.terminate()
        worker.wait(timeout=60)
        log.close()
    print(f"{workers} worker(s): {wall:.1f} s, peak {peak.kib / 1024:.0f} MiB")
    return {"wall": wall, "peak_mib": peak.kib / 1024}


def _wait_ready(env: dict, *, workers: int, pid: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if len(child_pids(pid)) >= workers:
            time.sleep(1)  # the pool's processes exist; let them finish importing
            return
        time.sleep(0.2)
    raise RuntimeError("The benchmark's worker did not start.")


class PeakMemory(threading.Thread):
    """The highest resident set size of any of the worker's pool processes (VmHWM), sampled every 0.2 s:
    a process recycled after 20 tasks takes its own peak with it."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.kib, self._stop_event = pid, 0, threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(0.2):
            for child in child_pids(self.pid):
                self.kib = max(self.kib, high_water_kib(child))

    def stop(self) -> None:
        for child in child_pids(self.pid):
            self.kib = max(self.kib, high_water_kib(child))
        self._stop_event.set()
        self.join()


# The targets of a round's factsheets at full volume.
WALL_S, COUNTRY_PAGES, OVERHEAD, WORKER_MIB = 60, 8, 1.05, 300


def table(timings: dict, walls: dict) -> str:
    ours, alone, pages = timings["ours"], timings["alone"], timings["pages"]
    count, countries = len(timings["due"]), timings["countries"]
    country_pages = [n for (kind, _k, _l), n in zip(timings["due"], pages, strict=True) if kind == "country"]
    thematic_pages = [n for (kind, _k, _l), n in zip(timings["due"], pages, strict=True) if kind != "country"]
    overhead = sum(ours) / sum(alone)
    wall, peak = walls[2]["wall"], max(w["peak_mib"] for w in walls.values())
    short = bool(country_pages) and median(country_pages) <= COUNTRY_PAGES
    rows = [
        ("Factsheets", f"{count} ({countries} country and {count - countries} thematic, EN and FR)", ""),
        (
            "Pages of a country factsheet: median / max",
            _spread(country_pages),
            f"median ≤ {COUNTRY_PAGES}: {met(short)}",
        ),
        ("Pages of a thematic factsheet: median / max", _spread(thematic_pages), ""),
        ("Time per factsheet, ours: median / max", _spread(ours, "s"), ""),
        ("WeasyPrint alone on the same HTML: median / max", _spread(alone, "s"), ""),
        (
            "Our overhead (ours / WeasyPrint alone, total)",
            f"{overhead:.2f} times",
            f"≤ {OVERHEAD:g} times: {met(overhead <= OVERHEAD)}",
        ),
        ("Wall time, 1 worker", f"{walls[1]['wall']:.1f} s", ""),
        ("Wall time, 2 workers", f"{wall:.1f} s", f"≤ {WALL_S} s: {met(wall <= WALL_S)}"),
        ("Speed-up with 2 workers", f"{walls[1]['wall'] / wall:.2f} times", ""),
        (
            "Peak memory of a worker process",
            f"{peak:.0f} MiB",
            f"< {WORKER_MIB} MiB: {met(peak < WORKER_MIB)}",
        ),
    ]
    lines = ["| Measure | Value | Target |", "|---|---|---|", *(f"| {' | '.join(row)} |" for row in rows)]
    return "\n".join(lines)


def _spread(values: list[float], unit: str = "") -> str:
    """Median / max: whole pages, or seconds to the hundredth."""
    if not values:
        return "none"
    if unit:
        return f"{median(values):.2f} {unit} / {max(values):.2f} {unit}"
    return f"{median(values):.0f} / {max(values)}"


if __name__ == "__main__":
    main()
