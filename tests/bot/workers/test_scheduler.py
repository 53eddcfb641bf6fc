"""The scheduler as officials and Ketua RT live it: what lands in the outbox, when, for
whom — incident reminders at 24 h and 40 h and the deadline warning (each exactly once,
however often a round runs and across restarts, never after the incident is marked
reported, only in scope), new activities immediately or in the 07:00 WIB digest as each
official chose, the daily summary once a day, the "starts tomorrow with nobody covered"
and "coverage ends tomorrow" notices, catch-up after a restart, and housekeeping."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from bot.app import App
from bot.domain.nik import parse_nik
from bot.workers.scheduler import Scheduler
from storage.models import Activity, OutboxMessage, Person
from support.chat import Clock
from support.incidents import seed_incident
from support.seeding import SeededRt, grant

# 2026-03-02 07:00 WIB: the daily slot.
SEVEN_WIB = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)
TELANAIPURA, JAMBI_SELATAN = "15.71.01", "15.71.02"


@dataclass(frozen=True)
class Officials:
    city: int
    telanaipura: int
    jambi_selatan: int


async def account(app: App, chat_id: str, phone: str) -> int:
    async with app.uow_factory() as uow:
        row, _ = await uow.accounts.get_or_create("whatsapp", chat_id, chat_id)
        await uow.accounts.set_phone(row, phone)
        await uow.commit()
        return int(row.id)


async def officials(app: App) -> Officials:
    """A city-wide official and one for each of the two kecamatan of the seeded RTs."""
    await grant(app, "petugas", "+6281100000001", "Rina")
    await grant(app, "petugas", "+6281100000002", "Kec Telanaipura", "kecamatan", TELANAIPURA)
    await grant(app, "petugas", "+6281100000003", "Kec Jambi Selatan", "kecamatan", JAMBI_SELATAN)
    return Officials(
        await account(app, "city", "+6281100000001"),
        await account(app, "telanaipura", "+6281100000002"),
        await account(app, "jambi-selatan", "+6281100000003"),
    )


async def prefer(app: App, account_id: int, **changes: Any) -> None:
    async with app.uow_factory() as uow:
        row = await uow.accounts.get(account_id)
        for role in await uow.roles.for_account(row):
            await uow.preferences.update(role.id, datetime.now(UTC), **changes)
        await uow.commit()


async def outbox(app: App, kind: str) -> list[OutboxMessage]:
    async with app.uow_factory() as uow:
        query = select(OutboxMessage).where(OutboxMessage.kind == kind).order_by(OutboxMessage.id)
        return list(await uow.session.scalars(query))


async def recipients(app: App, kind: str) -> list[int]:
    return sorted(m.account_id for m in await outbox(app, kind))


def scheduler(app: App, clock: Clock) -> Scheduler:
    return Scheduler(app.uow_factory, clock, app.settings, app.texts)


async def rounds(app: App, clock: Clock, times: int = 3) -> int:
    """Several rounds, each by a fresh scheduler (as after a restart); messages queued."""
    total = 0
    for _ in range(times):
        total += await scheduler(app, clock).run_once()
    return total


async def confirmed_activity(
    app: App,
    rt: SeededRt,
    number: str,
    *,
    confirmed_at: datetime,
    start: date = date(2026, 3, 2),
    end: date = date(2026, 3, 31),
    status: str = "confirmed",
    people: int = 1,
) -> int:
    async with app.uow_factory() as uow:
        activity = await uow.activities.add(
            Activity(
                rt_id=rt.id, number=number if status != "draft" else None, year=start.year,
                title=f"Perbaikan drainase {number}", kind="drainase", place="Gang Damai",
                start_date=start, end_date=end, value=25_000_000, premium_jkk=52_500,
                premium_jkm=7_500, premium_total=60_000, status=status,
                confirmed_at=confirmed_at if status != "draft" else None,
                created_at=confirmed_at,
            )
        )  # fmt: skip
        for index in range(people):
            nik = parse_nik(f"157101450690{index + 1:04d}", date(2026, 3, 2))
            person = await uow.persons.find_by_nik(nik.value) or await uow.persons.add(
                nik.value, f"Warga {index}", nik.birth_date, nik.sex
            )
            await uow.participations.add(
                activity_id=activity.id, person_id=person.id, role="warga", added_at=confirmed_at
            )
        await uow.commit()
        return int(activity.id)


# --- incident reminders -----------------------------------------------------------------


async def test_reminders_at_24_and_40_hours_and_the_deadline_warning_each_once(
    app: App, clock: Clock, rt: SeededRt, other_rt: SeededRt
) -> None:
    staff = await officials(app)
    incident_id, reference = await seed_incident(app, rt, clock.now)

    await rounds(app, clock)
    assert await outbox(app, "accident_reminder") == []
    clock.advance(hours=23, minutes=59)
    await rounds(app, clock)
    assert await outbox(app, "accident_reminder") == []

    clock.advance(minutes=1)  # 24 hours after the accident
    await rounds(app, clock, times=5)
    sent = await outbox(app, "accident_reminder")
    # In scope: the city-wide and the Telanaipura official; never Jambi Selatan's.
    assert sorted(m.account_id for m in sent) == [staff.city, staff.telanaipura]
    assert {m.dedup_key for m in sent} == {
        f"incident:{incident_id}:reminder24:{staff.city}",
        f"incident:{incident_id}:reminder24:{staff.telanaipura}",
    }
    text = sent[0].payload["text"]
    assert reference in text and "sisa 24 jam" in text and "RT 01" in text
    assert sent[0].payload["template"]["name"] == "accident_reminder"
    assert sent[0].priority == 1

    clock.advance(hours=16)  # 40 hours
    await rounds(app, clock)
    keys = [m.dedup_key for m in await outbox(app, "accident_reminder")]
    assert len(keys) == 4 and f"incident:{incident_id}:reminder40:{staff.city}" in keys
    assert "sisa 8 jam" in (await outbox(app, "accident_reminder"))[-1].payload["text"]

    clock.advance(hours=8, minutes=30)  # past the deadline
    await rounds(app, clock)
    late = (await outbox(app, "accident_reminder"))[4:]
    assert [m.dedup_key for m in late] == [
        f"incident:{incident_id}:overdue:{staff.city}",
        f"incident:{incident_id}:overdue:{staff.telanaipura}",
    ]
    assert "LEWAT 30 menit" in late[0].payload["text"]

    clock.advance(days=3)
    await rounds(app, clock)
    assert len(await outbox(app, "accident_reminder")) == 6


async def test_no_reminder_once_the_incident_is_marked_reported(
    app: App, clock: Clock, rt: SeededRt
) -> None:
    await officials(app)
    incident_id, _ = await seed_incident(app, rt, clock.now)
    async with app.uow_factory() as uow:
        incident = await uow.incidents.get(incident_id)
        assert await uow.incidents.mark_reported(incident, "KK1-0001", clock.now)
        await uow.commit()
    for hours in (24, 16, 9):
        clock.advance(hours=hours)
        await rounds(app, clock)
    assert await outbox(app, "accident_reminder") == []


async def test_after_a_long_outage_only_the_latest_reminder_goes(
    app: App, clock: Clock, rt: SeededRt
) -> None:
    staff = await officials(app)
    incident_id, _ = await seed_incident(app, rt, clock.now)
    clock.advance(hours=45)  # the scheduler was down through the 24- and 40-hour marks
    await rounds(app, clock)
    assert [m.dedup_key for m in await outbox(app, "accident_reminder")] == [
        f"incident:{incident_id}:reminder40:{staff.city}",
        f"incident:{incident_id}:reminder40:{staff.telanaipura}",
    ]


async def test_a_report_made_after_a_mark_skips_that_reminder(
    app: App, clock: Clock, rt: SeededRt
) -> None:
    """Reported 30 hours after the accident: the first alert told the time left, so the
    24-hour reminder is not sent; the 40-hour one is."""
    await officials(app)
    await seed_incident(app, rt, clock.now - timedelta(hours=30), reported_at=clock.now)
    await rounds(app, clock)
    assert await outbox(app, "accident_reminder") == []
    clock.advance(hours=10)
    await rounds(app, clock)
    assert {m.dedup_key.split(":")[2] for m in await outbox(app, "accident_reminder")} == {
        "reminder40"
    }


async def test_an_accident_at_an_unknown_place_reminds_city_wide_officials_only(
    app: App, clock: Clock
) -> None:
    staff = await officials(app)
    await seed_incident(app, None, clock.now)
    clock.advance(hours=24)
    await rounds(app, clock)
    assert await recipients(app, "accident_reminder") == [staff.city]


# --- new activities ---------------------------------------------------------------------


async def test_new_activities_immediately_only_to_those_who_chose_it_in_scope(
    app: App, clock: Clock, rt: SeededRt, other_rt: SeededRt
) -> None:
    staff = await officials(app)
    await prefer(app, staff.city, new_activities="immediate")
    await prefer(app, staff.jambi_selatan, new_activities="immediate")
    # Telanaipura keeps the default: the daily digest.
    activity_id = await confirmed_activity(app, rt, "KB-2026-00001", confirmed_at=clock.now)

    await rounds(app, clock)
    (alert,) = await outbox(app, "activity_new")
    assert alert.account_id == staff.city
    assert alert.dedup_key == f"activity:{activity_id}:new:{staff.city}"
    assert "KB-2026-00001" in alert.payload["text"] and "RT 01" in alert.payload["text"]
    assert alert.payload["template"]["name"] == "activity_new"


async def test_the_digest_and_summary_go_once_a_day_at_seven_wib(
    app: App, clock: Clock, rt: SeededRt, other_rt: SeededRt
) -> None:
    staff = await officials(app)
    await prefer(app, staff.city, new_activities="immediate")
    await prefer(app, staff.jambi_selatan, daily_summary=False)
    clock.now = SEVEN_WIB - timedelta(minutes=1)
    # Confirmed yesterday 23:00 WIB in Telanaipura, and the day before (not in the digest).
    await confirmed_activity(app, rt, "KB-2026-00001", confirmed_at=SEVEN_WIB - timedelta(hours=8))
    await confirmed_activity(app, rt, "KB-2026-00002", confirmed_at=clock.now - timedelta(days=2))
    await rounds(app, clock)
    assert await outbox(app, "daily_summary") == []
    assert [m.account_id for m in await outbox(app, "activity_new")] == [staff.city]

    clock.now = SEVEN_WIB
    await rounds(app, clock)
    clock.advance(hours=2)  # 09:00 WIB, as after a restart
    await rounds(app, clock)

    digests = [m for m in await outbox(app, "activity_new") if m.dedup_key.startswith("digest")]
    assert [m.account_id for m in digests] == [staff.telanaipura]
    assert digests[0].dedup_key == f"digest:2026-03-02:{staff.telanaipura}"
    assert "KB-2026-00001" in digests[0].payload["text"]
    assert "KB-2026-00002" not in digests[0].payload["text"]
    summaries = await outbox(app, "daily_summary")
    assert sorted(m.account_id for m in summaries) == [staff.city, staff.telanaipura]
    city = next(m for m in summaries if m.account_id == staff.city).payload["text"]
    assert "Ringkasan harian 2 Maret 2026" in city and "Kota Jambi" in city
    kec = next(m for m in summaries if m.account_id == staff.telanaipura).payload["text"]
    assert "Kec. Telanaipura" in kec

    clock.now = SEVEN_WIB + timedelta(days=1)
    await rounds(app, clock)
    assert len(await outbox(app, "daily_summary")) == 4
    assert len([m for m in await outbox(app, "activity_new") if "digest" in m.dedup_key]) == 1


async def test_a_daily_run_missed_entirely_is_skipped(app: App, clock: Clock, rt: SeededRt) -> None:
    await officials(app)
    yesterday = SEVEN_WIB - timedelta(hours=8)  # 23:00 WIB the day before
    await confirmed_activity(app, rt, "KB-2026-00001", confirmed_at=yesterday)
    clock.now = SEVEN_WIB + timedelta(hours=12)  # 19:00 WIB: the window has closed
    await rounds(app, clock)
    assert await outbox(app, "daily_summary") == []
    assert await outbox(app, "activity_new") == []


# --- the Ketua RT's day-before notices --------------------------------------------------


async def test_starting_tomorrow_with_nobody_covered(
    app: App, clock: Clock, rt: SeededRt, other_rt: SeededRt
) -> None:
    staff = await officials(app)
    await prefer(app, staff.city, starting_without_participants=False)
    chair = await account(app, "ketua-1", rt.chair_phone)
    tomorrow = date(2026, 3, 3)
    draft = await confirmed_activity(
        app, rt, "draft", confirmed_at=SEVEN_WIB, start=tomorrow, status="draft"
    )
    empty = await confirmed_activity(
        app, rt, "KB-2026-00001", confirmed_at=SEVEN_WIB, start=tomorrow, people=0
    )
    await confirmed_activity(app, rt, "KB-2026-00002", confirmed_at=SEVEN_WIB, start=tomorrow)
    clock.now = SEVEN_WIB + timedelta(hours=1)
    await rounds(app, clock)

    sent = await outbox(app, "activity_starting_empty")
    to_chair = [m for m in sent if m.account_id == chair]
    assert {m.dedup_key for m in to_chair} == {
        f"starting_empty:{draft}:2026-03-03:{chair}",
        f"starting_empty:{empty}:2026-03-03:{chair}",
    }
    assert any("belum dikonfirmasi" in m.payload["text"] for m in to_chair)
    assert any("daftar pesertanya kosong" in m.payload["text"] for m in to_chair)
    (listing,) = [m for m in sent if m.account_id != chair]
    assert listing.account_id == staff.telanaipura
    assert "KB-2026-00002" not in listing.payload["text"]
    # A draft is the chair's own unfinished work, no event for the officials.
    assert "belum dikonfirmasi" not in listing.payload["text"]


async def test_only_a_draft_starting_tomorrow_alerts_no_official(
    app: App, clock: Clock, rt: SeededRt
) -> None:
    await officials(app)
    chair = await account(app, "ketua-1", rt.chair_phone)
    await confirmed_activity(
        app, rt, "draft", confirmed_at=SEVEN_WIB, start=date(2026, 3, 3), status="draft"
    )
    clock.now = SEVEN_WIB + timedelta(hours=1)
    await rounds(app, clock)
    sent = await outbox(app, "activity_starting_empty")
    assert [m.account_id for m in sent] == [chair]


async def test_coverage_ending_tomorrow_tells_the_ketua_rt_once(
    app: App, clock: Clock, rt: SeededRt
) -> None:
    chair = await account(app, "ketua-1", rt.chair_phone)
    activity_id = await confirmed_activity(
        app, rt, "KB-2026-00001", confirmed_at=SEVEN_WIB, start=date(2026, 3, 1),
        end=date(2026, 3, 3),
    )  # fmt: skip
    await confirmed_activity(app, rt, "KB-2026-00002", confirmed_at=SEVEN_WIB)
    clock.now = SEVEN_WIB
    await rounds(app, clock)
    (notice,) = await outbox(app, "coverage_ending")
    assert notice.account_id == chair
    assert notice.dedup_key == f"coverage_ending:{activity_id}:2026-03-03:{chair}"
    assert "3 Maret 2026" in notice.payload["text"]
    assert "Kegiatan saya" in notice.payload["text"]


# --- housekeeping -----------------------------------------------------------------------


async def test_housekeeping_prunes_message_ids_and_unused_persons(
    app: App, clock: Clock, rt: SeededRt
) -> None:
    async with app.uow_factory() as uow:
        await uow.processed.claim("whatsapp", "old", clock.now - timedelta(days=8))
        await uow.processed.claim("whatsapp", "recent", clock.now - timedelta(days=6))
        nik = parse_nik("1571010101850002", date(2026, 3, 2))
        forgotten = await uow.persons.add(nik.value, "Siti", nik.birth_date, nik.sex)
        forgotten.created_at = clock.now - timedelta(days=2)
        await uow.commit()
        forgotten_id = forgotten.id
    used = await confirmed_activity(
        app, rt, "KB-2026-00001", confirmed_at=clock.now - timedelta(days=3)
    )
    await scheduler(app, clock).run_once()
    async with app.uow_factory() as uow:
        assert not await uow.processed.seen("whatsapp", "old")
        assert await uow.processed.seen("whatsapp", "recent")
        assert await uow.persons.get(forgotten_id) is None
        people = list(await uow.session.scalars(select(Person)))
        assert len(people) == 1 and used
