"""Retention (UU 27/2022, settings `retention.*`): finding and removing personal data
past its keeping period. Anonymising a person keeps their participation and accident
rows (the programme's insurance records and statistics) but replaces everything that
identifies them: name, NIK (hash, ciphertext, masked form), phone, the exact birth date
(the year stays, for age statistics), the victim name and description of their accident
reports, a guardian's name on their consents, their correction requests, and the details
of the audit events about them (the events stay: who did what, when)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Text, delete, exists, or_, select, update
from sqlalchemy import cast as sql_cast

from bot.core.messages import REPLY_KIND
from storage.models import (
    Activity,
    AuditEvent,
    Consent,
    Conversation,
    CorrectionRequest,
    ErasureRequest,
    Incident,
    OutboxMessage,
    Participation,
    Person,
)
from storage.nik_vault import NikVault
from storage.repositories._base import Repository

ANONYMOUS_NAME = "(anonim)"
ANONYMOUS_MASK = "****************"
# Marks an outbox payload whose content was dropped (only delivery keys stay).
DROPPED_KEY = "retention_dropped_at"
# What the delivery-status worker wrote into a payload: kept, it is not message content.
DELIVERY_KEYS = ("delivery", "template_required_at")
SENT = "sent"
_BATCH = 500


class RetentionRepository(Repository):
    def __init__(self, session: Any, vault: NikVault) -> None:
        super().__init__(session)
        self.vault = vault

    async def inactive_persons(self, ended_before: date, before: datetime) -> list[int]:
        """Persons not yet anonymised with no activity ending on or after `ended_before`,
        no list entry made and no accident on or after `before`; one on no list and in no
        report only when created before `before` (a person being entered is not yet on
        one)."""
        on_a_list = exists().where(Participation.person_id == Person.id)
        in_a_report = exists().where(Incident.person_id == Person.id)
        recent_activity = (
            exists()
            .where(Participation.person_id == Person.id)
            .where(Activity.id == Participation.activity_id)
            .where(or_(Activity.end_date >= ended_before, Participation.added_at >= before))
        )
        recent_incident = (
            exists().where(Incident.person_id == Person.id).where(Incident.occurred_at >= before)
        )
        query = select(Person.id).where(
            Person.anonymised_at.is_(None),
            or_(on_a_list, in_a_report, Person.created_at < before),
            ~recent_activity,
            ~recent_incident,
        )
        return list(await self.session.scalars(query.order_by(Person.id)))

    async def anonymise(self, person_id: int, at: datetime) -> bool:
        """Anonymise one person as the module says; False when already done or gone."""
        person = await self.session.get(Person, person_id)
        if person is None or person.anonymised_at is not None:
            return False
        person.name = ANONYMOUS_NAME
        # The ciphertext of an empty text: key rotation re-encrypts it like any other.
        person.nik_encrypted = self.vault.encrypt("")
        person.nik_hash = f"anonim:{person.id}"
        person.nik_masked = ANONYMOUS_MASK
        person.phone = None
        person.birth_date = date(person.birth_date.year, 1, 1)
        person.anonymised_at = at
        for statement in (
            update(Incident)
            .where(Incident.person_id == person_id)
            .values(victim_name="", description=""),
            update(Consent).where(Consent.person_id == person_id).values(guardian=""),
            update(Participation)
            .where(Participation.person_id == person_id)
            .values(entered_name=None),
            update(AuditEvent).where(AuditEvent.subject_person_id == person_id).values(detail={}),
            update(ErasureRequest)
            .where(ErasureRequest.person_id == person_id, ErasureRequest.anonymised_at.is_(None))
            .values(anonymised_at=at),
            delete(CorrectionRequest).where(CorrectionRequest.person_id == person_id),
        ):
            await self.session.execute(statement.execution_options(synchronize_session=False))
        await self.session.flush()
        return True

    async def delete_unreferenced(self, person_id: int) -> bool:
        """Delete the person if no participation or incident refers to them."""
        in_use = exists().where(Participation.person_id == Person.id) | exists().where(
            Incident.person_id == Person.id
        )
        return (await self._count(delete(Person).where(Person.id == person_id, ~in_use))) == 1

    async def delete_idle_conversations(self, before: datetime) -> int:
        return await self._count(delete(Conversation).where(Conversation.updated_at < before))

    async def drop_sent_payloads(self, before: datetime, at: datetime) -> int:
        """Drop the content of messages sent before `before` (the delivery keys stay);
        returns how many payloads were dropped."""
        dropped = 0
        while True:
            query = (
                select(OutboxMessage)
                .where(
                    OutboxMessage.status == SENT,
                    OutboxMessage.sent_at < before,
                    # A reply's copy lost its content when it was sent.
                    OutboxMessage.kind != REPLY_KIND,
                    ~sql_cast(OutboxMessage.payload, Text).like(f'%"{DROPPED_KEY}"%'),
                )
                .order_by(OutboxMessage.id)
                .limit(_BATCH)
            )
            batch = list(await self.session.scalars(query))
            for message in batch:
                kept = {k: v for k, v in (message.payload or {}).items() if k in DELIVERY_KEYS}
                message.payload = {**kept, DROPPED_KEY: at.isoformat()}
            await self.session.flush()
            dropped += len(batch)
            if len(batch) < _BATCH:
                return dropped

    async def drop_audit_details(self, before: datetime) -> int:
        """Empty the details of audit events older than `before`; returns how many."""
        statement = (
            update(AuditEvent)
            .where(AuditEvent.at < before, sql_cast(AuditEvent.detail, Text) != "{}")
            .values(detail={})
        )
        return await self._count(statement)

    async def _count(self, statement: Any) -> int:
        result = await self.session.execute(statement.execution_options(synchronize_session=False))
        await self.session.flush()
        return int(cast(CursorResult[Any], result).rowcount or 0)
