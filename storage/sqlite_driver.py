"""The embedded SQLite driver: statements run where they are awaited, without a thread hop.

SQLAlchemy's async SQLite dialect (`sqlite+aiosqlite`) drives an aiosqlite connection,
which runs each call — open a cursor, execute, fetch, close — on a thread of its own and
wakes the event loop for every result: about four hand-offs per statement. An indexed
SQLite statement takes microseconds, and a commit in WAL mode with `synchronous=NORMAL`
writes to the WAL without waiting for the disk; each hand-off costs far more than the
work (issue 14: three quarters of a message's time). So this module gives the dialect a
connection of the same shape whose calls run the standard `sqlite3` module directly.

What that costs: while a statement runs, the event loop waits for it. The units of work
of the process take turns anyway (`storage/uow.py`, one SQLite writer), so a long read —
a city-wide statistics query, an export page — held up every message before as well; now
it also holds up the loop for that long. A second process writing the same file (an
admin command while `serve` runs) can make a write wait up to the busy timeout.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Coroutine, Iterable, Sequence
from typing import Any

from sqlalchemy.engine import URL


class Cursor:
    """A `sqlite3.Cursor` with the coroutine methods SQLAlchemy's adapter awaits."""

    arraysize = 1

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    async def __aenter__(self) -> Cursor:
        return self

    async def __aexit__(self, *_: object) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    async def execute(self, sql: str, parameters: Sequence[Any] = ()) -> Cursor:
        self._cursor.execute(sql, parameters)
        return self

    async def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> Cursor:
        self._cursor.executemany(sql, parameters)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(size or self.arraysize)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def nextset(self) -> None:
        return None

    async def close(self) -> None:
        self._cursor.close()


class Connection:
    """A `sqlite3.Connection` in the shape of an aiosqlite connection (what the dialect
    calls on it, no more)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        # `_connection` is what SQLAlchemy's adapter checks before a commit or rollback.
        self._connection: sqlite3.Connection | None = connection

    @property
    def _live(self) -> sqlite3.Connection:
        if self._connection is None:
            raise ValueError("Connection closed")
        return self._connection

    @property
    def raw(self) -> sqlite3.Connection:
        """The `sqlite3` connection itself (storage/prepared.py runs statements on it)."""
        return self._live

    @property
    def isolation_level(self) -> str | None:
        return self._live.isolation_level

    def cursor(self) -> Cursor:
        return Cursor(self._live.cursor())

    async def commit(self) -> None:
        self._live.commit()

    async def rollback(self) -> None:
        self._live.rollback()

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._live.create_function(*args, **kwargs)

    def set_trace_callback(self, callback: Callable[[str], object] | None) -> None:
        """As `sqlite3`'s: called with every statement SQLite runs (benchmarks count them)."""
        self._live.set_trace_callback(callback)

    async def close(self) -> None:
        self.stop()

    def stop(self) -> None:
        """Close now (the pool's terminate)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def connector(url: URL) -> Callable[[], Coroutine[Any, Any, Connection]]:
    """The engine's `async_creator` for `url`: a new `sqlite3` connection opened with the
    arguments SQLAlchemy's SQLite dialect derives from the URL (file, URI, options)."""
    args, options = url.get_dialect()().create_connect_args(url)
    # The pool may close a connection from another thread.
    arguments: dict[str, Any] = {**options, "check_same_thread": False}
    opener: Callable[..., sqlite3.Connection] = sqlite3.connect

    async def connect() -> Connection:
        return Connection(opener(*args, **arguments))

    return connect
