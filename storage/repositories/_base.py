"""The common base of every repository: one `AsyncSession` shared with the unit of work."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value


class Repository:
    """Repositories only read and stage changes; the unit of work commits."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @property
    def postgresql(self) -> bool:
        """Whether the database is PostgreSQL (else SQLite)."""
        return self.session.get_bind().dialect.name == "postgresql"

    def insert(self, model: Any) -> Any:
        """The backend's INSERT, which offers `on_conflict_do_nothing`: a get-or-create
        that two workers run at once then never fails on the unique key (the second
        waits for the first to commit and inserts nothing)."""
        return (pg_insert if self.postgresql else sqlite_insert)(model)


def written(row: Any, values: Mapping[str, Any]) -> None:
    """`row` now holds `values` in the database (a prepared statement wrote them): an
    ORM object is told so, not to write them again on commit; a plain row takes them."""
    orm = inspect(row, raiseerr=False) is not None
    for name, value in values.items():
        if orm:
            set_committed_value(row, name, value)
        else:
            setattr(row, name, value)
