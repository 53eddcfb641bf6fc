"""What every part of the participants conversation shares: the activity it works on
(re-checked on every message: a Ketua RT only touches their own RT's activities), whether
its list may change now, the limit, and putting one person on the list — a tracked change
once the activity is confirmed (DOMAIN.md §2).

The dialog's data never holds a NIK: it keeps the activity id, the id of the person being
entered (found or created right after their NIK was checked), that entry's answers until
it is saved (name, role, phone), and the ids of the people held back from a paste. A
person created for an entry that is not finished is deleted again by `discard_pending`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.core import privacy
from bot.core.dialog import Context, End, Go, Guard, Outcome, Start
from bot.domain.dates import format_date, today_wib
from bot.domain.roster import ROLES
from bot.domain.vocabulary import ActivityStatus
from handlers.common.access import own_activity, owns_activity_under
from handlers.ketua_rt.participants import ACTIVITY, start_participants

PENDING = "person"
PENDING_NEW = "new_person"
# The entry's person was first registered outside this RT (participants.records).
OUTSIDE = "outside_rt"
# The name he typed for such a person differs from the stored one: after the entry is
# saved the officials are asked to check it, and he is not told (no name oracle).
UNMATCHED = "name_unmatched"
HELD = "held"
# Guardians' consents given in this conversation (participants.guardian): person id (as
# text) -> who consented ("" when a pasted list's minors were confirmed together).
GUARDIANS = "guardians"
PAGE = "page"
NAME = "name"
PAGE_SIZE = 10
STATUS_KEYS = {
    ActivityStatus.DRAFT: "participants_status_draft",
    ActivityStatus.CONFIRMED: "participants_status_confirmed",
    ActivityStatus.CANCELLED: "participants_status_cancelled",
}


async def current_activity(ctx: Context) -> Any | None:
    return await own_activity(ctx, ctx.data.get(ACTIVITY))


async def guarded_activity(ctx: Context) -> Any:
    """The activity of a guarded step: the dialog's guard found it for this very answer."""
    activity = await current_activity(ctx)
    assert activity is not None, "the participants guard runs before every guarded step"
    return activity


async def not_yours(ctx: Context) -> End:
    """The activity is gone or not the caller's: explain, forget the entry, leave."""
    await discard_pending(ctx)
    ctx.say(ctx.t("participants_not_yours"))
    return End()


# A Ketua RT only touches their own RT's activities: checked again before every answer,
# as the activity may have been deleted or the RT handed over since the question.
OWN_ACTIVITY = owns_activity_under(ACTIVITY, refuse=not_yours)


def to_main(ctx: Context) -> Start:
    """Back to the participants' main step with a clean slate (no `kembali` into an
    entry that is already saved)."""
    return start_participants(ctx.data.get(ACTIVITY))


def status_label(ctx: Context, activity: Any) -> str:
    return ctx.t(STATUS_KEYS.get(activity.status, "participants_status_other"))


def role_label(ctx: Context, role: str) -> str:
    return ctx.t(f"role_{role}") if role in ROLES else role


def limit(ctx: Context) -> int:
    return int(ctx.services.settings.program.max_participants)


async def room_left(ctx: Context, activity: Any) -> int:
    return limit(ctx) - await ctx.services.uow.participations.count_for_activity(activity.id)


def change_problem(ctx: Context, activity: Any) -> str | None:
    """Why the list cannot change now, or None: only a draft or a confirmed activity that
    has not ended yet can gain or lose people."""
    if activity.status not in (ActivityStatus.DRAFT, ActivityStatus.CONFIRMED):
        return ctx.t("participants_read_only", status=status_label(ctx, activity))
    if activity.status == ActivityStatus.CONFIRMED and today_wib(ctx.now) > activity.end_date:
        return ctx.t("participants_ended", end=format_date(activity.end_date))
    return None


def listed_name(participation: Any, person: Any) -> str:
    """The name the chair sees for a person on his list: the one he typed for someone
    outside his RT's records, the stored one otherwise."""
    return str(participation.entered_name or person.name)


