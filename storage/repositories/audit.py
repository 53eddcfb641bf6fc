"""The audit trail: who looked up, changed or exported whose data (UU 27/2022).

`detail` must never contain a NIK in clear: use the person id or the masked NIK.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from storage.models import AuditEvent
from storage.repositories._base import Repository


class AuditRepository(Repository):
    async def record(
        self,
        action: str,
        *,
        actor_account_id: int | None = None,
        actor: str = "",
        subject_person_id: int | None = None,
        detail: dict[str, Any] | None = None,
    ) -> AuditEvent:
        event = AuditEvent(
            action=action,
            actor_account_id=actor_account_id,
            actor=actor,
            subject_person_id=subject_person_id,
            detail=dict(detail or {}),
        )
        self.session.add(event)
        await self.session.flush()
        return event

    async def recent(
        self,
        limit: int = 20,
        actor_account_id: int | None = None,
        subject_person_id: int | None = None,
    ) -> list[AuditEvent]:
        """Newest first, optionally only one actor's or one person's events."""
        query = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        if actor_account_id is not None:
            query = query.where(AuditEvent.actor_account_id == actor_account_id)
        if subject_person_id is not None:
            query = query.where(AuditEvent.subject_person_id == subject_person_id)
        return list(await self.session.scalars(query.limit(limit)))
