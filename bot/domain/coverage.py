"""When a participant is covered (DOMAIN.md §2): a Jakon registration protects everyone on
the worker list for the project period, and protection starts when the registration is
confirmed, never earlier. A person on the list at confirmation is covered from the later
of the activity's first day (00.00) and the moment of confirmation; one added later from
the moment of adding; a removed one until the moment of removal; everyone until the end
of the last day, or the moment the activity was cancelled. Days run in the program's
time zone (WIB unless configured)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from bot.domain.dates import program_zone


@dataclass(frozen=True)
class CoverageWindow:
    starts: datetime
    ends: datetime

    def covers(self, moment: datetime) -> bool:
        return self.starts <= moment < self.ends

    @property
    def empty(self) -> bool:
        return self.ends <= self.starts


def start_of_day(day: date, zone: tzinfo | None = None) -> datetime:
    return datetime.combine(day, time.min, tzinfo=zone or program_zone())


def coverage_starts(start: date, confirmed_at: datetime | None) -> datetime | None:
    """When the activity's coverage began: its first day's 00.00, or the confirmation
    when that came later; None while it is unconfirmed."""
    if confirmed_at is None:
        return None
    return max(start_of_day(start), confirmed_at)


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
    # Never before the registration existed: an activity confirmed at 21.20 on its first
    # day covers nobody for an accident at 09.00 that morning.
    starts = max(start_of_day(start), confirmed_at, added_at)
    ends = start_of_day(end + timedelta(days=1))
    for cut in (removed_at, cancelled_at):
        if cut is not None:
            ends = min(ends, cut)
    return CoverageWindow(starts, ends)