async def enlist(
    ctx: Context,
    activity: Any,
    person: Any,
    role: str,
    wage: int | None,
    entered_name: str | None = None,
) -> None:
    """Put a person on the list (`entered_name`: what the chair typed for someone outside
    his RT's records); after confirmation they are covered from now on and the change is
    recorded (a new surat tugas revision)."""
    uow = ctx.services.uow
    participation = await uow.participations.add(
        activity_id=activity.id,
        person_id=person.id,
        role=role,
        daily_wage=wage,
        added_by=ctx.caller.account_id,
        added_at=ctx.now,
        entered_name=entered_name,
    )
    if activity.status == ActivityStatus.CONFIRMED:
        await record_list_change(
            ctx, activity, "participant_added", person, listed_name(participation, person)
        )
    await record_guardian_consent(ctx, activity, person)


async def record_guardian_consent(ctx: Context, activity: Any, person: Any) -> None:
    """Record the guardian's consent for a minor put on the list, if one was given in
    this conversation (UU 27/2022)."""
    kept = ctx.data.get(GUARDIANS) or {}
    if str(person.id) not in kept:
        return
    await ctx.services.uow.consents.record(
        how=privacy.GUARDIAN_VIA_CHAIR,
        notice_version=privacy.NOTICE_VERSION,
        at=ctx.now,
        person_id=person.id,
        activity_id=activity.id,
        given_by=ctx.caller.account_id,
        guardian=str(kept[str(person.id)]),
    )


async def record_list_change(
    ctx: Context, activity: Any, change: str, person: Any, name: str
) -> None:
    """A confirmed activity's list changed: recorded under the name the chair sees, it
    makes a new surat tugas revision."""
    detail = {"person_id": person.id, "name": name}
    await ctx.services.uow.activities.record_change(
        activity, change, detail, ctx.caller.account_id, ctx.now
    )


async def discard_pending(ctx: Context) -> None:
    """Forget the unfinished entry and the held-back minors; persons created for them and
    still on no list are deleted."""
    persons = ctx.services.uow.persons
    person_id = ctx.data.pop(PENDING, None)
    if person_id is not None and ctx.data.pop(PENDING_NEW, False):
        await persons.remove_if_unused(int(person_id))
    ctx.data.pop(PENDING_NEW, None)
    ctx.data.pop(OUTSIDE, None)
    ctx.data.pop(UNMATCHED, None)
    for held in ctx.data.pop(HELD, []):
        if held.get("new"):
            await persons.remove_if_unused(int(held["person"]))


def unfinished(ctx: Context, data: Mapping[str, Any]) -> str | None:
    """A person being entered, or minors of a paste waiting for the chair's word: what
    `menu` keeps to continue (the list itself is saved with every message)."""
    if data.get(PENDING) is None and not data.get(HELD):
        return None
    return ctx.t("participants_unfinished")


def person_line(ctx: Context, person: Any, role: str, name: str | None = None) -> str:
    return ctx.t(
        "participants_report_line",
        name=name or person.name,
        nik=person.nik_masked,
        role=role_label(ctx, role),
    )


async def pending(ctx: Context) -> Any | None:
    person_id = ctx.data.get(PENDING)
    return await ctx.services.uow.persons.get(int(person_id)) if person_id else None


def lost(ctx: Context) -> Outcome:
    ctx.say(ctx.t("participants_entry_lost"))
    return Go("nik")


async def pending_person(ctx: Context) -> Any:
    """The person of a step guarded by PENDING_PERSON: the guard found them for this answer."""
    person = await pending(ctx)
    assert person is not None, "PENDING_PERSON runs before every step that uses this"
    return person


async def _has_pending(ctx: Context) -> bool:
    return await pending(ctx) is not None


async def _entry_lost(ctx: Context) -> Outcome:
    return lost(ctx)


# The person whose NIK was checked is gone (removed meanwhile, or a state from before):
# the entry starts again from the NIK.
PENDING_PERSON = Guard(allows=_has_pending, refuse=_entry_lost)
