"""When a participant is covered (DOMAIN.md §2): a Jakon registration protects everyone on
the worker list for the project period. A person on the list when the coverage was
confirmed is covered from the activity's first day; one added later from the moment of
adding; a removed one until the moment of removal. Days run in WIB."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.domain.dates import WIB


@dataclass(frozen=True)
class CoverageWindow:
    starts: datetime
    ends: datetime

    def covers(self, moment: datetime) -> bool:
        return self.starts <= moment < self.ends

    @property
    def empty(self) -> bool:
        return self.ends <= self.starts


def start_of_day(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=WIB)


def coverage_window(
    start: date,
    end: date,
    confirmed_at: datetime | None,
    added_at: datetime,
    removed_at: datetime | None = None,
    cancelled_at: datetime | None = None,
) -> CoverageWindow | None:
    """The participant's covered period, or None while the activity is unconfirmed."""
    if confirmed_at is None:
        return None
    starts = start_of_day(start)
    if added_at > confirmed_at:
        starts = max(starts, added_at)
    ends = start_of_day(end + timedelta(days=1))
    for cut in (removed_at, cancelled_at):
        if cut is not None:
            ends = min(ends, cut)
    return CoverageWindow(starts, ends)
