"""The database schema as SQLAlchemy 2 declarative models (first cut of DESIGN.md §3.2).

Money columns are integer rupiah. Every timestamp is stored in UTC and read back
timezone-aware (SQLite would otherwise hand back naive values). NIKs are never stored in
clear: `Person.nik_encrypted` holds the ciphertext and `Person.nik_hash` a keyed hash.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.domain.vocabulary import ActivityStatus, OutboxStatus

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as UTC; always returns aware UTC datetimes."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON}


class Kecamatan(Base):
    __tablename__ = "kecamatan"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))


class Kelurahan(Base):
    __tablename__ = "kelurahan"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kecamatan_code: Mapped[str] = mapped_column(ForeignKey("kecamatan.code"), index=True)


class Rt(Base):
    __tablename__ = "rts"
    __table_args__ = (UniqueConstraint("kelurahan_code", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kelurahan_code: Mapped[str] = mapped_column(ForeignKey("kelurahan.code"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    chair_name: Mapped[str] = mapped_column(String(120))
    chair_phone: Mapped[str | None] = mapped_column(String(20), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class RtBudget(Base):
    """The yearly Kampung Bahagia budget of one RT, set by officials."""

    __tablename__ = "rt_budgets"
    __table_args__ = (UniqueConstraint("rt_id", "year"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rt_id: Mapped[int] = mapped_column(ForeignKey("rts.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(BigInteger)


class Account(Base):
    """One chat on one channel. `phone` is set only when the channel verified it."""

    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("channel", "chat_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    language: Mapped[str] = mapped_column(String(5), default="id")
    opted_out: Mapped[bool] = mapped_column(Boolean, default=False)
    privacy_noticed_at: Mapped[datetime | None]
    last_inbound_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Role(Base):
    """A role granted to a phone number (officials, admins) or to one account (an RT
    chair who came in with an invite code). Scope: `kota` (whole city, no code),
    `kecamatan` / `kelurahan` (a region code) or `rt` (an RT id)."""

    __tablename__ = "roles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(120), default="")
    scope_kind: Mapped[str] = mapped_column(String(12), default="kota")
    scope_code: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))


class Invite(Base):
    """A one-time code an official gives a Ketua RT who cannot be recognised by phone."""

    __tablename__ = "invites"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    rt_id: Mapped[int] = mapped_column(ForeignKey("rts.id", ondelete="CASCADE"))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    used_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))


class Activity(Base):
    __tablename__ = "activities"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rt_id: Mapped[int] = mapped_column(ForeignKey("rts.id"), index=True)
    number: Mapped[str | None] = mapped_column(String(32), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))
    place: Mapped[str] = mapped_column(String(300), default="")
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    value: Mapped[int] = mapped_column(BigInteger)
    value_includes_ppn: Mapped[bool] = mapped_column(Boolean, default=False)
    premium_jkk: Mapped[int] = mapped_column(BigInteger, default=0)
    premium_jkm: Mapped[int] = mapped_column(BigInteger, default=0)
    premium_total: Mapped[int] = mapped_column(BigInteger, default=0)
    # draft -> confirmed -> (cancelled | ended); drafts are deleted when cancelled.
    status: Mapped[str] = mapped_column(String(16), default=ActivityStatus.DRAFT, index=True)
    surat_tugas_number: Mapped[str | None] = mapped_column(String(64), unique=True)
    surat_tugas_revision: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(index=True)
    cancelled_at: Mapped[datetime | None]
    # Why the chair cancelled it, as he typed it; shown wherever the cancellation is.
    cancel_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ActivityChange(Base):
    """A tracked change after confirmation (BPJS must hear of worker-list changes)."""

    __tablename__ = "activity_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)
    changed_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class Person(Base):
    __tablename__ = "persons"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nik_encrypted: Mapped[bytes] = mapped_column(LargeBinary)
    # Keyed hash (HMAC) of the NIK: finds a person without decrypting every row.
    nik_hash: Mapped[str] = mapped_column(String(64), unique=True)
    nik_masked: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(120))
    birth_date: Mapped[date] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(1))
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Set when the person was anonymised (erasure or retention): name, NIK and phone gone.
    anonymised_at: Mapped[datetime | None]


class Participation(Base):
    """A person on an activity's worker list; covered from `added_at` (or the activity's
    start) until `removed_at` (or its end)."""

    __tablename__ = "participations"
    __table_args__ = (
        Index("ix_participations_activity_person", "activity_id", "person_id"),
        # "Who is on a list now": the summary counts covered people from this alone.
        Index(
            "ix_participations_active",
            "activity_id",
            "person_id",
            sqlite_where=text("removed_at IS NULL"),
            postgresql_where=text("removed_at IS NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    daily_wage: Mapped[int | None] = mapped_column(BigInteger)
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    removed_at: Mapped[datetime | None]
    removed_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    # The name a Ketua RT typed for someone outside his RT's records: what he sees (lists,
    # surat tugas) instead of the stored name, which he may not learn (issue 12).
    entered_name: Mapped[str | None] = mapped_column(String(200))


class Incident(Base):
    __tablename__ = "incidents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activities.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), index=True)
    rt_id: Mapped[int | None] = mapped_column(ForeignKey("rts.id"), index=True)
    victim_name: Mapped[str] = mapped_column(String(120), default="")
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    place: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    severity: Mapped[str] = mapped_column(String(16))
    covered: Mapped[bool] = mapped_column(Boolean, default=False)
    reporter_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL")
    )
    reporter_name: Mapped[str] = mapped_column(String(120), default="")
    reporter_phone: Mapped[str | None] = mapped_column(String(20))
    reported_at: Mapped[datetime] = mapped_column(default=utcnow)
    # open -> reported (formal stage-I report filed with BPJS) -> closed
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    bpjs_reported_at: Mapped[datetime | None]
    bpjs_report_number: Mapped[str | None] = mapped_column(String(64))
    closed_at: Mapped[datetime | None]
    # Stage II: how BPJS settled the claim when the report was closed.
    outcome: Mapped[str | None] = mapped_column(String(24))
    outcome_note: Mapped[str] = mapped_column(Text, default="", server_default="")


class Conversation(Base):
    """Where one chat stands in its dialog; loaded and saved once per message."""

    __tablename__ = "conversations"
    __table_args__ = (UniqueConstraint("channel", "chat_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[str] = mapped_column(String(64))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    dialog: Mapped[str] = mapped_column(String(40), default="menu")
    step: Mapped[str] = mapped_column(String(40), default="start")
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    choices: Mapped[list[Any]] = mapped_column(default=list)
    history: Mapped[list[Any]] = mapped_column(default=list)
    last_text: Mapped[str] = mapped_column(Text, default="")
    # Unfinished work left by `menu`, by dialog (bot.core.unfinished): never a NIK.
    paused: Mapped[dict[str, Any]] = mapped_column(default=dict, server_default=text("'{}'"))
    # The chat's current one-minute burst (bot/domain/inbound.py: per-user rate limit).
    burst_started_at: Mapped[datetime | None]
    burst_count: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class KeyCheck(Base):
    """A known text encrypted with the NIK key: proves at start-up that the configured
    key is the one the data was encrypted with (storage.key_check). One row (`version`
    1); the key version is in the ciphertext's header, and a key rotation re-encrypts it
    first (storage.key_rotation)."""

    __tablename__ = "key_checks"
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    check_value: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ProcessedMessage(Base):
    """Message ids already handled: providers redeliver, we answer once."""

    __tablename__ = "processed_messages"
    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    message_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    processed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class OutboxMessage(Base):
    """A message to someone other than the sender, sent by the outbox worker."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_due", "status", "next_attempt_at"),
        # A chat's unsent reply copies, looked up on every message (orphans go first).
        Index(
            "ix_outbox_pending_replies",
            "channel",
            "chat_id",
            sqlite_where=text("status = 'pending' AND kind = 'reply'"),
            postgresql_where=text("status = 'pending' AND kind = 'reply'"),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(24), default="info")
    priority: Mapped[int] = mapped_column(Integer, default=5)
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # A key for messages the scheduler derives, so a restart never sends one twice.
    dedup_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    status: Mapped[str] = mapped_column(String(12), default=OutboxStatus.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_error: Mapped[str | None] = mapped_column(Text)
    provider_message_id: Mapped[str | None] = mapped_column(String(128), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    # The worker sending it now (storage/presence.py): a reply's writer, or the outbox
    # sender that leased it. None: nobody yet.
    owner: Mapped[int | None]


class SendPace(Base):
    """When a channel's next send may go, shared by every worker (storage/send_pace.py)."""

    __tablename__ = "send_pace"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    # Seconds since the epoch on the database server's clock, the one all workers share.
    next_at: Mapped[float] = mapped_column(Float)


class AuditEvent(Base):
    """Who looked up, changed or exported whose data, and when (UU 27/2022)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    actor: Mapped[str] = mapped_column(String(120), default="")
    action: Mapped[str] = mapped_column(String(40))
    subject_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), index=True
    )
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class AlertPreference(Base):
    """What an official wants to hear besides accidents (which always reach them)."""

    __tablename__ = "alert_preferences"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id", ondelete="CASCADE"), unique=True)
    # immediate | digest | off
    new_activities: Mapped[str] = mapped_column(String(12), default="digest")
    daily_summary: Mapped[bool] = mapped_column(Boolean, default=True)
    starting_without_participants: Mapped[bool] = mapped_column(Boolean, default=True)
    unidentified_chairs: Mapped[bool] = mapped_column(Boolean, default=True)
    correction_requests: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class CorrectionRequest(Base):
    """A person asking officials to correct the data held about them (UU 27/2022)."""

    __tablename__ = "correction_requests"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), index=True
    )
    message: Mapped[str] = mapped_column(Text)
    # open -> done | rejected
    status: Mapped[str] = mapped_column(String(12), default="open", index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    handled_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    handled_at: Mapped[datetime | None]
    note: Mapped[str] = mapped_column(Text, default="")


class Consent(Base):
    """Proof that a person or a chat was given the privacy notice of `notice_version`, or
    that someone consented on a person's behalf (UU 27/2022): `how` is `shown_in_chat`
    (first contact), `sent_with_coverage` (with the first coverage notice) or
    `guardian_via_chair` (a Ketua RT recorded a parent's or guardian's consent for a
    minor; `guardian` is their name and relationship as he typed it)."""

    __tablename__ = "consents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), index=True
    )
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activities.id", ondelete="SET NULL")
    )
    notice_version: Mapped[str] = mapped_column(String(32))
    how: Mapped[str] = mapped_column(String(24))
    given_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    guardian: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(default=utcnow)


class ErasureRequest(Base):
    """A person asking for their data to be erased (UU 27/2022), decided by an official in
    scope: open -> approved | refused. On approval what claims do not need is deleted at
    once; the rest is kept until `keep_until` and then anonymised (`anonymised_at`)."""

    __tablename__ = "erasure_requests"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(12), default="open", index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    handled_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    handled_at: Mapped[datetime | None]
    note: Mapped[str] = mapped_column(Text, default="")
    keep_until: Mapped[date | None] = mapped_column(Date)
    anonymised_at: Mapped[datetime | None]
