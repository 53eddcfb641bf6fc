"""Tracked changes to a confirmed activity (DOMAIN.md §2), steps of "Kegiatan saya":
extend the end date (an addendum) and change the value (premium difference shown, budget
re-checked); and what every tracked change shares (`changeable`, the choices). Each asks
for a confirmation, re-checks the activity, and records the change
(bot.activities.lifecycle.track), which makes a new surat tugas revision. Postponing and
shortening live in `reschedule`, cancelling in `cancel`."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.activities import lifecycle as coverage
from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from bot.domain.dates import format_date, today_wib
from bot.domain.money import format_rupiah
from bot.domain.vocabulary import ActivityStatus
from handlers.common.access import own_activity
from handlers.common.activity_views import budget_text, coverage_period, premium_text
from handlers.common.amounts import likely_choice, premium_basis, premium_of, read_amount, rounding
from handlers.ketua_rt.register_activity.period import read_date

EXTEND, VALUE, CANCEL = "extend", "value", "cancel"
BACK = "back"
NEW_END, NEW_VALUE = "new_end", "new_value"


def choice(ctx: Context, choice_id: str) -> Choice:
    return Choice(choice_id, ctx.t(f"my_choice_{choice_id}"))


def yes_no(ctx: Context, yes: str) -> tuple[Choice, ...]:
    return (choice(ctx, yes), choice(ctx, "no"))


async def changeable(ctx: Context) -> Any | None:
    """The caller's confirmed activity that has not ended yet, else None."""
    activity = await own_activity(ctx, ctx.data.get("activity_id"))
    if activity is None or activity.status != ActivityStatus.CONFIRMED:
        return None
    return activity if today_wib(ctx.now) <= activity.end_date else None


def gone(ctx: Context) -> Reply:
    return Reply(ctx.t("my_action_gone"), choices=(choice(ctx, BACK),))


def max_days(ctx: Context) -> int:
    return ctx.services.settings.program.max_activity_days


async def confirmed_change(
    ctx: Context, answer: Answer, yes: str, key: str
) -> tuple[Any, Any] | None:
    """The activity and the change kept under `key`, when the user said `yes` and the
    change still fits (checked again: the activity, the budget may have changed since the
    question); else None, after saying why not. The kept change is forgotten either way."""
    activity = await changeable(ctx)
    pending = ctx.data.pop(key, None)
    if answer.picked != yes or activity is None or pending is None:
        return None
    if key == NEW_END:
        problem = extend_problem(ctx, activity, date.fromisoformat(pending))
    else:
        problem = await value_problem(ctx, activity, int(pending))
    if problem:
        ctx.say(problem)
        return None
    return activity, pending


# --- extend the end date ----------------------------------------------------------


async def ask_extend(ctx: Context) -> Reply:
    activity = await changeable(ctx)
    if activity is None:
        return gone(ctx)
    latest = coverage.latest_end(activity.start_date, max_days(ctx))
    text = ctx.t(
        "chg_ask_extend",
        end=format_date(activity.end_date),
        latest=format_date(latest),
        days=max_days(ctx),
    )
    return Reply(text, choices=(choice(ctx, BACK),))


async def handle_extend(ctx: Context, answer: Answer) -> Outcome:
    activity = await changeable(ctx)
    if activity is None or (answer.choice is not None and answer.choice.id == BACK):
        return Go("detail")
    # Without a year, the new end is the next such day on or after the current end.
    reading = read_date(ctx, answer, {}, activity.end_date)
    if isinstance(reading, str):
        return Stay(reading)
    new_end = reading.day
    problem = extend_problem(ctx, activity, new_end)
    if problem:
        return Stay(problem)
    ctx.data[NEW_END] = new_end.isoformat()
    return Go("extend_confirm")


def extend_problem(ctx: Context, activity: Any, new_end: date) -> str | None:
    if new_end <= activity.end_date:
        return ctx.t("chg_extend_not_later", end=format_date(activity.end_date))
    if coverage.end_problem(activity.start_date, new_end, max_days(ctx)):
        latest = coverage.latest_end(activity.start_date, max_days(ctx))
        return ctx.t("reg_end_too_long", days=max_days(ctx), latest=format_date(latest))
    return None


