"""Who may see and change what: a Ketua RT only their own RT's activities."""

from __future__ import annotations

from typing import Any

from bot.engine import Context


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
