"""One send pace for every worker (issue 13, defect 6): per-process pacing gave three
workers three times the provider's limit. Now the slots are taken from one row in
PostgreSQL: two workers asking together get one queue of slots, `interval` apart."""

from __future__ import annotations

import asyncio

import pytest

from storage.database import Database
from storage.send_pace import SharedPace

pytestmark = pytest.mark.backends("postgresql")

INTERVAL = 0.02
PER_WORKER = 40


async def test_two_workers_share_one_queue_of_slots(database: Database, db_url: str) -> None:
    other = Database(db_url, schema=database.schema)
    try:
        workers = [SharedPace(database), SharedPace(other)]
        waits = await asyncio.gather(
            *(worker.reserve("whatsapp:1", INTERVAL) for worker in workers * PER_WORKER)
        )
    finally:
        await other.dispose()
    # Alone, each worker's last slot would be PER_WORKER intervals away; shared, the
    # last of both is twice as far (less the moments the reservations themselves took).
    assert max(waits) > (2 * PER_WORKER - 1) * INTERVAL - 0.4
    assert min(waits) <= 0.0


async def test_each_key_has_its_own_slots(database: Database) -> None:
    pace = SharedPace(database)
    for _ in range(5):
        await pace.reserve("whatsapp:1", 10.0)
    assert await pace.reserve("telegram", 10.0) <= 0.0
    assert await pace.reserve("whatsapp:1", 10.0) > 40.0


async def test_without_the_database_it_paces_alone() -> None:
    unreachable = Database("postgresql+asyncpg://nobody@127.0.0.1:1/none")
    try:
        pace = SharedPace(unreachable)
        assert await pace.reserve("telegram", 1.0) <= 0.0
        assert await pace.reserve("telegram", 1.0) > 0.9
    finally:
        await unreachable.dispose()
