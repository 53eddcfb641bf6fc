"""Migrations once (issue 13): three workers started together on an empty PostgreSQL
crashed in the Alembic upgrade (UniqueViolation on pg_type) in 2 of 3 trials. Setting the
database up now happens under an advisory lock: all start, the schema is built once."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text

from bot.app import build_app
from bot.config import Settings
from storage.database import Database
from support.seeding import TEST_NIK_KEY

pytestmark = pytest.mark.backends("postgresql")

WORKERS = 3
STARTUP = 60.0


async def test_workers_started_together_on_an_empty_database_all_start(
    empty_database: Database, db_url: str
) -> None:
    schema = empty_database.schema
    databases = [Database(db_url, schema=schema) for _ in range(WORKERS)]
    settings = Settings(database={"url": db_url})
    try:
        starts = asyncio.gather(*(build_app(settings, TEST_NIK_KEY, database=d) for d in databases))
        # Without the lock they crashed or waited on each other's DDL for good.
        apps = await asyncio.wait_for(starts, STARTUP)
        assert len(apps) == WORKERS
        async with empty_database.engine.connect() as conn:
            version = (await conn.execute(text("SELECT version_num FROM alembic_version"))).all()
            kecamatan = await conn.scalar(text("SELECT count(*) FROM kecamatan"))
        assert len(version) == 1 and kecamatan == 11
    finally:
        for database in databases:
            await database.dispose()
