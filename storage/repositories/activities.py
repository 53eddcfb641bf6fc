"""Activities: what a Ketua RT registers for coverage, their tracked changes, and the
scoped, filtered lists officials page through."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, func, or_, select
from sqlalchemy.exc import IntegrityError

from bot.core import ports
from bot.core.ports import ScopedActivity
from bot.domain.scope import Scope
from bot.domain.vocabulary import ActivityStatus, ShownStatus
from storage.models import Activity, ActivityChange, Kelurahan, Participation, Rt
from storage.repositories._base import Repository
from storage.repositories.rts import in_scope

# stored by a later job, and reads the same.
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
            status=ActivityStatus.DRAFT,
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
            .where(Activity.rt_id.in_(list(rt_ids)), Activity.status == ActivityStatus.DRAFT)
            .order_by(Activity.created_at.desc(), Activity.id.desc())
        )
        return list(await self.session.scalars(query))

    async def budget_used(self, rt_id: int, year: int, exclude_id: int | None = None) -> int:
        """The summed value of the RT's activities of `year` that still claim budget
        (drafts and confirmed ones; cancelled ones give theirs back)."""
        query = select(func.coalesce(func.sum(Activity.value), 0)).where(
            Activity.rt_id == rt_id,
            Activity.year == year,
            Activity.status != ActivityStatus.CANCELLED,
        )
        if exclude_id is not None:
            query = query.where(Activity.id != exclude_id)
        return int(await self.session.scalar(query) or 0)

    async def value_by_status(
        self, rt_id: int, year: int, exclude_id: int | None = None
    ) -> dict[str, int]:
        """The summed value of the RT's activities of `year` per stored status (draft,
        confirmed, cancelled): what the budget line shows apart."""
        query = (
            select(Activity.status, func.coalesce(func.sum(Activity.value), 0))
            .where(Activity.rt_id == rt_id, Activity.year == year)
            .group_by(Activity.status)
        )
        if exclude_id is not None:
            query = query.where(Activity.id != exclude_id)
        return {str(status): int(total or 0) for status, total in await self.session.execute(query)}

    async def assign_number(self, activity: ports.Activity, prefix: str, digits: int = 5) -> str:
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

    async def surat_tugas_numbers_like(self, pattern: str) -> list[str]:
        """Surat tugas numbers matching a LIKE pattern (e.g. "%/ST-KB/RT01/TS/%/2026")."""
        query = select(Activity.surat_tugas_number).where(Activity.surat_tugas_number.like(pattern))
        return [number for number in await self.session.scalars(query) if number]

    async def delete_draft(self, activity: ports.Activity) -> None:
        """Remove an unconfirmed activity and its worker list (cancelled registration)."""
        if activity.status != ActivityStatus.DRAFT:
            raise ValueError("only a draft activity can be deleted")
        await self.session.execute(
            delete(Participation).where(Participation.activity_id == activity.id)
        )
        await self.session.delete(activity)
        await self.session.flush()

    async def record_change(
        self,
        activity: ports.Activity,
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

    async def search_in_scope(
        self,
        scope: Scope,
        today: date,
        *,
        status: str | None = None,
        kelurahan_code: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[ScopedActivity]:
        """One page of the activities an official may see, newest start first, each with its
        RT, kelurahan and number of people on the list now: one query, filtered in SQL."""
        people = (
            select(func.count(Participation.id))
            .where(Participation.activity_id == Activity.id, Participation.removed_at.is_(None))
            .correlate(Activity)
            .scalar_subquery()
        )
        query = (
            select(Activity, Rt, Kelurahan, people)
            .join(Rt, Rt.id == Activity.rt_id)
            .join(Kelurahan, Kelurahan.code == Rt.kelurahan_code)
            .where(*_filters(scope, today, status, kelurahan_code, date_from, date_to))
            .order_by(Activity.start_date.desc(), Activity.id.desc())
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        rows = (await self.session.execute(query)).all()
        return [ScopedActivity(row[0], row[1], row[2], int(row[3] or 0)) for row in rows]

    async def count_in_scope(
        self,
        scope: Scope,
        today: date,
        *,
        status: str | None = None,
        kelurahan_code: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
    ) -> int:
        """How many activities `search_in_scope` finds with the same filters."""
        query = (
            select(func.count(Activity.id))
            .join(Rt, Rt.id == Activity.rt_id)
            .where(*_filters(scope, today, status, kelurahan_code, date_from, date_to))
        )
        return int(await self.session.scalar(query) or 0)

    async def get_in_scope(self, activity_id: int, scope: Scope) -> Activity | None:
        """The activity if it exists and its RT lies in the scope, else None."""
        query = (
            select(Activity)
            .join(Rt, Rt.id == Activity.rt_id)
            .where(Activity.id == activity_id, in_scope(scope))
        )
        return await self.session.scalar(query)

    async def by_number_in_scope(self, number: str, scope: Scope) -> Activity | None:
        query = (
            select(Activity)
            .join(Rt, Rt.id == Activity.rt_id)
            .where(Activity.number == number, in_scope(scope))
        )
        return await self.session.scalar(query)

    async def count_changes(self, activity_id: int) -> int:
        query = select(func.count(ActivityChange.id)).where(
            ActivityChange.activity_id == activity_id
        )
        return int(await self.session.scalar(query) or 0)


def has_shown_status(status: str, today: date) -> ColumnElement[bool]:
    """Activities whose shown status (`bot.activities.lifecycle.shown_status`) is `status` on the WIB
    date `today`, as plain column comparisons that indexes on status and dates can serve."""
    confirmed = Activity.status == ActivityStatus.CONFIRMED
    if status == ActivityStatus.CONFIRMED:
        return and_(confirmed, Activity.start_date > today)
    if status == ShownStatus.RUNNING:
        return and_(confirmed, Activity.start_date <= today, Activity.end_date >= today)
    if status == ShownStatus.ENDED:
        return or_(and_(confirmed, Activity.end_date < today), Activity.status == ShownStatus.ENDED)
    return Activity.status == status


def _filters(
    scope: Scope,
    today: date,
    status: str | None,
    kelurahan_code: str | None,
    date_from: date | None,
    date_to: date | None,
) -> list[ColumnElement[bool]]:
    """The WHERE clauses of an official's list; the query joins `rts`. A date range keeps
    the activities whose period overlaps it."""
    clauses = [in_scope(scope)]
    if status is not None:
        clauses.append(has_shown_status(status, today))
    if kelurahan_code is not None:
        clauses.append(Rt.kelurahan_code == kelurahan_code)
    if date_from is not None:
        clauses.append(Activity.end_date >= date_from)
    if date_to is not None:
        clauses.append(Activity.start_date <= date_to)
    return clauses
