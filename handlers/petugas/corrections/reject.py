"""Rejecting a correction request with a reason: confirmed, then the request is closed
as rejected (who, when, the reason as its note), audited, and the resident is told the
reason through the outbox."""

from __future__ import annotations

from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.messages import Reply
from bot.domain.vocabulary import CorrectionStatus
from handlers.petugas.corrections.approve import tell_resident
from handlers.petugas.corrections.common import REASON, choice, current, is_open, restart

REASON_MAX = 300
_REASON_MIN_LETTERS = 3
YES, EDIT = "reject_yes", "reject_edit"
REJECTED = "correction_rejected"


async def ask_reason(ctx: Context) -> Reply:
    request = await current(ctx)
    return Reply(ctx.t("corr_ask_reason", id=request.id if request is not None else "-"))


async def handle_reason(ctx: Context, answer: Answer) -> Outcome:
    reason = " ".join(answer.text.split())
    if sum(ch.isalpha() for ch in reason) < _REASON_MIN_LETTERS or len(reason) > REASON_MAX:
        return Stay(ctx.t("corr_reason_invalid", limit=REASON_MAX))
    ctx.data[REASON] = reason
    return Go("reject_confirm")


async def ask_confirm(ctx: Context) -> Reply:
    request = await current(ctx)
    text = ctx.t(
        "corr_confirm_reject",
        id=request.id if request is not None else "-",
        reason=ctx.data.get(REASON, "-"),
    )
    return Reply(text, choices=(choice(ctx, YES), choice(ctx, EDIT)))


async def handle_confirm(ctx: Context, answer: Answer) -> Outcome:
    if answer.picked == EDIT:
        return Go("reject_reason")
    request = await current(ctx)
    reason = str(ctx.data.get(REASON, ""))
    if request is None or not is_open(request) or not reason:
        ctx.say(ctx.t("corr_gone"))
        return restart(ctx)
    uow = ctx.services.uow
    closed = await uow.corrections.handle(
        request, CorrectionStatus.REJECTED, ctx.caller.account_id, ctx.now, note=reason
    )
    if not closed:  # another official handled it since the question
        ctx.say(ctx.t("corr_gone"))
        return restart(ctx)
    await uow.audit.record(
        REJECTED,
        actor_account_id=ctx.caller.account_id,
        actor=ctx.caller.name,
        subject_person_id=request.person_id,
        detail={"request_id": request.id, "reason": reason},
        at=ctx.now,
    )
    await tell_resident(ctx, request, "corr_resident_rejected", reason=reason)
    ctx.say(ctx.t("corr_rejected_done", id=request.id))
    return restart(ctx)
