"""Rows for BPJS exports, read in batches so 100,000 rows stay small in memory.

Keyset pagination, portable to SQLite and PostgreSQL without server-side cursors: a page
of activities in the period and scope (`id > last id`, in id order, using the primary
key), then every participation of that page with its person (the participations'
activity index). Each page is a fresh query, so nothing holds a cursor or a snapshot of
the whole result, and the session's identity map stays empty.

These are plain rows, not ORM objects, on purpose: an export reads each value once, and
100,000 tracked instances (with their persons) would cost far more memory and time.
The scope is applied in SQL (`rts.in_scope`: the RT's kelurahan, or its kecamatan).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from bot.domain.scope import Scope
from bot.domain.vocabulary import ActivityStatus, ShownStatus
from storage.models import Activity, Kecamatan, Kelurahan, Participation, Person, Rt
from storage.repositories._base import Repository
from storage.repositories.rts import in_scope

# Activities that gave coverage at some point; drafts never did (and are deleted when
# cancelled). Whether a cancelled one covered anybody in the period is decided per
# participation by the coverage window, which the caller computes.
COVERING_STATUSES = (ActivityStatus.CONFIRMED, ShownStatus.ENDED, ActivityStatus.CANCELLED)
# Activities per page: with at most a few hundred people each, a page stays a few
# thousand rows, and the IN list stays far below every backend's parameter limit.
ACTIVITIES_PER_PAGE = 200


@dataclass(frozen=True)
class ExportPage:
    """Activities keyed by id (with their RT, its chair, kelurahan and kecamatan names)
    and their participations with the person's data (phone, the participation's daily
    wage), in activity then participation order."""

    activities: dict[int, Any]
    participations: list[Any]


class ExportRepository(Repository):
    async def pages(
        self,
        scope: Scope,
        start: date,
        end: date,
        *,
        full_nik: bool,
        activities_per_page: int = ACTIVITIES_PER_PAGE,
    ) -> AsyncIterator[ExportPage]:
        """Confirmed (or later cancelled) activities whose dates overlap [start, end],
        in scope. Participation rows carry `nik_encrypted` when `full_nik` (decrypt with
        `uow.persons.reveal_nik(row)`), else `nik_masked`; never both."""
        after = 0
        while True:
            query = _activities(scope, start, end).where(Activity.id > after)
            rows = list(await self.session.execute(query.limit(activities_per_page)))
            if not rows:
                return
            activities = {row.id: row for row in rows}
            people = await self.session.execute(_participations(list(activities), full_nik))
            yield ExportPage(activities, list(people))
            if len(rows) < activities_per_page:
                return
            after = rows[-1].id


def _activities(scope: Scope, start: date, end: date) -> Any:
    query = (
        select(
            Activity.id,
            Activity.number,
            Activity.title,
            Activity.start_date,
            Activity.end_date,
            Activity.value,
            Activity.value_includes_ppn,
            Activity.premium_jkk,
            Activity.premium_jkm,
            Activity.premium_total,
            Activity.surat_tugas_number,
            Activity.status,
            Activity.confirmed_at,
            Activity.cancelled_at,
            Rt.number.label("rt_number"),
            Rt.chair_name,
            Rt.chair_phone,
            Kelurahan.name.label("kelurahan"),
            Kecamatan.name.label("kecamatan"),
        )
        .join(Rt, Rt.id == Activity.rt_id)
        .join(Kelurahan, Kelurahan.code == Rt.kelurahan_code)
        .join(Kecamatan, Kecamatan.code == Kelurahan.kecamatan_code)
        .where(
            Activity.status.in_(COVERING_STATUSES),
            Activity.confirmed_at.is_not(None),
            Activity.start_date <= end,
            Activity.end_date >= start,
        )
        .order_by(Activity.id)
    )
    return query.where(in_scope(scope))


def _participations(activity_ids: Sequence[int], full_nik: bool) -> Any:
    nik = Person.nik_encrypted if full_nik else Person.nik_masked
    return (
        select(
            Participation.id,
            Participation.activity_id,
            Participation.role,
            Participation.daily_wage,
            Participation.added_at,
            Participation.removed_at,
            nik,
            Person.name,
            Person.birth_date,
            Person.sex,
            Person.phone,
        )
        .join(Person, Person.id == Participation.person_id)
        .where(Participation.activity_id.in_(activity_ids))
        .order_by(Participation.activity_id, Participation.id)
    )
