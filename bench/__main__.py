"""`python -m bench` (`make bench`): the benchmark suite, on its own database seeded at the scale asked for.
Prints one table and writes it, with the machine and the data set, to bench/results.md."""

import argparse
import os

from . import factsheets, load, pages, report, sweep
from .common import BROKER_DB, CACHE_DB, redis_flush, require_redis, write_section
from .seeding import SCALES, data_set, setup_django
from .server import Server
from .targets import targets, users

PARTS = ("pages", "load", "factsheets", "sweep")


def main() -> None:
    args = _arguments()
    require_redis()
    if "load" in args.only:
        load.require_wrk()
    busy = os.getloadavg()[0]
    seeded = setup_django(args.scale, reseed=args.reseed)
    chosen = targets()
    users(chosen)
    redis_flush(CACHE_DB)
    redis_flush(BROKER_DB)
    found = {}
    try:
        if {"pages", "load"} & args.only:
            with Server(workers=args.workers) as server:
                if "pages" in args.only:
                    found["pages"] = pages.measure(server, chosen, cold=args.cold, warm=args.warm)
                if "load" in args.only:
                    found["load"] = load.measure(
                        server, chosen, connections=args.connections, seconds=args.seconds
                    )
                found["web_mib"] = server.peak_worker_mib()
        if "sweep" in args.only:
            found["sweep"] = sweep.measure()
        if "factsheets" in args.only:
            found["factsheets"] = factsheets.measure(chosen.round)
    finally:
        redis_flush(CACHE_DB)
        redis_flush(BROKER_DB)
    asked = {"cold": args.cold, "warm": args.warm}
    text = report.table(
        found, asked=asked, connections=args.connections, seconds=args.seconds, workers=args.workers
    )
    print(text)
    setting = _setting(args, chosen, seeded, busy=(busy, os.getloadavg()[0]))
    parts = "" if args.only == set(PARTS) else f": {', '.join(p for p in PARTS if p in args.only)}"
    write_section(f"Benchmark suite ({args.scale}{parts})", setting + "\n\n" + text)
    if "factsheets" in found:
        detail = f"Data: {data_set(args.scale)}; round {chosen.round}."
        write_section(f"Factsheets ({args.scale})", detail + "\n\n" + factsheets.table(*found["factsheets"]))


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--scale",
        choices=SCALES,
        default="default",
        help="default: seed_scale's full volume; small: seed_scale in a few seconds; demo: seed_demo",
    )
    parser.add_argument("--reseed", action="store_true", help="seed again even if the data is there")
    parser.add_argument(
        "--only",
        type=lambda text: set(text.split(",")),
        default=set(PARTS),
        help=f"some of {','.join(PARTS)} (the web worker's memory comes with pages or load, the PDF "
        "worker's with factsheets)",
    )
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (the Dockerfile's 3)")
    parser.add_argument("--cold", type=int, default=20, help="requests per page with the cache emptied")
    parser.add_argument("--warm", type=int, default=50, help="requests per page with the cache full")
    parser.add_argument("--connections", type=int, default=20, help="wrk's connections under load")
    parser.add_argument("--seconds", type=int, default=20, help="duration of each load (wrk)")
    args = parser.parse_args()
    if not args.only <= set(PARTS):
        parser.error(f"--only takes some of {','.join(PARTS)}")
    return args


def _setting(args: argparse.Namespace, chosen, seeded: float | None, *, busy: tuple[float, float]) -> str:
    seeding = f"seeded in {seeded:.0f} s" if seeded is not None else "reused as seeded before"
    lines = [
        f"Data: {data_set(args.scale)} ({seeding}). Round {chosen.round}.",
        f"Load average of the machine (1 min) when the run began and ended: {busy[0]:.2f}, {busy[1]:.2f}.",
    ]
    if {"pages", "load"} & args.only:
        lines.append(
            f"Server: gunicorn, {args.workers} sync workers (the Dockerfile's command), "
            "`lanzarote_portal.settings.bench` (production's, plus a query-count header and the minimal "
            "view), PostgreSQL, Redis cache."
        )
    if "pages" in args.only:
        lines.append(
            f"Pages: Party {chosen.party}, question {chosen.question}, search {chosen.search!r}, reply "
            f"editor of {chosen.editor_party} ({chosen.editor_round}). Median / p95 of {args.cold} cold "
            f"requests (the cache emptied before each) and {args.warm} warm ones, timed by a client in "
            "another process on 127.0.0.1, one request at a time (the sync workers close the connection "
            "after each response, as in production). The minimal view answers as many bytes as the page to "
            "the same client (same session, so the same middleware work)."
        )
    if "load" in args.only:
        lines.append(
            f"Load: wrk (2 threads) on the same machine, {args.connections} connections asking for the page "
            f"without pause for {args.seconds} s, the cache warm, no session; beside each page, a minimal "
            "Django application (bench/floor.py: no middleware, no database) answering as many bytes under "
            "the same gunicorn command and workers."
        )
    return "\n".join(f"- {line}" for line in lines)


main()
