"""Telling officials about an open request on a person's data (a correction or an
erasure): one task for every official in scope of the person's worker lists (city-wide
officials when the person is on none) who did not switch these alerts off. Used by the
resident's own requests ("Data saya") and by the correction requests a Ketua RT's entry
raises (a name that does not match, another person's phone)."""

from __future__ import annotations

from typing import Any

from bot.core.dialog import Context
from bot.core.messages import Notification, Reply
from bot.workers.jobs.recipients import Officials
from handlers.common.activity_views import rt_line

CORRECTION, ERASURE = "correction", "erasure"
NOTICES = {CORRECTION: "correction_notice", ERASURE: "erasure_notice"}


async def notify_officials(
    ctx: Context, kind: str, request: Any, person: Any, **values: Any
) -> int:
    """A task (`kind`: CORRECTION or ERASURE) for every official in scope of the person's
    RTs, its notice filled with the request's number, the person, their RTs and `values`;
    returns how many were told."""
    uow = ctx.services.uow
    rows = await uow.participations.of_persons([person.id])
    rt_ids = list(dict.fromkeys(activity.rt_id for _, activity in rows))
    places: list[str | None] = []
    lines: list[str] = []
    for rt_id in rt_ids:
        rt_row = await uow.rts.get(rt_id)
        assert rt_row is not None, "an activity's RT exists (foreign key)"
        places.append(rt_row.kelurahan_code)
        lines.append(await rt_line(ctx, rt_id))
    officials: dict[int, Any] = {}
    known = await Officials.load(uow)
    for kelurahan_code in list(dict.fromkeys(places)) or [None]:
        # Officials who switched correction requests off (alert settings) are not told of
        # either kind; the request still waits for them under /perbaikan or /hapusdata.
        for official in known.for_place(kelurahan_code, wants=_wants_corrections):
            officials.setdefault(official.account.id, official.account)
    recipients = [a for i, a in sorted(officials.items()) if i != ctx.caller.account_id]
    for official in recipients:
        language = official.language or "id"
        rt = "\n".join(lines) or ctx.texts.text(language, "correction_notice_no_rt")
        text = ctx.texts.text(
            language, NOTICES[kind], id=request.id, name=person.name, rt=rt, **values
        )
        ctx.notify(
            Notification(
                account_id=official.id,
                reply=Reply(text),
                kind=kind,
                dedup_key=f"{kind}:{request.id}:{official.id}",
            )
        )
    return len(recipients)


def _wants_corrections(preference: Any) -> bool:
    return bool(preference.correction_requests)
