"""Who may see and change what: a Ketua RT only their own RT's activities; an official
only what lies in their scope (the union of the scopes of their official roles)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.core.dialog import Context, Guard, Outcome
from bot.domain.scope import Scope
from bot.domain.vocabulary import FULL_NIK_ROLES, OFFICIAL_ROLES, Role

OFFICIALS = frozenset(OFFICIAL_ROLES)


def own_rt_ids(ctx: Context) -> tuple[int, ...]:
    """The RTs the caller chairs (usually one)."""
    return tuple(int(rt_id) for rt_id in ctx.caller.scopes.get(Role.KETUA_RT, ()))


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


def owns_activity_under(key: str, refuse: Callable[[Context], Awaitable[Outcome]]) -> Guard:
    """The guard of a dialog that works on one of the caller's activities, whose id it
    keeps under `key`: the engine refuses every answer once it is no longer theirs."""

    async def allows(ctx: Context) -> bool:
        return await own_activity(ctx, ctx.data.get(key)) is not None

    return Guard(allows=allows, refuse=refuse)


def official_scope(ctx: Context) -> Scope:
    """What the caller sees as an official; empty for someone who is not one."""
    scopes = [scope for role in OFFICIAL_ROLES for scope in ctx.caller.scopes.get(role, ())]
    return Scope.parse(scopes)


def may_see_full_nik(ctx: Context) -> bool:
    return ctx.caller.has(*FULL_NIK_ROLES)
