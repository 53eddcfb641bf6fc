"""Kegiatan saya's own steps: the Ketua RT's activities with their status and the year's
budget, one activity's details with what can be done with it, and deleting a draft.
Every step re-reads the activity through `own_activity`."""

from __future__ import annotations

import re
from typing import Any

from bot.activities import lifecycle as coverage
from bot.core.dialog import Answer, Context, Go, Outcome, Start, Stay
from bot.core.messages import Choice, Reply
from bot.domain.dates import today_wib
from bot.domain.vocabulary import ActivityStatus, ShownStatus
from handlers.common.access import own_activity, own_rt_ids
from handlers.common.activity_views import (
    activity_period,
    activity_premium,
    activity_value,
    budget_text,
    chair_line,
    dates_text,
    kind_label,
    record_lines,
    rt_line,
    surat_tugas_reply,
)
from handlers.common.amounts import premium_of
from handlers.ketua_rt import register_activity
from handlers.ketua_rt.my_activities import changes, reschedule
from handlers.ketua_rt.participants import start_participants

PAGE_SIZE = 8
NEXT, PREV, NEW = "next", "prev", "new"
CONTINUE, DELETE, PEOPLE, LETTER, BACK = "continue", "delete", "people", "letter", "back"
NO = "no"
ACTIVITY = "activity_id"
_NUMBER = re.compile(r"^\s*(KB-[0-9]{4}-[0-9]{1,6})\s*$", re.IGNORECASE)


async def own_activities(ctx: Context) -> list[Any]:
    found: list[Any] = []
    for rt_id in own_rt_ids(ctx):
        found.extend(await ctx.services.uow.activities.list_for_rt(rt_id))
    return sorted(found, key=lambda a: (a.start_date, a.id), reverse=True)


def status_label(ctx: Context, activity: Any) -> str:
    return ctx.t(f"my_status_{coverage.shown_status(activity, today_wib(ctx.now))}")


async def budget_lines(ctx: Context) -> str:
    year = today_wib(ctx.now).year
    default = ctx.services.settings.program.default_rt_budget
    rt_ids = own_rt_ids(ctx)
    lines = []
    for rt_id in rt_ids:
        use = await coverage.budget_use(ctx.services.uow, rt_id, year, default)
        prefix = (await rt_line(ctx, rt_id)) + "\n" if len(rt_ids) > 1 else ""
        lines.append(prefix + budget_text(ctx, use))
    return "\n".join(lines)


