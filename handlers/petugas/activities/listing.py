"""The official activity list: the activities of the caller's scope, filtered and paged;
one opened by its button or its number (KB-2026-00012)."""

from __future__ import annotations

import re
from typing import Any

from bot.activities import lifecycle as coverage
from bot.core.dialog import ARGS, Answer, Context, End, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from bot.domain.dates import format_datetime, today_wib
from handlers.common.activity_views import cancelled
from handlers.petugas.activities import detail, filters
from handlers.petugas.places import period_text, scope_label, scope_of

# Seven activities with previous, next and "Filter" make ten rows: one WhatsApp list.
PAGE_SIZE = 7
NEXT, PREV, FILTER = "next", "prev", "filter"
ACTIVITY = detail.ACTIVITY
PAGE = filters.PAGE
_NUMBER = re.compile(r"^\s*(KB-[0-9]{4}-[0-9]{1,6})\s*$", re.IGNORECASE)


async def enter(ctx: Context) -> Outcome | None:
    """`/kegiatanrt KB-2026-00012` opens that activity at once (if it is in scope)."""
    if scope_of(ctx).empty:
        ctx.say(ctx.t("official_no_scope"))
        return End()
    typed = str(ctx.data.pop(ARGS, "") or "")
    if not typed:
        return None
    activity = await _by_number(ctx, typed)
    if activity is None:
        ctx.say(ctx.t("oa_not_found"))
        return None
    detail.open_activity(ctx, activity.id)
    return Go("detail")


async def _by_number(ctx: Context, text: str) -> Any | None:
    match = _NUMBER.match(text)
    if match is None:
        return None
    number = match.group(1).upper()
    return await ctx.services.uow.activities.by_number_in_scope(number, scope_of(ctx))


async def ask_list(ctx: Context) -> Reply:
    scope = scope_of(ctx)
    chosen = filters.current(ctx)
    today = today_wib(ctx.now)
    activities = ctx.services.uow.activities
    total = await activities.count_in_scope(scope, today, **chosen.query())
    pages = max(1, (total + PAGE_SIZE - 1) // PAGE_SIZE)
    page = min(max(_int(ctx.data.get(PAGE)), 0), pages - 1)
    ctx.data[PAGE] = page
    rows = await activities.search_in_scope(
        scope, today, **chosen.query(), offset=page * PAGE_SIZE, limit=PAGE_SIZE
    )
    head = ctx.t(
        "oa_list_head",
        scope=await scope_label(ctx, scope),
        filters=await filters.describe(ctx, chosen),
        count=total,
        page=page + 1,
        pages=pages,
    )
    lines = [head]
    choices = []
    for number, row in enumerate(rows, start=1):
        activity = row.activity
        status = ctx.t(f"my_status_{coverage.shown_status(activity, today)}")
        shown = status
        if cancelled(activity) and activity.cancelled_at is not None:  # the reason: in the detail
            shown = ctx.t("oa_status_cancelled_at", at=format_datetime(activity.cancelled_at))
        lines.append(
            ctx.t(
                "oa_line",
                n=number,
                title=activity.title,
                number=activity.number or ctx.t("my_no_number"),
                rt=f"{row.rt.number:02d}",
                kelurahan=row.kelurahan.name,
                period=period_text(activity.start_date, activity.end_date),
                people=row.people,
                status=shown,
            )
        )
        title = ctx.t("oa_item", title=activity.title[:40], status=status)
        choices.append(Choice(f"a{activity.id}", title))
    lines.append(ctx.t("oa_list_pick" if rows else "oa_list_empty"))
    if page > 0:
        choices.append(Choice(PREV, ctx.t("oa_prev")))
    if page < pages - 1:
        choices.append(Choice(NEXT, ctx.t("oa_next")))
    choices.append(Choice(FILTER, ctx.t("oa_filter")))
    return Reply("\n".join(lines), choices=tuple(choices))


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


async def handle_list(ctx: Context, answer: Answer) -> Outcome:
    picked = answer.choice.id if answer.choice is not None else ""
    if picked in (NEXT, PREV):
        ctx.data[PAGE] = _int(ctx.data.get(PAGE)) + (1 if picked == NEXT else -1)
        return Go("list")
    if picked == FILTER:
        return Go("filters")
    if picked.startswith("a"):
        activity = await detail.scoped_activity(ctx, picked[1:])
    elif _NUMBER.match(answer.text):
        activity = await _by_number(ctx, answer.text)
    else:
        return Stay(ctx.t("oa_pick"))
    if activity is None:
        return Stay(ctx.t("oa_not_found"))
    detail.open_activity(ctx, activity.id)
    return Go("detail")
