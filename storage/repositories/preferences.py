"""Officials' alert preferences (accidents always reach them; the rest is a choice), and
the look-ups the scheduled alerts need: officials' grants with their preferences, which
derived messages are queued already, and activities newly confirmed, starting tomorrow
without anyone covered, or ending tomorrow.

A role without a stored preference row has the defaults (`DEFAULTS`): the row is written
only when the official changes something.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, or_, select

from bot.domain.vocabulary import ActivityStatus
from storage.models import Activity, AlertPreference, OutboxMessage, Participation, Role, Rt
from storage.repositories._base import Repository

IMMEDIATE = "immediate"
DIGEST = "digest"
OFF = "off"
NEW_ACTIVITY_MODES = (IMMEDIATE, DIGEST, OFF)
# The on/off preferences.
SWITCHES = (
    "daily_summary",
    "starting_without_participants",
    "unidentified_chairs",
    "correction_requests",
)
DEFAULTS: dict[str, Any] = {
    "new_activities": DIGEST,
    "daily_summary": True,
    "starting_without_participants": True,
    "unidentified_chairs": True,
    "correction_requests": True,
}
# Bound parameters per IN (...) query: well under every backend's limit.
_CHUNK = 500


def default_preference(role_id: int) -> AlertPreference:
    """The preference of a role that never changed one (not added to the session)."""
    return AlertPreference(role_id=role_id, **DEFAULTS)


class AlertPreferenceRepository(Repository):
    async def for_role(self, role_id: int) -> AlertPreference:
        stored = await self._stored(role_id)
        return stored if stored is not None else default_preference(role_id)

    async def update(self, role_id: int, at: datetime, **changes: str | bool) -> AlertPreference:
        """Change some preferences of a role, writing its row on the first change."""
        for name, value in changes.items():
            if name == "new_activities" and value not in NEW_ACTIVITY_MODES:
                raise ValueError(f"new_activities must be one of {NEW_ACTIVITY_MODES}")
            if name != "new_activities" and (name not in SWITCHES or not isinstance(value, bool)):
                raise ValueError(f"unknown preference {name}={value!r}")
        row = await self._stored(role_id)
        if row is None:
            row = default_preference(role_id)
            self.session.add(row)
        for name, value in changes.items():
            setattr(row, name, value)
        row.updated_at = at
        await self.session.flush()
        return row

    async def _stored(self, role_id: int) -> AlertPreference | None:
        query = select(AlertPreference).where(AlertPreference.role_id == role_id)
        return await self.session.scalar(query)

    async def grants_with_preferences(
        self, roles: Sequence[str]
    ) -> list[tuple[Role, AlertPreference]]:
        """Every grant of these roles with its preference (the defaults when none is
        stored), oldest grant first."""
        query = (
            select(Role, AlertPreference)
            .outerjoin(AlertPreference, AlertPreference.role_id == Role.id)
            .where(Role.role.in_(list(roles)))
            .order_by(Role.id)
        )
        rows = (await self.session.execute(query)).all()
        return [(row[0], row[1] or default_preference(row[0].id)) for row in rows]

    # --- what the scheduled alerts look up ------------------------------------------------

    async def queued_keys(self, keys: Iterable[str]) -> set[str]:
        """Which of these outbox dedup keys were queued before (whatever became of them)."""
        wanted = list(dict.fromkeys(keys))
        found: set[str] = set()
        for start in range(0, len(wanted), _CHUNK):
            query = select(OutboxMessage.dedup_key).where(
                OutboxMessage.dedup_key.in_(wanted[start : start + _CHUNK])
            )
            found.update(key for key in await self.session.scalars(query) if key)
        return found

    async def confirmed_between(
        self, start: datetime, end: datetime
    ) -> list[tuple[Activity, Rt, int]]:
        """Activities confirmed in [start, end) and not cancelled since, with their RT and
        active participant count, in the order they were confirmed."""
        query = (
            select(Activity, Rt, _people())
            .join(Rt, Rt.id == Activity.rt_id)
            .where(
                Activity.status == ActivityStatus.CONFIRMED,
                Activity.confirmed_at >= start,
                Activity.confirmed_at < end,
            )
            .order_by(Activity.confirmed_at, Activity.id)
        )
        return [(row[0], row[1], int(row[2])) for row in (await self.session.execute(query)).all()]

    async def starting_uncovered(self, day: date) -> list[tuple[Activity, Rt, int]]:
        """Activities starting on `day` under which nobody will be covered: drafts (not
        confirmed) and confirmed ones with no participant left; with their RT and active
        participant count."""
        people = _people()
        query = (
            select(Activity, Rt, people)
            .join(Rt, Rt.id == Activity.rt_id)
            .where(
                Activity.start_date == day,
                or_(
                    Activity.status == ActivityStatus.DRAFT,
                    (Activity.status == ActivityStatus.CONFIRMED) & (people == 0),
                ),
            )
            .order_by(Rt.kelurahan_code, Rt.number, Activity.id)
        )
        return [(row[0], row[1], int(row[2])) for row in (await self.session.execute(query)).all()]

    async def ending_on(self, day: date) -> list[tuple[Activity, Rt]]:
        """Confirmed (not cancelled) activities whose coverage ends on `day`."""
        query = (
            select(Activity, Rt)
            .join(Rt, Rt.id == Activity.rt_id)
            .where(Activity.status == ActivityStatus.CONFIRMED, Activity.end_date == day)
            .order_by(Activity.id)
        )
        return [(row[0], row[1]) for row in (await self.session.execute(query)).all()]


def _people() -> Any:
    """The active participant count of the activity in the enclosing query."""
    return (
        select(func.count(Participation.id))
        .where(Participation.activity_id == Activity.id, Participation.removed_at.is_(None))
        .correlate(Activity)
        .scalar_subquery()
    )
