"""The outbox: every message the bot sends — alerts, notifications, broadcasts, and the
replies to the person who just wrote (kind "reply", written with the state change they
answer, so a crash after the commit loses none) — drained by the sender worker.

Statuses: `pending` (waiting for `next_attempt_at`), `sent`, `failed` (gave up).
Lower `priority` numbers go first (replies, then accident alerts, then statistics).
A sealed payload (replies: whatever the user typed may come back in them, and a BPJS
export carries full NIKs) is encrypted with the data key and emptied once sent.
"""

from __future__ import annotations

import base64
import functools
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Table,
    and_,
    bindparam,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core import ports
from bot.core.messages import REPLY_KIND
from bot.domain.vocabulary import OutboxStatus
from storage.models import OutboxMessage, utcnow
from storage.nik_vault import NikVault
from storage.prepared import Prepared
from storage.presence import owner_dead
from storage.repositories._base import Repository

# The payload key of a sealed message's ciphertext.
SEALED = "sealed"
# A reply goes first in the outbox's order.
REPLY_PRIORITY = 0

# Rows per INSERT / dedup query of a bulk enqueue: well under every backend's limits.
_CHUNK = 500

# The two writes on every message's path, prepared (storage/prepared.py): a message's
# reply copies, in order, and the confirmation of each.
_outbox = cast(Table, OutboxMessage.__table__)
# What differs between the copies of one message (the rest is the message's).
_COPY = ("payload",)
_MESSAGE = ("account_id", "channel", "chat_id", "next_attempt_at", "created_at", "owner")
_REPLY_SENT = Prepared(
    update(_outbox)
    .where(_outbox.c.id == bindparam("row_id"), _outbox.c.status == OutboxStatus.PENDING)
    .values(status=OutboxStatus.SENT, sent_at=bindparam("at"), attempts=1, payload={})
)


@functools.lru_cache(maxsize=16)
def _keep_replies(count: int) -> Prepared:
    """One multi-row INSERT for `count` reply copies (a message has a handful)."""
    fixed = {
        "kind": REPLY_KIND,
        "priority": REPLY_PRIORITY,
        "status": OutboxStatus.PENDING,
        "attempts": 0,
        "dedup_key": None,
    }
    rows = [
        {
            **fixed,
            # Typed: a multi-row INSERT gives only its first row the columns' types.
            **{name: bindparam(name, type_=_outbox.c[name].type) for name in _MESSAGE},
            **{name: bindparam(f"{name}_{n}", type_=_outbox.c[name].type) for name in _COPY},
        }
        for n in range(count)
    ]
    return Prepared(insert(_outbox).values(rows).returning(_outbox.c.id))


def orphaned(
    channel: str | BindParameter[str], chat_id: str | BindParameter[str], me: int, postgresql: bool
) -> ColumnElement[bool]:
    """SQL: an outbox row is one of the chat's reply copies that nobody is sending (the
    chat as values, or as bound parameters of a statement built once)."""
    return and_(
        OutboxMessage.channel == channel,
        OutboxMessage.chat_id == chat_id,
        OutboxMessage.status == OutboxStatus.PENDING,
        OutboxMessage.kind == REPLY_KIND,
        or_(OutboxMessage.owner.is_(None), owner_dead(me, postgresql)),
    )


