"""Erasure requests (UU 27/2022): a person asks for their data to be erased; an official
in scope approves or refuses. Approving erases at once what insurance claims do not need
(`erase`) and keeps the rest until the request's `keep_until`, when the retention job
anonymises it (storage.repositories.retention). Scope as for correction requests: an
official sees the requests of people on a worker list of an RT in their scope; a
city-wide official sees them all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, exists, func, or_, select, update

from bot.core import ports
from storage.models import (
    Activity,
    AuditEvent,
    CorrectionRequest,
    ErasureRequest,
    Incident,
    Kelurahan,
    Participation,
    Person,
    Rt,
)
from storage.repositories._base import Repository

OPEN, APPROVED, REFUSED = "open", "approved", "refused"


@dataclass(frozen=True)
class Erased:
    """What approving an erasure did: the person deleted outright (nothing claims need),
    or kept with this many insurance records until anonymisation."""

    person_deleted: bool
    participations_deleted: int
    corrections_deleted: int
    participations_kept: int
    incidents_kept: int


class ErasureRepository(Repository):
    async def add(
        self, *, account_id: int | None, person_id: int, created_at: datetime
    ) -> ErasureRequest:
        request = ErasureRequest(
            account_id=account_id, person_id=person_id, status=OPEN, created_at=created_at
        )
        self.session.add(request)
        await self.session.flush()
        return request

    async def get(self, request_id: int) -> ErasureRequest | None:
        return await self.session.get(ErasureRequest, request_id)

    async def for_persons(self, person_ids: Sequence[int]) -> list[ErasureRequest]:
        """The requests about these persons, newest first."""
        query = (
            select(ErasureRequest)
            .where(ErasureRequest.person_id.in_(list(person_ids)))
            .order_by(ErasureRequest.created_at.desc(), ErasureRequest.id.desc())
        )
        return list(await self.session.scalars(query))

    async def open_in_scope(
        self,
        kecamatan_codes: Sequence[str] = (),
        kelurahan_codes: Sequence[str] = (),
        city_wide: bool = False,
    ) -> list[ErasureRequest]:
        """Open requests an official may decide, oldest first."""
        query = select(ErasureRequest).where(
            ErasureRequest.status == OPEN, ErasureRequest.person_id.is_not(None)
        )
        if not city_wide:
            in_place = (
                exists()
                .where(Participation.person_id == ErasureRequest.person_id)
                .where(Activity.id == Participation.activity_id)
                .where(Rt.id == Activity.rt_id)
                .where(Kelurahan.code == Rt.kelurahan_code)
                .where(
                    or_(
                        Kelurahan.kecamatan_code.in_(list(kecamatan_codes)),
                        Kelurahan.code.in_(list(kelurahan_codes)),
                    )
                )
            )
            query = query.where(in_place)
        query = query.order_by(ErasureRequest.created_at, ErasureRequest.id)
        return list(await self.session.scalars(query))

    async def decide(
        self,
        request: ports.ErasureRequest,
        status: str,
        by: int | None,
        at: datetime,
        note: str = "",
        keep_until: date | None = None,
    ) -> bool:
        """Close an open request as approved or refused; False when another official got
        there first (conditional, so two cannot both win)."""
        if status not in (APPROVED, REFUSED):
            raise ValueError(f"a decided request is approved or refused, not {status!r}")
        statement = (
            update(ErasureRequest)
            .where(ErasureRequest.id == request.id, ErasureRequest.status == OPEN)
            .values(status=status, handled_by=by, handled_at=at, note=note, keep_until=keep_until)
        )
        result = await self.session.execute(statement.execution_options(synchronize_session=False))
        await self.session.refresh(request)
        return cast(CursorResult[Any], result).rowcount == 1

    async def claims_records(self, person_id: int) -> tuple[int, int]:
        """(participations in activities that were confirmed, accident reports about the
        person): what insurance claims may need and an erasure keeps for a while."""
        participations = await self.session.scalar(
            select(func.count(Participation.id))
            .join(Activity, Activity.id == Participation.activity_id)
            .where(Participation.person_id == person_id, Activity.confirmed_at.is_not(None))
        )
        incidents = await self.session.scalar(
            select(func.count(Incident.id)).where(Incident.person_id == person_id)
        )
        return int(participations or 0), int(incidents or 0)

    async def erase(self, person_id: int) -> Erased:
        """Delete what claims do not need: participations on activities never confirmed,
        correction requests, the audit details about the person (the events stay), and
        the phone number; the person too when no claims record is left."""
        never_confirmed = select(Activity.id).where(Activity.confirmed_at.is_(None))
        dropped = await self._count(
            delete(Participation).where(
                Participation.person_id == person_id,
                Participation.activity_id.in_(never_confirmed),
            )
        )
        corrections = await self._count(
            delete(CorrectionRequest).where(CorrectionRequest.person_id == person_id)
        )
        await self.session.execute(
            update(AuditEvent)
            .where(AuditEvent.subject_person_id == person_id)
            .values(detail={})
            .execution_options(synchronize_session=False)
        )
        kept, incidents = await self.claims_records(person_id)
        person = await self.session.get(Person, person_id)
        deleted = False
        if person is not None and not kept and not incidents:
            # Consents go with the person (ON DELETE CASCADE); requests keep their row.
            await self.session.delete(person)
            deleted = True
        elif person is not None:
            person.phone = None
        await self.session.flush()
        return Erased(deleted, dropped, corrections, kept, incidents)

    async def due(self, today: date) -> list[ErasureRequest]:
        """Approved requests whose keeping period is over and whose person is not yet
        anonymised."""
        query = select(ErasureRequest).where(
            ErasureRequest.status == APPROVED,
            ErasureRequest.keep_until.is_not(None),
            ErasureRequest.keep_until <= today,
            ErasureRequest.anonymised_at.is_(None),
            ErasureRequest.person_id.is_not(None),
        )
        return list(await self.session.scalars(query.order_by(ErasureRequest.id)))

    async def _count(self, statement: Any) -> int:
        result = await self.session.execute(statement.execution_options(synchronize_session=False))
        return int(cast(CursorResult[Any], result).rowcount or 0)
