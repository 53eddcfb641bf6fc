"""The ports to storage: what the dialogs, use cases and workers may ask of the database,
as `typing.Protocol`s.

bot/ and handlers/ never import storage (tests/test_layering.py); they reach it through a
`UnitOfWork` handed to them (`ctx.services.uow`, `Run.uow`, a `UnitOfWorkFactory`). This
module owns the shape of that unit of work: one protocol per repository with the methods
the rest of the code calls, and one protocol per row it reads. storage/ satisfies them
structurally (its SQLAlchemy models and repositories never name these protocols as base
classes); bot/app.py, the composition root, assigns storage's factory to a
`UnitOfWorkFactory` annotation so the type checker proves the match.

Rows: the attributes the code only reads are read-only properties; the ones it changes in
place (the unit of work writes them on commit) are plain attributes. The exceptions are
the plain rows every message's path reads (`AccountRow`, `ConversationRow`, `Grant`,
`RtChair`: dataclasses and tuples, not ORM objects): nothing writes their changes on commit; the
repository methods that change them write at once (`accounts.set_phone`,
`conversations.save`, ...). A repository method added in storage/ is invisible to bot/
and handlers/ until it is declared here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple, Protocol

from bot.domain.scope import Scope

__all__ = [
    "Account",
    "AccountRepository",
    "AccountRow",
    "Activity",
    "ActivityChange",
    "ActivityRepository",
    "AlertPreference",
    "AlertPreferenceRepository",
    "AuditEvent",
    "AuditRepository",
    "Consent",
    "ConsentRepository",
    "Conversation",
    "ConversationRepository",
    "ConversationRow",
    "CorrectionRepository",
    "CorrectionRequest",
    "EncryptedNik",
    "Erased",
    "ErasureRepository",
    "ErasureRequest",
    "ExportActivity",
    "ExportPage",
    "ExportParticipation",
    "ExportRepository",
    "Grant",
    "Incident",
    "IncidentRepository",
    "IncidentRow",
    "Invite",
    "InviteRepository",
    "Kecamatan",
    "Kelurahan",
    "OutboxMessage",
    "OutboxRepository",
    "Participation",
    "ParticipationRepository",
    "Person",
    "PersonRepository",
    "ProcessedMessageRepository",
    "RegionRepository",
    "RetentionRepository",
    "Role",
    "RoleRepository",
    "Rt",
    "RtBudget",
    "RtChair",
    "RtRepository",
    "ScopedActivity",
    "StatisticsRepository",
    "StatusCount",
    "Texts",
    "UnitOfWork",
    "UnitOfWorkFactory",
]


# --- the text catalogue -------------------------------------------------------------------


class Texts(Protocol):
    """The text catalogue (handlers.catalogue.Catalogue): a template by language and key,
    filled with `values`."""

    def text(self, language: str, key: str, **values: Any) -> str: ...


# --- rows (storage.models) ----------------------------------------------------------------


class Kecamatan(Protocol):
    """A kecamatan (district) of the region table."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...


