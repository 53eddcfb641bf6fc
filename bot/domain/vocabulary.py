"""The programme's vocabulary, each word defined once: activity statuses, participant and
account roles, the states of incidents, correction requests and outbox messages, and the
kinds of scope. Members are `StrEnum`s whose values are exactly what the database stores,
so columns keep their values and comparisons with stored strings hold.
"""

from __future__ import annotations

from enum import StrEnum


class ActivityStatus(StrEnum):
    """An activity as stored: a draft until the Ketua RT confirms it (DOMAIN.md §2)."""

    DRAFT = "draft"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"


class ShownStatus(StrEnum):
    """An activity as people read it: a confirmed activity is "running" between its dates
    and "ended" after them; the other statuses read as stored."""

    DRAFT = "draft"
    CONFIRMED = "confirmed"
    RUNNING = "running"
    ENDED = "ended"
    CANCELLED = "cancelled"


class ParticipantRole(StrEnum):
    """What a person does in an activity (the surat tugas lists it)."""

    KETUA_RT = "ketua_rt"
    PHL = "phl"  # pekerja harian lepas
    PETUGAS_SYARA = "petugas_syara"
    WARGA = "warga"


class Role(StrEnum):
    """What an account may do: chair an RT, or serve as an official of the city."""

    WARGA = "warga"  # everyone who talks to the bot
    KETUA_RT = "ketua_rt"
    PETUGAS = "petugas"
    BPJS = "bpjs"
    ADMIN = "admin"


# Officials: the roles that see an area rather than one RT. Admins and BPJS officers may
# see full NIKs where the programme needs them (exports, a worker list on request).
OFFICIAL_ROLES: tuple[Role, ...] = (Role.PETUGAS, Role.BPJS, Role.ADMIN)
FULL_NIK_ROLES: tuple[Role, ...] = (Role.ADMIN, Role.BPJS)


class ScopeKind(StrEnum):
    """How far an official's grant reaches."""

    CITY = "kota"
    KECAMATAN = "kecamatan"
    KELURAHAN = "kelurahan"


class IncidentStatus(StrEnum):
    """An accident report: open until officials report it to BPJS, then closed."""

    OPEN = "open"
    REPORTED = "reported"
    CLOSED = "closed"


class IncidentOutcome(StrEnum):
    """How an accident report ended when an official closes it (stage II; stored in
    incidents.outcome, String(24)), with a free note beside it."""

    CLAIM_PAID = "claim_paid"
    CLAIM_REJECTED = "claim_rejected"
    NO_CLAIM = "no_claim"
    NOT_WORK = "not_work"
    DUPLICATE = "duplicate"
    OTHER = "other"


class CorrectionStatus(StrEnum):
    """A resident's request to correct their data."""

    OPEN = "open"
    DONE = "done"
    REJECTED = "rejected"


class OutboxStatus(StrEnum):
    """A queued message: pending until the sender delivers it or gives up."""

    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
