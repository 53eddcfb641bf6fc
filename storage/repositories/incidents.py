"""Incidents: accident reports, their reference numbers and their 2×24-hour BPJS
reporting state, plus the look-ups an accident report needs (the victim's worker-list
rows, open incidents in an official's scope)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError

from bot.domain.incident import format_reference, reference_prefix, reference_sequence
from storage.models import Activity, Incident, Kelurahan, Participation, Rt
from storage.repositories._base import Repository

OPEN = "open"
# Two reports in the same instant may pick the same number; the loser takes the next one.
_REFERENCE_ATTEMPTS = 5


class IncidentRepository(Repository):
    async def add(self, incident: Incident) -> Incident:
        self.session.add(incident)
        await self.session.flush()
        return incident

    async def report(self, day: date, **fields: Any) -> Incident:
        """Save a new report under the next reference number of `day` (a WIB date).
        `fields` are the `Incident` columns other than `reference`."""
        for _ in range(_REFERENCE_ATTEMPTS):
            incident = Incident(
                reference=format_reference(day, await self.next_sequence(day)), **fields
            )
            try:
                # A savepoint: a clash on the unique reference must not spoil the message.
                async with self.session.begin_nested():
                    self.session.add(incident)
                return incident
            except IntegrityError:
                continue
        raise RuntimeError("no free incident reference number")

    async def next_sequence(self, day: date) -> int:
        """The next free sequence number of `day`'s references (1 for the first)."""
        query = select(Incident.reference).where(
            Incident.reference.like(f"{reference_prefix(day)}%")
        )
        numbers = [reference_sequence(ref) or 0 for ref in await self.session.scalars(query)]
        return max(numbers, default=0) + 1

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

    async def list_for_rt(self, rt_id: int) -> list[Incident]:
        """An RT's reports, newest first."""
        query = (
            select(Incident)
            .where(Incident.rt_id == rt_id)
            .order_by(Incident.occurred_at.desc(), Incident.id.desc())
        )
        return list(await self.session.scalars(query))

    async def open_in_scope(
        self,
        kecamatan_codes: Sequence[str] = (),
        kelurahan_codes: Sequence[str] = (),
        city_wide: bool = False,
    ) -> list[Incident]:
        """Open incidents an official may see, oldest first. A city-wide official also
        sees reports whose RT is unknown."""
        query = select(Incident).where(Incident.status == OPEN)
        if not city_wide:
            in_place = (
                select(Rt.id)
                .join(Kelurahan, Kelurahan.code == Rt.kelurahan_code)
                .where(
                    or_(
                        Kelurahan.kecamatan_code.in_(list(kecamatan_codes)),
                        Kelurahan.code.in_(list(kelurahan_codes)),
                    )
                )
            )
            query = query.where(Incident.rt_id.in_(in_place))
        query = query.order_by(Incident.occurred_at, Incident.id)
        return list(await self.session.scalars(query))

    async def worker_list_rows(
        self, person_id: int, activity_id: int | None = None
    ) -> list[tuple[Participation, Activity]]:
        """The person's rows on confirmed worker lists (removed rows too: a removed person
        was covered until the removal), with their activities; one activity if given."""
        query = (
            select(Participation, Activity)
            .join(Activity, Activity.id == Participation.activity_id)
            .where(Participation.person_id == person_id, Activity.confirmed_at.is_not(None))
            .order_by(Activity.start_date.desc(), Participation.id)
        )
        if activity_id is not None:
            query = query.where(Activity.id == activity_id)
        return [(row[0], row[1]) for row in (await self.session.execute(query)).all()]
