"""Cancelling a confirmed activity, steps of "Kegiatan saya": the reason first (a button
for a common one, or typed), then a confirmation that names the activity and how many
people lose their cover from when; then the cancellation is recorded with its reason
(bot.activities.lifecycle.cancel: a tracked change and its audit entry) and the people on
the list are told. Before the start nobody was covered; after it, cover ends now."""

from __future__ import annotations

from bot.activities import lifecycle as coverage
from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.messages import Reply
from bot.domain.dates import format_datetime, today_wib
from handlers.ketua_rt.my_activities.changes import BACK, changeable, choice, gone, yes_no
from handlers.ketua_rt.my_activities.notices import tell_participants

CANCEL = "cancel"
REASON = "cancel_reason"
OTHER = "reason_other"
# The common reasons, by choice id; stored as their Indonesian label.
REASONS = ("reason_weather", "reason_funds", "reason_replaced")
REASON_MAX_LENGTH = 200
REASON_MIN_LENGTH = 3
# A question from before reasons were asked offered these; they now ask the reason first.
LEGACY_YES = "cancel_yes"


def heading(activity: object) -> str:
    number = getattr(activity, "number", None)
    title = str(getattr(activity, "title", ""))
    return f"{number} {title}" if number else title


async def ask_cancel(ctx: Context) -> Reply:
    activity = await changeable(ctx)
    if activity is None:
        return gone(ctx)
    text = ctx.t("chg_cancel_reason_ask", activity=heading(activity))
    choices = tuple(choice(ctx, reason) for reason in (*REASONS, OTHER, BACK))
    return Reply(text, choices=choices)


def read_reason(ctx: Context, text: str) -> str | Stay:
    reason = " ".join(text.split())
    if len(reason) < REASON_MIN_LENGTH:
        return Stay(ctx.t("chg_cancel_reason_short"))
    if len(reason) > REASON_MAX_LENGTH:
        return Stay(ctx.t("too_long", limit=REASON_MAX_LENGTH))
    return reason


async def handle_cancel(ctx: Context, answer: Answer) -> Outcome:
    activity = await changeable(ctx)
    picked = answer.choice.id if answer.choice is not None else None
    if activity is None or picked in (BACK, "no"):
        return Go("detail")
    if picked == OTHER:
        return Go(REASON)
    if picked in REASONS:
        # Stored in Indonesian whatever the chair's language: officials read it.
        ctx.data[REASON] = ctx.texts.text("id", f"my_choice_{picked}")
        return Go("cancel_confirm")
    if picked is not None:  # LEGACY_YES, or a button of another step
        return Stay(ctx.t("chg_cancel_reason_first"))
    reason = read_reason(ctx, answer.text)
    if isinstance(reason, Stay):
        return reason
    ctx.data[REASON] = reason
    return Go("cancel_confirm")


async def ask_reason(ctx: Context) -> Reply:
    activity = await changeable(ctx)
    if activity is None:
        return gone(ctx)
    return Reply(
        ctx.t("chg_cancel_reason_type", limit=REASON_MAX_LENGTH), choices=(choice(ctx, BACK),)
    )


async def handle_reason(ctx: Context, answer: Answer) -> Outcome:
    activity = await changeable(ctx)
    if activity is None or (answer.choice is not None and answer.choice.id == BACK):
        return Go("detail")
    if answer.choice is not None:
        return Stay(ctx.t("chg_cancel_reason_type_it"))
    reason = read_reason(ctx, answer.text)
    if isinstance(reason, Stay):
        return reason
    ctx.data[REASON] = reason
    return Go("cancel_confirm")


async def ask_confirm(ctx: Context) -> Reply:
    activity = await changeable(ctx)
    if activity is None or not ctx.data.get(REASON):
        return gone(ctx)
    people = len(await ctx.services.uow.participations.for_activity(activity.id))
    values = {"activity": heading(activity), "reason": ctx.data[REASON], "people": people}
    if today_wib(ctx.now) < activity.start_date:
        text = ctx.t("chg_cancel_before_start", **values)
    else:
        text = ctx.t("chg_cancel_running", now=format_datetime(ctx.now), **values)
    return Reply(text, choices=yes_no(ctx, "cancel_yes"))


async def handle_confirm(ctx: Context, answer: Answer) -> Outcome:
    activity = await changeable(ctx)
    reason = str(ctx.data.pop(REASON, "") or "")
    if answer.picked != "cancel_yes" or activity is None or not reason:
        return Go("detail")
    uow = ctx.services.uow
    before_start = await coverage.cancel(uow, activity, ctx.now, ctx.caller.account_id, reason)
    at = format_datetime(ctx.now)
    key = "chg_notice_cancelled_before" if before_start else "chg_notice_cancelled"
    told = await tell_participants(ctx, activity, key, at=at, reason=reason)
    if before_start:
        ctx.say(ctx.t("chg_cancelled_before_start", title=activity.title, told=told))
    else:
        ctx.say(ctx.t("chg_cancelled_running", title=activity.title, at=at, told=told))
    return Go("detail")
