"""One activity as an official sees it: number, status, RT and its chair, dates, the
coverage period as it stands (a cancelled one: until the cancellation), value, the
premium as stored, the surat tugas number and revision, how many tracked changes; from there its
participants (`official_activity_people`) and the current surat tugas PDF, built by the
same code that gives it to the Ketua RT. Each step re-reads the activity within scope."""

from __future__ import annotations

from bot.activities import lifecycle as coverage
from bot.core import ports
from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from bot.domain.dates import today_wib
from bot.domain.money import format_rupiah
from bot.domain.vocabulary import ShownStatus
from handlers.common.activity_views import (
    activity_period,
    activity_value,
    cancelled,
    chair_line,
    dates_text,
    kind_label,
    record_lines,
    rt_line,
    surat_tugas_reply,
)
from handlers.petugas.activities import people
from handlers.petugas.places import scoped_activity

ACTIVITY = people.ACTIVITY
PEOPLE, LETTER, BACK = "people", "letter", "back"
# Shown statuses whose activity has a surat tugas to download (as for the Ketua RT).
WITH_LETTER = (ShownStatus.CONFIRMED, ShownStatus.RUNNING, ShownStatus.ENDED)

__all__ = ["ACTIVITY", "open_activity", "scoped_activity"]


def open_activity(ctx: Context, activity_id: int) -> None:
    ctx.data[ACTIVITY] = activity_id
    ctx.data[people.PAGE] = 0


def actions(ctx: Context, activity: ports.Activity) -> tuple[str, ...]:
    shown = coverage.shown_status(activity, today_wib(ctx.now))
    has_letter = shown in WITH_LETTER and bool(getattr(activity, "surat_tugas_number", None))
    return (PEOPLE, LETTER, BACK) if has_letter else (PEOPLE, BACK)


def _choice(ctx: Context, choice_id: str) -> Choice:
    return Choice(choice_id, ctx.t(f"oa_choice_{choice_id}"))


def premium_line(ctx: Context, activity: ports.Activity) -> str:
    """The premium as stored; for a cancelled activity, that it no longer counts."""
    total = format_rupiah(activity.premium_total)
    if cancelled(activity):
        return ctx.t("premium_cancelled", total=total)
    jkk, jkm = format_rupiah(activity.premium_jkk), format_rupiah(activity.premium_jkm)
    return ctx.t("oa_premium_line", total=total, jkk=jkk, jkm=jkm)


async def ask_detail(ctx: Context) -> Reply:
    activity = await scoped_activity(ctx, ctx.data.get(ACTIVITY))
    if activity is None:
        return Reply(ctx.t("oa_not_found"), choices=(_choice(ctx, BACK),))
    uow = ctx.services.uow
    active, removed = await uow.participations.count_active_and_removed(activity.id)
    status = coverage.shown_status(activity, today_wib(ctx.now))
    text = ctx.t(
        "oa_detail",
        title=activity.title,
        number=activity.number or ctx.t("my_no_number"),
        status=ctx.t(f"my_status_{status}"),
        rt=await rt_line(ctx, activity.rt_id),
        chair=await chair_line(ctx, activity.rt_id),
        kind=kind_label(ctx, activity.kind),
        place=activity.place or "-",
        dates=dates_text(ctx, activity.start_date, activity.end_date),
        period=activity_period(ctx, activity),
        value=activity_value(ctx, activity),
        premium=premium_line(ctx, activity),
        active=active,
        removed=removed,
        changes=await uow.activities.count_changes(activity.id),
    )
    text += record_lines(ctx, activity, confirmed=True)
    return Reply(text, choices=tuple(_choice(ctx, a) for a in actions(ctx, activity)))


async def handle_detail(ctx: Context, answer: Answer) -> Outcome:
    if answer.picked == BACK:
        return Go("list")
    activity = await scoped_activity(ctx, ctx.data.get(ACTIVITY))
    if activity is None:
        ctx.data.pop(ACTIVITY, None)
        ctx.say(ctx.t("oa_not_found"))
        return Go("list")
    if answer.picked not in actions(ctx, activity):  # the status changed meanwhile
        return Stay(ctx.t("my_action_gone"))
    if answer.picked == LETTER:
        ctx.say(await surat_tugas_reply(ctx, activity))
        return Go("detail")
    ctx.data[people.PAGE] = 0
    return Go("people")
