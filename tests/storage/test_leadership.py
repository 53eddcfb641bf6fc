"""Scheduler leadership (issue 13): exactly one worker runs the scheduler rounds at a
time, and another takes over when the leader goes away."""

from __future__ import annotations

import pytest

from storage.database import Database
from storage.leadership import Leadership

pytestmark = pytest.mark.backends("postgresql")


async def test_one_worker_leads_and_another_takes_over(database: Database, db_url: str) -> None:
    others = [Database(db_url, schema=database.schema) for _ in range(2)]
    first, second = (Leadership(d, key=0x4B42_0F01) for d in others)
    try:
        assert await first.leading()
        assert not await second.leading()
        assert await first.leading()  # still the leader, round after round
        await first.close()  # the leader stops (or its connection dies)
        assert await second.leading()
        assert not await first.leading()
    finally:
        await first.close()
        await second.close()
        for other in others:
            await other.dispose()


@pytest.mark.backends("sqlite")
async def test_the_only_process_of_sqlite_leads(database: Database) -> None:
    assert await Leadership(database).leading()
