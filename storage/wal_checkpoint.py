"""The checkpoints of the embedded SQLite database, on a thread of their own.

In WAL mode a commit appends to the write-ahead log, and by default the commit that
takes the log past 1,000 pages also copies the log back into the database file (a
checkpoint): a few milliseconds, which on the inline driver (storage/sqlite_driver.py)
stall the event loop and every message behind it — the slowest 1 % of messages were
five times the median (issue 14). So the connections of the service checkpoint only as a
backstop (`wal_autocheckpoint`, far past the default: storage/database.py) and this
thread does, twice a second, with a connection of its own: a PASSIVE checkpoint waits for no reader or
writer, and `sqlite3` lets go of the GIL while it copies.

Durability does not change: committed transactions are in the log either way.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger(__name__)

INTERVAL_SECONDS = 0.5


class Checkpointer:
    def __init__(self, path: Path, busy_timeout_ms: int) -> None:
        self._path = path
        self._busy_timeout_ms = busy_timeout_ms
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sqlite-checkpoint", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop after a last checkpoint (so that the log is small when the process ends)."""
        self._stopped.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        connection = sqlite3.connect(self._path, check_same_thread=False)
        try:
            connection.execute(f"PRAGMA busy_timeout={self._busy_timeout_ms}")
            while not self._stopped.wait(INTERVAL_SECONDS):
                self._checkpoint(connection)
            self._checkpoint(connection)
        finally:
            connection.close()

    def _checkpoint(self, connection: sqlite3.Connection) -> None:
        try:
            connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.Error:
            # The next round tries again; the log only grows meanwhile.
            log.warning("SQLite checkpoint failed", exc_info=True)
