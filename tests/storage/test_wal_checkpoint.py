"""The embedded database's write-ahead log is copied into the database file by a thread
of its own (storage/wal_checkpoint.py), not by the commit that crosses 1,000 pages — that
commit stalled the event loop for milliseconds (issue 14)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import text

from storage.database import SQLITE_BACKSTOP_PAGES, Database


async def test_the_log_reaches_the_database_file_without_a_commit_doing_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "kb.db"
    database = Database(f"sqlite+aiosqlite:///{path}")
    try:
        async with database.engine.connect() as connection:
            pages = await connection.scalar(text("PRAGMA wal_autocheckpoint"))
            assert pages == SQLITE_BACKSTOP_PAGES  # commits checkpoint only as a backstop
            await connection.execute(text("CREATE TABLE notes (body TEXT)"))
            await connection.commit()
            for _ in range(1_000):  # about 1,000 pages of log: no commit checkpoints
                await connection.execute(text("INSERT INTO notes VALUES (:b)"), {"b": "x" * 3000})
                await connection.commit()
        for _ in range(50):
            if path.stat().st_size > 2_000_000:
                break
            await asyncio.sleep(0.1)
        assert path.stat().st_size > 2_000_000, "the rows reached the database file"
    finally:
        await database.dispose()
