"""Statements prepared once and run on the driver's cursor: every message's path.

A Core statement is compiled once per database dialect — its SQL text, the order of its
parameters, and SQLAlchemy's own bind and result processors for each column's type, so a
value is stored and read back exactly as the ORM stores and reads it — and then run on
the DBAPI cursor of the unit of work's connection, inside its transaction. What that
skips is SQLAlchemy's work per execution (an execution context, a result object, ORM
loading and flushing), which cost several times the statement itself on the
per-message path (issue 14). Everything else goes through the ORM session as before.

Only for statements whose parameters are plain values: no expanding `IN` lists (run one
statement per row with `many`, or prepare one statement per row count instead), and
every column with a Python-side default given a value (checked when compiled).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.sql.dml import UpdateBase
from sqlalchemy.sql.selectable import Select

from storage.sqlite_driver import Connection as InlineSqlite

Processor = Callable[[Any], Any] | None
_CONNECTION = "kampung_bahagia.connection"
# Any SELECT, or an INSERT / UPDATE / DELETE.
Statement = Select[*tuple[Any, ...]] | UpdateBase


@dataclass(frozen=True)
class Done:
    """What a statement gave back: its rows (as tuples of processed values) and how many
    rows it changed."""

    rows: list[tuple[Any, ...]]
    rowcount: int


@dataclass(frozen=True)
class Compiled:
    """One statement for one dialect: the SQL, the parameters in order with their
    defaults (values fixed in the statement), and the type processors."""

    sql: str
    names: tuple[str, ...]
    defaults: Mapping[str, Any]
    binds: tuple[Processor, ...]
    results: tuple[Processor, ...]

    def parameters(self, values: Mapping[str, Any]) -> list[Any]:
        merged = {**self.defaults, **values}
        return [
            merged[name] if bind is None else bind(merged[name])
            for name, bind in zip(self.names, self.binds, strict=True)
        ]

    def rows(self, rows: Iterable[Sequence[Any]]) -> list[tuple[Any, ...]]:
        if not any(self.results):
            return [tuple(row) for row in rows]
        return [
            tuple(
                value if result is None else result(value)
                for value, result in zip(row, self.results, strict=True)
            )
            for row in rows
        ]


class Prepared:
    """A Core statement to run without SQLAlchemy's per-execution work (see the module):
    built once at import — one for every dialect, or one per dialect name where their
    constructs differ (`insert_new`) — and compiled on first use for each dialect."""

    def __init__(self, statement: Statement | Mapping[str, Statement]) -> None:
        self.statement = statement
        self._compiled: dict[type[Dialect], Compiled] = {}

    def compiled(self, dialect: Dialect) -> Compiled:
        compiled = self._compiled.get(type(dialect))
        if compiled is None:
            statement = self.statement
            if isinstance(statement, Mapping):
                statement = statement[dialect.name]
            compiled = self._compiled[type(dialect)] = _compile(statement, dialect)
        return compiled

    async def run(self, session: AsyncSession, **values: Any) -> Done:
        """Run in the session's transaction (begun by this call if need be)."""
        return await self._on(session, lambda compiled, cursor: _one(compiled, cursor, values))

    async def many(self, session: AsyncSession, rows: Sequence[Mapping[str, Any]]) -> None:
        """Run once per row of values, in one call to the driver (`executemany`)."""
        if rows:
            await self._on(session, lambda compiled, cursor: _many(compiled, cursor, rows))

    async def _on(self, session: AsyncSession, work: Callable[[Compiled, Any], Done]) -> Done:
        connection = await _connection(session)
        sync = connection.sync_connection
        driver = sync.connection.driver_connection if sync is not None else None
        if sync is not None and isinstance(driver, InlineSqlite):
            # The embedded SQLite driver (storage/sqlite_driver.py) has nothing to await:
            # its cursor runs right here, without a hand-off to SQLAlchemy's greenlet.
            return self._with_cursor(sync, driver.raw, work)
        return await connection.run_sync(
            lambda sync: self._with_cursor(sync, sync.connection, work)
        )

    def _with_cursor(
        self, connection: Connection, dbapi: Any, work: Callable[[Compiled, Any], Done]
    ) -> Done:
        compiled = self.compiled(connection.dialect)
        cursor = dbapi.cursor()
        try:
            return work(compiled, cursor)
        except connection.dialect.loaded_dbapi.Error as error:
            raise _as_sqlalchemy_error(connection, compiled.sql, error, cursor) from error
        finally:
            cursor.close()


def insert_new(table: Table, values: Mapping[str, Any], key: Sequence[str]) -> Prepared:
    """An INSERT that adds nothing when a row with the same `key` exists (ON CONFLICT DO
    NOTHING: SQLite and PostgreSQL spell it alike, each with its own construct) — a
    get-or-create that two workers run at once never fails on the unique key."""
    return Prepared(
        {
            name: insert(table).values(values).on_conflict_do_nothing(index_elements=list(key))
            for name, insert in (("postgresql", pg_insert), ("sqlite", sqlite_insert))
        }
    )


async def _connection(session: AsyncSession) -> AsyncConnection:
    """The session's connection for its current transaction, asked of the session once
    per transaction (each ask is a hand-off to SQLAlchemy's greenlet): kept in the
    session's `info` until the transaction ends and the session closes it."""
    kept: AsyncConnection | None = session.info.get(_CONNECTION)
    if kept is None or kept.closed:
        kept = session.info[_CONNECTION] = await session.connection()
    return kept


def _one(compiled: Compiled, cursor: Any, values: Mapping[str, Any]) -> Done:
    cursor.execute(compiled.sql, compiled.parameters(values))
    rows = compiled.rows(cursor.fetchall()) if cursor.description else []
    return Done(rows, cursor.rowcount)


def _many(compiled: Compiled, cursor: Any, rows: Sequence[Mapping[str, Any]]) -> Done:
    cursor.executemany(compiled.sql, [compiled.parameters(row) for row in rows])
    return Done([], cursor.rowcount)


def _as_sqlalchemy_error(
    connection: Connection, sql: str, error: Any, cursor: Any
) -> BaseException:
    """The driver's error as SQLAlchemy raises it elsewhere (`IntegrityError`, ...), never
    with the parameters (what a user typed stays out of logs); a connection the server
    dropped is invalidated, so the pool replaces it."""
    dialect = connection.dialect
    lost = dialect.is_disconnect(error, connection.connection.dbapi_connection, cursor)
    if lost:
        connection.invalidate(error)
    return DBAPIError.instance(
        sql,
        None,
        error,
        dialect.loaded_dbapi.Error,
        hide_parameters=True,
        connection_invalidated=lost,
        dialect=dialect,
    )


def _compile(statement: Statement, dialect: Dialect) -> Compiled:
    compiled = statement.compile(dialect=dialect)
    if compiled.insert_prefetch or compiled.update_prefetch:
        # Python-side column defaults are computed by SQLAlchemy's execution context,
        # which this path skips: such a statement names every value itself.
        missing = [column.name for column in (*compiled.insert_prefetch, *compiled.update_prefetch)]
        raise ValueError(f"prepared statement without values for {missing}")
    # Both drivers take positional parameters (qmark on SQLite, $n on asyncpg).
    names = tuple(compiled.positiontup or ())
    binds = compiled.binds
    return Compiled(
        sql=compiled.string,
        names=names,
        defaults={name: bind.effective_value for name, bind in binds.items() if not bind.required},
        binds=tuple(
            binds[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names
        ),
        results=tuple(
            column.type.dialect_impl(dialect).result_processor(dialect, None)
            for column in statement.exported_columns
        ),
    )
