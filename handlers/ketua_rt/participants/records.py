"""What a Ketua RT may learn and change about a person he enters by NIK (the person's data
belongs to the person, SECURITY.md).

A person is in his RT's records when first registered in his RT (their first worker-list
entry is in one of its activities) or created by this very entry. For anyone else — first
registered in another RT, or never on a list (e.g. named in an accident report):
- the stored name is never shown: he types it; a name that does not match is not revealed
  but, when he says the NIK is right, sent to the officials in scope as a correction
  request, and the person is not put on his list meanwhile;
- a phone is set only when none is on record; another number becomes a correction request
  for the officials (who check with the person) and the stored number stays;
- each look-up counts towards `program.chair_nik_lookups_per_hour` and is audited.
"""

from __future__ import annotations

from typing import Any

from bot.core.dialog import Context
from bot.domain.dates import format_datetime
from bot.domain.phone import mask_phone
from handlers.common.activity_views import rt_line
from handlers.common.audit import audit
from handlers.common.data_requests import CORRECTION, notify_officials
from handlers.common.lookup_limit import free_again_at

LOOKUP = "chair_nik_lookup"
LOOKUP_REFUSED = "chair_nik_lookup_limited"
NAME_UNMATCHED = "participant_name_unmatched"
PHONE_REQUESTED = "participant_phone_change_requested"
PHONE_SET = "participant_phone_set"


async def in_records(ctx: Context, person: Any, activity: Any) -> bool:
    """Whether the person was first registered in the activity's RT."""
    first = await ctx.services.uow.participations.first_rt_id(person.id)
    return first is not None and first == activity.rt_id


async def lookup_refusal(
    ctx: Context, activity: Any, key: str = "participants_lookup_limited"
) -> str | None:
    """Why another look-up outside the RT is refused now (text `key`, audited), or None."""
    limit = int(ctx.services.settings.program.chair_nik_lookups_per_hour)
    free_at = await free_again_at(ctx, LOOKUP, limit)
    if free_at is None:
        return None
    await audit(ctx, LOOKUP_REFUSED, activity_id=activity.id)
    return ctx.t(key, limit=limit, at=format_datetime(free_at))


async def record_lookup(ctx: Context, person: Any, activity: Any, via: str) -> None:
    await audit(ctx, LOOKUP, person.id, activity_id=activity.id, via=via)


async def report_unmatched_name(ctx: Context, person: Any, activity: Any, typed: str) -> int:
    """A correction request for the officials: the chair's name for this NIK differs from
    the stored one. Returns the request's number."""
    message = ctx.t(
        "participants_request_unmatched",
        chair=ctx.caller.name,
        rt=await rt_line(ctx, activity.rt_id),
        title=activity.title,
        typed=typed,
    )
    return await _request(ctx, person, activity, message, NAME_UNMATCHED)


async def set_phone(ctx: Context, person: Any, activity: Any, phone: str, own: bool) -> int | None:
    """Set the entry's phone when the chair may (`own`: the person is in his records, or
    no phone is on record); otherwise ask the officials. Returns the request's number
    when one was made, None when the phone was set or already the same."""
    if phone == person.phone:
        return None
    if own or not person.phone:
        before = mask_phone(person.phone) if person.phone else ""
        await ctx.services.uow.persons.update_phone(person, phone)
        await audit(
            ctx, PHONE_SET, person.id, activity_id=activity.id, old=before, new=mask_phone(phone)
        )
        return None
    message = ctx.t(
        "participants_request_phone",
        chair=ctx.caller.name,
        rt=await rt_line(ctx, activity.rt_id),
        title=activity.title,
        phone=phone,
    )
    return await _request(ctx, person, activity, message, PHONE_REQUESTED)


async def _request(ctx: Context, person: Any, activity: Any, message: str, action: str) -> int:
    uow = ctx.services.uow
    # No requesting account: the outcome notice would show the chair the stored data
    # (old → new); the message names him, so officials can reach him.
    request = await uow.corrections.add(
        account_id=None,
        person_id=person.id,
        message=message,
        created_at=ctx.now,
    )
    await audit(ctx, action, person.id, activity_id=activity.id, request_id=request.id)
    await notify_officials(ctx, CORRECTION, request, person, message=request.message)
    return int(request.id)
