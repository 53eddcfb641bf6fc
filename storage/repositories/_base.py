"""The common base of every repository: one `AsyncSession` shared with the unit of work."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession


class Repository:
    """Repositories only read and stage changes; the unit of work commits."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
