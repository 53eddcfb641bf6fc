"""Documented settings are read where they apply: `program.timezone` in a dialog and in a
scheduled job (WITA times for Asia/Makassar, local days and the 07:00 slot in that zone),
and `program.premium_basis` / `program.ppn_rate` in the registration (the PPN answer then
changes the premium, and the summary says which basis was used)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest_asyncio
from sqlalchemy import select

from bot.app import App, build_app
from bot.config import Settings
from bot.workers.scheduler import Scheduler
from storage.database import Database
from storage.models import OutboxMessage
from support.activity_helpers import activities, plain, register
from support.chat import Chat, Clock
from support.incidents import seed_incident
from support.seeding import TEST_NIK_KEY, grant, seed_rt

# 2026-03-01 16:30 UTC is 23.30 WIB on 1 March but 00.30 WITA on 2 March.
HALF_PAST_MIDNIGHT_WITA = datetime(2026, 3, 1, 16, 30, tzinfo=UTC)


async def program_app(database: Database, clock: Clock, **program: object) -> App:
    settings = Settings(database={"url": "sqlite+aiosqlite://"}, program=program)
    return await build_app(settings, TEST_NIK_KEY, upgrade=False, clock=clock, database=database)


@pytest_asyncio.fixture
async def makassar(database: Database, clock: Clock) -> AsyncIterator[App]:
    clock.now = HALF_PAST_MIDNIGHT_WITA
    yield await program_app(database, clock, timezone="Asia/Makassar")


async def chair(app: App) -> Chat:
    rt = await seed_rt(app, "15.71.01.1001", 1, "Budi Santoso", "+6281200000001")
    return Chat(app, "ketua-1", channel="whatsapp", phone=rt.chair_phone, name=rt.chair_name)


async def test_a_registration_in_makassar_counts_days_and_shows_times_in_wita(
    makassar: App,
) -> None:
    ketua = await chair(makassar)
    await register(ketua, start="hari ini", end="31/3/2026")
    card = plain(ketua.text)
    # "hari ini" is already 2 March in Makassar (still 1 March in Jakarta).
    assert "Tanggal: 2 Maret 2026 s.d. 31 Maret 2026 (30 hari)" in card
    assert (
        "Masa perlindungan: mulai saat dikonfirmasi (paling cepat 2 Maret 2026 pukul "
        "00.00 WITA) s.d. 31 Maret 2026 pukul 23.59 WITA"
    ) in card
    assert "WIB" not in card


async def test_the_default_zone_is_still_wib(app: App, clock: Clock) -> None:
    clock.now = HALF_PAST_MIDNIGHT_WITA
    ketua = await chair(app)
    await register(ketua, start="hari ini", end="31/3/2026")
    card = plain(ketua.text)
    assert "Tanggal: 1 Maret 2026 s.d. 31 Maret 2026 (31 hari)" in card
    assert "pukul 23.59 WIB" in card and "WITA" not in card


async def test_a_scheduled_reminder_in_makassar_states_its_deadline_in_wita(
    makassar: App, clock: Clock
) -> None:
    rt = await seed_rt(makassar, "15.71.01.1001", 1, "Budi Santoso", "+6281200000001")
    await grant(makassar, "petugas", "+6281100000001", "Rina")
    async with makassar.uow_factory() as uow:
        row, _ = await uow.accounts.get_or_create("whatsapp", "city", "city")
        await uow.accounts.set_phone(row, "+6281100000001")
        await uow.commit()
    # 2 March 10.00 WITA; the 48-hour deadline is 4 March 10.00 WITA.
    await seed_incident(makassar, rt, datetime(2026, 3, 2, 2, 0, tzinfo=UTC))
    clock.now = datetime(2026, 3, 3, 2, 0, tzinfo=UTC)  # 24 hours later
    await Scheduler(makassar.uow_factory, clock, makassar.settings, makassar.texts).run_once()
    async with makassar.uow_factory() as uow:
        sent = list(await uow.session.scalars(select(OutboxMessage)))
    texts = [m.payload["text"] for m in sent if m.kind == "accident_reminder"]
    assert texts, [m.kind for m in sent]
    assert any("4 Maret 2026 10.00 WITA" in text for text in texts), texts
    assert not any("WIB" in text for text in texts)


async def test_the_ppn_answer_changes_the_premium_when_the_basis_excludes_ppn(
    database: Database, clock: Clock
) -> None:
    app = await program_app(database, clock, premium_basis="excluding_ppn", ppn_rate="0.11")
    ketua = await chair(app)
    await register(ketua, value="55.500.000", ppn="Ya")
    card = plain(ketua.text)
    # Rp55.500.000 / 1,11 = Rp50.000.000: Rp120.000, not Rp133.200.
    assert "Nilai: Rp55.500.000 (termasuk PPN)" in card
    assert "Dasar premi: Rp50.000.000 (nilai tanpa PPN 11%)" in card
    assert "Total premi: Rp120.000" in card
    await ketua.taps("Simpan")
    [saved] = await activities(app)
    assert (saved.value, saved.value_includes_ppn, saved.premium_total) == (
        55_500_000,
        True,
        120_000,
    )


async def test_without_ppn_the_value_is_the_basis(database: Database, clock: Clock) -> None:
    app = await program_app(database, clock, premium_basis="excluding_ppn")
    ketua = await chair(app)
    await register(ketua, value="55.500.000", ppn="Tidak")
    card = plain(ketua.text)
    assert "Dasar premi: Rp55.500.000 (nilai tanpa PPN 11%)" in card
    assert "Total premi: Rp133.200" in card


async def test_by_default_the_premium_is_on_the_value_as_entered(ketua: Chat) -> None:
    await register(ketua, value="55.500.000", ppn="Ya")
    card = plain(ketua.text)
    assert "Total premi: Rp133.200" in card and "Dasar premi" not in card
