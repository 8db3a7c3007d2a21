"""Under `make run`, a comment acknowledged on a Party's reply reaches its factsheets in both languages, with
nobody rendering them by hand, while the PDF worker is busy with a round's renderings.

The processes are those of Procfile.dev (the Celery worker, the PDF worker and beat, started with its very
commands), on `make run`'s embedded setup: SQLite in WAL mode, the filesystem broker and the file cache, all
in the test's own folder. Only the refresh's period (1 s, not a minute) and its debounce (1 s) are shorter.
The test process reads the factsheets' rows and PDFs from the files, as an onlooker.
"""

import contextlib
import os
import re
import shlex
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from pypdf import PdfReader

from .factsheet_portal import BUSY_PARTIES

pytestmark = pytest.mark.integration

PROCFILE = Path(settings.BASE_DIR) / "Procfile.dev"
COUNT = re.compile(r"(\d+) (?:public contributions?|contributions? publiques?) ")


class Portal:
    """The portal's folders and processes under `make run`'s settings, in `folder`."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.database = folder / "portal.sqlite3"
        self.media = folder / "media"
        self.processes: list[tuple[str, subprocess.Popen]] = []
        # The environment's own broker, cache or database (CI's Redis and PostgreSQL) are not `make run`'s.
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.integration.run_settings",
            "DATABASE_URL": f"sqlite:///{self.database}",
            "CELERY_BROKER_URL": "filesystem://",
            "CELERY_FILESYSTEM_BROKER_DIR": str(folder / "broker"),
            "CACHE_URL": f"filecache://{folder / 'cache'}",
            "MEDIA_ROOT": str(self.media),
            "CELERY_BEAT_SCHEDULE_FILENAME": str(folder / "celerybeat-schedule"),
            "FACTSHEET_REFRESH_DEBOUNCE_SECONDS": "1",
            "PYTHONUNBUFFERED": "1",
        }

    def call(self, function: str) -> None:
        """A function of `factsheet_portal`, in a process of its own."""
        script = (
            f"import django; django.setup(); import tests.integration.factsheet_portal as p; p.{function}()"
        )
        done = subprocess.run(
            [sys.executable, "-c", script],
            cwd=settings.BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr[-3000:]

    def start(self, name: str) -> None:
        """The Procfile.dev process `name`, with this environment's Python for `.venv/bin/`."""
        line = dict(entry.split(": ", 1) for entry in PROCFILE.read_text().splitlines() if entry)[name]
        program, *arguments = shlex.split(line)
        program = str(Path(sys.executable).parent / Path(program).name)
        with open(self.folder / f"{name}.log", "w") as log:
            process = subprocess.Popen(
                [program, *arguments],
                cwd=settings.BASE_DIR,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stopped with its pool processes
            )
        self.processes.append((name, process))

    def stop(self) -> None:
        for _name, process in self.processes:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)

    def logs(self) -> str:
        return "\n".join(
            f"--- {name} ---\n" + "\n".join((self.folder / f"{name}.log").read_text().splitlines()[-30:])
            for name, _process in self.processes
        )

    def factsheets(self) -> dict[str, sqlite3.Row]:
        """{"<party code>-<language>": the row} of the rendered factsheets."""
        with contextlib.closing(sqlite3.connect(self.database, timeout=20)) as db:
            db.row_factory = sqlite3.Row
            rows = db.execute(
                "SELECT p.code, f.language, f.file, f.is_stale FROM reports_factsheet f"
                " JOIN rounds_party p ON p.id = f.party_id WHERE f.file != ''"
            ).fetchall()
        return {f"{row['code']}-{row['language']}": row for row in rows}

    def counted(self, factsheet: sqlite3.Row) -> int | None:
        """The public contributions a factsheet's PDF counts (its file is whole once its row names it)."""
        text = " ".join(page.extract_text() for page in PdfReader(self.media / factsheet["file"]).pages)
        found = COUNT.search(" ".join(text.split()))
        return int(found.group(1)) if found else None


@pytest.fixture
def portal(tmp_path):
    portal = Portal(tmp_path)
    portal.call("seed")
    yield portal
    portal.stop()


def wait_for(predicate, *, what: str, portal: Portal, timeout: float):
    deadline = time.monotonic() + timeout
    while not (found := predicate()):
        dead = [name for name, process in portal.processes if process.poll() is not None]
        if dead or time.monotonic() > deadline:
            pytest.fail(f"{what}: {f'{dead} died' if dead else f'not after {timeout} s'}\n{portal.logs()}")
        time.sleep(0.2)
    return found


def test_an_acknowledged_comment_reaches_both_factsheets_while_the_pdf_worker_is_busy(portal):
    albania = ("AL-en", "AL-fr")
    assert [portal.counted(portal.factsheets()[key]) for key in albania] == [0, 0]
    for name in ("worker", "pdf", "beat"):
        portal.start(name)

    portal.call("render_busy_round_then_acknowledge")

    # The refresh sees the change at once, though the PDF worker has another round's factsheets to render.
    def stale_while_busy():
        sheets = portal.factsheets()
        if all(sheets[key]["is_stale"] for key in albania):
            return [key for key in sheets if key not in albania]

    busy = wait_for(stale_while_busy, what="Albania's factsheets marked stale", portal=portal, timeout=20)
    assert len(busy) < 2 * BUSY_PARTIES, "marked stale only once the PDF worker had rendered the other round"

    def current():
        sheets = portal.factsheets()
        return all(not sheets[key]["is_stale"] and portal.counted(sheets[key]) == 1 for key in albania)

    wait_for(current, what="Albania's factsheets rendered again", portal=portal, timeout=45)
