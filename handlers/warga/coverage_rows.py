"""A person's worker-list rows as the resident conversations show them: the coverage
window of each (bot.domain.coverage: a person added after confirmation is covered from
the moment of adding, a removed one until the removal, a cancelled activity until the
cancellation), its status at this moment, the period in WIB and the RT line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from bot.activities.lifecycle import participation_window
from bot.core.dialog import Context
from bot.domain.coverage import CoverageWindow
from bot.domain.dates import format_date, format_datetime, to_wib
from bot.domain.vocabulary import ActivityStatus

NOW = "now"
UPCOMING = "upcoming"
ENDED = "ended"
CANCELLED = "cancelled"
REMOVED = "removed"
DRAFT = "draft"
# Rows shown in one message; a long history stays readable on a phone.
MAX_ROWS = 10


@dataclass(frozen=True)
class Row:
    """One worker-list row with its activity, its coverage window and its status now."""

    participation: Any
    activity: Any
    window: CoverageWindow | None
    status: str


def row_of(participation: Any, activity: Any, now: datetime) -> Row:
    window = participation_window(activity, participation)
    if window is None:
        status = DRAFT
    elif activity.status == ActivityStatus.CANCELLED:
        status = CANCELLED
    elif window.empty:
        status = REMOVED
    elif window.covers(now):
        status = NOW
    elif now < window.starts:
        status = UPCOMING
    else:
        status = ENDED
    return Row(participation, activity, window, status)


async def rows_of(ctx: Context, person_ids: list[int], confirmed_only: bool) -> list[Row]:
    """The persons' rows, the most recently started activity first; `confirmed_only`
    leaves out drafts (they give no coverage)."""
    found = await ctx.services.uow.participations.of_persons(person_ids)
    rows = [row_of(participation, activity, ctx.now) for participation, activity in found]
    return [row for row in rows if row.status != DRAFT] if confirmed_only else rows


async def people_of_caller(ctx: Context) -> list[Any]:
    """The persons recorded with the caller's verified phone (a family may share one)."""
    if not ctx.caller.phone:
        return []
    return list(await ctx.services.uow.persons.by_phone(ctx.caller.phone))


def _end_text(moment: datetime) -> str:
    # A window ends at midnight after its last day: show that day's last minute.
    if to_wib(moment).time() == time.min:
        return format_datetime(moment - timedelta(minutes=1))
    return format_datetime(moment)


def period_text(ctx: Context, row: Row) -> str:
    if row.window is None:
        # A draft: the planned dates, not yet a coverage period.
        start, end = format_date(row.activity.start_date), format_date(row.activity.end_date)
        return ctx.t("resident_period", start=start, end=end)
    if row.window.empty:
        return ctx.t("resident_period_never")
    return ctx.t(
        "resident_period",
        start=format_datetime(row.window.starts),
        end=_end_text(row.window.ends),
    )


def status_text(ctx: Context, row: Row) -> str:
    label = ctx.t(f"resident_status_{row.status}")
    cancelled = row.activity.cancelled_at
    if row.status == CANCELLED and cancelled is not None:
        # When and why, as everywhere a cancellation is shown (issue 11).
        reason = row.activity.cancel_reason
        key = "resident_cancelled_because" if reason else "resident_cancelled_at"
        return ctx.t(key, at=format_datetime(cancelled), reason=reason)
    removed = row.participation.removed_at
    if removed is not None and row.status not in (REMOVED, DRAFT):
        return ctx.t("resident_removed_note", status=label, at=format_datetime(removed))
    return label


def activity_text(ctx: Context, activity: Any) -> str:
    if not activity.number:
        return str(activity.title)
    return ctx.t("resident_activity", title=activity.title, number=activity.number)
