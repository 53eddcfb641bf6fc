"""Correction requests: a person asks officials to fix the data held about them
(UU 27/2022). A request is `open` when sent and `done` or `rejected` once an official
handled it. An official sees the requests of people on a worker list of an RT in their
scope; a city-wide official sees them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, exists, or_, select, update

from bot.core import ports
from bot.domain.vocabulary import CorrectionStatus
from storage.models import Activity, CorrectionRequest, Kelurahan, Participation, Rt
from storage.repositories._base import Repository


class CorrectionRepository(Repository):
    async def add(
        self,
        *,
        account_id: int | None,
        person_id: int | None,
        message: str,
        created_at: datetime,
    ) -> CorrectionRequest:
        """A new open request (the text must not hold a NIK in clear: mask it first)."""
        request = CorrectionRequest(
            account_id=account_id,
            person_id=person_id,
            message=message,
            status=CorrectionStatus.OPEN,
            created_at=created_at,
        )
        self.session.add(request)
        await self.session.flush()
        return request

    async def get(self, request_id: int) -> CorrectionRequest | None:
        return await self.session.get(CorrectionRequest, request_id)

    async def handle(
        self,
        request: ports.CorrectionRequest,
        status: str,
        by: int | None,
        at: datetime,
        note: str = "",
    ) -> bool:
        """An official closes a request as `done` or `rejected`; False when it was no
        longer open (another official got there first). Conditional, so two cannot both
        win."""
        if status not in (CorrectionStatus.DONE, CorrectionStatus.REJECTED):
            raise ValueError(f"a handled request is done or rejected, not {status!r}")
        statement = (
            update(CorrectionRequest)
            .where(
                CorrectionRequest.id == request.id,
                CorrectionRequest.status == CorrectionStatus.OPEN,
            )
            .values(status=status, handled_by=by, handled_at=at, note=note)
        )
        result = await self.session.execute(statement.execution_options(synchronize_session=False))
        await self.session.refresh(request)
        return cast(CursorResult[Any], result).rowcount == 1

    async def for_persons(self, person_ids: Sequence[int]) -> list[CorrectionRequest]:
        """The requests about these persons, newest first."""
        query = (
            select(CorrectionRequest)
            .where(CorrectionRequest.person_id.in_(list(person_ids)))
            .order_by(CorrectionRequest.created_at.desc(), CorrectionRequest.id.desc())
        )
        return list(await self.session.scalars(query))

    async def open_in_scope(
        self,
        kecamatan_codes: Sequence[str] = (),
        kelurahan_codes: Sequence[str] = (),
        city_wide: bool = False,
    ) -> list[CorrectionRequest]:
        """Open requests an official may handle, oldest first: those of people on a
        worker list of an RT in scope. A city-wide official also sees the requests of
        people on no list (they were notified of them)."""
        query = select(CorrectionRequest).where(CorrectionRequest.status == CorrectionStatus.OPEN)
        if not city_wide:
            in_place = (
                exists()
                .where(Participation.person_id == CorrectionRequest.person_id)
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
        query = query.order_by(CorrectionRequest.created_at, CorrectionRequest.id)
        return list(await self.session.scalars(query))
