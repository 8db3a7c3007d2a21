"""A mail server that takes its time: the file backend, after a pause long enough to kill the worker.

With `SLOW_EMAIL_MARKER` set, the first send anywhere writes that file (the id of the process sending, so
that a test knows which process to kill) and pauses; later sends, in any process, do not pause. Without it,
every send pauses, so that two deliveries of one e-mail overlap."""

import os
import time
from pathlib import Path

from django.core.mail.backends import filebased


class EmailBackend(filebased.EmailBackend):
    def send_messages(self, email_messages):
        seconds = float(os.environ.get("SLOW_EMAIL_SECONDS", "30"))
        marker = os.environ.get("SLOW_EMAIL_MARKER")
        if marker is None:
            time.sleep(seconds)
        elif not Path(marker).exists():
            partial = Path(f"{marker}.{os.getpid()}")
            partial.write_text(str(os.getpid()))
            partial.rename(marker)  # whole, or not there: the test reads it as soon as it appears
            time.sleep(seconds)
        return super().send_messages(email_messages)
