"""The send pace of several workers (bot/channels/pace.py), kept in PostgreSQL: a row per
key holds when its next send may go, on the database server's clock — the one clock all
workers share. Taking a slot is one statement, serialised by the row lock; it returns
the slot's moment, not a wait, so a slow round trip does not push the send later (and
bunch it with the next): the workers' clocks are the server's (one host, or NTP).

Should the database not answer, the worker paces on its own rather than stop sending
(a passing overshoot beats a reply that never goes).
"""

from __future__ import annotations

import logging
import time

from sqlalchemy import text

from bot.channels.pace import LocalPace
from storage.database import Database

log = logging.getLogger(__name__)

_NOW = "extract(epoch FROM clock_timestamp())"
RESERVE = text(
    f"INSERT INTO send_pace (key, next_at) VALUES (:key, {_NOW} + :interval)"
    " ON CONFLICT (key) DO UPDATE"
    f" SET next_at = greatest(send_pace.next_at, {_NOW}) + :interval"
    " RETURNING next_at - :interval"
)


class SharedPace:
    def __init__(self, database: Database) -> None:
        self._database = database
        self._alone = LocalPace()

    async def reserve(self, key: str, interval: float) -> float:
        try:
            async with self._database.engine.begin() as connection:
                slot = await connection.scalar(RESERVE, {"key": key, "interval": interval})
            return float(slot) - time.time()
        except Exception as exc:
            log.warning("shared send pace unavailable (%s): pacing alone", type(exc).__name__)
            return await self._alone.reserve(key, interval)
