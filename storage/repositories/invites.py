"""Invites: one-time codes that let a Ketua RT in when their phone is not on the RT list."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from storage.models import Invite
from storage.repositories._base import Repository


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

    async def mark_used(self, invite: Invite, account_id: int, at: datetime) -> None:
        invite.used_by = account_id
        invite.used_at = at
        await self.session.flush()
