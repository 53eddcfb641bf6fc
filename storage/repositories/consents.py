"""Consent records (UU 27/2022): which privacy notice version a person or a chat was
given, when and how, and a guardian's consent for a minor as the Ketua RT recorded it.
Rows are only added; a person's go with them (erasure), a chat's lose the account link."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, or_, select

from storage.models import Consent
from storage.repositories._base import Repository


class ConsentRepository(Repository):
    async def record(
        self,
        *,
        how: str,
        notice_version: str,
        at: datetime,
        person_id: int | None = None,
        account_id: int | None = None,
        activity_id: int | None = None,
        given_by: int | None = None,
        guardian: str = "",
    ) -> Consent:
        if person_id is None and account_id is None:
            raise ValueError("a consent belongs to a person or an account")
        consent = Consent(
            how=how,
            notice_version=notice_version,
            at=at,
            person_id=person_id,
            account_id=account_id,
            activity_id=activity_id,
            given_by=given_by,
            guardian=guardian,
        )
        self.session.add(consent)
        await self.session.flush()
        return consent

    async def has(self, person_id: int, how: str) -> bool:
        """Whether the person has a record of this kind (any notice version)."""
        query = select(Consent.id).where(Consent.person_id == person_id, Consent.how == how)
        return await self.session.scalar(query.limit(1)) is not None

    async def of(self, person_ids: Sequence[int], account_id: int | None = None) -> list[Consent]:
        """The records of these persons and of this chat, oldest first."""
        wanted: list[ColumnElement[bool]] = [Consent.person_id.in_(list(person_ids))]
        if account_id is not None:
            wanted.append(Consent.account_id == account_id)
        query = select(Consent).where(or_(*wanted)).order_by(Consent.at, Consent.id)
        return list(await self.session.scalars(query))
