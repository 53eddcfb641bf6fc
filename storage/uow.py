"""The unit of work: one session and one transaction per message (or per job).

Everything staged through the repositories is written by `commit()`; whatever was not
committed when the block ends — normally or by an exception — is rolled back, so a failed
message leaves nothing half-written.
"""

from __future__ import annotations

import asyncio
from types import TracebackType

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.nik_vault import NikVault
from storage.repositories import (
    AccountRepository,
    ActivityRepository,
    AlertPreferenceRepository,
    AuditRepository,
    ConsentRepository,
    ConversationRepository,
    CorrectionRepository,
    ErasureRepository,
    ExportRepository,
    IncidentRepository,
    InviteRepository,
    OutboxRepository,
    ParticipationRepository,
    PersonRepository,
    ProcessedMessageRepository,
    RegionRepository,
    RetentionRepository,
    RoleRepository,
    RtRepository,
    StaleConversation,
    StatisticsRepository,
)

__all__ = ["StaleConversation", "UnitOfWork", "UnitOfWorkFactory"]


class UnitOfWork:
    """`async with factory() as uow: ...; await uow.commit()`.

    The repositories exist only inside the `async with` block.
    """

    session: AsyncSession
    regions: RegionRepository
    rts: RtRepository
    accounts: AccountRepository
    roles: RoleRepository
    invites: InviteRepository
    conversations: ConversationRepository
    processed: ProcessedMessageRepository
    outbox: OutboxRepository
    audit: AuditRepository
    persons: PersonRepository
    activities: ActivityRepository
    participations: ParticipationRepository
    incidents: IncidentRepository
    preferences: AlertPreferenceRepository
    corrections: CorrectionRepository
    statistics: StatisticsRepository
    exports: ExportRepository
    consents: ConsentRepository
    erasures: ErasureRepository
    retention: RetentionRepository

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        vault: NikVault,
        lock: asyncio.Lock | None = None,
    ) -> None:
        self._sessionmaker = sessionmaker
        self._vault = vault
        self._lock = lock
        self._open = False

    async def __aenter__(self) -> UnitOfWork:
        if self._open:
            raise RuntimeError("this unit of work is already open")
        if self._lock is not None:
            await self._lock.acquire()
        session = self._sessionmaker()
        self.session = session
        self.regions = RegionRepository(session)
        self.rts = RtRepository(session)
        self.accounts = AccountRepository(session)
        self.roles = RoleRepository(session)
        self.invites = InviteRepository(session)
        self.conversations = ConversationRepository(session)
        self.processed = ProcessedMessageRepository(session)
        self.outbox = OutboxRepository(session, self._vault)
        self.audit = AuditRepository(session)
        self.persons = PersonRepository(session, self._vault)
        self.activities = ActivityRepository(session)
        self.participations = ParticipationRepository(session)
        self.incidents = IncidentRepository(session)
        self.preferences = AlertPreferenceRepository(session)
        self.corrections = CorrectionRepository(session)
        self.statistics = StatisticsRepository(session)
        self.exports = ExportRepository(session)
        self.consents = ConsentRepository(session)
        self.erasures = ErasureRepository(session)
        self.retention = RetentionRepository(session, self._vault)
        self._flushed_since_commit = False
        event.listen(session.sync_session, "after_flush", self._note_flush)
        self._open = True
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._open = False
        try:
            if not self._unsaved_writes():
                # Nothing to undo: detach the objects as they are, so callers can still
                # read what they loaded (a rollback would expire them).
                self.session.expunge_all()
            await self.session.rollback()
        finally:
            await self.session.close()
            if self._lock is not None:
                self._lock.release()

    async def commit(self) -> None:
        """Write everything staged so far. The unit of work stays usable afterwards;
        later changes need another commit."""
        await self.session.commit()
        self._flushed_since_commit = False

    def _unsaved_writes(self) -> bool:
        session = self.session
        return bool(self._flushed_since_commit or session.new or session.dirty or session.deleted)

    def _note_flush(self, *_: object) -> None:
        self._flushed_since_commit = True

    async def rollback(self) -> None:
        """Discard everything staged since the last commit."""
        await self.session.rollback()
        self._flushed_since_commit = False

    async def flush(self) -> None:
        await self.session.flush()


class UnitOfWorkFactory:
    """Builds a fresh `UnitOfWork` per call; the composition root holds one of these.

    With `serialize` (SQLite), units of work in this process take turns: SQLite has one
    writer, and a transaction that must wait for another's write lock would otherwise
    sleep in busy-timeout retries or fail on a stale snapshot. Never open a unit of work
    inside another one from the same factory.
    """

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        vault: NikVault,
        *,
        serialize: bool = False,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.vault = vault
        self._lock = asyncio.Lock() if serialize else None

    def __call__(self) -> UnitOfWork:
        return UnitOfWork(self.sessionmaker, self.vault, self._lock)