class Kelurahan(Protocol):
    """A kelurahan (urban village) of the region table."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def kecamatan_code(self) -> str: ...


class Rt(Protocol):
    """An RT of the official list, with its chair."""

    # Changed in place through the ports; the unit of work writes them on commit.
    chair_name: str
    chair_phone: str | None

    @property
    def id(self) -> int: ...
    @property
    def kelurahan_code(self) -> str: ...
    @property
    def number(self) -> int: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def updated_at(self) -> datetime: ...


class RtBudget(Protocol):
    """The yearly Kampung Bahagia budget of one RT, set by officials."""

    @property
    def id(self) -> int: ...
    @property
    def rt_id(self) -> int: ...
    @property
    def year(self) -> int: ...
    @property
    def amount(self) -> int: ...


class Account(Protocol):
    """One chat on one channel. `phone` is set only when the channel verified it."""

    # Changed in place through the ports; the unit of work writes them on commit.
    phone: str | None
    language: str
    opted_out: bool
    privacy_noticed_at: datetime | None
    last_inbound_at: datetime | None

    @property
    def id(self) -> int: ...
    @property
    def channel(self) -> str: ...
    @property
    def chat_id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def created_at(self) -> datetime: ...


@dataclass(slots=True)
class AccountRow:
    """An account as every message reads it (a plain row, see the module): its changes are
    written by `accounts.set_phone`, `accounts.touch_inbound` and `accounts.noticed`."""

    id: int
    channel: str
    chat_id: str
    phone: str | None
    name: str
    language: str
    opted_out: bool
    privacy_noticed_at: datetime | None
    last_inbound_at: datetime | None
    created_at: datetime


class Role(Protocol):
    """A role granted to a phone number (officials, admins) or to one account (an RT
    chair who came in with an invite code). Scope: `kota` (whole city, no code),
    `kecamatan` / `kelurahan` (a region code) or `rt` (an RT id)."""

    @property
    def id(self) -> int: ...
    @property
    def role(self) -> str: ...
    @property
    def phone(self) -> str | None: ...
    @property
    def account_id(self) -> int | None: ...
    @property
    def name(self) -> str: ...
    @property
    def scope_kind(self) -> str: ...
    @property
    def scope_code(self) -> str | None: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def created_by(self) -> int | None: ...


class Grant(NamedTuple):
    """What a role grants its holder: read with the chat on every message (who is talking)."""

    role: str
    name: str
    scope_kind: str
    scope_code: str | None


class RtChair(NamedTuple):
    """An RT whose chair has a given phone number: who is talking, on every message."""

    rt_id: int
    chair_name: str


class Invite(Protocol):
    """A one-time code an official gives a Ketua RT who cannot be recognised by phone."""

    # Changed in place through the ports; the unit of work writes them on commit.
    used_at: datetime | None
    used_by: int | None

    @property
    def id(self) -> int: ...
    @property
    def code(self) -> str: ...
    @property
    def rt_id(self) -> int: ...
    @property
    def created_by(self) -> int | None: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def expires_at(self) -> datetime: ...


class Activity(Protocol):
    """An RT activity registered for coverage: draft -> confirmed -> (cancelled | ended)."""

    # Changed in place through the ports; the unit of work writes them on commit.
    number: str | None
    year: int
    start_date: date
    end_date: date
    value: int
    premium_jkk: int
    premium_jkm: int
    premium_total: int
    status: str
    surat_tugas_number: str | None
    surat_tugas_revision: int
    confirmed_at: datetime | None
    cancelled_at: datetime | None
    updated_at: datetime
    # Why the Ketua RT cancelled it ("" before issue 11, or while not cancelled).
    cancel_reason: str

    @property
    def id(self) -> int: ...
    @property
    def rt_id(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def place(self) -> str: ...
    @property
    def latitude(self) -> float | None: ...
    @property
    def longitude(self) -> float | None: ...
    @property
    def value_includes_ppn(self) -> bool: ...
    @property
    def created_by(self) -> int | None: ...
    @property
    def created_at(self) -> datetime: ...


class ActivityChange(Protocol):
    """A tracked change after confirmation (BPJS must hear of worker-list changes)."""

    @property
    def id(self) -> int: ...
    @property
    def activity_id(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def detail(self) -> dict[str, Any]: ...
    @property
    def changed_by(self) -> int | None: ...
    @property
    def changed_at(self) -> datetime: ...


class Person(Protocol):
    """A resident on worker lists; the NIK only encrypted, hashed and masked."""

    # Changed in place through the ports; the unit of work writes them on commit.
    name: str
    phone: str | None

    @property
    def id(self) -> int: ...
    @property
    def nik_encrypted(self) -> bytes: ...
    @property
    def nik_hash(self) -> str: ...
    @property
    def nik_masked(self) -> str: ...
    @property
    def birth_date(self) -> date: ...
    @property
    def sex(self) -> str: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def updated_at(self) -> datetime: ...
    # Set once the person was anonymised (erasure or retention).
    @property
    def anonymised_at(self) -> datetime | None: ...


class Participation(Protocol):
    """A person on an activity's worker list; covered from `added_at` (or the activity's
    start) until `removed_at` (or its end)."""

    # Changed in place through the ports; the unit of work writes them on commit.
    removed_at: datetime | None
    removed_by: int | None
    # A tracked change after confirmation may give the person another role.
    role: str

    @property
    def id(self) -> int: ...
    @property
    def activity_id(self) -> int: ...
    @property
    def person_id(self) -> int: ...
    @property
    def daily_wage(self) -> int | None: ...
    @property
    def added_at(self) -> datetime: ...
    @property
    def entered_name(self) -> str | None: ...
    @property
    def added_by(self) -> int | None: ...


class Incident(Protocol):
    """An accident report: open -> reported (stage-I report to BPJS) -> closed."""

    @property
    def id(self) -> int: ...
    @property
    def reference(self) -> str: ...
    @property
    def activity_id(self) -> int | None: ...
    @property
    def person_id(self) -> int | None: ...
    @property
    def rt_id(self) -> int | None: ...
    @property
    def victim_name(self) -> str: ...
    @property
    def occurred_at(self) -> datetime: ...
    @property
    def place(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def covered(self) -> bool: ...
    @property
    def reporter_account_id(self) -> int | None: ...
    @property
    def reporter_name(self) -> str: ...
    @property
    def reporter_phone(self) -> str | None: ...
    @property
    def reported_at(self) -> datetime: ...
    @property
    def status(self) -> str: ...
    @property
    def bpjs_reported_at(self) -> datetime | None: ...
    @property
    def bpjs_report_number(self) -> str | None: ...
    @property
    def closed_at(self) -> datetime | None: ...
    @property
    def outcome(self) -> str | None: ...
    @property
    def outcome_note(self) -> str: ...


class Conversation(Protocol):
    """Where one chat stands in its dialog; loaded and saved once per message."""

    # Changed in place through the ports; the unit of work writes them on commit.
    account_id: int | None
    dialog: str
    step: str
    data: dict[str, Any]
    choices: list[Any]
    history: list[Any]
    last_text: str
    paused: dict[str, Any]
    burst_started_at: datetime | None
    burst_count: int
    updated_at: datetime

    @property
    def id(self) -> int: ...
    @property
    def channel(self) -> str: ...
    @property
    def chat_id(self) -> str: ...
    @property
    def version(self) -> int: ...


@dataclass(slots=True)
class ConversationRow:
    """A conversation as every message reads it (a plain row, see the module): written by
    `conversations.save` only."""

    id: int
    channel: str
    chat_id: str
    account_id: int | None
    dialog: str
    step: str
    data: dict[str, Any]
    choices: list[Any]
    history: list[Any]
    last_text: str
    paused: dict[str, Any]
    burst_started_at: datetime | None
    burst_count: int
    version: int
    updated_at: datetime


class OutboxMessage(Protocol):
    """A message to someone other than the sender, sent by the outbox worker."""

    # Changed in place through the ports; the unit of work writes them on commit.
    payload: dict[str, Any]
    status: str
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    provider_message_id: str | None
    sent_at: datetime | None

    @property
    def id(self) -> int: ...
    @property
    def account_id(self) -> int: ...
    @property
    def channel(self) -> str: ...
    @property
    def chat_id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def priority(self) -> int: ...
    @property
    def dedup_key(self) -> str | None: ...
    @property
    def created_at(self) -> datetime: ...


class AuditEvent(Protocol):
    """Who looked up, changed or exported whose data, and when (UU 27/2022)."""

    # Changed in place through the ports; the unit of work writes them on commit.
    at: datetime

    @property
    def id(self) -> int: ...
    @property
    def actor_account_id(self) -> int | None: ...
    @property
    def actor(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def subject_person_id(self) -> int | None: ...
    @property
    def detail(self) -> dict[str, Any]: ...


class AlertPreference(Protocol):
    """What an official wants to hear besides accidents (which always reach them)."""

    @property
    def id(self) -> int: ...
    @property
    def role_id(self) -> int: ...
    @property
    def new_activities(self) -> str: ...
    @property
    def daily_summary(self) -> bool: ...
    @property
    def starting_without_participants(self) -> bool: ...
    @property
    def unidentified_chairs(self) -> bool: ...
    @property
    def updated_at(self) -> datetime: ...
    @property
    def correction_requests(self) -> bool: ...


class CorrectionRequest(Protocol):
    """A person asking officials to correct the data held about them (UU 27/2022)."""

    @property
    def id(self) -> int: ...
    @property
    def account_id(self) -> int | None: ...
    @property
    def person_id(self) -> int | None: ...
    @property
    def message(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def handled_by(self) -> int | None: ...
    @property
    def handled_at(self) -> datetime | None: ...
    @property
    def note(self) -> str: ...


class Consent(Protocol):
    """Which privacy notice version a person or chat was given, when and how, or a
    guardian's consent for a minor recorded by a Ketua RT (UU 27/2022)."""

    @property
    def id(self) -> int: ...
    @property
    def person_id(self) -> int | None: ...
    @property
    def account_id(self) -> int | None: ...
    @property
    def activity_id(self) -> int | None: ...
    @property
    def notice_version(self) -> str: ...
    @property
    def how(self) -> str: ...
    @property
    def given_by(self) -> int | None: ...
    @property
    def guardian(self) -> str: ...
    @property
    def at(self) -> datetime: ...


