"""The retention job with the settable clock: what each retention setting removes and
when, what remains (the rows insurance claims and statistics need, anonymised), that a
second run finds nothing, that an approved erasure's claims records are anonymised when
their keeping period ends, and that the log line has counts and no personal data."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.app import App
from bot.workers.jobs.base import Run
from bot.workers.jobs.retention import Counts, retention
from bot.workers.scheduler import Scheduler
from storage.models import AuditEvent, Conversation, Incident, OutboxMessage, Participation
from support.activity_helpers import SITI
from support.chat import Chat, Clock
from support.coverage import SITI_PHONE
from support.rights import asks_erasure, siti, siti_with_history
from support.seeding import SeededRt


async def run_retention(app: App, clock: Clock) -> Counts:
    async with app.uow_factory() as uow:
        counts = await retention(Run(uow, clock.now, app.texts, app.settings))
        await uow.commit()
    return counts


async def rows(app: App, model: Any) -> list[Any]:
    async with app.uow_factory() as uow:
        return list(await uow.session.scalars(select(model).order_by(model.id)))


async def sent_message(app: App, clock: Clock) -> int:
    """A message to Siti's chat, sent now."""
    async with app.uow_factory() as uow:
        account, _ = await uow.accounts.get_or_create("whatsapp", "warga-1", "Siti")
        message = await uow.outbox.enqueue(
            account_id=account.id, channel="whatsapp", chat_id="warga-1",
            payload={"text": "Halo Siti Aminah"}, kind="info", dedup_key="t:1",
        )  # fmt: skip
        assert message is not None
        await uow.outbox.mark_sent(message, clock.now, "wamid.1")
        message.payload = {**message.payload, "delivery": "read"}
        await uow.commit()
        return int(message.id)


# The JSON comparisons of the retention queries differ by backend: both are run.
@pytest.mark.backends()
async def test_each_setting_removes_its_data_when_due_and_keeps_the_rest(
    app: App, warga: Chat, rt: SeededRt, clock: Clock
) -> None:
    activity, _ = await siti_with_history(app, rt.id)
    await warga.says("/datasaya")  # a conversation and audit events with details
    message_id = await sent_message(app, clock)
    person_id = (await siti(app)).id

    assert await run_retention(app, clock) == Counts()
    clock.advance(days=29)
    assert await run_retention(app, clock) == Counts()

    clock.advance(days=2)  # 31 days: the conversation and the sent message's content
    counts = await run_retention(app, clock)
    assert counts == Counts(conversations_deleted=1, outbox_payloads_dropped=1)
    assert await rows(app, Conversation) == []
    (message,) = [m for m in await rows(app, OutboxMessage) if m.id == message_id]
    assert "text" not in message.payload and message.payload["delivery"] == "read"
    assert message.status == "sent" and message.sent_at is not None
    assert await run_retention(app, clock) == Counts()  # nothing twice

    clock.advance(days=335)  # 366 days: audit details go, the events stay
    events_before = len(await rows(app, AuditEvent))
    counts = await run_retention(app, clock)
    assert counts.audit_details_dropped >= 1
    assert counts.inactive_anonymised == 0
    events = await rows(app, AuditEvent)
    assert len(events) == events_before and all(e.detail == {} for e in events)
    assert (await siti(app)).name == "Siti Aminah"

    # Her last activity ended 31 March 2026: 1825 days later she is still kept, the day
    # after anonymised, with the rows insurance claims and statistics need.
    last_day = date(2026, 3, 31) + timedelta(days=1825)
    clock.now = datetime.combine(last_day, time(2, 0), tzinfo=UTC)
    assert (await run_retention(app, clock)).inactive_anonymised == 0
    clock.advance(days=1)
    counts = await run_retention(app, clock)
    assert counts.inactive_anonymised == 2  # Siti and Joko, her co-worker
    async with app.uow_factory() as uow:
        assert await uow.persons.find_by_nik(SITI[0]) is None
        person = await uow.persons.get(person_id)
        assert person is not None
        assert person.name == "(anonim)" and person.phone is None
        assert person.nik_masked == "****************" and person.birth_date == date(1990, 1, 1)
        assert person.anonymised_at == clock.now
        assert uow.persons.reveal_nik(person) == ""
        assert await uow.persons.by_phone(SITI_PHONE) == []
    participations = [p for p in await rows(app, Participation) if p.person_id == person_id]
    assert len(participations) == 2 and participations[0].activity_id == activity
    (incident,) = await rows(app, Incident)
    assert incident.person_id == person_id and incident.victim_name == ""
    assert incident.description == "" and incident.severity == "luka_ringan"
    assert await run_retention(app, clock) == Counts()


@pytest.mark.backends()
async def test_an_approved_erasure_is_anonymised_when_its_keeping_period_ends(
    app: App, warga: Chat, petugas: Chat, rt: SeededRt, clock: Clock
) -> None:
    await siti_with_history(app, rt.id)
    await asks_erasure(warga)
    await petugas.says("/hapusdata")
    await petugas.taps("#1")
    await petugas.taps("Setujui & hapus")
    await petugas.taps("Ya, hapus")
    person_id = (await siti(app)).id

    clock.advance(days=1824)
    counts = await run_retention(app, clock)
    assert counts.erased_anonymised == 0
    assert (await siti(app)).name == "Siti Aminah"
    clock.advance(days=1)  # the day the resident was told
    counts = await run_retention(app, clock)
    assert counts.erased_anonymised == 1
    async with app.uow_factory() as uow:
        person = await uow.persons.get(person_id)
        assert person is not None and person.name == "(anonim)"
        (request,) = await uow.erasures.for_persons([person_id])
        assert request.anonymised_at == clock.now
    assert (await run_retention(app, clock)).erased_anonymised == 0


async def test_the_scheduler_runs_it_and_logs_counts_only(
    app: App, warga: Chat, rt: SeededRt, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    await siti_with_history(app, rt.id)
    await warga.says("/datasaya")
    clock.advance(days=31)
    caplog.set_level(logging.INFO, logger="bot.workers.jobs.retention")
    await Scheduler(app.uow_factory, clock, app.settings, app.texts).run_once()
    assert await rows(app, Conversation) == []
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.workers.jobs.retention"]
    assert lines == [
        "retention: erased_anonymised=0, inactive_anonymised=0, inactive_deleted=0, "
        "conversations_deleted=1, outbox_payloads_dropped=0, audit_details_dropped=0"
    ]
    log = caplog.text
    assert SITI[0] not in log and "Siti" not in log and SITI_PHONE not in log


async def test_shorter_settings_are_obeyed(app: App, warga: Chat, clock: Clock) -> None:
    await warga.says("menu")
    settings = app.settings.model_copy(
        update={
            "retention": app.settings.retention.model_copy(update={"conversation_idle_days": 2})
        }
    )
    clock.advance(days=1)
    async with app.uow_factory() as uow:
        assert (
            await retention(Run(uow, clock.now, app.texts, settings))
        ).conversations_deleted == 0
    clock.advance(days=2)
    async with app.uow_factory() as uow:
        assert (
            await retention(Run(uow, clock.now, app.texts, settings))
        ).conversations_deleted == 1
        await uow.commit()
    assert await rows(app, Conversation) == []
    # Deleting a conversation loses nothing a user typed: the next message starts afresh.
    await warga.says("menu")
    assert "Menu utama" in warga.text
