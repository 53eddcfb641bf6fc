"""Leadership: which worker runs what one worker at a time should run (the scheduler,
the outbox sender). On PostgreSQL the leader holds a session advisory lock on a connection of its
own; when its process dies the server closes the connection and frees the lock, and the
next worker that asks becomes the leader — failover within one round. SQLite serves one
process, which always leads."""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from storage.database import Database

log = logging.getLogger(__name__)

# The advisory locks of the leaders (one 64-bit key each; storage.database has another).
SCHEDULER_LOCK_KEY = 0x4B42_0002
OUTBOX_LOCK_KEY = 0x4B42_0003


class Leadership:
    def __init__(self, database: Database, key: int = SCHEDULER_LOCK_KEY) -> None:
        self._database = database
        self._key = key
        self._connection: AsyncConnection | None = None

    async def leading(self) -> bool:
        """Whether this process leads now, taking the lead when it is free."""
        if self._database.is_sqlite:
            return True
        try:
            if self._connection is None:
                self._connection = await self._database.engine.connect()
                taken = await self._connection.scalar(
                    text("SELECT pg_try_advisory_lock(:key)"), {"key": self._key}
                )
                await self._connection.commit()
                if not taken:
                    await self._release()
                    return False
                log.info("this worker now leads (lock %#x)", self._key)
            else:
                # Still ours while the connection is alive.
                await self._connection.execute(text("SELECT 1"))
                await self._connection.commit()
            return True
        except Exception:
            log.warning("lead %#x lost (database connection)", self._key, exc_info=True)
            await self._release()
            return False

    async def _release(self) -> None:
        """Drop the connection, and the lock with it. The pool would keep the connection
        (and a session lock) alive, so it is invalidated rather than returned."""
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                await connection.invalidate()
            except Exception:  # a broken connection is dropped all the same
                log.debug("dropping the leader's connection failed", exc_info=True)

    async def close(self) -> None:
        """Give up the lead."""
        await self._release()
