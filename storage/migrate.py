"""Schema migrations (Alembic), configured in code: no alembic.ini is needed.

`upgrade(db)` / `downgrade(db, revision)` run Alembic on a connection of the running
engine (the Alembic cookbook's async pattern: the connection reaches env.py through
`config.attributes["connection"]`). The plain `alembic` CLI works too: env.py then builds
its own engine from `sqlalchemy.url`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.database import Database

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str | None = None) -> Config:
    """An Alembic config pointing at our migrations folder (and, for the CLI, a URL)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url is not None:
        # ConfigParser interpolation: a literal % (e.g. in a password) must be doubled.
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def revisions() -> list[str]:
    """Every revision id, oldest first (for the stairway test)."""
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions("base", "heads")))]


def _engine(engine_or_db: AsyncEngine | Database) -> AsyncEngine:
    return engine_or_db.engine if isinstance(engine_or_db, Database) else engine_or_db


async def _run(engine_or_db: AsyncEngine | Database, step: Callable[[Config], None]) -> None:
    engine = _engine(engine_or_db)
    config = alembic_config()

    def run(connection: Connection) -> None:
        config.attributes["connection"] = connection
        step(config)

    if engine.dialect.name != "sqlite":
        async with engine.begin() as conn:
            await conn.run_sync(run)
        return
    # SQLite batch migrations copy and drop tables; with foreign keys on, dropping a
    # parent table would cascade-delete (or reject) child rows. The pragma only takes
    # effect outside a transaction, and pysqlite opens one at the first DML only, so it
    # is switched off before the migration and back on after the commit: this pooled
    # connection must not go back to the pool without foreign keys.
    async with engine.connect() as conn:
        await conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        try:
            await conn.run_sync(run)
            violations = (await conn.exec_driver_sql("PRAGMA foreign_key_check")).all()
            if violations:
                raise RuntimeError(f"migration left broken foreign keys: {violations[:5]}")
            await conn.commit()
        finally:
            await conn.rollback()
            await conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            await conn.commit()


async def upgrade(engine_or_db: AsyncEngine | Database, revision: str = "head") -> None:
    log.info("upgrading the database schema to %s", revision)
    await _run(engine_or_db, lambda config: command.upgrade(config, revision))


async def downgrade(engine_or_db: AsyncEngine | Database, revision: str) -> None:
    log.info("downgrading the database schema to %s", revision)
    await _run(engine_or_db, lambda config: command.downgrade(config, revision))
