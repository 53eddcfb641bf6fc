"""The time left to a deadline as officials read it: "sisa 13 jam 20 menit" before it,
"LEWAT 5 jam" after it. The texts come from the catalogue through `t`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

Translate = Callable[..., str]

# Beyond two days a count of minutes is noise: days and hours say enough.
_DAYS_FROM = timedelta(hours=48)


def time_left(t: Translate, deadline: datetime, now: datetime) -> str:
    remaining = deadline - now
    if remaining > timedelta(0):
        return t("countdown_left", duration=duration_text(t, remaining))
    return t("countdown_over", duration=duration_text(t, -remaining))


def duration_text(t: Translate, delta: timedelta) -> str:
    """ "13 jam 20 menit", "5 jam", "3 hari 2 jam"; rounded down to the minute (a
    deadline is never shown further away than it is)."""
    minutes = int(delta.total_seconds() // 60)
    if minutes < 1:
        return t("duration_under_minute")
    hours, rest = divmod(minutes, 60)
    parts = []
    if delta >= _DAYS_FROM:
        days, hours = divmod(hours, 24)
        parts.append(t("duration_days", days=days))
        rest = 0
    if hours:
        parts.append(t("duration_hours", hours=hours))
    if rest:
        parts.append(t("duration_minutes", minutes=rest))
    return " ".join(parts)
