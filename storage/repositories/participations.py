"""Participations: the people on an activity's worker list.

Only active participations (not removed) count for the limit, the list and duplicates.
After confirmation a participation is never deleted, only closed with `removed_at`, so the
coverage window of every person stays answerable; a draft's list is edited freely.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, delete, func, select

from bot.core import ports
from storage.models import Activity, Participation, Person, utcnow
from storage.repositories._base import Repository

# Every worker-list row of some persons with its activity, the most recently started
# activity first. Built once: the coverage check runs it per message (with
# `persons.find_by_nik`), and building it took as long as running it.
_OF_PERSONS = (
    select(Participation, Activity)
    .join(Activity, Activity.id == Participation.activity_id)
    .where(Participation.person_id.in_(bindparam("person_ids", expanding=True)))
    .order_by(Activity.start_date.desc(), Activity.id.desc(), Participation.id)
)


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
        entered_name: str | None = None,
    ) -> Participation:
        participation = Participation(
            entered_name=entered_name,
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

    async def active_for(self, activity_id: int, person_id: int) -> Participation | None:
        """The person's current (not removed) participation in the activity, if any."""
        query = select(Participation).where(
            Participation.activity_id == activity_id,
            Participation.person_id == person_id,
            Participation.removed_at.is_(None),
        )
        return await self.session.scalar(query.limit(1))

    async def first_rt_id(self, person_id: int) -> int | None:
        """The RT of the person's first worker-list entry (where they were first
        registered), or None when they were never on a list."""
        query = (
            select(Activity.rt_id)
            .join(Participation, Participation.activity_id == Activity.id)
            .where(Participation.person_id == person_id)
            .order_by(Participation.id)
            .limit(1)
        )
        return await self.session.scalar(query)

    async def active_person_ids(self, activity_id: int) -> set[int]:
        query = select(Participation.person_id).where(
            Participation.activity_id == activity_id, Participation.removed_at.is_(None)
        )
        return set(await self.session.scalars(query))

    async def count_for_activity(self, activity_id: int) -> int:
        """Active participants (what the per-activity limit counts)."""
        query = select(func.count(Participation.id)).where(
            Participation.activity_id == activity_id, Participation.removed_at.is_(None)
        )
        return int(await self.session.scalar(query) or 0)

    async def listed(
        self, activity_id: int, offset: int = 0, limit: int | None = None
    ) -> list[tuple[Participation, Person]]:
        """Active participants with their person, in the order added (one page of it)."""
        query = (
            select(Participation, Person)
            .join(Person, Person.id == Participation.person_id)
            .where(Participation.activity_id == activity_id, Participation.removed_at.is_(None))
            .order_by(Participation.id)
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        return [(row[0], row[1]) for row in await self.session.execute(query)]

    async def remove(
        self, participation: ports.Participation, by: int | None, at: datetime
    ) -> None:
        """Take a person off a confirmed activity: covered until `at`."""
        participation.removed_at = at
        participation.removed_by = by
        await self.session.flush()

    async def delete(self, participation: ports.Participation) -> None:
        """Forget a participation that never gave coverage (a draft's list)."""
        await self.session.execute(
            delete(Participation).where(Participation.id == participation.id)
        )
        await self.session.flush()

    async def of_persons(self, person_ids: Sequence[int]) -> list[tuple[Participation, Activity]]:
        """Every worker-list row of these persons with its activity — drafts, removed rows
        and cancelled activities too (what a person's own data view shows) — the most
        recently started activity first."""
        found = await self.session.execute(_OF_PERSONS, {"person_ids": list(person_ids)})
        return [(row[0], row[1]) for row in found.all()]

    async def worker_list(
        self, activity_id: int, offset: int = 0, limit: int | None = None
    ) -> list[tuple[Participation, Person]]:
        """The whole worker list with each person, removed rows too (a removed person was
        covered until the removal), in the order added: one page of it for officials."""
        query = (
            select(Participation, Person)
            .join(Person, Person.id == Participation.person_id)
            .where(Participation.activity_id == activity_id)
            .order_by(Participation.id)
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        return [(row[0], row[1]) for row in await self.session.execute(query)]

    async def count_active_and_removed(self, activity_id: int) -> tuple[int, int]:
        """(people on the list now, people removed from it) in one query."""
        # count(column) skips NULLs: removed rows are those with a removal time.
        query = select(
            func.count(Participation.id) - func.count(Participation.removed_at),
            func.count(Participation.removed_at),
        ).where(Participation.activity_id == activity_id)
        active, gone = (await self.session.execute(query)).one()
        return int(active or 0), int(gone or 0)