async def ask_extend_confirm(ctx: Context) -> Reply:
    activity = await changeable(ctx)
    if activity is None or NEW_END not in ctx.data:
        return gone(ctx)
    text = ctx.t(
        "chg_extend_confirm",
        title=activity.title,
        old=format_date(activity.end_date),
        new=format_date(date.fromisoformat(ctx.data[NEW_END])),
    )
    return Reply(text, choices=yes_no(ctx, "extend_yes"))


async def handle_extend_confirm(ctx: Context, answer: Answer) -> Outcome:
    confirmed = await confirmed_change(ctx, answer, "extend_yes", NEW_END)
    if confirmed is None:
        return Go("detail")
    activity, new_end = confirmed[0], date.fromisoformat(confirmed[1])
    await coverage.extend_end(ctx.services.uow, activity, new_end, ctx.now, ctx.caller.account_id)
    period = coverage_period(ctx, activity.start_date, activity.end_date, activity.confirmed_at)
    ctx.say(ctx.t("chg_extended", period=period, revision=activity.surat_tugas_revision))
    return Go("detail")


# --- change the value -------------------------------------------------------------


async def others_budget(ctx: Context, activity: Any) -> coverage.BudgetUse:
    """The year's budget with what the RT's other activities use."""
    default = ctx.services.settings.program.default_rt_budget
    uow = ctx.services.uow
    return await coverage.budget_use(uow, activity.rt_id, activity.year, default, activity.id)


async def ask_value(ctx: Context) -> Reply:
    activity = await changeable(ctx)
    if activity is None:
        return gone(ctx)
    use = await others_budget(ctx, activity)
    text = ctx.t(
        "chg_ask_value",
        value=format_rupiah(activity.value),
        premium=format_rupiah(activity.premium_total),
        available=format_rupiah(use.remaining),
    )
    return Reply(text, choices=(*likely_choice(ctx), choice(ctx, BACK)))


async def handle_value(ctx: Context, answer: Answer) -> Outcome:
    activity = await changeable(ctx)
    if activity is None or (answer.choice is not None and answer.choice.id == BACK):
        return Go("detail")
    value = read_amount(ctx, answer)
    if isinstance(value, str):
        return Stay(value)
    problem = await value_problem(ctx, activity, value)
    if problem:
        return Stay(problem)
    ctx.data[NEW_VALUE] = value
    return Go("value_confirm")


async def value_problem(ctx: Context, activity: Any, value: int) -> str | None:
    if value <= 0:
        return ctx.t("premium_zero")
    if value == activity.value:
        return ctx.t("chg_value_same", value=format_rupiah(value))
    use = await others_budget(ctx, activity)
    if value > use.remaining:
        return ctx.t(
            "reg_value_over_budget", value=format_rupiah(value), budget=budget_text(ctx, use)
        )
    return None


async def ask_value_confirm(ctx: Context) -> Reply:
    activity = await changeable(ctx)
    if activity is None or NEW_VALUE not in ctx.data:
        return gone(ctx)
    new_value = int(ctx.data[NEW_VALUE])
    before = premium_of(ctx, activity.value, activity.value_includes_ppn)
    after = premium_of(ctx, new_value, activity.value_includes_ppn)
    difference = after.total - before.total
    key = "chg_premium_more" if difference >= 0 else "chg_premium_less"
    text = ctx.t(
        "chg_value_confirm",
        old=format_rupiah(activity.value),
        new=format_rupiah(new_value),
        premium=premium_text(ctx, after),
        old_premium=format_rupiah(before.total),
        difference=ctx.t(key, amount=format_rupiah(abs(difference))),
    )
    return Reply(text, choices=yes_no(ctx, "value_yes"))


async def handle_value_confirm(ctx: Context, answer: Answer) -> Outcome:
    confirmed = await confirmed_change(ctx, answer, "value_yes", NEW_VALUE)
    if confirmed is None:
        return Go("detail")
    activity, pending = confirmed
    uow = ctx.services.uow
    _, after = await coverage.change_value(
        uow,
        activity,
        int(pending),
        rounding(ctx),
        ctx.now,
        ctx.caller.account_id,
        premium_basis(ctx),
    )
    ctx.say(
        ctx.t(
            "chg_value_changed",
            value=format_rupiah(activity.value),
            total=format_rupiah(after.total),
            revision=activity.surat_tugas_revision,
        )
    )
    return Go("detail")
