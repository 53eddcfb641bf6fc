"""Processed message ids: providers redeliver updates, the bot answers each one once."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Table, bindparam, delete, select

from storage.models import ProcessedMessage
from storage.prepared import insert_new
from storage.repositories._base import Repository

# On every message's path: prepared.
_CLAIM = insert_new(
    cast(Table, ProcessedMessage.__table__),
    {name: bindparam(name) for name in ("channel", "message_id", "processed_at")},
    ["channel", "message_id"],
)


class ProcessedMessageRepository(Repository):
    async def seen(self, channel: str, message_id: str) -> bool:
        query = select(ProcessedMessage.message_id).where(
            ProcessedMessage.channel == channel, ProcessedMessage.message_id == message_id
        )
        return await self.session.scalar(query) is not None

    async def claim(self, channel: str, message_id: str, at: datetime) -> bool:
        """Record the id inside the message's transaction; False if it was already
        processed. One statement instead of a lookup plus an insert; a concurrent worker
        handling the same id waits for ours to commit and then gets False."""
        done = await _CLAIM.run(
            self.session, channel=channel, message_id=message_id, processed_at=at
        )
        return done.rowcount == 1

    async def mark(self, channel: str, message_id: str, at: datetime) -> None:
        """Record the id inside the message's own transaction. If another worker handled
        the same id concurrently, the primary key makes one of the two commits fail."""
        self.session.add(ProcessedMessage(channel=channel, message_id=message_id, processed_at=at))
        await self.session.flush()

    async def prune(self, before: datetime) -> int:
        """Forget ids older than `before` (redeliveries stop after a day or so)."""
        statement = delete(ProcessedMessage).where(ProcessedMessage.processed_at < before)
        result = await self.session.execute(statement.execution_options(synchronize_session=False))
        return cast(CursorResult[Any], result).rowcount
