"""Hostile traffic in the accident report (issue 12): an anonymous user filed 20 reports
in 1.7 s (40 urgent alerts), and the reporter's name for an unknown NIK became the
person's name, so the real person could then not be registered under their own. Now a
resident or unknown chat sends at most `program.accident_reports_per_hour` reports, and a
name only the reporter vouches for stays on the report as "dilaporkan sebagai"."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.app import App
from storage.models import Incident, OutboxMessage
from support.chat import Chat, Clock
from support.coverage import UNKNOWN_NIK, audit_events
from support.other_rt_person import finish, names_on, open_draft
from support.participants import nik
from support.seeding import SeededRt


async def resident_reports(chat: Chat, victim: str = "Ahmad Yani") -> None:
    await chat.says("menu")
    await chat.taps("Lapor kecelakaan")
    if "Bukan kegiatan terdaftar" in chat.choices:  # a Ketua RT: on his RT, with a NIK
        await chat.taps("Bukan kegiatan terdaftar")
    await chat.says(victim)
    if "RT mana" in chat.text:
        await chat.says("RT 1 Simpang 4 Sipin")
    await chat.taps("Sekarang")
    await chat.says("Depan masjid Al-Ikhlas")
    await chat.says("Tertimpa kayu saat membersihkan selokan")
    await chat.taps("Luka ringan")
    await chat.taps("Pakai data saya")
    await chat.taps("Kirim laporan")


async def counts(app: App) -> tuple[int, int]:
    async with app.uow_factory() as uow:
        incidents = await uow.session.scalar(select(func.count(Incident.id)))
        alerts = await uow.session.scalar(
            select(func.count(OutboxMessage.id)).where(OutboxMessage.kind == "accident")
        )
        return int(incidents or 0), int(alerts or 0)


async def test_a_flood_of_reports_from_one_chat_stops_at_the_hourly_limit(
    app: App, clock: Clock, warga: Chat, rt: SeededRt, petugas: Chat
) -> None:
    await petugas.says("menu")
    for _ in range(3):
        await resident_reports(warga)
        assert "LK-" in warga.text
    sent = await counts(app)
    assert sent[0] == 3 and sent[1] >= 3

    for _ in range(2):
        await resident_reports(warga)
        assert "tidak dikirim" in warga.text and "LK-" not in warga.text
    assert await counts(app) == sent  # no report, no alert
    assert len(await audit_events(app, "incident_report_limited")) == 2

    clock.advance(hours=1)
    await resident_reports(warga)
    assert "LK-" in warga.text
    assert (await counts(app))[0] == 4


async def test_a_ketua_rt_reporting_on_his_rt_is_not_limited(
    app: App, ketua: Chat, rt: SeededRt
) -> None:
    app.settings.program.accident_reports_per_hour = 1
    for serial in (91, 92):
        await resident_reports(ketua, f"{nik(serial)} Ahmad Yani")
        assert "LK-" in ketua.text
    assert (await counts(app))[0] == 2


async def test_a_reporters_name_for_an_unknown_nik_is_kept_as_reported_not_as_the_name(
    app: App, warga: Chat, ketua: Chat, rt: SeededRt, petugas: Chat
) -> None:
    await petugas.says("menu")
    await resident_reports(warga, f"{UNKNOWN_NIK} Rina Wati")
    assert "LK-" in warga.text
    async with app.uow_factory() as uow:
        person = await uow.persons.find_by_nik(UNKNOWN_NIK)
        alert = await uow.session.scalar(
            select(OutboxMessage).where(OutboxMessage.kind == "accident")
        )
    assert person.name == ""
    assert "dilaporkan sebagai “Rina Wati”" in alert.payload["text"]

    # The Ketua RT registers her under her real name, which becomes the person's name.
    activity_id = await open_draft(app, ketua, rt)
    await ketua.taps("Tambah satu peserta")
    await ketua.says(UNKNOWN_NIK)
    await ketua.taps("Ya, benar")
    await ketua.says("Dewi Lestari")
    await finish(ketua, None)
    assert await names_on(app, activity_id) == ["Dewi Lestari"]

    await petugas.says("/insiden")
    assert "Dewi Lestari · dilaporkan sebagai “Rina Wati”" in petugas.text


async def test_a_chat_writing_too_fast_is_answered_once_then_paused_for_the_minute(
    app: App, clock: Clock, warga: Chat
) -> None:
    app.settings.program.messages_per_minute = 3
    await warga.says("menu")
    await warga.taps("Simulasi premi")
    await warga.says("25 juta")
    assert "Rp60.000" in warga.text

    over = await warga.says("30 juta")
    assert "terlalu cepat" in warga.text and "60 detik" in warga.text
    assert await warga.says("40 juta") == []  # same window: not processed, not answered
    clock.advance(seconds=30)
    assert await warga.says("menu") == []

    clock.advance(seconds=31)
    await warga.says("menu")
    assert "Menu utama" in warga.text
    assert len(over) == 1


async def test_the_local_console_is_not_limited(app: App) -> None:
    app.settings.program.messages_per_minute = 1
    console = Chat(app, "demo", channel="terminal")
    for _ in range(3):
        await console.says("menu")
        assert "Menu utama" in console.text