class OutboxRepository(Repository):
    def __init__(self, session: AsyncSession, vault: NikVault) -> None:
        super().__init__(session)
        self.vault = vault

    async def enqueue(
        self,
        *,
        account_id: int,
        channel: str,
        chat_id: str,
        payload: dict[str, Any],
        kind: str = "info",
        priority: int = 5,
        dedup_key: str | None = None,
        not_before: datetime | None = None,
        created_at: datetime | None = None,
    ) -> OutboxMessage | None:
        """Queue a message; None when one with the same `dedup_key` was queued before.
        The key is checked with a query (a failed INSERT would poison the transaction)."""
        if dedup_key is not None:
            query = select(OutboxMessage.id).where(OutboxMessage.dedup_key == dedup_key)
            if await self.session.scalar(query) is not None:
                return None
        message = OutboxMessage(
            account_id=account_id,
            channel=channel,
            chat_id=chat_id,
            payload=payload,
            kind=kind,
            priority=priority,
            dedup_key=dedup_key,
            status=OutboxStatus.PENDING,
            attempts=0,
            next_attempt_at=not_before or utcnow(),
            created_at=created_at or utcnow(),
        )
        self.session.add(message)
        await self.session.flush()
        return message

    async def keep_replies(
        self,
        *,
        account_id: int,
        channel: str,
        chat_id: str,
        payloads: Sequence[dict[str, Any]],
        not_before: datetime,
        created_at: datetime,
        owner: int,
    ) -> list[int]:
        """Sealed copies of one message's replies (kind "reply", first in the order), in
        one statement — this is on every message's path; their ids, in order. `owner`
        is the worker that sends them itself."""
        if not payloads:
            return []
        copies = {f"payload_{n}": self._sealed(payload) for n, payload in enumerate(payloads)}
        done = await _keep_replies(len(payloads)).run(
            self.session,
            account_id=account_id,
            channel=channel,
            chat_id=chat_id,
            next_attempt_at=not_before,
            created_at=created_at,
            owner=owner,
            **copies,
        )
        # One multi-row INSERT: the ids grow in the rows' order.
        return sorted(row[0] for row in done.rows)

    async def take_orphans(
        self, channel: str, chat_id: str, me: int, until: datetime
    ) -> list[tuple[int, dict[str, Any]]]:
        """The chat's reply copies nobody is sending — their writer died before it
        confirmed them (or they wait for the outbox) — taken by worker `me` to send before
        its own answer, so the chat's replies stay in order; (id, payload) in order. Rows
        another worker holds are skipped (PostgreSQL)."""
        query = (
            select(OutboxMessage)
            .where(orphaned(channel, chat_id, me, self.postgresql))
            .order_by(OutboxMessage.id)
            .with_for_update(skip_locked=True)
        )
        orphans = list(await self.session.scalars(query))
        for message in orphans:
            message.owner, message.next_attempt_at = me, until
        return [(message.id, self.opened(message)) for message in orphans]

    async def release_orphans(self, me: int, now: datetime, replies_before: datetime) -> int:
        """Messages whose owner died (a worker with unconfirmed replies, a sender in the
        middle of a send) due again now, for the outbox; a reply only once it is older
        than `replies_before`, which leaves the chat's next message time to take it in
        order (`take_orphans`). How many."""
        statement = (
            update(OutboxMessage)
            .where(
                OutboxMessage.status == OutboxStatus.PENDING,
                (OutboxMessage.kind != REPLY_KIND) | (OutboxMessage.created_at <= replies_before),
                owner_dead(me, self.postgresql),
            )
            .values(owner=None, next_attempt_at=now)
            .execution_options(synchronize_session=False)
        )
        result = await self.session.execute(statement)
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def _sealed(self, payload: dict[str, Any]) -> dict[str, Any]:
        text = json.dumps(payload, ensure_ascii=False)
        return {SEALED: base64.b64encode(self.vault.encrypt(text)).decode("ascii")}

    def opened(self, message: ports.OutboxMessage) -> dict[str, Any]:
        """The message's payload as the sender needs it: a sealed one decrypted (with the
        keys the delivery receipts added beside it)."""
        payload = dict(message.payload or {})
        sealed = payload.pop(SEALED, None)
        if sealed is None:
            return payload
        return {**json.loads(self.vault.decrypt(base64.b64decode(sealed))), **payload}

    async def get(self, message_id: int) -> OutboxMessage | None:
        return await self.session.get(OutboxMessage, message_id)

    async def by_provider_id(self, provider_message_id: str) -> OutboxMessage | None:
        """The message the provider knows by this id (delivery receipts)."""
        query = select(OutboxMessage).where(
            OutboxMessage.provider_message_id == provider_message_id
        )
        return await self.session.scalar(query.limit(1))

    async def due(self, now: datetime, limit: int) -> list[OutboxMessage]:
        """Pending messages whose time has come, most urgent first, then oldest first.
        On PostgreSQL the rows are locked (skipping rows another worker holds) until the
        transaction ends; SQLite has no row locks and ignores the clause."""
        query = (
            select(OutboxMessage)
            .where(
                OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.next_attempt_at <= now
            )
            .order_by(OutboxMessage.priority, OutboxMessage.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return list(await self.session.scalars(query))

    async def backlog(self, now: datetime) -> tuple[int, datetime | None]:
        """How many pending messages are due at `now`, and the oldest one's due time."""
        query = select(func.count(), func.min(OutboxMessage.next_attempt_at)).where(
            OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.next_attempt_at <= now
        )
        count, oldest = (await self.session.execute(query)).one()
        return int(count), oldest

    async def lease(
        self, message_id: int, now: datetime, until: datetime, owner: int
    ) -> OutboxMessage | None:
        """The message if it is still pending and due, its next attempt moved to `until`
        (the lease for one send) and `owner` its sender; None when another worker took it
        or it is done. On PostgreSQL the row is locked, skipping one another worker holds."""
        query = (
            select(OutboxMessage)
            .where(
                OutboxMessage.id == message_id,
                OutboxMessage.status == OutboxStatus.PENDING,
                OutboxMessage.next_attempt_at <= now,
            )
            .with_for_update(skip_locked=True)
            .execution_options(populate_existing=True)
        )
        message = await self.session.scalar(query)
        if message is None:
            return None
        message.next_attempt_at, message.owner = until, owner
        await self.session.flush()
        return message

    async def mark_sent(
        self, message: ports.OutboxMessage, at: datetime, provider_message_id: str | None = None
    ) -> None:
        message.status = OutboxStatus.SENT
        message.sent_at = at
        message.attempts += 1
        message.provider_message_id = provider_message_id
        message.last_error = None
        if SEALED in (message.payload or {}):
            # What was said is the user's; the row keeps that it went, and when.
            message.payload = {k: v for k, v in message.payload.items() if k != SEALED}
        await self.session.flush()

    async def mark_replies_sent(self, message_ids: Sequence[int], at: datetime) -> None:
        """Copies of replies the channel sent itself: sent, their content dropped (one
        statement; a copy the outbox took meanwhile keeps its own outcome)."""
        await _REPLY_SENT.many(self.session, [{"row_id": id_, "at": at} for id_ in message_ids])

    async def mark_retry(
        self, message: ports.OutboxMessage, error: str, next_attempt_at: datetime
    ) -> None:
        message.attempts += 1
        message.last_error = error
        message.next_attempt_at = next_attempt_at
        await self.session.flush()

    async def mark_failed(self, message: ports.OutboxMessage, error: str) -> None:
        message.status = OutboxStatus.FAILED
        message.attempts += 1
        message.last_error = error
        await self.session.flush()

    async def count_by_status(self, replies: bool = False) -> dict[str, int]:
        """Notifications per status; with `replies`, the copies of replies instead."""
        kind = OutboxMessage.kind == REPLY_KIND if replies else OutboxMessage.kind != REPLY_KIND
        query = (
            select(OutboxMessage.status, func.count()).where(kind).group_by(OutboxMessage.status)
        )
        return {status: int(count) for status, count in (await self.session.execute(query)).all()}

    async def enqueue_many(
        self, messages: Sequence[dict[str, Any]], not_before: datetime | None = None
    ) -> int:
        """Queue many messages (a broadcast) in chunks: one dedup query and one flush per
        chunk instead of per message. Each item has the keyword arguments of `enqueue`
        except `not_before`; items whose `dedup_key` was queued before are skipped.
        Returns how many were queued."""
        queued = 0
        for start in range(0, len(messages), _CHUNK):
            chunk = messages[start : start + _CHUNK]
            keys = [m["dedup_key"] for m in chunk if m.get("dedup_key") is not None]
            taken: set[str] = set()
            if keys:
                query = select(OutboxMessage.dedup_key).where(OutboxMessage.dedup_key.in_(keys))
                taken = {key for key in await self.session.scalars(query) if key is not None}
            rows = []
            for item in chunk:
                key = item.get("dedup_key")
                if key is not None and key in taken:
                    continue
                if key is not None:
                    taken.add(key)
                rows.append(
                    OutboxMessage(
                        account_id=item["account_id"],
                        channel=item["channel"],
                        chat_id=item["chat_id"],
                        payload=item["payload"],
                        kind=item.get("kind", "info"),
                        priority=item.get("priority", 5),
                        dedup_key=key,
                        status=OutboxStatus.PENDING,
                        attempts=0,
                        next_attempt_at=not_before or utcnow(),
                    )
                )
            self.session.add_all(rows)
            await self.session.flush()
            queued += len(rows)
        return queued

    async def latest_failed(self, limit: int = 5) -> list[OutboxMessage]:
        """The most recently queued messages that gave up, newest first."""
        query = (
            select(OutboxMessage)
            .where(OutboxMessage.status == OutboxStatus.FAILED)
            .order_by(OutboxMessage.id.desc())
            .limit(limit)
        )
        return list(await self.session.scalars(query))
