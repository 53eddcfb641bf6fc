"""Deciding an erasure request. Approving erases at once what insurance claims do not
need (storage: `erasures.erase`) and keeps the participations in confirmed activities
and the accident reports until today + `retention.claims_kept_days`, when the retention
job anonymises them; refusing needs a reason. Either way the request is closed (who,
when), one audit event is recorded (counts only, never a NIK) and the resident is told
exactly what happened through the outbox."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.core.dialog import Answer, Context, Go, Outcome, Start, Stay
from bot.core.messages import Notification, Reply
from bot.domain.dates import format_date, today_wib
from handlers.petugas.erasure import NAME
from handlers.petugas.erasure.listing import BACK, choice, current, person_of

APPROVED, REFUSED = "erasure_approved", "erasure_refused"
YES = "yes"
REASON = "refuse_reason_text"
REASON_MAX = 500
KIND = "erasure_handled"


async def ask_approve(ctx: Context) -> Reply:
    request = await current(ctx)
    person = await person_of(ctx, request) if request is not None else None
    name = person.name if person is not None else "-"
    return Reply(
        ctx.t("erasure_approve_confirm", id=ctx.data.get("request_id"), name=name),
        choices=(choice(ctx, YES), choice(ctx, BACK)),
    )


async def handle_approve(ctx: Context, answer: Answer) -> Outcome:
    if answer.picked != YES:
        return Go("detail")
    request = await current(ctx)
    person = await person_of(ctx, request) if request is not None else None
    if request is None or person is None:
        ctx.say(ctx.t("erasure_gone"))
        return Start(NAME)
    uow = ctx.services.uow
    name, person_id = person.name, person.id
    kept, incidents = await uow.erasures.claims_records(person_id)
    days = ctx.services.settings.retention.claims_kept_days
    keep_until = today_wib(ctx.now) + timedelta(days=days) if kept or incidents else None
    if not await uow.erasures.decide(
        request, "approved", ctx.caller.account_id, ctx.now, keep_until=keep_until
    ):
        ctx.say(ctx.t("erasure_gone"))
        return Start(NAME)
    erased = await uow.erasures.erase(person_id)
    await uow.audit.record(
        APPROVED,
        actor_account_id=ctx.caller.account_id,
        actor=ctx.caller.name,
        subject_person_id=None if erased.person_deleted else person_id,
        detail={
            "request_id": request.id,
            "person_deleted": erased.person_deleted,
            "participations_deleted": erased.participations_deleted,
            "corrections_deleted": erased.corrections_deleted,
            "participations_kept": erased.participations_kept,
            "incidents_kept": erased.incidents_kept,
            "keep_until": keep_until.isoformat() if keep_until else None,
        },
        at=ctx.now,
    )
    if keep_until is None:
        told = "erasure_told_deleted"
        values: dict[str, object] = {"id": request.id}
    else:
        told = "erasure_told_kept"
        values = {
            "id": request.id,
            "activities": erased.participations_kept,
            "incidents": erased.incidents_kept,
            "until": format_date(keep_until),
        }
    await tell(ctx, request, told, values)
    key = "erasure_done_deleted" if keep_until is None else "erasure_done_kept"
    ctx.say(ctx.t(key, id=request.id, name=name, **{k: v for k, v in values.items() if k != "id"}))
    return Start(NAME)


async def ask_reason(ctx: Context) -> Reply:
    return Reply(ctx.t("erasure_ask_reason"))


async def handle_reason(ctx: Context, answer: Answer) -> Outcome:
    reason = " ".join(answer.text.split())
    if sum(ch.isalpha() for ch in reason) < 5:
        return Stay(ctx.t("erasure_reason_short"))
    request = await current(ctx)
    if request is None or not await ctx.services.uow.erasures.decide(
        request, "refused", ctx.caller.account_id, ctx.now, note=reason
    ):
        ctx.say(ctx.t("erasure_gone"))
        return Start(NAME)
    await ctx.services.uow.audit.record(
        REFUSED,
        actor_account_id=ctx.caller.account_id,
        actor=ctx.caller.name,
        subject_person_id=request.person_id,
        detail={"request_id": request.id},
        at=ctx.now,
    )
    await tell(ctx, request, "erasure_told_refused", {"id": request.id, "reason": reason})
    ctx.say(ctx.t("erasure_done_refused", id=request.id))
    return Start(NAME)


async def tell(ctx: Context, request: Any, key: str, values: dict[str, object]) -> None:
    """The resident who asked hears the decision in their language."""
    if request.account_id is None:
        return
    account = await ctx.services.uow.accounts.get(request.account_id)
    if account is None:
        return
    ctx.notify(
        Notification(
            account_id=account.id,
            reply=Reply(ctx.texts.text(account.language or "id", key, **values)),
            kind=KIND,
            dedup_key=f"erasure_decided:{request.id}",
        )
    )