class ErasureRequest(Protocol):
    """A person asking for their data to be erased: open -> approved | refused."""

    @property
    def id(self) -> int: ...
    @property
    def account_id(self) -> int | None: ...
    @property
    def person_id(self) -> int | None: ...
    @property
    def status(self) -> str: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def handled_by(self) -> int | None: ...
    @property
    def handled_at(self) -> datetime | None: ...
    @property
    def note(self) -> str: ...
    @property
    def keep_until(self) -> date | None: ...
    @property
    def anonymised_at(self) -> datetime | None: ...


# --- records the repositories build -------------------------------------------------------


class ScopedActivity(NamedTuple):
    """A row of an official's activity list."""

    activity: Activity
    rt: Rt
    kelurahan: Kelurahan
    people: int


class StatusCount(NamedTuple):
    """One shown status: how many activities, how many distinct RTs they belong to, and the
    premium of its confirmed activities starting in the month and in the year."""

    status: str
    activities: int
    rts: int
    premium_month: int
    premium_year: int


# One row of the Insiden list: the incident with its RT, kelurahan and victim (each None
# when unknown).
IncidentRow = tuple[Incident, Rt | None, Kelurahan | None, Person | None]


class EncryptedNik(Protocol):
    """Anything carrying an encrypted NIK: a `Person`, or an export row read with
    `full_nik`."""

    @property
    def nik_encrypted(self) -> bytes: ...


