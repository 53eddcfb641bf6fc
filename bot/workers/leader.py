"""Leadership as the workers see it: whether this process is the one that runs what one
worker at a time should run — the scheduler's rounds, the outbox's sends. The PostgreSQL
implementation is storage.leadership; one process alone always leads."""

from __future__ import annotations

from typing import Protocol


class Leader(Protocol):
    async def leading(self) -> bool: ...
    async def close(self) -> None: ...


class AlwaysLeading:
    """One process, no rivals (the demo, tests, SQLite)."""

    async def leading(self) -> bool:
        return True

    async def close(self) -> None:
        return None
