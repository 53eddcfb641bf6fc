"""Hapus data's list of open erasure requests in the official's scope (oldest first) and
one request's detail: who (name, masked NIK — never with birth date and sex), their RTs,
what insurance claims need and what approving does. A request outside the scope and one
already decided read alike: nothing of it shows."""

from __future__ import annotations

import re
from typing import Any

from bot.core.dialog import Answer, Context, End, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from bot.domain.dates import format_date, format_datetime, to_wib
from handlers.common.activity_views import rt_line
from handlers.petugas.corrections.common import scope_args

REQUEST = "request_id"
MAX_LISTED = 20
MENU, BACK, APPROVE, REFUSE = "menu", "back", "approve", "refuse"
HELP = "help_erasure"
_REQUEST_NUMBER = re.compile(r"^#\s*([0-9]{1,9})$")


def choice(ctx: Context, choice_id: str) -> Choice:
    return Choice(choice_id, ctx.t(f"erasure_choice_{choice_id}"))


async def open_requests(ctx: Context) -> list[Any]:
    return list(await ctx.services.uow.erasures.open_in_scope(*scope_args(ctx)))


async def current(ctx: Context) -> Any | None:
    """The request of this conversation while it is open and in scope."""
    wanted = ctx.data.get(REQUEST)
    return next((r for r in await open_requests(ctx) if r.id == wanted), None)


async def person_of(ctx: Context, request: Any) -> Any | None:
    if request.person_id is None:
        return None
    return await ctx.services.uow.persons.get(request.person_id)


async def ask_list(ctx: Context) -> Reply:
    requests = await open_requests(ctx)
    if not requests:
        return Reply(ctx.t("erasure_none"), choices=(choice(ctx, MENU),))
    lines, choices = [], []
    for request in requests[:MAX_LISTED]:
        person = await person_of(ctx, request)
        name = person.name if person is not None else "-"
        day = format_date(to_wib(request.created_at).date())
        lines.append(ctx.t("erasure_line", id=request.id, date=day, name=name))
        choices.append(Choice(f"e{request.id}", f"#{request.id} {name[:40]}", description=day))
    choices.append(choice(ctx, MENU))
    text = ctx.t("erasure_list", count=len(requests), lines="\n".join(lines))
    return Reply(text, choices=tuple(choices))


async def handle_list(ctx: Context, answer: Answer) -> Outcome:
    picked = answer.choice.id if answer.choice is not None else ""
    if picked == MENU:
        return End()
    if picked.startswith("e") and picked[1:].isdigit():
        wanted = int(picked[1:])
    elif (typed := _REQUEST_NUMBER.fullmatch(answer.text.strip())) is not None:
        wanted = int(typed[1])
    else:
        return Stay(ctx.t("erasure_pick"))
    if not any(r.id == wanted for r in await open_requests(ctx)):
        return Stay(ctx.t("erasure_not_found", id=wanted))
    ctx.data[REQUEST] = wanted
    return Go("detail")


async def ask_detail(ctx: Context) -> Reply:
    request = await current(ctx)
    person = await person_of(ctx, request) if request is not None else None
    if request is None or person is None:
        return Reply(ctx.t("erasure_gone"), choices=(choice(ctx, BACK),))
    uow = ctx.services.uow
    rows = await uow.participations.of_persons([person.id])
    rt_ids = list(dict.fromkeys(activity.rt_id for _, activity in rows))
    place = "\n".join([await rt_line(ctx, rt_id) for rt_id in rt_ids]) or "-"
    kept, incidents = await uow.erasures.claims_records(person.id)
    days = ctx.services.settings.retention.claims_kept_days
    if kept or incidents:
        effect = ctx.t("erasure_effect_keeps", activities=kept, incidents=incidents, days=days)
    else:
        effect = ctx.t("erasure_effect_all")
    text = ctx.t(
        "erasure_detail",
        id=request.id,
        received=format_datetime(request.created_at),
        name=person.name,
        nik=person.nik_masked,
        rt=place,
        effect=effect,
    )
    return Reply(text, choices=tuple(choice(ctx, c) for c in (APPROVE, REFUSE, BACK)))


async def handle_detail(ctx: Context, answer: Answer) -> Outcome:
    if answer.picked == BACK:
        return Go("list")
    if await current(ctx) is None:
        ctx.say(ctx.t("erasure_gone"))
        return Go("list")
    return Go("approve_confirm" if answer.picked == APPROVE else "refuse_reason")
