"""Simulasi premi's one step: a value in, its premium out, again."""

from __future__ import annotations

from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.messages import Reply
from bot.domain.money import format_rupiah
from bot.domain.premium import premium_for
from handlers.common.amounts import likely_choice, read_value, rounding


def premium_breakdown(ctx: Context, value: int) -> str:
    premium = premium_for(value, rounding(ctx))
    return ctx.t(
        "premium_result",
        value=format_rupiah(value),
        band=ctx.t(f"band_{premium.band}"),
        jkk=format_rupiah(premium.jkk),
        jkm=format_rupiah(premium.jkm),
        total=format_rupiah(premium.total),
    )


async def ask_value(ctx: Context) -> Reply:
    key = "premium_again" if ctx.data.get("shown") else "premium_ask_value"
    return Reply(ctx.t(key), choices=likely_choice(ctx))


async def handle_value(ctx: Context, answer: Answer) -> Outcome:
    value = read_value(ctx, answer)
    if isinstance(value, str):
        return Stay(value)
    ctx.say(premium_breakdown(ctx, value))
    ctx.data["shown"] = True
    return Go("value")
