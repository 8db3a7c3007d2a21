"""Deadlines fall at the end of a calendar day in Strasbourg time (DESIGN §2)."""

import datetime
from zoneinfo import ZoneInfo

STRASBOURG = ZoneInfo("Europe/Paris")


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The first instant after `day` in Strasbourg: anything before it is on time."""
    return datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min, tzinfo=STRASBOURG)
