"""Hapus data saya: an erasure request (UU 27/2022). Whose data (when one phone is on
record for several people), what will happen — said exactly, with what insurance claims
need and how long that is kept (setting `retention.claims_kept_days`) —, confirm → an
open `ErasureRequest`, audited, and a task for every official in scope of the person's
RTs (city-wide officials when they are on none), who approve or refuse it under
/hapusdata (handlers/petugas/erasure). Nothing is erased before an official approves."""

from __future__ import annotations

from typing import Any

from bot.core.dialog import NAV_CANCEL, Answer, Context, End, Outcome, Stay
from bot.core.messages import Choice, Reply
from handlers.common.data_requests import ERASURE, notify_officials
from handlers.warga.my_data import whose

WHO = "erase_who"
CONFIRM = "erase_confirm"
SEND = "erase_send"
PERSON = "erase_person_id"
REQUESTED = "erasure_requested"
OPEN = "open"


async def _person(ctx: Context) -> Any | None:
    return await whose.chosen(ctx, PERSON)


async def begin(ctx: Context) -> Outcome:
    return await whose.begin(ctx, PERSON, WHO, CONFIRM)


async def ask_who(ctx: Context) -> Reply:
    return await whose.ask(ctx, "mydata_erase_who")


async def handle_who(ctx: Context, answer: Answer) -> Outcome:
    return await whose.handle(ctx, answer, PERSON, CONFIRM)


async def ask_confirm(ctx: Context) -> Reply:
    person = await _person(ctx)
    choices = (
        Choice(SEND, ctx.t("mydata_erase_send")),
        Choice(NAV_CANCEL, ctx.t("mydata_choice_cancel")),
    )
    if person is None:
        return Reply(ctx.t("mydata_entry_lost"), choices=choices[1:])
    kept, incidents = await ctx.services.uow.erasures.claims_records(person.id)
    days = ctx.services.settings.retention.claims_kept_days
    if kept or incidents:
        what = ctx.t("mydata_erase_keeps", activities=kept, incidents=incidents, days=days)
    else:
        what = ctx.t("mydata_erase_all")
    return Reply(ctx.t("mydata_erase_confirm", name=person.name, what=what), choices=choices)


async def handle_confirm(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is None or answer.choice.id != SEND:
        return Stay(ctx.t("mydata_erase_pick"))
    person = await _person(ctx)
    if person is None:
        ctx.say(ctx.t("mydata_entry_lost"))
        return End()
    uow = ctx.services.uow
    waiting = [r for r in await uow.erasures.for_persons([person.id]) if r.status == OPEN]
    if waiting:
        ctx.say(ctx.t("mydata_erase_waiting", id=waiting[0].id))
        return End()
    request = await uow.erasures.add(
        account_id=ctx.caller.account_id, person_id=person.id, created_at=ctx.now
    )
    await uow.audit.record(
        REQUESTED,
        actor_account_id=ctx.caller.account_id,
        actor=ctx.caller.name,
        subject_person_id=person.id,
        detail={"request_id": request.id},
        at=ctx.now,
    )
    told = await notify_officials(ctx, ERASURE, request, person)
    key = "mydata_erase_sent" if told else "mydata_erase_sent_none"
    ctx.say(ctx.t(key, id=request.id, count=told))
    return End()


async def on_cancel(ctx: Context) -> str | None:
    if ctx.state.step in (WHO, CONFIRM):
        return ctx.t("mydata_erase_cancelled")
    return None
