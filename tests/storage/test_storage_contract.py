"""The storage contract: every repository and the unit of work behave the same on SQLite
and on PostgreSQL (run with KB_TEST_POSTGRES_URL set to include PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from storage.database import Database
from storage.models import Activity, Conversation, Incident, Person, Rt
from storage.uow import StaleConversation, UnitOfWork, UnitOfWorkFactory

# The storage contract: the same behaviour on SQLite and PostgreSQL.
pytestmark = pytest.mark.backends()

KEL_RAWASARI = "15.71.09.1002"  # Rawa Sari, Kecamatan Alam Barajo
KEC_ALAM_BARAJO = "15.71.09"
NIK = "1571014508900001"
PHONE = "+6281234567890"
WIB = timezone(timedelta(hours=7))
T0 = datetime(2025, 8, 1, 9, 30, tzinfo=UTC)


async def _rt(uow: UnitOfWork, number: int = 1, phone: str | None = PHONE) -> Rt:
    return await uow.rts.add(KEL_RAWASARI, number, "Budi Santoso", phone)


# --- unit of work ------------------------------------------------------------------


async def test_nothing_is_written_unless_committed(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        await _rt(uow)
    async with uow_factory() as uow:
        assert await uow.rts.count() == 0


async def test_an_exception_rolls_back(uow_factory: UnitOfWorkFactory) -> None:
    with pytest.raises(RuntimeError):
        async with uow_factory() as uow:
            await _rt(uow)
            raise RuntimeError("boom")
    async with uow_factory() as uow:
        assert await uow.rts.count() == 0


async def test_commit_writes_and_later_changes_need_another_commit(
    uow_factory: UnitOfWorkFactory,
) -> None:
    async with uow_factory() as uow:
        await _rt(uow, 1)
        await uow.commit()
        await _rt(uow, 2)
    async with uow_factory() as uow:
        assert [rt.number for rt in await uow.rts.list()] == [1]


async def test_foreign_keys_are_enforced(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        with pytest.raises(IntegrityError):
            await uow.rts.add("99.99.99.9999", 1, "Nobody")


# --- regions and RTs -----------------------------------------------------------------


async def test_regions_are_seeded_once(uow_factory: UnitOfWorkFactory) -> None:
    from bot.domain.regions import Kecamatan, load_wilayah

    async with uow_factory() as uow:
        assert len(await uow.regions.list_kecamatan()) == 11
        assert len(await uow.regions.list_kelurahan()) == 68
        assert await uow.regions.seed(*load_wilayah()) == 0
        rawasari = await uow.regions.get_kelurahan(KEL_RAWASARI)
        assert rawasari is not None and rawasari.kecamatan_code == KEC_ALAM_BARAJO
        kota_baru = await uow.regions.list_kelurahan(KEC_ALAM_BARAJO)
        assert KEL_RAWASARI in {k.code for k in kota_baru}
        assert await uow.regions.seed([Kecamatan(KEC_ALAM_BARAJO, "Alambarajo")], []) == 1
        await uow.commit()
    async with uow_factory() as uow:
        kecamatan = await uow.regions.get_kecamatan(KEC_ALAM_BARAJO)
        assert kecamatan is not None and kecamatan.name == "Alambarajo"


async def test_rts_by_place_phone_and_region(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        first = await _rt(uow, 1)
        await _rt(uow, 2, phone=None)
        other = await uow.rts.add("15.71.01.1001", 3, "Siti", PHONE)
        await uow.commit()
    async with uow_factory() as uow:
        assert (await uow.rts.get(first.id)).chair_name == "Budi Santoso"  # type: ignore[union-attr]
        assert (await uow.rts.find(KEL_RAWASARI, 1)).id == first.id  # type: ignore[union-attr]
        assert await uow.rts.find(KEL_RAWASARI, 9) is None
        assert [rt.id for rt in await uow.rts.by_chair_phone(PHONE)] == [first.id, other.id]
        assert [rt.number for rt in await uow.rts.list(kelurahan_code=KEL_RAWASARI)] == [1, 2]
        assert [rt.number for rt in await uow.rts.list(kecamatan_code=KEC_ALAM_BARAJO)] == [1, 2]
        assert await uow.rts.count() == 3
        with pytest.raises(IntegrityError):
            await _rt(uow, 1)


async def test_budget_defaults_until_set(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        rt = await _rt(uow)
        assert await uow.rts.budget(rt.id, 2026, default=100_000_000) == 100_000_000
        await uow.rts.set_budget(rt.id, 2026, 75_000_000)
        await uow.rts.set_budget(rt.id, 2026, 70_000_000)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.rts.budget(rt.id, 2026, default=1) == 70_000_000
        assert await uow.rts.budget(rt.id, 2025, default=1) == 1


# --- accounts, roles, invites --------------------------------------------------------


async def test_accounts(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        account, created = await uow.accounts.get_or_create("telegram", "42", "Budi")
        again, created_again = await uow.accounts.get_or_create("telegram", "42")
        assert created and not created_again and again.id == account.id
        await uow.accounts.set_phone(account, PHONE)
        await uow.accounts.touch_inbound(account, T0)
        await uow.commit()
    async with uow_factory() as uow:
        [found] = await uow.accounts.by_phone(PHONE)
        assert found.id == account.id and found.name == "Budi"
        assert found.last_inbound_at == T0
        assert (await uow.accounts.get(account.id)).channel == "telegram"  # type: ignore[union-attr]


async def test_roles_by_phone_and_by_account(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        account, _ = await uow.accounts.get_or_create("whatsapp", "6281234567890")
        stranger, _ = await uow.accounts.get_or_create("telegram", "7")
        official = await uow.roles.grant(
            "official",
            phone=PHONE,
            scope_kind="kecamatan",
            scope_code=KEC_ALAM_BARAJO,
            name="Ibu Lurah",
        )
        chair = await uow.roles.grant(
            "ketua_rt", account_id=account.id, scope_kind="rt", scope_code="1"
        )
        same = await uow.roles.grant(
            "official", phone=PHONE, scope_kind="kecamatan", scope_code=KEC_ALAM_BARAJO
        )
        assert same.id == official.id
        wider = await uow.roles.grant("official", phone=PHONE)
        assert wider.id != official.id
        with pytest.raises(ValueError):
            await uow.roles.grant("admin")
        await uow.commit()
    async with uow_factory() as uow:
        account = await uow.accounts.get(account.id)  # type: ignore[assignment]
        assert [r.id for r in await uow.roles.for_account(account)] == [chair.id]
        await uow.accounts.set_phone(account, PHONE)
        ids = [r.id for r in await uow.roles.for_account(account)]
        assert ids == [official.id, chair.id, wider.id]
        assert await uow.roles.for_account(stranger) == []
        assert {r.id for r in await uow.roles.list("official")} == {official.id, wider.id}
        assert len(await uow.roles.list()) == 3
        assert await uow.roles.revoke(official.id)
        assert not await uow.roles.revoke(official.id)
        await uow.commit()
    async with uow_factory() as uow:
        assert [r.id for r in await uow.roles.list("official")] == [wider.id]


async def test_invites(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        rt = await _rt(uow)
        account, _ = await uow.accounts.get_or_create("telegram", "1")
        await uow.invites.create(rt.id, "K7Q2MX", T0 + timedelta(days=7), None)
        await uow.commit()
    async with uow_factory() as uow:
        invite = await uow.invites.find("K7Q2MX")
        assert invite is not None and invite.used_at is None and invite.rt_id == rt.id
        assert invite.expires_at == T0 + timedelta(days=7)
        await uow.invites.mark_used(invite, account.id, T0)
        await uow.commit()
    async with uow_factory() as uow:
        invite = await uow.invites.find("K7Q2MX")
        assert invite is not None and invite.used_by == account.id and invite.used_at == T0
        assert await uow.invites.find("NOPE") is None


# --- conversations -------------------------------------------------------------------


async def test_conversation_state_round_trips(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        conversation = await uow.conversations.add(Conversation(channel="telegram", chat_id="9"))
        assert conversation.version == 0
        conversation.dialog, conversation.step = "activity", "value"
        conversation.data = {"title": "Semenisasi jalan", "value": 25_000_000}
        conversation.choices = [{"id": "ya", "title": "Ya"}]
        conversation.history = ["title"]
        conversation.last_text = "25 juta"
        await uow.conversations.save(conversation, expected_version=0)
        assert conversation.version == 1
        await uow.commit()
    async with uow_factory() as uow:
        loaded = await uow.conversations.get("telegram", "9")
        assert loaded is not None and loaded.version == 1
        assert (loaded.dialog, loaded.step, loaded.last_text) == ("activity", "value", "25 juta")
        assert loaded.data == {"title": "Semenisasi jalan", "value": 25_000_000}
        assert loaded.choices == [{"id": "ya", "title": "Ya"}]
        assert loaded.history == ["title"]
        assert await uow.conversations.get("telegram", "10") is None


async def test_a_stale_save_raises_and_writes_nothing(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        await uow.conversations.add(Conversation(channel="whatsapp", chat_id="1"))
        await uow.commit()
    # Two workers load version 0; the first saves, the second must lose.
    async with uow_factory() as first, uow_factory() as second:
        mine = await first.conversations.get("whatsapp", "1")
        theirs = await second.conversations.get("whatsapp", "1")
        assert mine is not None and theirs is not None
        mine.step = "first"
        await first.conversations.save(mine, expected_version=0)
        await first.commit()
        theirs.step = "second"
        with pytest.raises(StaleConversation):
            await second.conversations.save(theirs, expected_version=0)
    async with uow_factory() as uow:
        loaded = await uow.conversations.get("whatsapp", "1")
        assert loaded is not None and (loaded.step, loaded.version) == ("first", 1)


# --- processed messages --------------------------------------------------------------


async def test_claiming_a_message_id_succeeds_once(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        assert await uow.processed.claim("whatsapp", "wamid.A", T0)
        assert not await uow.processed.claim("whatsapp", "wamid.A", T0)
        assert await uow.processed.claim("telegram", "wamid.A", T0)
        await uow.commit()
    async with uow_factory() as uow:
        assert not await uow.processed.claim("whatsapp", "wamid.A", T0)
        assert await uow.processed.seen("telegram", "wamid.A")
    async with uow_factory() as uow:
        assert await uow.processed.claim("whatsapp", "wamid.B", T0)
        # not committed: the id is free again
    async with uow_factory() as uow:
        assert await uow.processed.claim("whatsapp", "wamid.B", T0)


async def test_processed_message_ids(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        assert not await uow.processed.seen("telegram", "m1")
        await uow.processed.mark("telegram", "m1", T0)
        await uow.processed.mark("telegram", "m2", T0 + timedelta(days=2))
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.processed.seen("telegram", "m1")
        assert not await uow.processed.seen("whatsapp", "m1")
        assert await uow.processed.prune(T0 + timedelta(days=1)) == 1
        await uow.commit()
    async with uow_factory() as uow:
        assert not await uow.processed.seen("telegram", "m1")
        assert await uow.processed.seen("telegram", "m2")


async def test_the_same_message_id_cannot_be_committed_twice(
    uow_factory: UnitOfWorkFactory,
) -> None:
    async with uow_factory() as first:
        await first.processed.mark("telegram", "dup", T0)
        await first.commit()
    with pytest.raises(IntegrityError):
        async with uow_factory() as second:
            await second.processed.mark("telegram", "dup", T0)
            await second.commit()


# --- outbox --------------------------------------------------------------------------


async def test_outbox_dedup_and_ordering(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        account, _ = await uow.accounts.get_or_create("telegram", "5")

        async def enqueue(**kw: object) -> int | None:
            kw.setdefault("not_before", T0)
            message = await uow.outbox.enqueue(
                account_id=account.id, channel="telegram", chat_id="5", payload={"t": 1}, **kw
            )
            return None if message is None else message.id

        info = await enqueue()
        alert = await enqueue(kind="alert", priority=1, dedup_key="incident:1:alert")
        assert await enqueue(kind="alert", priority=1, dedup_key="incident:1:alert") is None
        later = await enqueue(not_before=T0 + timedelta(hours=1))
        second_info = await enqueue()
        await uow.commit()

    now = T0 + timedelta(minutes=30)
    async with uow_factory() as uow:
        due = await uow.outbox.due(T0 + timedelta(hours=1), limit=10)
        assert [m.id for m in due] == [alert, info, later, second_info]
        due = await uow.outbox.due(now, limit=2)
        assert [m.id for m in due] == [alert, info]
        assert due[0].payload == {"t": 1} and due[0].kind == "alert"
        await uow.outbox.mark_sent(due[0], now, provider_message_id="wamid.1")
        await uow.outbox.mark_retry(due[1], "timeout", now + timedelta(minutes=5))
        await uow.commit()

    async with uow_factory() as uow:
        assert [m.id for m in await uow.outbox.due(now, limit=10)] == [second_info]
        [second] = await uow.outbox.due(now, limit=10)
        await uow.outbox.mark_failed(second, "blocked by user")
        retried = await uow.outbox.get(info)  # type: ignore[arg-type]
        assert retried is not None and retried.attempts == 1 and retried.last_error == "timeout"
        assert [m.id for m in await uow.outbox.due(now + timedelta(minutes=5), 10)] == [info]
        sent = await uow.outbox.get(alert)  # type: ignore[arg-type]
        assert sent is not None and sent.sent_at == now and sent.status == "sent"
        assert sent.provider_message_id == "wamid.1"
        assert await uow.outbox.count_by_status() == {"sent": 1, "pending": 2, "failed": 1}


# --- persons, NIK and audit ----------------------------------------------------------


async def test_nik_is_stored_encrypted_and_found_by_hash(
    uow_factory: UnitOfWorkFactory, database: Database
) -> None:
    async with uow_factory() as uow:
        person = await uow.persons.add(NIK, "Siti Aminah", date(1990, 8, 5), "P", PHONE)
        await uow.commit()
    async with database.engine.connect() as conn:
        row = (
            await conn.execute(
                text("SELECT nik_encrypted, nik_hash, nik_masked FROM persons WHERE id = :id"),
                {"id": person.id},
            )
        ).one()
    raw = bytes(row.nik_encrypted)
    assert NIK.encode() not in raw and NIK not in raw.hex() and NIK not in row.nik_hash
    assert row.nik_masked == "1571********0001"
    async with uow_factory() as uow:
        found = await uow.persons.find_by_nik(NIK)
        assert found is not None and found.id == person.id
        assert uow.persons.reveal_nik(found) == NIK
        assert (found.birth_date, found.sex) == (date(1990, 8, 5), "P")
        assert await uow.persons.find_by_nik("1571014508900002") is None
        assert [p.id for p in await uow.persons.by_phone(PHONE)] == [person.id]
        assert (await uow.persons.get(person.id)).name == "Siti Aminah"  # type: ignore[union-attr]
        # A NIK stored twice (two workers at once) is one person, never a key error.
        again = await uow.persons.add(NIK, "Duplicate", date(1990, 8, 5), "P")
        assert again.id == person.id and again.name == "Siti Aminah"


async def test_audit_trail(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        account, _ = await uow.accounts.get_or_create("telegram", "1")
        person = await uow.persons.add(NIK, "Siti", date(1990, 8, 5), "P")
        await uow.audit.record("export", actor_account_id=account.id, detail={"rows": 3})
        await uow.audit.record("lookup", actor="cli", subject_person_id=person.id)
        await uow.commit()
    async with uow_factory() as uow:
        assert [e.action for e in await uow.audit.recent()] == ["lookup", "export"]
        [mine] = await uow.audit.recent(actor_account_id=account.id)
        assert mine.detail == {"rows": 3} and mine.at.tzinfo is not None
        [theirs] = await uow.audit.recent(subject_person_id=person.id)
        assert theirs.actor == "cli"
        assert len(await uow.audit.recent(limit=1)) == 1


# --- activities, participations, incidents -------------------------------------------


async def test_activities_participations_incidents(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        rt = await _rt(uow)
        person = await uow.persons.add(NIK, "Siti", date(1990, 8, 5), "P")
        activity = await uow.activities.add(
            Activity(
                rt_id=rt.id,
                year=2025,
                title="Semenisasi jalan",
                kind="jalan",
                start_date=date(2025, 8, 1),
                end_date=date(2025, 8, 14),
                value=25_000_000,
                premium_jkk=52_500,
                premium_jkm=7_500,
                premium_total=60_000,
            )
        )
        stays = await uow.participations.add(
            activity_id=activity.id, person_id=person.id, role="pekerja", daily_wage=100_000
        )
        other = await uow.persons.add("1571010101900002", "Budi", date(1990, 1, 1), "L")
        gone = await uow.participations.add(
            activity_id=activity.id, person_id=other.id, role="ketua_rt"
        )
        gone.removed_at = T0
        incident = await uow.incidents.add(
            Incident(
                reference="KB-2025-0001",
                activity_id=activity.id,
                person_id=person.id,
                rt_id=rt.id,
                occurred_at=T0,
                severity="ringan",
            )
        )
        await uow.commit()
    async with uow_factory() as uow:
        [loaded] = await uow.activities.list_for_rt(rt.id)
        assert loaded.id == activity.id and loaded.status == "draft" and loaded.value == 25_000_000
        assert (await uow.activities.get(activity.id)).title == "Semenisasi jalan"  # type: ignore[union-attr]
        assert [p.id for p in await uow.participations.for_activity(activity.id)] == [stays.id]
        everyone = await uow.participations.for_activity(activity.id, include_removed=True)
        assert [p.id for p in everyone] == [stays.id, gone.id]
        assert (await uow.participations.get(stays.id)).daily_wage == 100_000  # type: ignore[union-attr]
        assert [i.id for i in await uow.incidents.open_incidents()] == [incident.id]
        found = await uow.incidents.by_reference("KB-2025-0001")
        assert found is not None and found.status == "open"
        found.status = "reported"
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.incidents.open_incidents() == []
        assert (await uow.incidents.get(incident.id)).status == "reported"  # type: ignore[union-attr]


# --- types and engine settings -------------------------------------------------------


async def test_budget_value_by_status(uow_factory: UnitOfWorkFactory) -> None:
    """What the RT budget line shows apart: drafts, confirmed and cancelled activities."""
    async with uow_factory() as uow:
        rt = await _rt(uow)
        ids = {}
        for status, value in (
            ("draft", 10),
            ("confirmed", 20),
            ("confirmed", 5),
            ("cancelled", 30),
        ):
            activity = await uow.activities.add(
                Activity(
                    rt_id=rt.id,
                    year=2025,
                    title=status,
                    kind="jalan",
                    start_date=date(2025, 8, 1),
                    end_date=date(2025, 8, 14),
                    value=value * 1_000_000,
                    premium_jkk=0,
                    premium_jkm=0,
                    premium_total=0,
                    status=status,
                )
            )
            ids[value] = activity.id
        by_status = await uow.activities.value_by_status(rt.id, 2025)
        assert by_status == {"draft": 10_000_000, "confirmed": 25_000_000, "cancelled": 30_000_000}
        assert await uow.activities.value_by_status(rt.id, 2025, exclude_id=ids[5]) == {
            "draft": 10_000_000,
            "confirmed": 20_000_000,
            "cancelled": 30_000_000,
        }
        assert await uow.activities.value_by_status(rt.id, 2026) == {}


async def test_aware_datetimes_round_trip_as_utc(uow_factory: UnitOfWorkFactory) -> None:
    wib = datetime(2025, 8, 1, 16, 30, 15, 123456, tzinfo=WIB)
    async with uow_factory() as uow:
        account, _ = await uow.accounts.get_or_create("telegram", "1")
        await uow.accounts.touch_inbound(account, wib)
        await uow.commit()
    async with uow_factory() as uow:
        loaded = await uow.accounts.get(account.id)
        assert loaded is not None and loaded.last_inbound_at is not None
        assert loaded.last_inbound_at == wib
        assert loaded.last_inbound_at.utcoffset() == timedelta(0)
        assert loaded.created_at.tzinfo is not None
        # Comparisons happen in UTC on both backends.
        query = select(Person.id).where(Person.created_at < wib)
        assert list(await uow.session.scalars(query)) == []


async def test_naive_datetimes_are_refused(uow_factory: UnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        account, _ = await uow.accounts.get_or_create("telegram", "1")
        account.last_inbound_at = datetime(2025, 8, 1, 9, 0)
        with pytest.raises(Exception, match="naive"):
            await uow.flush()


async def test_ping(database: Database) -> None:
    assert await database.ping()


@pytest.mark.backends("sqlite")
async def test_sqlite_pragmas(database: Database) -> None:
    assert database.is_sqlite
    async with database.engine.connect() as conn:

        async def pragma(name: str) -> object:
            return (await conn.exec_driver_sql(f"PRAGMA {name}")).scalar()

        assert await pragma("journal_mode") == "wal"
        assert await pragma("foreign_keys") == 1
        assert await pragma("busy_timeout") == 5000
        assert await pragma("synchronous") == 1  # NORMAL


async def test_ping_reports_a_broken_database(tmp_path: Path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not an SQLite file" * 100)
    database = Database(f"sqlite+aiosqlite:///{broken}")
    try:
        assert not await database.ping()
    finally:
        await database.dispose()
