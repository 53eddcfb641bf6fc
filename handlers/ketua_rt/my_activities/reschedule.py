"""Moving a confirmed activity's dates, steps of "Kegiatan saya" (tracked changes, each a
new surat tugas revision, the people on the list told):

- postpone: start and end move later by the same number of days. Only before the first
  day (nobody is covered yet, so the cover simply starts on the new first day at 00.00,
  never before the confirmation); the new start stays in the same year (the budget year
  follows the start) and at most a year ahead.
- shorten: an earlier last day, not before the first day and not before today (a day
  already covered stays covered); everyone's cover then ends at 23.59 WIB of that day.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.activities import lifecycle as coverage
from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.messages import Reply
from bot.domain.dates import format_date, today_wib
from handlers.common.activity_views import activity_period, dates_text
from handlers.ketua_rt.my_activities.changes import BACK, changeable, choice, gone, yes_no
from handlers.ketua_rt.my_activities.notices import tell_participants
from handlers.ketua_rt.register_activity.period import read_date

POSTPONE, SHORTEN = "postpone", "shorten"
NEW_START, SHORTER_END = "new_start", "shorter_end"
PROBLEMS = {
    coverage.POSTPONE_STARTED: "chg_postpone_started",
    coverage.POSTPONE_NOT_LATER: "chg_postpone_not_later",
    coverage.POSTPONE_OTHER_YEAR: "chg_postpone_other_year",
    coverage.START_TOO_FAR: "chg_postpone_too_far",
    coverage.SHORTEN_NOT_EARLIER: "chg_shorten_not_earlier",
    coverage.END_BEFORE_START: "chg_shorten_before_start",
    coverage.SHORTEN_PAST: "chg_shorten_past",
}


def can_postpone(activity: Any, today: date) -> bool:
    return today < activity.start_date


def can_shorten(activity: Any, today: date) -> bool:
    """Some earlier last day is still allowed: after the first day and not past."""
    return activity.end_date > max(activity.start_date, today)


def problem_text(ctx: Context, activity: Any, problem: str) -> str:
    return ctx.t(
        PROBLEMS[problem],
        start=format_date(activity.start_date),
        end=format_date(activity.end_date),
        today=format_date(today_wib(ctx.now)),
        year=activity.year,
    )


def moved(activity: Any, new_start: date) -> tuple[date, date]:
    return new_start, activity.end_date + (new_start - activity.start_date)


# --- postpone ---------------------------------------------------------------------


async def ask_postpone(ctx: Context) -> Reply:
    activity = await changeable(ctx)
    if activity is None or not can_postpone(activity, today_wib(ctx.now)):
        return gone(ctx)
    text = ctx.t(
        "chg_ask_postpone",
        dates=dates_text(ctx, activity.start_date, activity.end_date),
        days=coverage.length_days(activity.start_date, activity.end_date),
    )
    return Reply(text, choices=(choice(ctx, BACK),))


async def handle_postpone(ctx: Context, answer: Answer) -> Outcome:
    activity = await changeable(ctx)
    if activity is None or (answer.choice is not None and answer.choice.id == BACK):
        return Go("detail")
    reading = read_date(ctx, answer, {}, activity.start_date)
    if isinstance(reading, str):
        return Stay(reading)
    problem = coverage.postpone_problem(activity, reading.day, today_wib(ctx.now))
    if problem:
        return Stay(problem_text(ctx, activity, problem))
    ctx.data[NEW_START] = reading.day.isoformat()
    return Go("postpone_confirm")


async def ask_postpone_confirm(ctx: Context) -> Reply:
    activity = await changeable(ctx)
    if activity is None or NEW_START not in ctx.data:
        return gone(ctx)
    start, end = moved(activity, date.fromisoformat(ctx.data[NEW_START]))
    people = len(await ctx.services.uow.participations.for_activity(activity.id))
    text = ctx.t(
        "chg_postpone_confirm",
        title=activity.title,
        old=dates_text(ctx, activity.start_date, activity.end_date),
        new=dates_text(ctx, start, end),
        start=format_date(start),
        people=people,
    )
    return Reply(text, choices=yes_no(ctx, "postpone_yes"))


async def handle_postpone_confirm(ctx: Context, answer: Answer) -> Outcome:
    activity = await changeable(ctx)
    pending = ctx.data.pop(NEW_START, None)
    if answer.picked != "postpone_yes" or activity is None or pending is None:
        return Go("detail")
    new_start = date.fromisoformat(pending)
    problem = coverage.postpone_problem(activity, new_start, today_wib(ctx.now))
    if problem:  # checked again: the day may have come meanwhile
        ctx.say(problem_text(ctx, activity, problem))
        return Go("detail")
    await coverage.postpone(ctx.services.uow, activity, new_start, ctx.now, ctx.caller.account_id)
    told = await tell_participants(ctx, activity, "chg_notice_postponed")
    period = activity_period(ctx, activity)
    revision = activity.surat_tugas_revision
    ctx.say(ctx.t("chg_postponed", period=period, revision=revision, told=told))
    return Go("detail")


# --- shorten ----------------------------------------------------------------------


async def ask_shorten(ctx: Context) -> Reply:
    activity = await changeable(ctx)
    today = today_wib(ctx.now)
    if activity is None or not can_shorten(activity, today):
        return gone(ctx)
    earliest = max(activity.start_date, today)
    text = ctx.t(
        "chg_ask_shorten", end=format_date(activity.end_date), earliest=format_date(earliest)
    )
    return Reply(text, choices=(choice(ctx, BACK),))


async def handle_shorten(ctx: Context, answer: Answer) -> Outcome:
    activity = await changeable(ctx)
    if activity is None or (answer.choice is not None and answer.choice.id == BACK):
        return Go("detail")
    today = today_wib(ctx.now)
    # Without a year, the next such day from the first day (or today, when later).
    reading = read_date(ctx, answer, {}, max(activity.start_date, today))
    if isinstance(reading, str):
        return Stay(reading)
    problem = coverage.shorten_problem(activity, reading.day, today)
    if problem:
        return Stay(problem_text(ctx, activity, problem))
    ctx.data[SHORTER_END] = reading.day.isoformat()
    return Go("shorten_confirm")


async def ask_shorten_confirm(ctx: Context) -> Reply:
    activity = await changeable(ctx)
    if activity is None or SHORTER_END not in ctx.data:
        return gone(ctx)
    people = len(await ctx.services.uow.participations.for_activity(activity.id))
    text = ctx.t(
        "chg_shorten_confirm",
        title=activity.title,
        old=format_date(activity.end_date),
        new=format_date(date.fromisoformat(ctx.data[SHORTER_END])),
        people=people,
    )
    return Reply(text, choices=yes_no(ctx, "shorten_yes"))


async def handle_shorten_confirm(ctx: Context, answer: Answer) -> Outcome:
    activity = await changeable(ctx)
    pending = ctx.data.pop(SHORTER_END, None)
    if answer.picked != "shorten_yes" or activity is None or pending is None:
        return Go("detail")
    new_end = date.fromisoformat(pending)
    problem = coverage.shorten_problem(activity, new_end, today_wib(ctx.now))
    if problem:  # checked again: a day may have passed meanwhile
        ctx.say(problem_text(ctx, activity, problem))
        return Go("detail")
    await coverage.shorten_end(ctx.services.uow, activity, new_end, ctx.now, ctx.caller.account_id)
    told = await tell_participants(ctx, activity, "chg_notice_shortened")
    period = activity_period(ctx, activity)
    revision = activity.surat_tugas_revision
    ctx.say(ctx.t("chg_shortened", period=period, revision=revision, told=told))
    return Go("detail")