async def ask_list(ctx: Context) -> Reply:
    activities = await own_activities(ctx)
    budget = await budget_lines(ctx)
    if not activities:
        return Reply(ctx.t("my_empty", budget=budget), choices=(choice(ctx, NEW),))
    pages = (len(activities) + PAGE_SIZE - 1) // PAGE_SIZE
    page = min(max(int(ctx.data.get("page", 0)), 0), pages - 1)
    ctx.data["page"] = page
    shown = activities[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    choices = [
        Choice(f"a{a.id}", ctx.t("my_item", title=a.title[:40], status=status_label(ctx, a)))
        for a in shown
    ]
    if page > 0:
        choices.append(choice(ctx, PREV))
    if page < pages - 1:
        choices.append(choice(ctx, NEXT))
    text = ctx.t("my_list", count=len(activities), page=page + 1, pages=pages, budget=budget)
    return Reply(text, choices=tuple(choices))


def choice(ctx: Context, choice_id: str) -> Choice:
    return Choice(choice_id, ctx.t(f"my_choice_{choice_id}"))


async def handle_list(ctx: Context, answer: Answer) -> Outcome:
    picked = answer.choice.id if answer.choice is not None else ""
    if picked in (NEXT, PREV):
        ctx.data["page"] = int(ctx.data.get("page", 0)) + (1 if picked == NEXT else -1)
        return Go("list")
    if picked == NEW:
        return Start(register_activity.NAME)
    activity = None
    if picked.startswith("a"):
        activity = await own_activity(ctx, picked[1:])
    elif typed := _NUMBER.match(answer.text):
        found = await ctx.services.uow.activities.by_number(typed.group(1).upper())
        activity = await own_activity(ctx, found.id) if found is not None else None
    else:
        return Stay(ctx.t("my_pick"))
    if activity is None:
        return Stay(ctx.t("my_not_found"))
    ctx.data[ACTIVITY] = activity.id
    return Go("detail")


def actions(ctx: Context, activity: Any) -> tuple[str, ...]:
    shown = coverage.shown_status(activity, today_wib(ctx.now))
    if shown == ActivityStatus.DRAFT:
        return (CONTINUE, DELETE, BACK)
    if shown in (ShownStatus.CONFIRMED, ShownStatus.RUNNING):
        today = today_wib(ctx.now)
        dates: tuple[str, ...] = (changes.EXTEND,)
        if reschedule.can_shorten(activity, today):
            dates += (reschedule.SHORTEN,)
        if reschedule.can_postpone(activity, today):
            dates += (reschedule.POSTPONE,)
        return (PEOPLE, LETTER, *dates, changes.VALUE, changes.CANCEL, BACK)
    if shown == ShownStatus.ENDED:
        return (LETTER, BACK)
    return (BACK,)


async def ask_detail(ctx: Context) -> Reply:
    activity = await own_activity(ctx, ctx.data.get(ACTIVITY))
    if activity is None:
        return Reply(ctx.t("my_not_found"), choices=(choice(ctx, BACK),))
    people = await ctx.services.uow.participations.for_activity(activity.id)
    text = ctx.t(
        "my_detail",
        number=activity.number or ctx.t("my_no_number"),
        title=activity.title,
        status=status_label(ctx, activity),
        rt=await rt_line(ctx, activity.rt_id),
        chair=await chair_line(ctx, activity.rt_id),
        kind=kind_label(ctx, activity.kind),
        place=activity.place,
        dates=dates_text(ctx, activity.start_date, activity.end_date),
        period=activity_period(ctx, activity),
        people=len(people),
        value=activity_value(ctx, activity),
        premium=activity_premium(
            ctx, activity, premium_of(ctx, activity.value, activity.value_includes_ppn)
        ),
    )
    text += record_lines(ctx, activity)
    return Reply(text, choices=tuple(choice(ctx, a) for a in actions(ctx, activity)))


async def handle_detail(ctx: Context, answer: Answer) -> Outcome:
    activity = await own_activity(ctx, ctx.data.get(ACTIVITY))
    wanted = answer.picked
    if wanted == BACK or activity is None:
        return Go("list")
    if wanted not in actions(ctx, activity):  # the status changed since the question
        return Stay(ctx.t("my_action_gone"))
    if wanted in (CONTINUE, PEOPLE):
        return start_participants(activity.id)
    if wanted == LETTER:
        ctx.say(await surat_tugas_reply(ctx, activity))
        return Go("detail")
    if wanted == DELETE:
        return Go("delete_draft")
    return Go(wanted)  # extend, shorten, postpone, value, cancel: the tracked changes


async def ask_delete_draft(ctx: Context) -> Reply:
    activity = await own_activity(ctx, ctx.data.get(ACTIVITY))
    if activity is None or activity.status != ActivityStatus.DRAFT:
        return Reply(ctx.t("my_action_gone"), choices=(choice(ctx, BACK),))
    people = await ctx.services.uow.participations.for_activity(activity.id)
    text = ctx.t("my_delete_ask", title=activity.title, people=len(people))
    return Reply(text, choices=(choice(ctx, "delete_yes"), choice(ctx, NO)))


async def handle_delete_draft(ctx: Context, answer: Answer) -> Outcome:
    activity = await own_activity(ctx, ctx.data.get(ACTIVITY))
    if answer.picked != "delete_yes" or activity is None:
        return Go("detail")
    if activity.status != ActivityStatus.DRAFT:
        return Stay(ctx.t("my_action_gone"))
    title = activity.title
    await ctx.services.uow.activities.delete_draft(activity)
    ctx.data.pop(ACTIVITY, None)
    ctx.say(ctx.t("my_deleted", title=title))
    return Go("list")
