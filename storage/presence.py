"""A worker's presence: on PostgreSQL a session advisory lock on its id (bot/core/worker.py), held on a connection of its own for the process's life. When the process
dies the server closes the connection and the lock goes with it, so every other worker
can tell at once that the reply copies it owned (outbox.owner) are orphans: written,
never confirmed sent, and nobody left to send them (storage/repositories/outbox.py).

SQLite serves one process: a copy owned by any other id was left by an earlier run.
"""

from __future__ import annotations

import logging

from sqlalchemy import TextClause, text
from sqlalchemy.ext.asyncio import AsyncConnection

from storage.database import Database

log = logging.getLogger(__name__)

# The first key of the two-key advisory locks that mark the live workers (the second is
# the worker's id); no other lock uses it.
PRESENCE_LOCKS = 0x4B50
# pg_locks.objsubid of a lock taken with two int4 keys.
_TWO_KEYS = 2


class Presence:
    def __init__(self, database: Database, worker_id: int) -> None:
        self.database = database
        self.worker_id = worker_id
        self._connection: AsyncConnection | None = None

    async def start(self) -> None:
        """Mark this worker alive (PostgreSQL); a no-op on SQLite."""
        if self.database.is_sqlite or self._connection is not None:
            return
        connection = await self.database.engine.connect()
        await connection.execute(
            text("SELECT pg_advisory_lock(:space, :worker)"),
            {"space": PRESENCE_LOCKS, "worker": self.worker_id},
        )
        await connection.commit()
        self._connection = connection
        log.info("worker %d present", self.worker_id)

    async def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            # Invalidated, not returned: the pool would keep the session and its lock.
            await connection.invalidate()


def owner_dead(me: int, postgresql: bool) -> TextClause:
    """SQL, true when the outbox row has an owner and it is not a live worker — neither
    this one nor (PostgreSQL) one holding its presence lock in this database."""
    if not postgresql:
        return text("outbox.owner <> :me").bindparams(me=me)
    return text(
        "NOT (outbox.owner = :me OR EXISTS (SELECT 1 FROM pg_locks"
        " WHERE locktype = 'advisory' AND granted"
        " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
        f" AND classid = {PRESENCE_LOCKS} AND objsubid = {_TWO_KEYS}"
        " AND objid = outbox.owner::oid))"
    ).bindparams(me=me)
