"""Anggaran RT: the admin picks an RT, sees its budget and what its activities use of it
for this year (or next), types a new yearly budget in any everyday format (an ambiguous
amount is offered back as a button, as in handlers/premium.py) and confirms it."""

from __future__ import annotations

from typing import Any

from bot.activities import lifecycle as coverage
from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from bot.domain.dates import today_wib
from bot.domain.money import format_rupiah
from handlers.admin.common import BACK, NO, YES, back_choice, to_menu, yes_no
from handlers.admin.rt_pick import RT_ID, THEN, pick_rt
from handlers.common.activity_views import budget_text, rt_line
from handlers.common.amounts import LIKELY, likely_choice, read_amount
from handlers.common.audit import audit

SHOW, CONFIRM = "budget_show", "budget_confirm"
YEAR, NEW = "budget_year", "budget_new"
YEAR_CHOICE = "year:"
# Far above any RT's yearly budget: a typo guard ("1,5 M" for "1,5 jt"), not a rule.
MAX_BUDGET = 100_000_000_000
FORGET = (RT_ID, THEN, YEAR, NEW, LIKELY)


def start(ctx: Context) -> Go:
    for key in (YEAR, NEW):
        ctx.data.pop(key, None)
    return pick_rt(ctx, SHOW)


def year(ctx: Context) -> int:
    return int(ctx.data.get(YEAR) or today_wib(ctx.now).year)


async def _rt(ctx: Context) -> Any | None:
    return await ctx.services.uow.rts.get(int(ctx.data.get(RT_ID) or 0))


async def _use(ctx: Context, rt_id: int) -> coverage.BudgetUse:
    default = ctx.services.settings.program.default_rt_budget
    return await coverage.budget_use(ctx.services.uow, rt_id, year(ctx), default)


async def ask_show(ctx: Context) -> Reply:
    rt = await _rt(ctx)
    if rt is None:
        return Reply(ctx.t("admin_rt_gone"), choices=yes_no(ctx, "admin_rt_pick_again"))
    rt_id = int(ctx.data[RT_ID])
    use = await _use(ctx, rt_id)
    text = ctx.t("admin_budget_show", rt=await rt_line(ctx, rt_id), budget=budget_text(ctx, use))
    if await ctx.services.uow.rts.explicit_budget(rt_id, use.year) is None:
        text += "\n" + ctx.t("admin_budget_default")
    text += "\n\n" + ctx.t("admin_budget_ask", year=use.year)
    this_year = today_wib(ctx.now).year
    other = this_year + 1 if use.year == this_year else this_year
    choices = (
        *likely_choice(ctx),
        Choice(f"{YEAR_CHOICE}{other}", ctx.t("admin_budget_year", year=other)),
        back_choice(ctx),
    )
    return Reply(text, choices=choices)


async def handle_show(ctx: Context, answer: Answer) -> Outcome:
    picked = answer.choice.id if answer.choice is not None else None
    if await _rt(ctx) is None:
        if picked is None:
            return Stay(ctx.t("pick_one"))
        return start(ctx) if picked == YES else to_menu(ctx, *FORGET)
    if picked == BACK:
        return to_menu(ctx, *FORGET)
    if picked is not None and picked.startswith(YEAR_CHOICE):
        ctx.data.pop(LIKELY, None)
        ctx.data[YEAR] = int(picked.removeprefix(YEAR_CHOICE))
        return Go(SHOW)
    amount = read_amount(ctx, answer)
    if isinstance(amount, str):
        return Stay(amount)
    if amount > MAX_BUDGET:
        return Stay(ctx.t("admin_budget_too_large", limit=format_rupiah(MAX_BUDGET)))
    ctx.data[NEW] = amount
    return Go(CONFIRM)


async def ask_confirm(ctx: Context) -> Reply:
    rt = await _rt(ctx)
    if rt is None or NEW not in ctx.data:
        return Reply(ctx.t("admin_rt_gone"), choices=yes_no(ctx, "admin_rt_pick_again"))
    use = await _use(ctx, int(ctx.data[RT_ID]))
    new = int(ctx.data[NEW])
    text = ctx.t(
        "admin_budget_confirm",
        rt=await rt_line(ctx, int(ctx.data[RT_ID])),
        year=use.year,
        old=format_rupiah(use.budget),
        new=format_rupiah(new),
        used=format_rupiah(use.used),
    )
    if new < use.used:
        text += "\n" + ctx.t("admin_budget_below_use")
    return Reply(text, choices=yes_no(ctx, "admin_budget_save"))


async def handle_confirm(ctx: Context, answer: Answer) -> Outcome:
    rt = await _rt(ctx)
    if rt is None or NEW not in ctx.data:
        return start(ctx) if answer.picked == YES else to_menu(ctx, *FORGET)
    if answer.picked == NO:
        ctx.data.pop(NEW, None)
        return Go(SHOW)
    rt_id, new = int(ctx.data[RT_ID]), int(ctx.data[NEW])
    old = (await _use(ctx, rt_id)).budget
    await ctx.services.uow.rts.set_budget(rt_id, year(ctx), new)
    await audit(ctx, "budget_set", rt_id=rt_id, year=year(ctx), old=old, new=new)
    ctx.say(
        ctx.t(
            "admin_budget_saved",
            rt=await rt_line(ctx, rt_id),
            year=year(ctx),
            amount=format_rupiah(new),
        )
    )
    return to_menu(ctx, *FORGET)
