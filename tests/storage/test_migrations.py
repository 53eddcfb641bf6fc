"""Alembic migrations: every revision upgrades, downgrades and upgrades again (the
stairway), and the head schema is exactly what the models describe."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from storage import migrate
from storage.database import Database
from storage.models import Base

pytestmark = pytest.mark.backends()


def _down_revision(revision: str) -> str:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    down = script.get_revision(revision).down_revision
    assert not isinstance(down, tuple), "merge revisions need their own stairway step"
    return down or "base"


async def _tables(database: Database) -> set[str]:
    async with database.engine.connect() as conn:
        return await conn.run_sync(lambda c: set(inspect(c).get_table_names()))


async def _current(database: Database) -> str | None:
    async with database.engine.connect() as conn:
        return await conn.run_sync(lambda c: MigrationContext.configure(c).get_current_revision())


def test_revisions_form_one_line() -> None:
    revisions = migrate.revisions()
    assert revisions[0] == "0001"
    assert len(revisions) == len(set(revisions))


@pytest.mark.parametrize("revision", migrate.revisions())
async def test_stairway(empty_database: Database, revision: str) -> None:
    revisions = migrate.revisions()
    previous = revisions[: revisions.index(revision)]
    if previous:
        await migrate.upgrade(empty_database, previous[-1])
    await migrate.upgrade(empty_database, revision)
    assert await _current(empty_database) == revision
    await migrate.downgrade(empty_database, _down_revision(revision))
    expected = None if _down_revision(revision) == "base" else _down_revision(revision)
    assert await _current(empty_database) == expected
    await migrate.upgrade(empty_database, revision)
    assert await _current(empty_database) == revision


async def test_full_downgrade_leaves_only_the_version_table(empty_database: Database) -> None:
    await migrate.upgrade(empty_database)
    await migrate.downgrade(empty_database, "base")
    assert await _tables(empty_database) <= {"alembic_version"}


async def test_head_matches_the_models(empty_database: Database) -> None:
    await migrate.upgrade(empty_database)

    def diff(conn: Connection) -> list[Any]:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)

    async with empty_database.engine.connect() as conn:
        assert await conn.run_sync(diff) == []
    assert await _tables(empty_database) == set(Base.metadata.tables) | {"alembic_version"}


@pytest.mark.backends("sqlite")
async def test_migrated_sqlite_keeps_foreign_keys_on(empty_database: Database) -> None:
    assert empty_database.is_sqlite
    await migrate.upgrade(empty_database)
    # The pool may hand out the very connection the migration used.
    for _ in range(3):
        async with empty_database.engine.connect() as conn:
            assert (await conn.exec_driver_sql("PRAGMA foreign_keys")).scalar() == 1


def test_alembic_without_a_connection_builds_its_own_engine(tmp_path: Path) -> None:
    """The path the plain `alembic` CLI takes: env.py connects from the URL itself."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    command.upgrade(migrate.alembic_config(url), "head")
    with sqlite3.connect(tmp_path / "cli.db") as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert set(Base.metadata.tables) <= tables
    assert version == (migrate.revisions()[-1],)
    command.downgrade(migrate.alembic_config(url), "base")


def test_offline_sql_can_be_rendered(capsys: pytest.CaptureFixture[str]) -> None:
    config = migrate.alembic_config("postgresql+asyncpg://user@host/db")
    command.upgrade(config, "head", sql=True)
    assert "CREATE TABLE persons" in capsys.readouterr().out
