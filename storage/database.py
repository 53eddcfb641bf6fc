"""The database connection: one async engine and its session factory per process.

Owns the engine settings that make SQLite behave like a shared server database (WAL,
foreign keys, a busy timeout) and a sensible connection pool for PostgreSQL (asyncpg).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import ConnectionPoolEntry

from bot.core.private_files import create_private, make_private_dir
from storage import sqlite_driver
from storage.models import Base
from storage.wal_checkpoint import Checkpointer

log = logging.getLogger(__name__)

# Several bot workers share one PostgreSQL; each needs only a handful of connections.
# About 40 MB of log: far beyond what the checkpoint thread lets accumulate.
SQLITE_BACKSTOP_PAGES = 10_000
PG_POOL_SIZE = 5
PG_MAX_OVERFLOW = 10
PG_CONNECT_TIMEOUT_SECONDS = 10
PG_RECYCLE_SECONDS = 300
SQLITE_BUSY_TIMEOUT_MS = 5000
# PostgreSQL advisory lock held while a process sets the database up (an arbitrary number,
# the same in every worker).
SETUP_LOCK_KEY = 0x4B42_0001


class Database:
    """An `AsyncEngine` plus an `async_sessionmaker(expire_on_commit=False)`.

    `schema` (PostgreSQL only) puts that schema first on the search path of every
    connection; tests use it to give each test a private, disposable schema.
    `connect_args` are passed to the DBAPI driver unchanged (merged with ours).
    """

    def __init__(
        self,
        url: str,
        *,
        schema: str | None = None,
        connect_args: dict[str, Any] | None = None,
        echo: bool = False,
    ) -> None:
        self.url: URL = make_url(url)
        args: dict[str, Any] = dict(connect_args or {})
        engine_options: dict[str, Any] = {"echo": echo}
        if self.is_sqlite:
            if schema is not None:
                raise ValueError("schema is only supported on PostgreSQL")
            self._prepare_sqlite_file()
            # Statements run on the event loop, not on a driver thread (see the module).
            engine_options["async_creator"] = sqlite_driver.connector(self.url)
            if self._sqlite_file is not None:
                # One writer at a time anyway (the unit-of-work factory serialises): a
                # small pool keeps SQLite's page cache warm instead of spreading reads
                # over many cold connections.
                engine_options.update(pool_size=2, max_overflow=8, pool_reset_on_return=None)
        elif self.url.get_backend_name() == "postgresql":
            if schema is not None:
                settings = dict(args.get("server_settings") or {})
                settings["search_path"] = schema
                args["server_settings"] = settings
            args.setdefault("timeout", PG_CONNECT_TIMEOUT_SECONDS)
            engine_options.update(
                pool_size=PG_POOL_SIZE,
                max_overflow=PG_MAX_OVERFLOW,
                # No ping on checkout (a round trip per unit of work): a connection is
                # replaced after PG_RECYCLE_SECONDS, before any idle timeout of a proxy
                # or server, and one the server dropped is recognised by the statement
                # that meets it (storage.uow.connection_lost: the message runs again).
                pool_recycle=PG_RECYCLE_SECONDS,
            )
        elif schema is not None:
            raise ValueError("schema is only supported on PostgreSQL")
        if args:
            engine_options["connect_args"] = args
        self.schema = schema
        self.engine: AsyncEngine = create_async_engine(self.url, **engine_options)
        self._checkpointer: Checkpointer | None = None
        if self.is_sqlite:
            event.listen(self.engine.sync_engine, "connect", self._on_sqlite_connect)
            if self._sqlite_file is not None:
                self._checkpointer = Checkpointer(self._sqlite_file, SQLITE_BUSY_TIMEOUT_MS)
                self._checkpointer.start()
        self.sessionmaker: async_sessionmaker[AsyncSession] = async_sessionmaker(
            self.engine, expire_on_commit=False
        )
        # Sessions whose every statement commits by itself: on PostgreSQL one round trip
        # for a lone statement instead of three (BEGIN, it, COMMIT). SQLite keeps its
        # transactions: the process's units of work take turns there anyway.
        self.single_statements: async_sessionmaker[AsyncSession] = (
            self.sessionmaker
            if self.is_sqlite
            else async_sessionmaker(
                self.engine.execution_options(isolation_level="AUTOCOMMIT"),
                expire_on_commit=False,
            )
        )

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def _sqlite_file(self) -> Path | None:
        database = self.url.database
        if not database or database == ":memory:" or database.startswith("file:"):
            return None
        return Path(database)

    def _prepare_sqlite_file(self) -> None:
        path = self._sqlite_file
        if path is not None:
            # Personal data: the folder 0700 when created here, the file 0600 before
            # SQLite opens it (SQLite gives its -wal and -shm files the database file's
            # mode, so they are 0600 too).
            make_private_dir(path.parent)
            create_private(path)

    # The driver's default transaction handling is kept on purpose: SQLite's BEGIN is
    # issued at the first write, which then waits on busy_timeout for the write lock.
    # (A BEGIN before the first read would risk SQLITE_BUSY on the lock upgrade, which no
    # timeout retries.) Conversation saves are version-checked, so reads outside the
    # snapshot cannot lose an update.
    def _on_sqlite_connect(self, dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # Pragmas are per connection, so they are set on every new one. WAL lets readers
        # and one writer work at once; busy_timeout makes a second writer wait rather
        # than fail at once; NORMAL is durable enough under WAL and much faster.
        cursor = dbapi_connection.cursor()
        try:
            if self._sqlite_file is not None:
                cursor.execute("PRAGMA journal_mode=WAL")
                # Checkpoints run on their own thread (storage/wal_checkpoint.py); a
                # commit checkpoints only past this many pages, should that thread stop.
                cursor.execute(f"PRAGMA wal_autocheckpoint={SQLITE_BACKSTOP_PAGES}")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()

    async def create_schema(self) -> None:
        """Create every table from the models. Tests only: production uses migrations."""
        async with self.engine.begin() as conn:
            await conn.run_sync(Base.metadata.create_all)

    @asynccontextmanager
    async def setup_lock(self) -> AsyncIterator[None]:
        """Held while this process migrates the schema and seeds it: workers started
        together on one PostgreSQL take turns (a session advisory lock, released also when
        the process dies). SQLite serves one process and needs none."""
        if self.is_sqlite:
            yield
            return
        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": SETUP_LOCK_KEY})
            await conn.commit()
            try:
                yield
            finally:
                await conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": SETUP_LOCK_KEY})
                await conn.commit()

    async def ping(self) -> bool:
        """True when the database answers a trivial query (health checks)."""
        try:
            async with self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except Exception:  # any failure at all means "not healthy"
            log.warning("database ping failed", exc_info=True)
            return False
        return True

    async def dispose(self) -> None:
        await self.engine.dispose()
        if self._checkpointer is not None:
            self._checkpointer.stop()

    def __repr__(self) -> str:
        return f"Database({self.url.render_as_string(hide_password=True)!r})"
