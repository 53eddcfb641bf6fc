"""Incidents: accident reports, their reference numbers and their 2×24-hour BPJS
reporting state, plus the look-ups an accident report needs (the victim's worker-list
rows, open incidents in an official's scope), what an official's Insiden list shows and
changes (always filtered by scope in SQL), and what the reminder job looks up."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, TypeVar, cast

from sqlalchemy import ColumnElement, CursorResult, Select, case, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from bot.core import ports
from bot.core.ports import IncidentRow
from bot.domain.incident import format_reference, reference_prefix, reference_sequence
from bot.domain.vocabulary import IncidentStatus
from storage.models import Activity, Incident, Kelurahan, Participation, Person, Rt
from storage.repositories._base import Repository

# Still on an official's list: not yet reported, or reported but not closed.
ACTIVE = (IncidentStatus.OPEN, IncidentStatus.REPORTED)
# Any select (SQLAlchemy 2.1 types `Select` by its column types); a string, so the
# runtime never evaluates it.
_Query = TypeVar("_Query", bound="Select[*tuple[Any, ...]]")
# Two reports in the same instant may pick the same number; the loser takes the next one.
_REFERENCE_ATTEMPTS = 5


class IncidentRepository(Repository):
    async def add(self, incident: Incident) -> Incident:
        self.session.add(incident)
        await self.session.flush()
        return incident

    async def report(self, day: date, **fields: object) -> Incident:
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
            .where(Incident.status == IncidentStatus.OPEN)
            .order_by(Incident.occurred_at, Incident.id)
        )
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

    # --- an official's Insiden list ------------------------------------------------------

    async def active_in_scope(
        self,
        kecamatan_codes: Sequence[str] = (),
        kelurahan_codes: Sequence[str] = (),
        city_wide: bool = False,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[IncidentRow]:
        """Open and reported (not closed) incidents in scope, most urgent first: open ones
        by deadline (the accident time), then reported ones."""
        query = (
            select(Incident, Rt, Kelurahan, Person)
            .outerjoin(Rt, Rt.id == Incident.rt_id)
            .outerjoin(Kelurahan, Kelurahan.code == Rt.kelurahan_code)
            .outerjoin(Person, Person.id == Incident.person_id)
            .where(Incident.status.in_(ACTIVE))
        )
        query = _joined_scope(query, kecamatan_codes, kelurahan_codes, city_wide)
        urgency = case((Incident.status == IncidentStatus.OPEN, 0), else_=1)
        query = query.order_by(urgency, Incident.occurred_at, Incident.id).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        rows = (await self.session.execute(query)).all()
        return [(row[0], row[1], row[2], row[3]) for row in rows]

    async def count_active_in_scope(
        self,
        kecamatan_codes: Sequence[str] = (),
        kelurahan_codes: Sequence[str] = (),
        city_wide: bool = False,
    ) -> int:
        query = (
            select(func.count(Incident.id))
            .outerjoin(Rt, Rt.id == Incident.rt_id)
            .outerjoin(Kelurahan, Kelurahan.code == Rt.kelurahan_code)
            .where(Incident.status.in_(ACTIVE))
        )
        query = _joined_scope(query, kecamatan_codes, kelurahan_codes, city_wide)
        return int(await self.session.scalar(query) or 0)

    async def in_scope(
        self,
        incident_id: int,
        kecamatan_codes: Sequence[str] = (),
        kelurahan_codes: Sequence[str] = (),
        city_wide: bool = False,
    ) -> bool:
        """Whether this incident (whatever its status) lies in the official's scope."""
        query = (
            select(Incident.id)
            .outerjoin(Rt, Rt.id == Incident.rt_id)
            .outerjoin(Kelurahan, Kelurahan.code == Rt.kelurahan_code)
            .where(Incident.id == incident_id)
        )
        query = _joined_scope(query, kecamatan_codes, kelurahan_codes, city_wide)
        return await self.session.scalar(query) is not None

    async def mark_reported(
        self, incident: ports.Incident, report_number: str, at: datetime
    ) -> bool:
        """Record the formal stage-I report to BPJS (`report_number` "" when the receipt
        has none yet: stored as none); False when the incident was no longer open (another
        official got there first). Conditional, so two cannot both win."""
        statement = (
            update(Incident)
            .where(Incident.id == incident.id, Incident.status == IncidentStatus.OPEN)
            .values(
                status=IncidentStatus.REPORTED,
                bpjs_reported_at=at,
                bpjs_report_number=report_number or None,
            )
        )
        return await self._change(incident, statement)

    async def close(
        self,
        incident: ports.Incident,
        at: datetime,
        outcome: str | None = None,
        outcome_note: str = "",
    ) -> bool:
        """Close an open or reported incident with its outcome (stage II, see
        bot.domain.vocabulary.IncidentOutcome) and a note; False when it was closed
        already."""
        statement = (
            update(Incident)
            .where(Incident.id == incident.id, Incident.status.in_(ACTIVE))
            .values(
                status=IncidentStatus.CLOSED,
                closed_at=at,
                outcome=outcome,
                outcome_note=outcome_note,
            )
        )
        return await self._change(incident, statement)

    async def _change(self, incident: ports.Incident, statement: Any) -> bool:
        result = await self.session.execute(statement.execution_options(synchronize_session=False))
        await self.session.refresh(incident)
        return cast(CursorResult[Any], result).rowcount == 1

    # --- what the scheduler looks up -----------------------------------------------------

    async def open_occurred_between(
        self, earliest: datetime, latest: datetime
    ) -> list[tuple[Incident, Rt | None]]:
        """Open incidents whose accident happened in [earliest, latest], with their RT
        (None when unknown), oldest first."""
        query = (
            select(Incident, Rt)
            .outerjoin(Rt, Rt.id == Incident.rt_id)
            .where(
                Incident.status == IncidentStatus.OPEN,
                Incident.occurred_at >= earliest,
                Incident.occurred_at <= latest,
            )
            .order_by(Incident.occurred_at, Incident.id)
        )
        return [(row[0], row[1]) for row in (await self.session.execute(query)).all()]

    async def reported_before(self, latest: datetime) -> list[tuple[Incident, Rt | None]]:
        """Incidents marked reported to BPJS at or before `latest` and not yet closed,
        with their RT (None when unknown), oldest mark first: the stage-II reminders."""
        query = (
            select(Incident, Rt)
            .outerjoin(Rt, Rt.id == Incident.rt_id)
            .where(
                Incident.status == IncidentStatus.REPORTED,
                Incident.bpjs_reported_at <= latest,
            )
            .order_by(Incident.bpjs_reported_at, Incident.id)
        )
        return [(row[0], row[1]) for row in (await self.session.execute(query)).all()]

    async def open_counts_in_scope(
        self,
        overdue_before: datetime,
        kecamatan_codes: Sequence[str] = (),
        kelurahan_codes: Sequence[str] = (),
        city_wide: bool = False,
    ) -> tuple[int, int]:
        """How many incidents in scope are open, and how many of those happened before
        `overdue_before` (their 2×24 hours have run out)."""
        overdue = func.sum(case((Incident.occurred_at < overdue_before, 1), else_=0))
        query = (
            select(func.count(Incident.id), overdue)
            .outerjoin(Rt, Rt.id == Incident.rt_id)
            .outerjoin(Kelurahan, Kelurahan.code == Rt.kelurahan_code)
            .where(Incident.status == IncidentStatus.OPEN)
        )
        query = _joined_scope(query, kecamatan_codes, kelurahan_codes, city_wide)
        row = (await self.session.execute(query)).one()
        return int(row[0] or 0), int(row[1] or 0)


def _joined_scope(
    query: _Query,
    kecamatan_codes: Sequence[str],
    kelurahan_codes: Sequence[str],
    city_wide: bool,
) -> _Query:
    """Limit a query that outer-joins Rt and Kelurahan to a scope. A city-wide official
    also sees reports whose RT is unknown; nobody else does."""
    if city_wide:
        return query
    place: ColumnElement[bool] = or_(
        Kelurahan.kecamatan_code.in_(list(kecamatan_codes)),
        Kelurahan.code.in_(list(kelurahan_codes)),
    )
    return query.where(place)
