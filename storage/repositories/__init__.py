"""Repositories, one module per aggregate. They read and stage changes through the unit
of work's session, return ORM instances, and never commit."""

from storage.repositories.accounts import AccountRepository
from storage.repositories.activities import ActivityRepository
from storage.repositories.audit import AuditRepository
from storage.repositories.consents import ConsentRepository
from storage.repositories.conversations import ConversationRepository, StaleConversation
from storage.repositories.corrections import CorrectionRepository
from storage.repositories.erasures import ErasureRepository
from storage.repositories.exports import ExportRepository
from storage.repositories.incidents import IncidentRepository
from storage.repositories.invites import InviteRepository
from storage.repositories.outbox import OutboxRepository
from storage.repositories.participations import ParticipationRepository
from storage.repositories.persons import PersonRepository
from storage.repositories.preferences import AlertPreferenceRepository
from storage.repositories.processed import ProcessedMessageRepository
from storage.repositories.regions import RegionRepository
from storage.repositories.retention import RetentionRepository
from storage.repositories.roles import RoleRepository
from storage.repositories.rts import RtRepository
from storage.repositories.statistics import StatisticsRepository

__all__ = [
    "ConsentRepository",
    "ErasureRepository",
    "RetentionRepository",
    "AlertPreferenceRepository",
    "CorrectionRepository",
    "ExportRepository",
    "StatisticsRepository",
    "AccountRepository",
    "ActivityRepository",
    "AuditRepository",
    "ConversationRepository",
    "IncidentRepository",
    "InviteRepository",
    "OutboxRepository",
    "ParticipationRepository",
    "PersonRepository",
    "ProcessedMessageRepository",
    "RegionRepository",
    "RoleRepository",
    "RtRepository",
    "StaleConversation",
]
