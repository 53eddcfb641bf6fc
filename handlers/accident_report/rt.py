"""Which RT a report belongs to, which decides the officials alerted. A Ketua RT picks one
of their own RTs; a resident types it ("RT 5 Thehok"), taps an RT the victim works in, or
says they do not know (then the city-wide officials are alerted)."""

from __future__ import annotations

from typing import Any

from bot.core.dialog import Answer, Context, Outcome, Stay
from bot.core.messages import Choice, Reply
from bot.domain.incident import parse_rt_reference
from bot.reports.export_request import region_index
from handlers.accident_report import flow
from handlers.accident_report.submit import may_reveal_coverage
from handlers.common.access import own_rt_ids

UNKNOWN = "unknown"
MAX_SUGGESTED = 3


async def rt_label(ctx: Context, rt: Any) -> str:
    kelurahan = await ctx.services.uow.regions.get_kelurahan(rt.kelurahan_code)
    return ctx.t(
        "accident_rt_label",
        rt=f"{rt.number:02d}",
        kelurahan=kelurahan.name if kelurahan else rt.kelurahan_code,
    )


async def _suggested(ctx: Context) -> list[Any]:
    """A chair's own RTs; for a resident reporting about themselves, the RTs of their
    activities (for anyone else that would tell a NIK's RTs to whoever typed it)."""
    uow = ctx.services.uow
    if flow.is_chair_report(ctx):
        ids = list(own_rt_ids(ctx))
    elif not await may_reveal_coverage(ctx):
        ids = []
    else:
        person_id = flow.optional_int(ctx.data.get(flow.PERSON))
        rows = await uow.incidents.worker_list_rows(person_id) if person_id else []
        ids = list(dict.fromkeys(activity.rt_id for _, activity in rows))[:MAX_SUGGESTED]
    return [rt for rt in [await uow.rts.get(rt_id) for rt_id in ids] if rt is not None]


async def ask_rt(ctx: Context) -> Reply:
    choices = [Choice(f"rt:{rt.id}", await rt_label(ctx, rt)) for rt in await _suggested(ctx)]
    if flow.is_chair_report(ctx):
        return Reply(ctx.t("accident_ask_own_rt"), choices=tuple(choices))
    choices.append(Choice(UNKNOWN, ctx.t("accident_rt_unknown_button")))
    return Reply(ctx.t("accident_ask_rt"), choices=tuple(choices))


def _set(ctx: Context, rt_id: int | None) -> Outcome:
    ctx.data[flow.RT] = rt_id
    ctx.data[flow.RT_UNKNOWN] = rt_id is None
    return flow.proceed(ctx, flow.WHEN)


async def handle_rt(ctx: Context, answer: Answer) -> Outcome:
    chair = flow.is_chair_report(ctx)
    if answer.choice is not None:
        if answer.choice.id == UNKNOWN and not chair:
            return _set(ctx, None)
        rt_id = flow.optional_int(answer.choice.id.removeprefix("rt:"))
        if rt_id is None or (chair and rt_id not in own_rt_ids(ctx)):
            return Stay(ctx.t("stale_choice"))
        return _set(ctx, rt_id)
    if chair:
        return Stay(ctx.t("pick_one"))
    typed = parse_rt_reference(answer.text)
    if typed is None:
        return Stay(ctx.t("accident_rt_format"))
    number, place = typed
    uow = ctx.services.uow
    regions = await region_index(uow)
    kelurahan = regions.find_kelurahan(place)
    if kelurahan is None:
        return Stay(ctx.t("accident_rt_no_kelurahan"))
    rt = await uow.rts.find(kelurahan.code, number)
    if rt is None:
        return Stay(ctx.t("accident_rt_not_listed", rt=f"{number:02d}", kelurahan=kelurahan.name))
    return _set(ctx, rt.id)
