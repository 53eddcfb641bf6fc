"""Adding one participant, second half: role → phone (optional) → daily wage or
honorarium (optional) → saved; after confirmation the person is covered from that moment
and the change is recorded. A person outside the chair's records is saved under the name
he typed; when it differs from the stored one the officials are asked to check it, in
silence (the reply is the same either way).
"""

from __future__ import annotations

import re
from typing import Any

from bot.core.dialog import Answer, Context, Go, Outcome, Stay
from bot.core.messages import Choice, Reply
from bot.domain.dates import format_datetime
from bot.domain.money import format_rupiah
from bot.domain.phone import mask_phone
from bot.domain.roster import ROLES, match_role
from bot.domain.vocabulary import ActivityStatus
from handlers.common.amounts import LIKELY, likely_choice, read_amount
from handlers.common.people import read_phone
from handlers.ketua_rt.participants import records
from handlers.ketua_rt.participants.common import (
    NAME,
    OUTSIDE,
    PENDING_NEW,
    UNMATCHED,
    change_problem,
    discard_pending,
    enlist,
    guarded_activity,
    limit,
    listed_name,
    lost,
    pending,
    role_label,
    room_left,
    to_main,
)

SKIP = "skip"
ROLE, PHONE = "role", "phone"
MIN_WAGE, MAX_WAGE = 1_000, 100_000_000
# "150" for a wage means 150 ribu, not the 150 juta an activity value would mean.
_BARE_SMALL_NUMBER = re.compile(r"^\s*([1-9][0-9]{0,2})\s*$")


async def ask_role(ctx: Context) -> Reply:
    choices = tuple(Choice(role, role_label(ctx, role)) for role in ROLES)
    return Reply(ctx.t("participants_ask_role", name=ctx.data.get(NAME, "")), choices=choices)


async def handle_role(ctx: Context, answer: Answer) -> Outcome:
    role = answer.choice.id if answer.choice is not None else match_role(answer.text)
    if role not in ROLES:
        return Stay(ctx.t("participants_role_unknown"))
    ctx.data[ROLE] = role
    return Go("phone")


async def ask_phone(ctx: Context) -> Reply:
    text = ctx.t("participants_ask_phone", name=ctx.data.get(NAME, ""))
    person = await pending(ctx)
    if person is not None and person.phone and not ctx.data.get(OUTSIDE):
        text += "\n" + ctx.t("participants_known_phone", phone=mask_phone(person.phone))
    return Reply(text, choices=(Choice(SKIP, ctx.t("participants_skip")),))


async def handle_phone(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is not None and answer.choice.id == SKIP:
        ctx.data[PHONE] = None
        return Go("wage")
    phone = read_phone(ctx, answer.text)
    if isinstance(phone, Stay):
        return phone
    ctx.data[PHONE] = phone
    return Go("wage")


async def ask_wage(ctx: Context) -> Reply:
    choices = (*likely_choice(ctx), Choice(SKIP, ctx.t("participants_skip")))
    return Reply(ctx.t("participants_ask_wage", name=ctx.data.get(NAME, "")), choices=choices)


def read_wage(ctx: Context, answer: Answer) -> int | str:
    """The wage meant, or why it could not be read (an ambiguous one is asked back)."""
    bare = _BARE_SMALL_NUMBER.match(answer.text)
    if answer.choice is None and bare:
        likely = int(bare.group(1)) * 1_000
        ctx.data[LIKELY] = likely
        return ctx.t("participants_wage_ambiguous", likely=format_rupiah(likely))
    return read_amount(ctx, answer)


async def handle_wage(ctx: Context, answer: Answer) -> Outcome:
    activity = await guarded_activity(ctx)
    wage: int | None = None
    if answer.choice is None or answer.choice.id != SKIP:
        amount = read_wage(ctx, answer)
        if isinstance(amount, str):
            return Stay(amount)
        if not MIN_WAGE <= amount <= MAX_WAGE:
            low, high = format_rupiah(MIN_WAGE), format_rupiah(MAX_WAGE)
            return Stay(ctx.t("participants_wage_range", low=low, high=high))
        wage = amount
    return await save_entry(ctx, activity, wage)


async def save_entry(ctx: Context, activity: Any, wage: int | None) -> Outcome:
    uow = ctx.services.uow
    person = await pending(ctx)
    if person is None:
        return lost(ctx)
    problem = change_problem(ctx, activity)
    if problem is None and await room_left(ctx, activity) <= 0:
        problem = ctx.t("participants_limit_reached", limit=limit(ctx))
    listed = await uow.participations.active_for(activity.id, person.id)
    if problem is None and listed is not None:
        name = listed_name(listed, person)
        problem = ctx.t("participants_already_in", name=name, nik=person.nik_masked)
    if problem is not None:
        await discard_pending(ctx)
        ctx.say(problem)
        return to_main(ctx)
    outside = bool(ctx.data.pop(OUTSIDE, None))
    name = str(ctx.data[NAME])
    if not person.name:
        await uow.persons.update_name(person, name)
    phone_request = None
    if ctx.data.get(PHONE):
        phone_request = await records.set_phone(
            ctx, person, activity, ctx.data[PHONE], own=not outside
        )
    role = ctx.data.get(ROLE, "warga")
    await enlist(ctx, activity, person, role, wage, entered_name=name if outside else None)
    if ctx.data.pop(UNMATCHED, False):
        await records.report_unmatched_name(ctx, person, activity, name)
    ctx.data.pop(PENDING_NEW, None)
    ctx.say(
        ctx.t(
            "participants_added",
            name=name,
            nik=person.nik_masked,
            role=role_label(ctx, role),
        )
    )
    if phone_request is not None:
        ctx.say(ctx.t("participants_phone_kept", name=name, id=phone_request))
    if activity.status == ActivityStatus.CONFIRMED:
        ctx.say(ctx.t("participants_added_covered", time=format_datetime(ctx.now)))
    return to_main(ctx)
