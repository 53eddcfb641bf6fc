"""The audit log as the admin reads it (latest first, pages, filtered by a person's NIK —
never echoed — or by an official) and the outbox status with its failures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.app import App
from support.activity_helpers import SITI
from support.chat import Chat
from support.seeding import grant

NIK, NAME, BIRTH, SEX = SITI
PETUGAS_PHONE = "+6281100000001"


async def seed_events(app: App, petugas: Chat) -> None:
    """A person, a NIK lookup about them by the official, and events of others."""
    await petugas.says("menu")
    async with app.uow_factory() as uow:
        person = await uow.persons.add(NIK, NAME, BIRTH, SEX)
        official = (await uow.accounts.by_phone(PETUGAS_PHONE))[0]
        at = datetime(2026, 3, 1, 3, 15, tzinfo=UTC)
        await uow.audit.record("budget_set", actor="Admin Lain", at=at)
        await uow.audit.record(
            "nik_lookup",
            actor_account_id=official.id,
            actor="Rina Marlina",
            subject_person_id=person.id,
            at=at + timedelta(hours=1),
        )
        await uow.audit.record("some_future_action", at=at + timedelta(hours=2))
        await uow.commit()


async def open_log(admin: Chat) -> None:
    await admin.says("/admin")
    await admin.taps("Log audit")


async def test_the_latest_events_in_wib(app: App, admin: Chat, petugas: Chat) -> None:
    await seed_events(app, petugas)
    await open_log(admin)
    lines = admin.last.text.splitlines()
    assert "Log audit" in lines[0] and "semua kejadian" in lines[0]
    assert lines[2] == "01/03/2026 12.15 · sistem · some_future_action · -"
    assert lines[3] == (
        "01/03/2026 11.15 · Rina Marlina (+62811****0001) · cek NIK · 1571********0001"
    )
    assert lines[4] == "01/03/2026 10.15 · Admin Lain · anggaran RT diubah · -"
    assert NIK not in admin.text


async def test_filter_by_nik_never_echoes_it(app: App, admin: Chat, petugas: Chat) -> None:
    await seed_events(app, petugas)
    await open_log(admin)
    await admin.taps("Cari per NIK")
    await admin.says("1571 0145 0690 0009")
    assert "Tidak ada data orang dengan NIK 1571********0009" in admin.text
    await admin.says("12345")
    assert "16 angka" in admin.text
    await admin.says(NIK)
    text = admin.last.text
    assert "hanya 1571********0001" in text
    assert "cek NIK" in text and "anggaran RT diubah" not in text
    assert all(NIK not in reply.text for reply in admin.replies)
    async with app.uow_factory() as uow:
        search = (await uow.audit.recent(1))[0]
        assert search.action == "audit_search" and search.subject_person_id is not None
    await admin.taps("Semua kejadian")
    assert "semua kejadian" in admin.last.text


async def test_filter_by_official_phone_or_name(app: App, admin: Chat, petugas: Chat) -> None:
    await seed_events(app, petugas)
    await open_log(admin)
    await admin.taps("Cari per petugas")
    await admin.says("0811-0000-0001")
    text = admin.last.text
    assert "hanya +62811****0001" in text and "cek NIK" in text
    assert "anggaran RT diubah" not in text
    await admin.taps("Cari per petugas")
    await admin.says("rina")
    assert "hanya Rina Marlina (+62811****0001)" in admin.last.text
    await admin.taps("Cari per petugas")
    await admin.says("Siapa Saja")
    assert "tidak saya temukan" in admin.text
    await admin.says("0813 9999 0000")
    assert "belum pernah memakai bot" in admin.text
    await admin.taps("Lihat log audit")
    assert "Log audit" in admin.last.text


async def test_pages_of_fifteen(app: App, admin: Chat) -> None:
    async with app.uow_factory() as uow:
        for n in range(20):
            at = datetime(2026, 3, 1, 1, n, tzinfo=UTC)
            await uow.audit.record("budget_set", actor=f"Admin {n:02d}", at=at)
        await uow.commit()
    await open_log(admin)
    assert "Admin 19" in admin.last.text and "Admin 05" in admin.last.text
    assert "Admin 04" not in admin.last.text
    await admin.taps("Berikutnya")
    assert "halaman 2" in admin.last.text and "Admin 04" in admin.last.text
    assert "Admin 00" in admin.last.text and "Berikutnya ▶" not in admin.choices
    await admin.taps("Sebelumnya")
    assert "halaman 1" in admin.last.text


async def test_nonsense_in_the_log_stays_put(admin: Chat) -> None:
    await open_log(admin)
    await admin.says("apa ini")
    assert "pilih salah satu" in admin.text.lower()
    assert "Log audit" in admin.last.text


# --- outbox ----------------------------------------------------------------------------


async def queue(app: App, warga: Chat, statuses: list[str]) -> None:
    await warga.says("menu")
    async with app.uow_factory() as uow:
        account = await uow.accounts.find("whatsapp", "warga-1")
        for n, status in enumerate(statuses):
            message = await uow.outbox.enqueue(
                account_id=account.id,
                channel="whatsapp",
                chat_id="warga-1",
                payload={"text": f"Rahasia NIK {NIK} nomor {n}"},
                kind="accident",
                not_before=app.service.clock(),
            )
            if status == "sent":
                await uow.outbox.mark_sent(message, datetime(2026, 3, 2, tzinfo=UTC))
            elif status == "failed":
                await uow.outbox.mark_failed(message, f"HTTP 400: recipient {n} not on WhatsApp")
        await uow.commit()


async def test_outbox_counts_and_latest_failures(app: App, admin: Chat, warga: Chat) -> None:
    await queue(app, warga, ["pending", "sent", "sent", "failed", "failed"])
    await admin.says("/admin")
    assert "2 pesan keluar gagal terkirim" in admin.last.text
    await admin.taps("Status pesan keluar")
    text = admin.last.text
    assert "Menunggu: 1 · Terkirim: 2 · Gagal: 2" in text
    assert "Jatuh tempo sekarang: 1 pesan, yang terlama menunggu" in text  # the sender's lag
    assert "HTTP 400: recipient 4 not on WhatsApp" in text
    assert "HTTP 400: recipient 3 not on WhatsApp" in text
    assert "Rahasia" not in text and NIK not in text
    await admin.taps("Muat ulang")
    assert "Gagal: 2" in admin.last.text
    await admin.taps("Menu admin")
    assert "Menu admin" in admin.last.text


async def test_no_failures_no_warning(app: App, admin: Chat) -> None:
    await admin.says("/admin")
    assert "gagal" not in admin.last.text
    await admin.taps("Status pesan keluar")
    assert "Menunggu: 0 · Terkirim: 0 · Gagal: 0" in admin.last.text
    assert "Gagal terakhir" not in admin.last.text
    assert "Jatuh tempo" not in admin.last.text


async def test_leaving_the_admin_menu(admin: Chat) -> None:
    await admin.says("/admin")
    await admin.taps("Menu utama")
    assert "Menu utama Kampung Bahagia" in admin.last.text
    await admin.says("/admin")
    await admin.says("batal")
    assert "yang sudah dikonfirmasi tetap tersimpan" in admin.text


async def test_an_official_is_not_an_admin(app: App) -> None:
    await grant(app, "petugas", PETUGAS_PHONE, "Rina Marlina")
    rina = Chat(app, "rina", channel="whatsapp", phone=PETUGAS_PHONE)
    await rina.says("/admin")
    assert "tidak tersedia" in rina.text
