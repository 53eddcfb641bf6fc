"""Activities: what a Ketua RT registers for coverage, and their tracked changes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from storage.models import Activity, ActivityChange, Participation
from storage.repositories._base import Repository

DRAFT = "draft"
CANCELLED = "cancelled"
# Numbers taken by concurrent confirmations before this one gives up.
NUMBER_ATTEMPTS = 5


class ActivityRepository(Repository):
    async def add(self, activity: Activity) -> Activity:
        self.session.add(activity)
        await self.session.flush()
        return activity

    async def get(self, activity_id: int) -> Activity | None:
        return await self.session.get(Activity, activity_id)

    async def list_for_rt(self, rt_id: int) -> list[Activity]:
        """Newest first: the Ketua RT's list starts with the current activity."""
        query = (
            select(Activity)
            .where(Activity.rt_id == rt_id)
            .order_by(Activity.start_date.desc(), Activity.id.desc())
        )
        return list(await self.session.scalars(query))

    async def create_draft(
        self,
        *,
        rt_id: int,
        title: str,
        kind: str,
        place: str,
        latitude: float | None,
        longitude: float | None,
        start_date: date,
        end_date: date,
        value: int,
        value_includes_ppn: bool,
        premium_jkk: int,
        premium_jkm: int,
        premium_total: int,
        created_by: int | None,
        created_at: datetime,
    ) -> Activity:
        """A new unconfirmed activity; its budget year is the year it starts."""
        activity = Activity(
            rt_id=rt_id,
            year=start_date.year,
            title=title,
            kind=kind,
            place=place,
            latitude=latitude,
            longitude=longitude,
            start_date=start_date,
            end_date=end_date,
            value=value,
            value_includes_ppn=value_includes_ppn,
            premium_jkk=premium_jkk,
            premium_jkm=premium_jkm,
            premium_total=premium_total,
            status=DRAFT,
            created_by=created_by,
            created_at=created_at,
            updated_at=created_at,
        )
        return await self.add(activity)

    async def by_number(self, number: str) -> Activity | None:
        return await self.session.scalar(select(Activity).where(Activity.number == number))

    async def drafts_for_rts(self, rt_ids: Iterable[int]) -> list[Activity]:
        """Unconfirmed activities of these RTs, the most recently started first."""
        query = (
            select(Activity)
            .where(Activity.rt_id.in_(list(rt_ids)), Activity.status == DRAFT)
            .order_by(Activity.created_at.desc(), Activity.id.desc())
        )
        return list(await self.session.scalars(query))

    async def budget_used(self, rt_id: int, year: int, exclude_id: int | None = None) -> int:
        """The summed value of the RT's activities of `year` that still claim budget
        (drafts and confirmed ones; cancelled ones give theirs back)."""
        query = select(func.coalesce(func.sum(Activity.value), 0)).where(
            Activity.rt_id == rt_id, Activity.year == year, Activity.status != CANCELLED
        )
        if exclude_id is not None:
            query = query.where(Activity.id != exclude_id)
        return int(await self.session.scalar(query) or 0)

    async def assign_number(self, activity: Activity, prefix: str, digits: int = 5) -> str:
        """Give the activity the next free number `prefix` + zero-padded sequence.

        The sequence is derived from the highest number with this prefix, inside the
        transaction; a concurrent transaction that took the same number makes the unique
        constraint fail inside a savepoint, and the next one is tried. Portable SQL.
        """
        # Flush first: on SQLite this opens the transaction the savepoint nests in.
        await self.session.flush()
        for _ in range(NUMBER_ATTEMPTS):
            highest = await self.session.scalar(
                select(func.max(Activity.number)).where(Activity.number.like(f"{prefix}%"))
            )
            sequence = int(highest[len(prefix) :]) + 1 if highest else 1
            number = f"{prefix}{sequence:0{digits}d}"
            try:
                async with self.session.begin_nested():
                    activity.number = number
                    await self.session.flush()
            except IntegrityError:
                continue
            return number
        raise RuntimeError(f"no free activity number with prefix {prefix!r}")

    async def surat_tugas_numbers(self, rt_id: int, suffix: str) -> list[str]:
        """The RT's surat tugas numbers that end with `suffix` (e.g. "/2026")."""
        query = select(Activity.surat_tugas_number).where(
            Activity.rt_id == rt_id, Activity.surat_tugas_number.like(f"%{suffix}")
        )
        return [number for number in await self.session.scalars(query) if number]

    async def delete_draft(self, activity: Activity) -> None:
        """Remove an unconfirmed activity and its worker list (cancelled registration)."""
        if activity.status != "draft":
            raise ValueError("only a draft activity can be deleted")
        await self.session.execute(
            delete(Participation).where(Participation.activity_id == activity.id)
        )
        await self.session.delete(activity)
        await self.session.flush()

    async def record_change(
        self,
        activity: Activity,
        kind: str,
        detail: dict[str, Any],
        changed_by: int | None,
        at: datetime,
    ) -> ActivityChange:
        """A tracked change after confirmation; each one makes a new surat tugas revision."""
        change = ActivityChange(
            activity_id=activity.id, kind=kind, detail=detail, changed_by=changed_by, changed_at=at
        )
        self.session.add(change)
        # One new revision per unit of work (one message), however many people a pasted
        # list added: the Ketua RT downloads one new letter, not fifty.
        revised: set[int] = self.session.info.setdefault("revised_activities", set())
        if activity.id not in revised:
            revised.add(activity.id)
            activity.surat_tugas_revision += 1
        activity.updated_at = at
        await self.session.flush()
        return change

    async def changes(self, activity_id: int) -> list[ActivityChange]:
        query = (
            select(ActivityChange)
            .where(ActivityChange.activity_id == activity_id)
            .order_by(ActivityChange.changed_at, ActivityChange.id)
        )
        return list(await self.session.scalars(query))
