"""Invites: one-time codes that let a Ketua RT in when their phone is not on the RT list,
and the failed attempts to use one (kept in the audit log, counted to stop guessing)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update

from bot.core import ports
from storage.models import AuditEvent, Invite
from storage.repositories._base import Repository

FAILED_ACTION = "invite_failed"


class InviteRepository(Repository):
    async def create(
        self, rt_id: int, code: str, expires_at: datetime, created_by: int | None
    ) -> Invite:
        invite = Invite(rt_id=rt_id, code=code, expires_at=expires_at, created_by=created_by)
        self.session.add(invite)
        await self.session.flush()
        return invite

    async def find(self, code: str) -> Invite | None:
        """The invite with this code, used or not (the caller checks expiry and use)."""
        return await self.session.scalar(select(Invite).where(Invite.code == code))

    async def mark_used(self, invite: ports.Invite, account_id: int, at: datetime) -> None:
        invite.used_by = account_id
        invite.used_at = at
        await self.session.flush()

    async def claim(self, invite: ports.Invite, account_id: int, at: datetime) -> bool:
        """Mark the invite used by this account unless someone used it first; True when
        this account got it. A conditional UPDATE, so concurrent claims cannot both win."""
        statement = (
            update(Invite)
            .where(Invite.id == invite.id, Invite.used_at.is_(None))
            .values(used_by=account_id, used_at=at)
            .returning(Invite.id)
        )
        claimed = (await self.session.execute(statement)).first() is not None
        await self.session.refresh(invite)
        return claimed

    async def record_failure(self, account_id: int, code: str, outcome: str, at: datetime) -> None:
        """Log a refused code (unknown, expired, used) against the account that typed it."""
        self.session.add(
            AuditEvent(
                at=at,
                action=FAILED_ACTION,
                actor_account_id=account_id,
                detail={"outcome": outcome, "code": code},
            )
        )
        await self.session.flush()

    async def failures_after(self, account_id: int, since: datetime) -> list[datetime]:
        """When this account typed a refused code after `since` (exclusive), oldest first."""
        query = (
            select(AuditEvent.at)
            .where(
                AuditEvent.action == FAILED_ACTION,
                AuditEvent.actor_account_id == account_id,
                AuditEvent.at > since,
            )
            .order_by(AuditEvent.at, AuditEvent.id)
        )
        return list(await self.session.scalars(query))
