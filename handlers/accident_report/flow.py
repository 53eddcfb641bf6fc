"""What the accident report remembers between messages, and where each answer leads.

Two variants share every step after the victim: a Ketua RT starts from their activity
and its worker list (`MODE_RT`); anyone else names the victim and the RT (`MODE_WARGA`).
`ctx.data` holds ids and the report's own words, never a NIK: a victim named by NIK is
stored as a `Person` (created when unknown) and only their id is kept here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.core.dialog import Context, Go, Outcome
from bot.domain.vocabulary import Role
from handlers.common.access import own_rt_ids

MODE = "mode"
MODE_RT = "rt"
MODE_WARGA = "warga"

ACTIVITY = "activity_id"  # None: "Bukan kegiatan terdaftar"
PERSON = "person_id"  # None: victim known by name only
VICTIM = "victim_name"
CREATED_PERSON = "created_person_id"  # a Person this report created (undone on batal)
RT = "rt_id"
RT_UNKNOWN = "rt_unknown"
OCCURRED = "occurred_at"  # ISO, aware UTC
PENDING_OCCURRED = "occurred_pending"  # a long-ago time waiting for "Ya"
PLACE = "place"
DESCRIPTION = "description"
SEVERITY = "severity"
REPORTER = "reporter_name"
REPORTER_PHONE = "reporter_phone"
PAGE = "page"
EDITING = "editing"

START = "start"
PERSON_STEP = "person"
CENTURY_STEP = "victim_century"  # "Lahir tahun 2020 atau 1920?" for a new victim's NIK
RT_STEP = "rt"
WHEN = "when"
WHERE = "where"
WHAT = "what"
SEVERITY_STEP = "severity"
REPORTER_STEP = "reporter"
SUMMARY = "summary"
CHANGE = "change"


def mode(ctx: Context) -> str:
    """Fixed when the report starts, so a role change mid-report changes nothing."""
    if MODE not in ctx.data:
        chair = ctx.caller.has(Role.KETUA_RT) and bool(own_rt_ids(ctx))
        ctx.data[MODE] = MODE_RT if chair else MODE_WARGA
    return str(ctx.data[MODE])


def is_chair_report(ctx: Context) -> bool:
    return mode(ctx) == MODE_RT


def proceed(ctx: Context, step: str) -> Outcome:
    """The next question, or straight back to the summary when a field was being changed."""
    return Go(SUMMARY if ctx.data.get(EDITING) else step)


def after_victim(ctx: Context) -> Outcome:
    """Without a known RT the officials in scope cannot be found: ask for it, even when
    only the victim was being changed."""
    if ctx.data.get(RT) is None and not ctx.data.get(RT_UNKNOWN):
        return Go(RT_STEP)
    return proceed(ctx, WHEN)


def optional_int(value: Any) -> int | None:
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


async def forget_created_person(ctx: Context, keep: int | None = None) -> None:
    """Remove the Person this report created if the report no longer names them."""
    created = optional_int(ctx.data.get(CREATED_PERSON))
    if created is None or created == keep:
        return
    await ctx.services.uow.persons.remove_if_unused(created)
    ctx.data.pop(CREATED_PERSON, None)


# The report's own answers: once one is given, `batal` asks before throwing them away and
# `menu` keeps them to continue (an accident report must not be lost by a slip).
ANSWERS = (PERSON, VICTIM, OCCURRED, PLACE, DESCRIPTION, SEVERITY, REPORTER)


def unfinished(ctx: Context, data: Mapping[str, Any]) -> str | None:
    if all(data.get(key) in (None, "") for key in ANSWERS):
        return None
    victim = data.get(VICTIM)
    if victim:
        return ctx.t("accident_unfinished_named", name=victim)
    return ctx.t("accident_unfinished")
