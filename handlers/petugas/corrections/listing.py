"""Perbaikan data's list of open requests (oldest first, a page at a time) and one
request's detail: what is held now, the resident's message, approve or reject."""

from __future__ import annotations

import re
from typing import Any

from bot.core.dialog import Answer, Context, End, Go, Outcome, Stay
from bot.core.markup import Text
from bot.core.messages import Choice, Reply
from bot.domain.dates import format_date, format_datetime, to_wib
from handlers.common.activity_views import rt_line
from handlers.petugas.corrections.common import (
    CHANGES,
    PAGE,
    REASON,
    REQUEST,
    choice,
    current,
    in_scope,
    open_requests,
    person_of,
    person_text,
)

PAGE_SIZE = 8
NEXT, PREV, MENU, BACK = "next", "prev", "menu", "back"
APPROVE, REJECT = "approve", "reject"
EXCERPT = 80
# "#12" (a request's number as the notice shows it).
_REQUEST_NUMBER = re.compile(r"^#\s*([0-9]{1,9})$")


def excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1] + "…"


async def ask_list(ctx: Context) -> Reply:
    requests = await open_requests(ctx)
    if not requests:
        return Reply(ctx.t("corr_none"), choices=(choice(ctx, MENU),))
    pages = (len(requests) + PAGE_SIZE - 1) // PAGE_SIZE
    page = min(max(int(ctx.data.get(PAGE, 0)), 0), pages - 1)
    ctx.data[PAGE] = page
    lines, choices = [], []
    for index, request in enumerate(requests[page * PAGE_SIZE :][:PAGE_SIZE], start=1):
        person = await person_of(ctx, request)
        name = person.name if person is not None else ctx.t("corr_person_gone")
        day = format_date(to_wib(request.created_at).date())
        lines.append(
            ctx.t(
                "corr_line",
                index=index,
                id=request.id,
                date=day,
                name=name,
                message=excerpt(request.message),
            )
        )
        choices.append(Choice(f"c{request.id}", f"#{request.id} {name[:40]}", description=day))
    if page > 0:
        choices.append(choice(ctx, PREV))
    if page < pages - 1:
        choices.append(choice(ctx, NEXT))
    choices.append(choice(ctx, MENU))
    text = ctx.t(
        "corr_list",
        count=len(requests),
        page=page + 1,
        pages=pages,
        lines=Text.joined("\n\n", lines),
    )
    return Reply(text, choices=tuple(choices))


async def handle_list(ctx: Context, answer: Answer) -> Outcome:
    picked = answer.choice.id if answer.choice is not None else ""
    if picked in (NEXT, PREV):
        ctx.data[PAGE] = int(ctx.data.get(PAGE, 0)) + (1 if picked == NEXT else -1)
        return Go("list")
    if picked == MENU:
        return End()
    if picked.startswith("c") and picked[1:].isdigit():
        wanted = int(picked[1:])
    elif (typed := _REQUEST_NUMBER.fullmatch(answer.text.strip())) is not None:
        wanted = int(typed[1])
    else:
        return Stay(ctx.t("corr_pick"))
    # A request outside the scope and one already handled read alike: nothing of it shows.
    if await in_scope(ctx, wanted) is None:
        return Stay(ctx.t("corr_not_found", id=wanted))
    for key in (CHANGES, REASON):
        ctx.data.pop(key, None)
    ctx.data[REQUEST] = wanted
    return Go("detail")


async def rt_lines(ctx: Context, person: Any) -> str:
    rows = await ctx.services.uow.participations.of_persons([person.id])
    rt_ids = list(dict.fromkeys(activity.rt_id for _, activity in rows))
    lines = [await rt_line(ctx, rt_id) for rt_id in rt_ids]
    return "\n".join(lines) or ctx.t("correction_notice_no_rt")


async def ask_detail(ctx: Context) -> Reply:
    request = await current(ctx)
    if request is None:
        return Reply(ctx.t("corr_gone"), choices=(choice(ctx, BACK),))
    person = await person_of(ctx, request)
    if person is None:
        held, place = ctx.t("corr_person_gone"), "-"
    else:
        held, place = person_text(ctx, person), await rt_lines(ctx, person)
    text = ctx.t(
        "corr_detail",
        id=request.id,
        received=format_datetime(request.created_at),
        held=held,
        rt=place,
        message=request.message,
    )
    actions = (APPROVE, REJECT, BACK) if person is not None else (REJECT, BACK)
    return Reply(text, choices=tuple(choice(ctx, a) for a in actions))


async def handle_detail(ctx: Context, answer: Answer) -> Outcome:
    if answer.picked == BACK:
        return Go("list")
    request = await current(ctx)
    if request is None:
        ctx.say(ctx.t("corr_gone"))
        return Go("list")
    if answer.picked == APPROVE:
        if await person_of(ctx, request) is None:
            return Stay(ctx.t("corr_person_gone"))
        ctx.data[CHANGES] = {}
        return Go("fix_field")
    return Go("reject_reason")
