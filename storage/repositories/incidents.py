"""Incidents: accident reports and their 2x24-hour BPJS reporting state (first cut)."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Incident
from storage.repositories._base import Repository

OPEN = "open"


class IncidentRepository(Repository):
    async def add(self, incident: Incident) -> Incident:
        self.session.add(incident)
        await self.session.flush()
        return incident

    async def get(self, incident_id: int) -> Incident | None:
        return await self.session.get(Incident, incident_id)

    async def by_reference(self, reference: str) -> Incident | None:
        return await self.session.scalar(select(Incident).where(Incident.reference == reference))

    async def open_incidents(self) -> list[Incident]:
        """Not yet formally reported to BPJS; oldest first (closest to the deadline)."""
        query = (
            select(Incident)
            .where(Incident.status == OPEN)
            .order_by(Incident.occurred_at, Incident.id)
        )
        return list(await self.session.scalars(query))
