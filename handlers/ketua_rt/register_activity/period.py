"""Registration steps for when and how much: start date (never in the past: coverage
cannot be back-dated), end date (not before the start, at most the configured length),
the value (any everyday format, within the RT's remaining budget) and PPN."""

from __future__ import annotations

from datetime import date, timedelta

from bot.activities import lifecycle as coverage
from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from bot.domain.dates import (
    DateError,
    DateReading,
    far_ahead,
    format_date,
    read_upcoming_date,
    today_wib,
)
from bot.domain.money import format_rupiah
from handlers.common.activity_views import budget_text
from handlers.common.amounts import LIKELY, likely_choice, read_value
from handlers.ketua_rt.register_activity.fields import EDITING, after, day

TODAY, TOMORROW, SAME_DAY = "today", "tomorrow", "same_day"
YES, NO = "yes", "no"
# A start typed without a year that fell far ahead, waiting for "Ya, <date>".
CHECK, CONFIRM_CHECK = "start_check", "confirm_start"
DATE_MAX_LENGTH = 60


def date_current(ctx: Context, key: str) -> str:
    value = day(ctx, key)
    return ctx.t("reg_current", value=format_date(value)) if value else ""


async def ask_start_date(ctx: Context) -> Reply:
    # The same two buttons in the same places every time the question is asked, after an
    # error too; a reading to confirm comes after them so it never moves them.
    choices = [Choice(TODAY, ctx.t("reg_today")), Choice(TOMORROW, ctx.t("reg_tomorrow"))]
    pending = ctx.data.get(CHECK)
    if pending:
        when = format_date(date.fromisoformat(pending))
        choices.append(Choice(CONFIRM_CHECK, ctx.t("reg_date_check_yes", date=when)))
    return Reply(ctx.t("reg_ask_start") + date_current(ctx, "start"), choices=tuple(choices))


def read_date(
    ctx: Context, answer: Answer, picks: dict[str, date], after: date
) -> DateReading | str:
    """The date the user meant (without a year: the next one on or after `after`), or the
    explanation of why it could not be read."""
    if answer.choice is not None:
        picked = picks.get(answer.choice.id)
        return DateReading(picked, year_assumed=False) if picked else ctx.t("reg_date_unreadable")
    try:
        return read_upcoming_date(answer.text, after)
    except DateError as error:
        key = "reg_date_no_such_day" if error.reason == "invalid" else "reg_date_unreadable"
        return ctx.t(key)


async def handle_start_date(ctx: Context, answer: Answer) -> Outcome:
    today = today_wib(ctx.now)
    pending = ctx.data.pop(CHECK, None)
    picks = {TODAY: today, TOMORROW: today + timedelta(days=1)}
    if pending:
        picks[CONFIRM_CHECK] = date.fromisoformat(pending)
    reading = read_date(ctx, answer, picks, today)
    if isinstance(reading, str):
        return Stay(reading)
    start = reading.day
    if far_ahead(reading, today):
        # "1 Agustus" in December: next August is the only future reading, but so far
        # ahead that a slip is likelier than a plan; ask instead of assuming.
        ctx.data[CHECK] = start.isoformat()
        return Stay(ctx.t("reg_date_check", date=format_date(start), typed=answer.text.strip()))
    problem = coverage.start_problem(start, today)
    if problem == coverage.START_PAST:
        return Stay(ctx.t("reg_start_past", start=format_date(start), today=format_date(today)))
    if problem == coverage.START_TOO_FAR:
        return Stay(ctx.t("reg_start_too_far", start=format_date(start)))
    ctx.data["start"] = start.isoformat()
    end = day(ctx, "end")
    max_days = ctx.services.settings.program.max_activity_days
    if ctx.data.get(EDITING) and end is not None and coverage.end_problem(start, end, max_days):
        ctx.say(ctx.t("reg_end_again"))
        return Go("end_date")
    return after(ctx, "end_date")


async def ask_end_date(ctx: Context) -> Reply:
    ctx.data.pop(LIKELY, None)  # an offer made at the value question is stale here
    start = day(ctx, "start") or today_wib(ctx.now)
    latest = coverage.latest_end(start, ctx.services.settings.program.max_activity_days)
    text = ctx.t("reg_ask_end", start=format_date(start), latest=format_date(latest))
    choices = (Choice(SAME_DAY, ctx.t("reg_same_day")),)
    return Reply(text + date_current(ctx, "end"), choices=choices)


async def handle_end_date(ctx: Context, answer: Answer) -> Outcome:
    start = day(ctx, "start")
    if start is None:  # a state from before the start was known
        return Go("start_date")
    reading = read_date(ctx, answer, {SAME_DAY: start}, start)
    if isinstance(reading, str):
        return Stay(reading)
    end = reading.day
    max_days = ctx.services.settings.program.max_activity_days
    problem = coverage.end_problem(start, end, max_days)
    if problem == coverage.END_BEFORE_START:
        return Stay(ctx.t("reg_end_before_start", end=format_date(end), start=format_date(start)))
    if problem == coverage.TOO_LONG:
        latest = format_date(coverage.latest_end(start, max_days))
        return Stay(ctx.t("reg_end_too_long", days=max_days, latest=latest))
    ctx.data["end"] = end.isoformat()
    return after(ctx, "value")


async def registration_budget(ctx: Context) -> coverage.BudgetUse:
    start = day(ctx, "start") or today_wib(ctx.now)
    default = ctx.services.settings.program.default_rt_budget
    return await coverage.budget_use(ctx.services.uow, int(ctx.data["rt_id"]), start.year, default)


async def ask_value(ctx: Context) -> Reply:
    budget = budget_text(ctx, await registration_budget(ctx))
    value = ctx.data.get("value")
    now = ctx.t("reg_current", value=format_rupiah(value)) if value else ""
    return Reply(ctx.t("reg_ask_value", budget=budget) + now, choices=likely_choice(ctx))


async def handle_value(ctx: Context, answer: Answer) -> Outcome:
    value = read_value(ctx, answer)
    if isinstance(value, str):
        return Stay(value)
    use = await registration_budget(ctx)
    if value > use.remaining:
        return Stay(over_budget(ctx, value, use))
    ctx.data["value"] = value
    return after(ctx, "ppn")


def over_budget(ctx: Context, value: int, use: coverage.BudgetUse) -> str:
    return ctx.t("reg_value_over_budget", value=format_rupiah(value), budget=budget_text(ctx, use))


async def ask_ppn(ctx: Context) -> Reply:
    ctx.data.pop(LIKELY, None)
    value = format_rupiah(int(ctx.data.get("value") or 0))
    choices = (Choice(YES, ctx.t("reg_yes")), Choice(NO, ctx.t("reg_no")))
    return Reply(ctx.t("reg_ask_ppn", value=value), choices=choices)


async def handle_ppn(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is None or answer.choice.id not in (YES, NO):
        return Stay(ctx.t("reg_yes_or_no"))
    ctx.data["ppn"] = answer.choice.id == YES
    return Go("summary")
