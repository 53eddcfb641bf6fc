"""The audit trail: who looked up, changed or exported whose data (UU 27/2022).

`detail` must never contain a NIK in clear: use the person id or the masked NIK.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

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
        at: datetime | None = None,
    ) -> AuditEvent:
        """`at` is the moment of the event (the message's clock); now when not given."""
        event = AuditEvent(
            action=action,
            actor_account_id=actor_account_id,
            actor=actor,
            subject_person_id=subject_person_id,
            detail=dict(detail or {}),
        )
        if at is not None:
            event.at = at
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

    async def page(
        self,
        offset: int = 0,
        limit: int = 15,
        actor_account_ids: Sequence[int] | None = None,
        subject_person_id: int | None = None,
    ) -> list[AuditEvent]:
        """Newest first from `offset`, optionally only the events of some actors (one
        official's chats) or of one person."""
        query = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        if actor_account_ids is not None:
            query = query.where(AuditEvent.actor_account_id.in_(list(actor_account_ids)))
        if subject_person_id is not None:
            query = query.where(AuditEvent.subject_person_id == subject_person_id)
        return list(await self.session.scalars(query.offset(offset).limit(limit)))

    async def count(self, action: str, actor_account_id: int, since: datetime) -> int:
        """How many `action` events this account caused after `since` (a rolling window:
        an event exactly at `since` has left it)."""
        query = select(func.count(AuditEvent.id)).where(
            AuditEvent.action == action,
            AuditEvent.actor_account_id == actor_account_id,
            AuditEvent.at > since,
        )
        return int(await self.session.scalar(query) or 0)

    async def moments(self, action: str, actor_account_id: int, since: datetime) -> list[datetime]:
        """When this account caused `action` events after `since`, oldest first."""
        query = (
            select(AuditEvent.at)
            .where(
                AuditEvent.action == action,
                AuditEvent.actor_account_id == actor_account_id,
                AuditEvent.at > since,
            )
            .order_by(AuditEvent.at, AuditEvent.id)
        )
        return list(await self.session.scalars(query))
