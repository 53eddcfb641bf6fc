"""Kode undangan: the admin picks an RT and gets a one-time code for its chair (the way
in for a Ketua RT whose phone is not on the RT list), with its expiry in WIB and how the
chair uses it. `bot.invites.create_invite` writes the invite and its audit entry."""

from __future__ import annotations

from datetime import timedelta

from bot.core.dialog import Answer, Context, Go, Outcome
from bot.core.messages import Reply
from bot.domain.dates import format_datetime
from bot.rts.invites import create_invite
from handlers.admin.common import NO, YES, masked, to_menu, yes_no
from handlers.admin.rt_pick import RT_ID, THEN, pick_rt
from handlers.common.activity_views import rt_line

CONFIRM = "invite_confirm"


def start(ctx: Context) -> Go:
    return pick_rt(ctx, CONFIRM)


async def ask_confirm(ctx: Context) -> Reply:
    rt = await ctx.services.uow.rts.get(int(ctx.data.get(RT_ID) or 0))
    if rt is None:
        return Reply(ctx.t("admin_rt_gone"), choices=yes_no(ctx, "admin_rt_pick_again"))
    text = ctx.t(
        "admin_invite_confirm",
        rt=await rt_line(ctx, rt.id),
        chair=rt.chair_name,
        phone=masked(rt.chair_phone),
    )
    if rt.chair_phone:
        text += "\n" + ctx.t("admin_invite_has_phone")
    return Reply(text, choices=yes_no(ctx, "admin_invite_create"))


async def handle_confirm(ctx: Context, answer: Answer) -> Outcome:
    uow = ctx.services.uow
    rt = await uow.rts.get(int(ctx.data.get(RT_ID) or 0))
    if rt is None:
        return start(ctx) if answer.picked == YES else to_menu(ctx, RT_ID, THEN)
    if answer.picked == NO:
        return to_menu(ctx, RT_ID, THEN)
    days = ctx.services.settings.program.invite_valid_days
    code = await create_invite(uow, rt.id, ctx.caller.account_id, ctx.now, days)
    ctx.say(
        ctx.t(
            "admin_invite_created",
            code=code,
            rt=await rt_line(ctx, rt.id),
            expires=format_datetime(ctx.now + timedelta(days=days)),
        )
    )
    return to_menu(ctx, RT_ID, THEN)
