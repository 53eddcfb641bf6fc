"""Who may see and change what: a Ketua RT only their own RT's activities; an official
only what lies in their scope (the union of the scopes of their official roles)."""

from __future__ import annotations

from typing import Any

from bot.core.dialog import Context
from bot.domain.scope import Scope

OFFICIAL_ROLES = ("petugas", "admin", "bpjs")
OFFICIALS = frozenset(OFFICIAL_ROLES)
# Roles that may see a full NIK (always audited); everyone else sees it masked.
FULL_NIK_ROLES = ("admin", "bpjs")


def own_rt_ids(ctx: Context) -> tuple[int, ...]:
    """The RTs the caller chairs (usually one)."""
    return tuple(int(rt_id) for rt_id in ctx.caller.scopes.get("ketua_rt", ()))


async def own_activity(ctx: Context, activity_id: Any) -> Any | None:
    """The activity if it exists and belongs to one of the caller's RTs, else None."""
    try:
        wanted = int(activity_id)
    except (TypeError, ValueError):
        return None
    activity = await ctx.services.uow.activities.get(wanted)
    if activity is None or activity.rt_id not in own_rt_ids(ctx):
        return None
    return activity


def official_scope(ctx: Context) -> Scope:
    """What the caller sees as an official; empty for someone who is not one."""
    scopes = [scope for role in OFFICIAL_ROLES for scope in ctx.caller.scopes.get(role, ())]
    return Scope.parse(scopes)


def may_see_full_nik(ctx: Context) -> bool:
    return ctx.caller.has(*FULL_NIK_ROLES)
