"""How fast one chat may write (issue 12, hostile traffic): at most `limit` messages in a
burst window (a minute that starts with the first message after the previous window
ended). The first message over the limit gets one polite answer saying when to write
again; later ones in the same window are dropped without an answer — answering each would
let one chat make the bot flood the provider for it. The counts live on the conversation
row, saved with every message anyway, so the limit holds across workers at no extra
statement."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

WINDOW = timedelta(minutes=1)
# The local console (`kampung-bahagia demo`) is typed or piped by whoever runs the process:
# no stranger can reach it, and a scripted walk-through writes faster than a person.
UNLIMITED_CHANNELS = frozenset({"terminal"})


class Verdict(StrEnum):
    PROCESS = "process"
    WARN = "warn"  # the first message over the limit: answered politely, not processed
    DROP = "drop"  # later ones in the same window: not processed, not answered


@dataclass(frozen=True)
class Burst:
    started_at: datetime | None
    count: int

    def after(self, now: datetime) -> Burst:
        """The burst including a message at `now`."""
        if self.started_at is None or not self.started_at <= now < self.started_at + WINDOW:
            return Burst(now, 1)
        return Burst(self.started_at, self.count + 1)

    def verdict(self, limit: int) -> Verdict:
        if self.count <= limit:
            return Verdict.PROCESS
        return Verdict.WARN if self.count == limit + 1 else Verdict.DROP

    def seconds_left(self, now: datetime) -> int:
        """Whole seconds until the window ends (at least 1)."""
        if self.started_at is None:
            return 1
        left = (self.started_at + WINDOW - now).total_seconds()
        return max(1, int(-(-left // 1)))
