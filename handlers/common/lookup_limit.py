"""Rolling hourly limits on NIK look-ups, counted from the audit trail (so they hold
across workers and restarts): the residents' coverage check and a Ketua RT's look-ups of
people outside his RT share this rule."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.core.dialog import Context

WINDOW = timedelta(hours=1)


async def free_again_at(ctx: Context, action: str, limit: int) -> datetime | None:
    """When the caller may do `action` again, or None when allowed now."""
    audit = ctx.services.uow.audit
    since = ctx.now - WINDOW
    if await audit.count(action, ctx.caller.account_id, since) < limit:
        return None
    moments = await audit.moments(action, ctx.caller.account_id, since)
    # Allowed again when enough of the look-ups in the window have left it.
    return moments[len(moments) - limit] + WINDOW
