"""The accident report's first step (the activity for a Ketua RT, the victim for anyone
else), the summary card before sending, and changing one answer from it."""

from __future__ import annotations

from bot.core.dialog import NAV_CANCEL, Answer, Context, End, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from handlers.accident_report import flow, victim
from handlers.accident_report import submit as accident_submit

SEND = "send"
CHANGE = "change"
# Which step each "Ubah" button reopens; the victim is the first step of a resident's report.
FIELDS_RT = (
    ("activity", flow.START),
    ("victim", flow.PERSON_STEP),
    ("when", flow.WHEN),
    ("where", flow.WHERE),
    ("what", flow.WHAT),
    ("severity", flow.SEVERITY_STEP),
    ("reporter", flow.REPORTER_STEP),
)
FIELDS_WARGA = (
    ("victim", flow.START),
    ("rt", flow.RT_STEP),
    *FIELDS_RT[2:],
)


async def ask_start(ctx: Context) -> Reply:
    if flow.is_chair_report(ctx):
        return await victim.ask_activity(ctx)
    return await victim.ask_victim(ctx)


async def handle_start(ctx: Context, answer: Answer) -> Outcome:
    if flow.is_chair_report(ctx):
        return await victim.handle_activity(ctx, answer)
    return await victim.handle_victim(ctx, answer)


async def ask_summary(ctx: Context) -> Reply:
    ctx.data[flow.EDITING] = False
    card = await accident_submit.facts(ctx, await accident_submit.resolve(ctx))
    choices = (
        Choice(SEND, ctx.t("accident_send")),
        Choice(CHANGE, ctx.t("accident_change")),
        Choice(NAV_CANCEL, ctx.t("accident_cancel")),
    )
    reveal = await accident_submit.may_reveal_coverage(ctx)
    return Reply(accident_submit.summary_text(ctx, card, reveal), choices=choices)


async def handle_summary(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is not None and answer.choice.id == CHANGE:
        return Go(flow.CHANGE)
    if answer.choice is None or answer.choice.id != SEND:
        return Stay(ctx.t("accident_summary_pick"))
    refusal = await accident_submit.limit_refusal(ctx)
    if refusal is not None:
        await flow.forget_created_person(ctx)
        ctx.say(refusal)
        return End()
    await accident_submit.send_report(ctx)
    return End()


def _fields(ctx: Context) -> tuple[tuple[str, str], ...]:
    return FIELDS_RT if flow.is_chair_report(ctx) else FIELDS_WARGA


async def ask_change(ctx: Context) -> Reply:
    choices = tuple(Choice(step, ctx.t(f"accident_field_{name}")) for name, step in _fields(ctx))
    return Reply(ctx.t("accident_ask_change"), choices=choices)


async def handle_change(ctx: Context, answer: Answer) -> Outcome:
    steps = {step for _, step in _fields(ctx)}
    if answer.choice is None or answer.choice.id not in steps:
        return Stay(ctx.t("pick_one"))
    ctx.data[flow.EDITING] = True
    return Go(answer.choice.id)


async def on_cancel(ctx: Context) -> str | None:
    """Nothing of a report that was not sent stays: drop a victim it created."""
    await flow.forget_created_person(ctx)
    return None
