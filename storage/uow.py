"""The unit of work: one session and one transaction per message (or per job).

Everything staged through the repositories is written by `commit()`; whatever was not
committed when the block ends — normally or by an exception — is rolled back, so a failed
message leaves nothing half-written.
"""

from __future__ import annotations

import asyncio
from functools import cached_property
from types import TracebackType

from sqlalchemy import event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session

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

__all__ = ["StaleConversation", "UnitOfWork", "UnitOfWorkFactory", "connection_lost"]


def connection_lost(error: Exception) -> bool:
    """Whether a unit of work failed because the server dropped its connection (a
    restart, an idle timeout): the pool has replaced the connection, a second run can
    succeed. The pool does not ping on checkout (a round trip per message); this is the
    other half of that choice (storage/database.py)."""
    return isinstance(error, DBAPIError) and error.connection_invalidated


# Set on a session when a flush wrote to its transaction (`UnitOfWork._unsaved_writes`):
# one listener for every session, not one added per unit of work.
_FLUSHED = "kampung_bahagia.flushed"


@event.listens_for(Session, "after_flush")
def _note_flush(session: Session, _context: object) -> None:
    session.info[_FLUSHED] = True


class UnitOfWork:
    """`async with factory() as uow: ...; await uow.commit()`.

    The repositories exist only inside the `async with` block, each built when first
    used (a message's unit of work touches a handful of the twenty).
    """

    session: AsyncSession

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

    @cached_property
    def regions(self) -> RegionRepository:
        return RegionRepository(self.session)

    @cached_property
    def rts(self) -> RtRepository:
        return RtRepository(self.session)

    @cached_property
    def accounts(self) -> AccountRepository:
        return AccountRepository(self.session)

    @cached_property
    def roles(self) -> RoleRepository:
        return RoleRepository(self.session)

    @cached_property
    def invites(self) -> InviteRepository:
        return InviteRepository(self.session)

    @cached_property
    def conversations(self) -> ConversationRepository:
        return ConversationRepository(self.session)

    @cached_property
    def processed(self) -> ProcessedMessageRepository:
        return ProcessedMessageRepository(self.session)

    @cached_property
    def outbox(self) -> OutboxRepository:
        return OutboxRepository(self.session, self._vault)

    @cached_property
    def audit(self) -> AuditRepository:
        return AuditRepository(self.session)

    @cached_property
    def persons(self) -> PersonRepository:
        return PersonRepository(self.session, self._vault)

    @cached_property
    def activities(self) -> ActivityRepository:
        return ActivityRepository(self.session)

    @cached_property
    def participations(self) -> ParticipationRepository:
        return ParticipationRepository(self.session)

    @cached_property
    def incidents(self) -> IncidentRepository:
        return IncidentRepository(self.session)

    @cached_property
    def preferences(self) -> AlertPreferenceRepository:
        return AlertPreferenceRepository(self.session)

    @cached_property
    def corrections(self) -> CorrectionRepository:
        return CorrectionRepository(self.session)

    @cached_property
    def statistics(self) -> StatisticsRepository:
        return StatisticsRepository(self.session)

    @cached_property
    def exports(self) -> ExportRepository:
        return ExportRepository(self.session)

    @cached_property
    def consents(self) -> ConsentRepository:
        return ConsentRepository(self.session)

    @cached_property
    def erasures(self) -> ErasureRepository:
        return ErasureRepository(self.session)

    @cached_property
    def retention(self) -> RetentionRepository:
        return RetentionRepository(self.session, self._vault)

    async def __aenter__(self) -> UnitOfWork:
        if self._open:
            raise RuntimeError("this unit of work is already open")
        if self._lock is not None:
            await self._lock.acquire()
        self.session = self._sessionmaker()
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
            # The repositories go with the session (`cached_property` keeps them in here).
            for name in _REPOSITORIES & self.__dict__.keys():
                del self.__dict__[name]
            if self._lock is not None:
                self._lock.release()

    async def commit(self) -> None:
        """Write everything staged so far. The unit of work stays usable afterwards;
        later changes need another commit."""
        await self.session.commit()
        self.session.info.pop(_FLUSHED, None)

    def _unsaved_writes(self) -> bool:
        session = self.session
        return bool(session.info.get(_FLUSHED) or session.new or session.dirty or session.deleted)

    async def rollback(self) -> None:
        """Discard everything staged since the last commit."""
        await self.session.rollback()
        self.session.info.pop(_FLUSHED, None)

    async def flush(self) -> None:
        await self.session.flush()


_REPOSITORIES = frozenset(
    name for name, value in vars(UnitOfWork).items() if isinstance(value, cached_property)
)


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
        single_statements: async_sessionmaker[AsyncSession] | None = None,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.vault = vault
        self._lock = asyncio.Lock() if serialize else None
        self._single_statements = single_statements or sessionmaker

    def __call__(self) -> UnitOfWork:
        return UnitOfWork(self.sessionmaker, self.vault, self._lock)

    def single(self) -> UnitOfWork:
        """A unit of work for statements each complete by itself (`Database.
        single_statements`: on PostgreSQL each commits as it runs, `commit()` has
        nothing left to do) — confirming replies sent, which needs no transaction."""
        return UnitOfWork(self._single_statements, self.vault, self._lock)
