"""The audit trail as the dialogs write it: who did what, to whom, when."""

from __future__ import annotations

from typing import Any

from bot.core.dialog import Context


async def audit(
    ctx: Context, action: str, subject_person_id: int | None = None, **detail: Any
) -> Any:
    """Record what the caller did. `detail` never holds a NIK in clear."""
    # The service's clock, not the database's, so the trail agrees with everything else.
    return await ctx.services.uow.audit.record(
        action,
        actor_account_id=ctx.caller.account_id,
        actor=ctx.caller.name,
        subject_person_id=subject_person_id,
        detail=detail,
        at=ctx.now,
    )
