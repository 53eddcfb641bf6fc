"""Accounts: one chat on one channel, with the phone number the channel verified."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, select

from bot.core import ports
from storage.models import Account
from storage.repositories._base import Repository

INBOUND_PRECISION = timedelta(minutes=1)


class AccountRepository(Repository):
    async def get(self, account_id: int) -> Account | None:
        return await self.session.get(Account, account_id)

    async def find(self, channel: str, chat_id: str) -> Account | None:
        query = select(Account).where(Account.channel == channel, Account.chat_id == chat_id)
        return await self.session.scalar(query)

    async def get_or_create(
        self, channel: str, chat_id: str, name: str = ""
    ) -> tuple[Account, bool]:
        """The account of this chat, creating it on first contact; True when created.
        Two first messages on two workers: one inserts, the other finds it."""
        account = await self.find(channel, chat_id)
        if account is not None:
            return account, False
        statement = (
            self.insert(Account)
            .values(channel=channel, chat_id=chat_id, name=name)
            .on_conflict_do_nothing(index_elements=["channel", "chat_id"])
        )
        created = cast(CursorResult[Any], await self.session.execute(statement)).rowcount == 1
        account = await self.find(channel, chat_id)
        assert account is not None, "inserted now or by the worker that won"
        return account, created

    async def by_phone(self, phone: str) -> list[Account]:
        """Every chat verified for this E.164 number (e.g. WhatsApp and Telegram)."""
        query = select(Account).where(Account.phone == phone).order_by(Account.id)
        return list(await self.session.scalars(query))

    async def set_phone(self, account: ports.Account, phone: str | None) -> None:
        account.phone = phone
        await self.session.flush()

    async def touch_inbound(self, account: ports.Account, at: datetime) -> None:
        """Remember the last message from this chat (WhatsApp's 24-hour window). Within
        a minute of the stored time it is left alone: a busy chat then costs no write per
        message, and the window is at most a minute shorter than it could be."""
        last = account.last_inbound_at
        if last is None or at - last >= INBOUND_PRECISION or at < last:
            account.last_inbound_at = at
