"""The registration's summary card (every answer, coverage period in WIB, premium, budget),
changing one answer from it, and saving: only "Simpan & tambah peserta" writes to the
database (a draft activity), after checking again what may have changed meanwhile."""

from __future__ import annotations

from bot.activities import lifecycle as coverage
from bot.core.dialog import NAV_CANCEL, Answer, Context, End, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from bot.domain.dates import today_wib
from handlers.common.access import own_rt_ids
from handlers.common.activity_views import (
    budget_text,
    coverage_period,
    dates_text,
    kind_label,
    premium_text,
    rt_line,
    value_text,
)
from handlers.common.amounts import premium_of
from handlers.ketua_rt.participants import start_participants
from handlers.ketua_rt.register_activity.fields import EDITING, day
from handlers.ketua_rt.register_activity.period import over_budget, registration_budget

SAVE, EDIT, BACK = "save", "edit", "back"
# Fields the summary can change, in the order they were asked: (choice id, step, label).
FIELDS = (
    ("f_title", "title", "reg_field_title"),
    ("f_kind", "kind", "reg_field_kind"),
    ("f_place", "place", "reg_field_place"),
    ("f_start", "start_date", "reg_field_start"),
    ("f_end", "end_date", "reg_field_end"),
    ("f_value", "value", "reg_field_value"),
    ("f_ppn", "ppn", "reg_field_ppn"),
)
ANSWERS = ("rt_id", "title", "kind", "place", "start", "end", "value", "ppn")


def first_missing(ctx: Context) -> str | None:
    """The step of the first unanswered question (a state saved by an older version)."""
    steps = {"title": "title", "kind": "kind", "place": "place", "start": "start_date"}
    steps |= {"end": "end_date", "value": "value", "ppn": "ppn", "rt_id": "start"}
    return next((steps[key] for key in ANSWERS if ctx.data.get(key) is None), None)


async def ask_summary(ctx: Context) -> Reply:
    ctx.data.pop(EDITING, None)
    if first_missing(ctx) is not None:
        return Reply(ctx.t("reg_incomplete"), choices=(Choice(EDIT, ctx.t("reg_edit")),))
    start, end = day(ctx, "start"), day(ctx, "end")
    assert start is not None and end is not None
    value = int(ctx.data["value"])
    use = await registration_budget(ctx)
    # Saved, this registration is one more draft: planned, not spent yet.
    after_this = coverage.BudgetUse(
        use.year, use.budget, use.used + value, drafts=use.drafts + value, cancelled=use.cancelled
    )
    text = ctx.t(
        "reg_summary",
        rt=await rt_line(ctx, int(ctx.data["rt_id"])),
        title=ctx.data["title"],
        kind=kind_label(ctx, ctx.data["kind"]),
        place=ctx.data["place"],
        dates=dates_text(ctx, start, end),
        period=coverage_period(ctx, start, end, confirmed_at=None),
        value=value_text(ctx, value, bool(ctx.data["ppn"])),
        premium=premium_text(ctx, premium_of(ctx, value, bool(ctx.data["ppn"]))),
        budget=budget_text(ctx, after_this),
    )
    choices = (
        Choice(SAVE, ctx.t("reg_save")),
        Choice(EDIT, ctx.t("reg_edit")),
        Choice(NAV_CANCEL, ctx.t("reg_cancel")),
    )
    return Reply(text, choices=choices)


async def handle_summary(ctx: Context, answer: Answer) -> Outcome:
    missing = first_missing(ctx)
    if answer.picked == EDIT or missing is not None:
        return Go("edit" if missing is None else missing)
    return await save(ctx)


async def save(ctx: Context) -> Outcome:
    rt_id = int(ctx.data["rt_id"])
    if rt_id not in own_rt_ids(ctx):
        ctx.say(ctx.t("reg_rt_not_yours"))
        return End()
    start, end = day(ctx, "start"), day(ctx, "end")
    assert start is not None and end is not None
    today = today_wib(ctx.now)
    if coverage.start_problem(start, today) == coverage.START_PAST:
        # The summary waited past midnight: the start has to be asked again.
        ctx.say(ctx.t("reg_start_passed_meanwhile"))
        ctx.data[EDITING] = True
        return Go("start_date")
    value = int(ctx.data["value"])
    use = await registration_budget(ctx)
    if value > use.remaining:
        return Stay(over_budget(ctx, value, use))
    premium = premium_of(ctx, value, bool(ctx.data["ppn"]))
    activity = await ctx.services.uow.activities.create_draft(
        rt_id=rt_id,
        title=ctx.data["title"],
        kind=ctx.data["kind"],
        place=ctx.data["place"],
        latitude=ctx.data.get("lat"),
        longitude=ctx.data.get("lon"),
        start_date=start,
        end_date=end,
        value=value,
        value_includes_ppn=bool(ctx.data["ppn"]),
        premium_jkk=premium.jkk,
        premium_jkm=premium.jkm,
        premium_total=premium.total,
        created_by=ctx.caller.account_id,
        created_at=ctx.now,
    )
    ctx.say(ctx.t("reg_saved", title=activity.title))
    return start_participants(activity.id)


async def ask_edit(ctx: Context) -> Reply:
    choices = [Choice(choice_id, ctx.t(label)) for choice_id, _, label in FIELDS]
    choices.append(Choice(BACK, ctx.t("reg_back_to_summary")))
    return Reply(ctx.t("reg_ask_edit"), choices=tuple(choices))


async def handle_edit(ctx: Context, answer: Answer) -> Outcome:
    if answer.picked == BACK:
        return Go("summary")
    step = next((step for choice_id, step, _ in FIELDS if choice_id == answer.picked), None)
    if step is None:
        return Stay(ctx.t("pick_one"))
    ctx.data[EDITING] = True
    return Go(step)
