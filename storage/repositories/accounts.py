"""Accounts: one chat on one channel, with the phone number the channel verified."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, Table, bindparam, select, update

from bot.core import ports
from storage.models import Account
from storage.prepared import Prepared, insert_new
from storage.repositories._base import Repository, written

INBOUND_PRECISION = timedelta(minutes=1)

# The account's changes on a message's path, written at once (prepared: storage/prepared.py).
_accounts = cast(Table, Account.__table__)
_SET = {
    name: Prepared(
        update(_accounts)
        .where(_accounts.c.id == bindparam("account_id"))
        .values({name: bindparam(name)})
    )
    for name in ("phone", "last_inbound_at", "privacy_noticed_at")
}
_CREATE = insert_new(
    _accounts,
    {
        **{name: bindparam(name) for name in ("channel", "chat_id", "name", "language", "phone")},
        "opted_out": False,
        "created_at": bindparam("created_at"),
    },
    ["channel", "chat_id"],
)


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

    async def create(
        self, channel: str, chat_id: str, name: str, language: str, phone: str | None, at: datetime
    ) -> None:
        """The account of a chat's first message (a message's path: prepared), with the
        phone the channel verified — unless another worker created it a moment ago."""
        await _CREATE.run(
            self.session,
            channel=channel,
            chat_id=chat_id,
            name=name,
            language=language,
            phone=phone,
            created_at=at,
        )

    async def by_phone(self, phone: str) -> list[Account]:
        """Every chat verified for this E.164 number (e.g. WhatsApp and Telegram)."""
        query = select(Account).where(Account.phone == phone).order_by(Account.id)
        return list(await self.session.scalars(query))

    async def set_phone(self, account: ports.Account, phone: str | None) -> None:
        """The number the channel verified for this chat (None: not verified), written now."""
        await self._set(account, "phone", phone)

    async def touch_inbound(self, account: ports.Account, at: datetime) -> None:
        """Remember the last message from this chat (WhatsApp's 24-hour window). Within
        a minute of the stored time it is left alone: a busy chat then costs no write per
        message, and the window is at most a minute shorter than it could be."""
        last = account.last_inbound_at
        if last is None or at - last >= INBOUND_PRECISION or at < last:
            await self._set(account, "last_inbound_at", at)

    async def noticed(self, account: ports.Account, at: datetime) -> None:
        """The privacy notice was shown in this chat at `at`, written now."""
        await self._set(account, "privacy_noticed_at", at)

    async def _set(self, account: ports.Account, column: str, value: Any) -> None:
        await _SET[column].run(self.session, account_id=account.id, **{column: value})
        written(account, {column: value})
