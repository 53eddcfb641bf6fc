"""Participations: the people on an activity's worker list (first cut)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from storage.models import Participation, utcnow
from storage.repositories._base import Repository


class ParticipationRepository(Repository):
    async def add(
        self,
        *,
        activity_id: int,
        person_id: int,
        role: str,
        daily_wage: int | None = None,
        added_by: int | None = None,
        added_at: datetime | None = None,
    ) -> Participation:
        participation = Participation(
            activity_id=activity_id,
            person_id=person_id,
            role=role,
            daily_wage=daily_wage,
            added_by=added_by,
            added_at=added_at or utcnow(),
        )
        self.session.add(participation)
        await self.session.flush()
        return participation

    async def get(self, participation_id: int) -> Participation | None:
        return await self.session.get(Participation, participation_id)

    async def for_activity(
        self, activity_id: int, include_removed: bool = False
    ) -> list[Participation]:
        """In the order people were added (the order of the surat tugas)."""
        query = (
            select(Participation)
            .where(Participation.activity_id == activity_id)
            .order_by(Participation.id)
        )
        if not include_removed:
            query = query.where(Participation.removed_at.is_(None))
        return list(await self.session.scalars(query))