class ExportActivity(Protocol):
    """An activity of an export page, with its place's names (plain columns, not a row
    object: see storage.repositories.exports)."""

    @property
    def id(self) -> int: ...
    @property
    def number(self) -> str | None: ...
    @property
    def title(self) -> str: ...
    @property
    def start_date(self) -> date: ...
    @property
    def end_date(self) -> date: ...
    @property
    def value(self) -> int: ...
    @property
    def value_includes_ppn(self) -> bool: ...
    @property
    def premium_jkk(self) -> int: ...
    @property
    def premium_jkm(self) -> int: ...
    @property
    def premium_total(self) -> int: ...
    @property
    def surat_tugas_number(self) -> str | None: ...
    @property
    def status(self) -> str: ...
    # Never None: an export reads only activities that were confirmed.
    @property
    def confirmed_at(self) -> datetime: ...
    @property
    def cancelled_at(self) -> datetime | None: ...
    @property
    def rt_number(self) -> int: ...
    @property
    def chair_name(self) -> str: ...
    @property
    def chair_phone(self) -> str | None: ...
    @property
    def kelurahan(self) -> str: ...
    @property
    def kecamatan(self) -> str: ...


class ExportParticipation(Protocol):
    """A participation of an export page with its person's data; `nik_encrypted` is
    present only with `full_nik`, `nik_masked` only without."""

    @property
    def id(self) -> int: ...
    @property
    def activity_id(self) -> int: ...
    @property
    def role(self) -> str: ...
    @property
    def daily_wage(self) -> int | None: ...
    @property
    def added_at(self) -> datetime: ...
    @property
    def removed_at(self) -> datetime | None: ...
    @property
    def nik_encrypted(self) -> bytes: ...
    @property
    def nik_masked(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def birth_date(self) -> date: ...
    @property
    def sex(self) -> str: ...
    @property
    def phone(self) -> str | None: ...


class ExportPage(Protocol):
    """Activities keyed by id and their participations, in activity then participation
    order."""

    @property
    def activities(self) -> Mapping[int, ExportActivity]: ...
    @property
    def participations(self) -> Sequence[ExportParticipation]: ...


class Erased(Protocol):
    """What approving an erasure did (storage.repositories.erasures.Erased)."""

    @property
    def person_deleted(self) -> bool: ...
    @property
    def participations_deleted(self) -> int: ...
    @property
    def corrections_deleted(self) -> int: ...
    @property
    def participations_kept(self) -> int: ...
    @property
    def incidents_kept(self) -> int: ...


# --- repositories (storage.repositories) --------------------------------------------------
# Only the methods bot/ and handlers/ call; each is documented on storage's implementation.


class AccountRepository(Protocol):
    """`uow.accounts` (storage.repositories.accounts)."""

    async def get(self, account_id: int) -> Account | None: ...
    async def get_or_create(
        self, channel: str, chat_id: str, name: str = ""
    ) -> tuple[Account, bool]: ...
    async def create(
        self, channel: str, chat_id: str, name: str, language: str, phone: str | None, at: datetime
    ) -> None: ...
    async def by_phone(self, phone: str) -> Sequence[Account]: ...
    async def set_phone(self, account: Account, phone: str | None) -> None: ...
    async def touch_inbound(self, account: Account, at: datetime) -> None: ...
    async def noticed(self, account: Account, at: datetime) -> None: ...


class ActivityRepository(Protocol):
    """`uow.activities` (storage.repositories.activities)."""

    async def get(self, activity_id: int) -> Activity | None: ...
    async def list_for_rt(self, rt_id: int) -> Sequence[Activity]: ...
    async def create_draft(
        self,
        *,
        rt_id: int,
        title: str,
        kind: str,
        place: str,
        latitude: float | None,
        longitude: float | None,
        start_date: date,
        end_date: date,
        value: int,
        value_includes_ppn: bool,
        premium_jkk: int,
        premium_jkm: int,
        premium_total: int,
        created_by: int | None,
        created_at: datetime,
    ) -> Activity: ...
    async def by_number(self, number: str) -> Activity | None: ...
    async def drafts_for_rts(self, rt_ids: Iterable[int]) -> Sequence[Activity]: ...
    async def budget_used(self, rt_id: int, year: int, exclude_id: int | None = None) -> int: ...
    async def value_by_status(
        self, rt_id: int, year: int, exclude_id: int | None = None
    ) -> dict[str, int]: ...
    async def assign_number(self, activity: Activity, prefix: str, digits: int = 5) -> str: ...
    async def surat_tugas_numbers_like(self, pattern: str) -> list[str]: ...
    async def delete_draft(self, activity: Activity) -> None: ...
    async def record_change(
        self,
        activity: Activity,
        kind: str,
        detail: dict[str, Any],
        changed_by: int | None,
        at: datetime,
    ) -> ActivityChange: ...
    async def changes(self, activity_id: int) -> Sequence[ActivityChange]: ...
    async def search_in_scope(
        self,
        scope: Scope,
        today: date,
        *,
        status: str | None = None,
        kelurahan_code: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> Sequence[ScopedActivity]: ...
    async def get_in_scope(self, activity_id: int, scope: Scope) -> Activity | None: ...
    async def count_in_scope(
        self,
        scope: Scope,
        today: date,
        *,
        status: str | None = None,
        kelurahan_code: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
    ) -> int: ...
    async def by_number_in_scope(self, number: str, scope: Scope) -> Activity | None: ...
    async def count_changes(self, activity_id: int) -> int: ...


class AuditRepository(Protocol):
    """`uow.audit` (storage.repositories.audit)."""

    async def record(
        self,
        action: str,
        *,
        actor_account_id: int | None = None,
        actor: str = "",
        subject_person_id: int | None = None,
        detail: dict[str, Any] | None = None,
        at: datetime | None = None,
    ) -> AuditEvent: ...
    async def page(
        self,
        offset: int = 0,
        limit: int = 15,
        actor_account_ids: Sequence[int] | None = None,
        subject_person_id: int | None = None,
    ) -> Sequence[AuditEvent]: ...
    async def count(self, action: str, actor_account_id: int, since: datetime) -> int: ...
    async def moments(
        self, action: str, actor_account_id: int, since: datetime
    ) -> list[datetime]: ...


class Loaded(NamedTuple):
    """A chat as a message finds it: `orphaned` — it has replies of a dead worker; the
    grants of the account and of its phone, and the RTs that phone chairs (by id)."""

    account: AccountRow | None
    conversation: ConversationRow | None
    orphaned: bool
    grants: tuple[Grant, ...] = ()
    chairs: tuple[RtChair, ...] = ()


class ConversationRepository(Protocol):
    """`uow.conversations` (storage.repositories.conversations)."""

    async def hold(self, channel: str, chat_id: str) -> None: ...
    async def load(self, channel: str, chat_id: str, worker: int | None = None) -> Loaded: ...
    async def start(
        self, channel: str, chat_id: str, account_id: int, at: datetime
    ) -> ConversationRow: ...
    async def save(self, conversation: Conversation, expected_version: int) -> None: ...


class CorrectionRepository(Protocol):
    """`uow.corrections` (storage.repositories.corrections)."""

    async def add(
        self, *, account_id: int | None, person_id: int | None, message: str, created_at: datetime
    ) -> CorrectionRequest: ...
    async def for_persons(self, person_ids: Sequence[int]) -> Sequence[CorrectionRequest]: ...
    async def get(self, request_id: int) -> CorrectionRequest | None: ...
    async def handle(
        self, request: CorrectionRequest, status: str, by: int | None, at: datetime, note: str = ""
    ) -> bool: ...
    async def open_in_scope(
        self,
        kecamatan_codes: Sequence[str] = (),
        kelurahan_codes: Sequence[str] = (),
        city_wide: bool = False,
    ) -> Sequence[CorrectionRequest]: ...


class ExportRepository(Protocol):
    """`uow.exports` (storage.repositories.exports)."""

    def pages(
        self,
        scope: Scope,
        start: date,
        end: date,
        *,
        full_nik: bool,
        activities_per_page: int = ...,
    ) -> AsyncIterator[ExportPage]: ...


class IncidentRepository(Protocol):
    """`uow.incidents` (storage.repositories.incidents)."""

    async def report(self, day: date, **fields: object) -> Incident: ...
    async def get(self, incident_id: int) -> Incident | None: ...
    async def by_reference(self, reference: str) -> Incident | None: ...
    async def worker_list_rows(
        self, person_id: int, activity_id: int | None = None
    ) -> Sequence[tuple[Participation, Activity]]: ...
    async def active_in_scope(
        self,
        kecamatan_codes: Sequence[str] = (),
        kelurahan_codes: Sequence[str] = (),
        city_wide: bool = False,
        offset: int = 0,
        limit: int | None = None,
    ) -> Sequence[IncidentRow]: ...
    async def count_active_in_scope(
        self,
        kecamatan_codes: Sequence[str] = (),
        kelurahan_codes: Sequence[str] = (),
        city_wide: bool = False,
    ) -> int: ...
    async def in_scope(
        self,
        incident_id: int,
        kecamatan_codes: Sequence[str] = (),
        kelurahan_codes: Sequence[str] = (),
        city_wide: bool = False,
    ) -> bool: ...
    async def mark_reported(self, incident: Incident, report_number: str, at: datetime) -> bool: ...
    async def close(
        self,
        incident: Incident,
        at: datetime,
        outcome: str | None = None,
        outcome_note: str = "",
    ) -> bool: ...
    async def open_occurred_between(
        self, earliest: datetime, latest: datetime
    ) -> Sequence[tuple[Incident, Rt | None]]: ...
    async def open_counts_in_scope(
        self,
        overdue_before: datetime,
        kecamatan_codes: Sequence[str] = (),
        kelurahan_codes: Sequence[str] = (),
        city_wide: bool = False,
    ) -> tuple[int, int]: ...
    async def reported_before(self, latest: datetime) -> Sequence[tuple[Incident, Rt | None]]: ...


class InviteRepository(Protocol):
    """`uow.invites` (storage.repositories.invites)."""

    async def create(
        self, rt_id: int, code: str, expires_at: datetime, created_by: int | None
    ) -> Invite: ...
    async def find(self, code: str) -> Invite | None: ...
    async def claim(self, invite: Invite, account_id: int, at: datetime) -> bool: ...
    async def record_failure(
        self, account_id: int, code: str, outcome: str, at: datetime
    ) -> None: ...
    async def failures_after(self, account_id: int, since: datetime) -> list[datetime]: ...


class OutboxRepository(Protocol):
    """`uow.outbox` (storage.repositories.outbox)."""

    async def enqueue(
        self,
        *,
        account_id: int,
        channel: str,
        chat_id: str,
        payload: dict[str, Any],
        kind: str = "info",
        priority: int = 5,
        dedup_key: str | None = None,
        not_before: datetime | None = None,
        created_at: datetime | None = None,
    ) -> OutboxMessage | None: ...
    async def keep_replies(
        self,
        *,
        account_id: int,
        channel: str,
        chat_id: str,
        payloads: Sequence[dict[str, Any]],
        not_before: datetime,
        created_at: datetime,
        owner: int,
    ) -> list[int]: ...
    async def take_orphans(
        self, channel: str, chat_id: str, me: int, until: datetime
    ) -> list[tuple[int, dict[str, Any]]]: ...
    async def release_orphans(self, me: int, now: datetime, replies_before: datetime) -> int: ...
    def opened(self, message: OutboxMessage) -> dict[str, Any]: ...
    async def get(self, message_id: int) -> OutboxMessage | None: ...
    async def by_provider_id(self, provider_message_id: str) -> OutboxMessage | None: ...
    async def due(self, now: datetime, limit: int) -> Sequence[OutboxMessage]: ...
    async def backlog(self, now: datetime) -> tuple[int, datetime | None]: ...
    async def lease(
        self, message_id: int, now: datetime, until: datetime, owner: int
    ) -> OutboxMessage | None: ...
    async def mark_sent(
        self, message: OutboxMessage, at: datetime, provider_message_id: str | None = None
    ) -> None: ...
    async def mark_replies_sent(self, message_ids: Sequence[int], at: datetime) -> None: ...
    async def mark_retry(
        self, message: OutboxMessage, error: str, next_attempt_at: datetime
    ) -> None: ...
    async def mark_failed(self, message: OutboxMessage, error: str) -> None: ...
    async def count_by_status(self, replies: bool = False) -> dict[str, int]: ...
    async def enqueue_many(
        self, messages: Sequence[dict[str, Any]], not_before: datetime | None = None
    ) -> int: ...
    async def latest_failed(self, limit: int = 5) -> Sequence[OutboxMessage]: ...


class ParticipationRepository(Protocol):
    """`uow.participations` (storage.repositories.participations)."""

    async def add(
        self,
        *,
        activity_id: int,
        person_id: int,
        role: str,
        daily_wage: int | None = None,
        added_by: int | None = None,
        added_at: datetime | None = None,
        entered_name: str | None = None,
    ) -> Participation: ...
    async def get(self, participation_id: int) -> Participation | None: ...
    async def for_activity(
        self, activity_id: int, include_removed: bool = False
    ) -> Sequence[Participation]: ...
    async def active_for(self, activity_id: int, person_id: int) -> Participation | None: ...
    async def first_rt_id(self, person_id: int) -> int | None: ...
    async def active_person_ids(self, activity_id: int) -> set[int]: ...
    async def count_for_activity(self, activity_id: int) -> int: ...
    async def listed(
        self, activity_id: int, offset: int = 0, limit: int | None = None
    ) -> Sequence[tuple[Participation, Person]]: ...
    async def remove(self, participation: Participation, by: int | None, at: datetime) -> None: ...
    async def delete(self, participation: Participation) -> None: ...
    async def of_persons(
        self, person_ids: Sequence[int]
    ) -> Sequence[tuple[Participation, Activity]]: ...
    async def worker_list(
        self, activity_id: int, offset: int = 0, limit: int | None = None
    ) -> Sequence[tuple[Participation, Person]]: ...
    async def count_active_and_removed(self, activity_id: int) -> tuple[int, int]: ...


class PersonRepository(Protocol):
    """`uow.persons` (storage.repositories.persons)."""

    async def get(self, person_id: int) -> Person | None: ...
    async def find_by_nik(self, nik: str) -> Person | None: ...
    async def find_by_niks(self, niks: Iterable[str]) -> Mapping[str, Person]: ...
    async def add(
        self, nik_value: str, name: str, birth_date: date, sex: str, phone: str | None = None
    ) -> Person: ...
    async def update_name(self, person: Person, name: str) -> None: ...
    async def update_phone(self, person: Person, phone: str | None) -> None: ...
    async def update_birth_date(self, person: Person, birth_date: date) -> None: ...
    async def update_sex(self, person: Person, sex: str) -> None: ...
    def reveal_nik(self, person: EncryptedNik) -> str: ...
    async def by_phone(self, phone: str) -> Sequence[Person]: ...
    async def incidents_about(self, person_ids: Sequence[int]) -> Sequence[Incident]: ...
    async def remove_if_unused(self, person_id: int) -> bool: ...
    async def delete_unused(self, created_before: datetime) -> int: ...


class AlertPreferenceRepository(Protocol):
    """`uow.preferences` (storage.repositories.preferences)."""

    async def for_role(self, role_id: int) -> AlertPreference: ...
    async def update(
        self, role_id: int, at: datetime, **changes: str | bool
    ) -> AlertPreference: ...
    async def grants_with_preferences(
        self, roles: Sequence[str]
    ) -> Sequence[tuple[Role, AlertPreference]]: ...
    async def queued_keys(self, keys: Iterable[str]) -> set[str]: ...
    async def confirmed_between(
        self, start: datetime, end: datetime
    ) -> Sequence[tuple[Activity, Rt, int]]: ...
    async def starting_uncovered(self, day: date) -> Sequence[tuple[Activity, Rt, int]]: ...
    async def ending_on(self, day: date) -> Sequence[tuple[Activity, Rt]]: ...


class ProcessedMessageRepository(Protocol):
    """`uow.processed` (storage.repositories.processed)."""

    async def claim(self, channel: str, message_id: str, at: datetime) -> bool: ...
    async def prune(self, before: datetime) -> int: ...


class RegionRepository(Protocol):
    """`uow.regions` (storage.repositories.regions)."""

    async def seed(self, kecamatan: Iterable[Kecamatan], kelurahan: Iterable[Kelurahan]) -> int: ...
    async def list_kecamatan(self) -> Sequence[Kecamatan]: ...
    async def list_kelurahan(self, kecamatan_code: str | None = None) -> Sequence[Kelurahan]: ...
    async def get_kecamatan(self, code: str) -> Kecamatan | None: ...
    async def get_kelurahan(self, code: str) -> Kelurahan | None: ...


class RoleRepository(Protocol):
    """`uow.roles` (storage.repositories.roles)."""

    async def for_account(self, account: Account) -> Sequence[Role]: ...
    async def grant(
        self,
        role: str,
        *,
        phone: str | None = None,
        account_id: int | None = None,
        name: str = "",
        scope_kind: str = "kota",
        scope_code: str | None = None,
        created_by: int | None = None,
    ) -> Role: ...
    async def get(self, role_id: int) -> Role | None: ...
    async def revoke(self, role_id: int) -> bool: ...
    async def list(self, role: str | None = None) -> Sequence[Role]: ...
    async def officials(self) -> Sequence[Role]: ...
    async def for_phone(self, phone: str) -> Sequence[Role]: ...
    async def count(self, role: str) -> int: ...


class RtRepository(Protocol):
    """`uow.rts` (storage.repositories.rts)."""

    async def get(self, rt_id: int) -> Rt | None: ...
    async def find(self, kelurahan_code: str, number: int) -> Rt | None: ...
    async def by_chair_phone(self, phone: str) -> Sequence[Rt]: ...
    async def add(
        self, kelurahan_code: str, number: int, chair_name: str, chair_phone: str | None = None
    ) -> Rt: ...
    async def list(
        self, kelurahan_code: str | None = None, kecamatan_code: str | None = None
    ) -> Sequence[Rt]: ...
    async def count_in_scope(self, scope: Scope) -> int: ...
    async def budget(self, rt_id: int, year: int, default: int) -> int: ...
    async def explicit_budget(self, rt_id: int, year: int) -> int | None: ...
    async def budgets_for_year(self, year: int) -> dict[int, int]: ...
    async def set_budget(self, rt_id: int, year: int, amount: int) -> RtBudget: ...
    async def chair_accounts(self, kecamatan_code: str | None = None) -> Sequence[Account]: ...


class StatisticsRepository(Protocol):
    """`uow.statistics` (storage.repositories.statistics)."""

    async def by_status(
        self, scope: Scope, today: date, month: tuple[date, date], year: int
    ) -> Sequence[StatusCount]: ...
    async def people_covered(self, scope: Scope, today: date) -> int: ...
    async def open_incidents(self, scope: Scope) -> int: ...
    async def confirmed_by_region(
        self, scope: Scope, today: date, year: int, by: str
    ) -> dict[str, int]: ...
    async def coverage_by_region(
        self, scope: Scope, today: date, year: int, by: str
    ) -> dict[str, tuple[int, int]]: ...


class ConsentRepository(Protocol):
    """`uow.consents` (storage.repositories.consents)."""

    async def record(
        self,
        *,
        how: str,
        notice_version: str,
        at: datetime,
        person_id: int | None = None,
        account_id: int | None = None,
        activity_id: int | None = None,
        given_by: int | None = None,
        guardian: str = "",
    ) -> Consent: ...
    async def has(self, person_id: int, how: str) -> bool: ...
    async def of(
        self, person_ids: Sequence[int], account_id: int | None = None
    ) -> Sequence[Consent]: ...


class ErasureRepository(Protocol):
    """`uow.erasures` (storage.repositories.erasures)."""

    async def add(
        self, *, account_id: int | None, person_id: int, created_at: datetime
    ) -> ErasureRequest: ...
    async def get(self, request_id: int) -> ErasureRequest | None: ...
    async def for_persons(self, person_ids: Sequence[int]) -> Sequence[ErasureRequest]: ...
    async def open_in_scope(
        self,
        kecamatan_codes: Sequence[str] = (),
        kelurahan_codes: Sequence[str] = (),
        city_wide: bool = False,
    ) -> Sequence[ErasureRequest]: ...
    async def decide(
        self,
        request: ErasureRequest,
        status: str,
        by: int | None,
        at: datetime,
        note: str = "",
        keep_until: date | None = None,
    ) -> bool: ...
    async def claims_records(self, person_id: int) -> tuple[int, int]: ...
    async def erase(self, person_id: int) -> Erased: ...
    async def due(self, today: date) -> Sequence[ErasureRequest]: ...


class RetentionRepository(Protocol):
    """`uow.retention` (storage.repositories.retention)."""

    async def inactive_persons(self, ended_before: date, before: datetime) -> Sequence[int]: ...
    async def anonymise(self, person_id: int, at: datetime) -> bool: ...
    async def delete_unreferenced(self, person_id: int) -> bool: ...
    async def delete_idle_conversations(self, before: datetime) -> int: ...
    async def drop_sent_payloads(self, before: datetime, at: datetime) -> int: ...
    async def drop_audit_details(self, before: datetime) -> int: ...


# --- the unit of work (storage.uow) -------------------------------------------------------


class UnitOfWork(Protocol):
    """One transaction: the repositories, and `commit` / `rollback` / `flush`. What was not
    committed when its `async with` block ends is rolled back."""

    @property
    def regions(self) -> RegionRepository: ...
    @property
    def rts(self) -> RtRepository: ...
    @property
    def accounts(self) -> AccountRepository: ...
    @property
    def roles(self) -> RoleRepository: ...
    @property
    def invites(self) -> InviteRepository: ...
    @property
    def conversations(self) -> ConversationRepository: ...
    @property
    def processed(self) -> ProcessedMessageRepository: ...
    @property
    def outbox(self) -> OutboxRepository: ...
    @property
    def audit(self) -> AuditRepository: ...
    @property
    def persons(self) -> PersonRepository: ...
    @property
    def activities(self) -> ActivityRepository: ...
    @property
    def participations(self) -> ParticipationRepository: ...
    @property
    def incidents(self) -> IncidentRepository: ...
    @property
    def preferences(self) -> AlertPreferenceRepository: ...
    @property
    def corrections(self) -> CorrectionRepository: ...
    @property
    def statistics(self) -> StatisticsRepository: ...
    @property
    def exports(self) -> ExportRepository: ...
    @property
    def consents(self) -> ConsentRepository: ...
    @property
    def erasures(self) -> ErasureRepository: ...
    @property
    def retention(self) -> RetentionRepository: ...

    async def commit(self) -> None:
        """Write everything staged so far; the unit of work stays usable."""

    async def rollback(self) -> None:
        """Discard everything staged since the last commit."""

    async def flush(self) -> None:
        """Send what is staged to the database inside the transaction (ids, constraints)."""


class UnitOfWorkFactory(Protocol):
    """`async with factory() as uow: ...; await uow.commit()`: a fresh unit of work per
    message or per job round."""

    def __call__(self) -> AbstractAsyncContextManager[UnitOfWork]: ...
    def single(self) -> AbstractAsyncContextManager[UnitOfWork]: ...
