"""Aggregates for officials' summaries, always limited to a scope.

Each figure is one GROUP BY / COUNT query over the activities (tens of thousands of rows)
or over the worker lists of the activities running today; none loads rows into Python.
Which activities "the summary" counts: those of the current budget year (`Activity.year`,
the year the activity starts) plus every confirmed one still upcoming or running, so an
activity that started last December and runs into January counts as running, agreeing with
the RTs active and the people covered now.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    ColumnElement,
    SQLColumnExpression,
    and_,
    case,
    distinct,
    func,
    or_,
    select,
    true,
)

from bot.core.ports import StatusCount
from bot.domain.scope import Scope
from bot.domain.vocabulary import ActivityStatus, IncidentStatus, ShownStatus
from storage.models import Activity, Incident, Kelurahan, Participation, Rt
from storage.repositories._base import Repository
from storage.repositories.rts import in_scope, rt_ids_in_scope

# How the regional figures are grouped.
BY_KECAMATAN = "kecamatan"
BY_KELURAHAN = "kelurahan"
BY_RT = "rt"


class StatisticsRepository(Repository):
    async def by_status(
        self, scope: Scope, today: date, month: tuple[date, date], year: int
    ) -> list[StatusCount]:
        """The summary's activities grouped by shown status (draft / confirmed / running /
        ended / cancelled). Premiums are counted by the start date (`month` = first day,
        first day of the next month), the same rule that gives an activity its budget year;
        only confirmed activities count, so cancelled ones give theirs back."""
        shown = shown_status(today).label("shown")
        confirmed = Activity.status.in_((ActivityStatus.CONFIRMED, ShownStatus.ENDED))
        in_month = and_(confirmed, Activity.start_date >= month[0], Activity.start_date < month[1])
        in_year = and_(confirmed, Activity.year == year)
        query = (
            select(
                shown,
                func.count(Activity.id),
                func.count(distinct(Activity.rt_id)),
                func.coalesce(func.sum(case((in_month, Activity.premium_total), else_=0)), 0),
                func.coalesce(func.sum(case((in_year, Activity.premium_total), else_=0)), 0),
            )
            .where(_activity_in_scope(scope), _counted(today, year))
            .group_by(shown)
        )
        rows = (await self.session.execute(query)).all()
        return [StatusCount(str(r[0]), int(r[1]), int(r[2]), int(r[3]), int(r[4])) for r in rows]

    async def people_covered(self, scope: Scope, today: date) -> int:
        """Distinct persons covered today (WIB): on the list (not removed) of a confirmed
        activity whose dates include today.

        The exact coverage window (bot.domain.coverage) also starts a late addition at the
        moment of adding and ends a removal or cancellation at that moment; those moments
        are always recorded when they happen, so they lie in the past and the day-level
        rule counts the same people. It needs only `participations (activity_id,
        person_id)` of the running activities, which an index can serve.
        """
        query = (
            select(func.count(distinct(Participation.person_id)))
            .join(Activity, Activity.id == Participation.activity_id)
            .where(
                Activity.status == ActivityStatus.CONFIRMED,
                Activity.start_date <= today,
                Activity.end_date >= today,
                Participation.removed_at.is_(None),
                _activity_in_scope(scope),
            )
        )
        return int(await self.session.scalar(query) or 0)

    async def open_incidents(self, scope: Scope) -> int:
        """Accident reports not yet formally reported to BPJS. A city-wide scope also counts
        reports whose RT is unknown (as `IncidentRepository.open_in_scope` lists them)."""
        query = select(func.count(Incident.id)).where(Incident.status == IncidentStatus.OPEN)
        if not scope.city:
            query = query.where(Incident.rt_id.in_(rt_ids_in_scope(scope)))
        return int(await self.session.scalar(query) or 0)

    async def confirmed_by_region(
        self, scope: Scope, today: date, year: int, by: str
    ) -> dict[str, int]:
        """Confirmed (not cancelled) activities of the summary, counted per kecamatan code,
        kelurahan code or RT id (as text); regions without any are absent."""
        keys: dict[str, SQLColumnExpression[str] | SQLColumnExpression[int]] = {
            BY_KECAMATAN: Kelurahan.kecamatan_code,
            BY_KELURAHAN: Rt.kelurahan_code,
            BY_RT: Rt.id,
        }
        key = keys[by]
        query = (
            select(key, func.count(Activity.id))
            .select_from(Activity)
            .join(Rt, Rt.id == Activity.rt_id)
            .join(Kelurahan, Kelurahan.code == Rt.kelurahan_code)
            .where(
                Activity.status.in_((ActivityStatus.CONFIRMED, ShownStatus.ENDED)),
                _counted(today, year),
                in_scope(scope),
            )
            .group_by(key)
        )
        return {str(row[0]): int(row[1]) for row in (await self.session.execute(query)).all()}

    async def coverage_by_region(
        self, scope: Scope, today: date, year: int, by: str
    ) -> dict[str, tuple[int, int]]:
        """Per region (as `confirmed_by_region`): distinct people on the lists (not removed)
        of the summary's confirmed activities, and the premium total of the confirmed
        activities starting in `year` (the summary's "premium of the year")."""
        keys: dict[str, SQLColumnExpression[str] | SQLColumnExpression[int]] = {
            BY_KECAMATAN: Kelurahan.kecamatan_code,
            BY_KELURAHAN: Rt.kelurahan_code,
            BY_RT: Rt.id,
        }
        key = keys[by]
        counted = (
            Activity.status.in_((ActivityStatus.CONFIRMED, ShownStatus.ENDED)),
            _counted(today, year),
            in_scope(scope),
        )
        premium = (
            select(key, func.sum(Activity.premium_total))
            .select_from(Activity)
            .join(Rt, Rt.id == Activity.rt_id)
            .join(Kelurahan, Kelurahan.code == Rt.kelurahan_code)
            # As the summary's premium of the year: activities that start in `year`.
            .where(counted[0], Activity.year == year, in_scope(scope))
            .group_by(key)
        )
        people = (
            select(key, func.count(distinct(Participation.person_id)))
            .select_from(Participation)
            .join(Activity, Activity.id == Participation.activity_id)
            .join(Rt, Rt.id == Activity.rt_id)
            .join(Kelurahan, Kelurahan.code == Rt.kelurahan_code)
            .where(*counted, Participation.removed_at.is_(None))
            .group_by(key)
        )
        premiums = {str(r[0]): int(r[1] or 0) for r in (await self.session.execute(premium)).all()}
        persons = {str(r[0]): int(r[1]) for r in (await self.session.execute(people)).all()}
        codes = premiums.keys() | persons.keys()
        return {code: (persons.get(code, 0), premiums.get(code, 0)) for code in codes}


def shown_status(today: date) -> ColumnElement[str]:
    """`bot.activities.lifecycle.shown_status` as SQL: a confirmed activity reads "confirmed" before its
    start, "running" between its dates (WIB `today`), "ended" after; others as stored."""
    confirmed = Activity.status == ActivityStatus.CONFIRMED
    return case(
        (and_(confirmed, Activity.start_date > today), ActivityStatus.CONFIRMED),
        (and_(confirmed, Activity.end_date >= today), ShownStatus.RUNNING),
        (confirmed, ShownStatus.ENDED),
        else_=Activity.status,
    )


def _activity_in_scope(scope: Scope) -> ColumnElement[bool]:
    # City-wide: no filter at all, so the planner never touches rts or kelurahan.
    return true() if scope.city else Activity.rt_id.in_(rt_ids_in_scope(scope))


def _counted(today: date, year: int) -> ColumnElement[bool]:
    """The activities a summary counts (see the module docstring)."""
    return or_(
        Activity.year == year,
        and_(Activity.status == ActivityStatus.CONFIRMED, Activity.end_date >= today),
    )
