"""Data saya as a resident lives it: the data held about them (by verified phone only),
the privacy facts, and a correction request that reaches the officials in scope as a
task — stored, audited, NIKs masked everywhere."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from bot.app import App
from bot.core.markup import strip_marks
from support.activity_helpers import JOKO, RUDI, SITI, add_participant, create_activity
from support.chat import Chat, Clock
from support.coverage import (
    NOW,
    SITI_PHONE,
    audit_events,
    confirmed_activity,
    person_id,
    shares_contact,
)
from support.seeding import SeededRt, grant

FIX = "Tanggal lahir saya seharusnya 6 Juni 1990, NIK 1571 0146 0690 0009"


async def participant_with_history(app: App, rt: SeededRt) -> int:
    """Siti: on a confirmed activity (with a wage), on a draft, and an accident's victim."""
    activity = await confirmed_activity(
        app, rt.id, "Perbaikan jalan Gang Melati", date(2026, 3, 2), date(2026, 3, 31),
        ((SITI, SITI_PHONE), (JOKO, None)),
    )  # fmt: skip
    async with app.uow_factory() as uow:
        siti = await uow.persons.find_by_nik(SITI[0])
        (row,) = [
            p for p in await uow.participations.for_activity(activity) if p.person_id == siti.id
        ]
        row.daily_wage = 150_000
        await uow.incidents.report(
            date(2026, 3, 2), activity_id=activity, person_id=siti.id, rt_id=rt.id,
            victim_name=siti.name, occurred_at=NOW - timedelta(hours=1), place="Gang Melati",
            description="Terjatuh dari gerobak", severity="luka_ringan", covered=True,
            reporter_name="Budi", reporter_phone="+6281200000001", reported_at=NOW,
        )  # fmt: skip
        await uow.commit()
    draft = await create_activity(app, rt.id, title="Draf saluran air")
    await add_participant(app, draft, SITI, phone=SITI_PHONE, role="phl")
    return activity


async def requests(app: App) -> list[Any]:
    async with app.uow_factory() as uow:
        found = await uow.corrections.open_in_scope(city_wide=True)
        return sorted(found, key=lambda r: r.id)


async def task_messages(app: App, clock: Clock) -> list[Any]:
    async with app.uow_factory() as uow:
        return [m for m in await uow.outbox.due(clock.now, 100) if m.kind == "correction"]


async def official(app: App, chat_id: str, phone: str, kind: str, code: str | None) -> Chat:
    await grant(app, "petugas", phone, f"Petugas {chat_id}", scope_kind=kind, scope_code=code)
    chat = Chat(app, chat_id, channel="whatsapp", phone=phone, name=chat_id)
    await chat.says("menu")  # the official's account exists from the first message
    return chat


# --- what is shown ------------------------------------------------------------------


async def test_a_participant_sees_the_data_held_about_them(
    app: App, warga: Chat, rt: SeededRt
) -> None:
    await participant_with_history(app, rt)
    await warga.says("menu")
    await warga.taps("Data saya")

    text = warga.text
    assert "Data yang kami simpan tentang Anda" in text
    # Beside the birth date and sex the NIK is not shown, not even masked (issue 12).
    assert "Siti Aminah" in text and "NIK: tersimpan terenkripsi" in text
    assert "1571014506900001" not in text and "1571********0001" not in text
    assert "Tanggal lahir: 5 Juni 1990" in text and "Jenis kelamin: perempuan" in text
    assert "Nomor HP: +6281300000001" in text
    assert "*Kegiatan* (2):" in text
    assert "Perbaikan jalan Gang Melati (KB-2026-00001)" in text
    assert "RT 01 · Kel. Simpang IV Sipin" in text
    assert "Warga — upah/honor Rp150.000" in text
    assert "terlindungi sekarang" in text
    assert "Draf saluran air" in text and "PHL" in text and "belum dikonfirmasi" in text
    assert "*Laporan kecelakaan tentang Anda* (1):" in text
    assert "LK-20260302-0001 — 2 Maret 2026" in text
    assert "Joko" not in text
    # The privacy facts: who holds the data, why, how long.
    assert "Pemerintah Kota Jambi" in text and "Perwal" in text
    assert "Tujuan:" in text and "Lama penyimpanan:" in text and "UU 27/2022" in text
    assert warga.choices == ["Minta perbaikan", "Unduh data saya", "Hapus data saya", "Menu"]

    (event,) = await audit_events(app, "own_data_viewed")
    assert event.subject_person_id == await person_id(app, SITI[0])


async def test_a_number_with_no_participant_data(app: App, warga: Chat) -> None:
    await warga.says("/datasaya")
    assert "Tidak ada data peserta yang tercatat untuk nomor +6281300000001" in warga.text
    assert "Tentang data Anda" in warga.text
    assert "Menu utama" in warga.text
    (event,) = await audit_events(app, "own_data_viewed")
    assert event.subject_person_id is None and event.detail == {"found": False}


async def test_without_a_verified_phone_nothing_is_shown_until_the_contact_is_shared(
    app: App, rt: SeededRt
) -> None:
    await participant_with_history(app, rt)
    telegram = Chat(app, "tg-1", channel="telegram", name="Siti")
    await telegram.says("/datasaya")
    assert "belum terverifikasi" in telegram.text and "Bagikan nomor HP" in telegram.text
    assert "Di WhatsApp nomor Anda terbaca otomatis" in telegram.text
    assert telegram.last.request_phone
    assert "1571********0001" not in telegram.text

    await telegram.says("0813-0000-0001")  # a typed number proves nothing
    assert "Tekan tombol *Bagikan nomor HP*" in telegram.text
    assert "1571********0001" not in telegram.text
    assert await audit_events(app, "own_data_viewed") == []

    await shares_contact(telegram, SITI_PHONE)
    assert "Siti Aminah" in telegram.text and "NIK: tersimpan terenkripsi" in telegram.text


# --- a correction request -----------------------------------------------------------


async def test_a_correction_request_goes_to_the_officials_in_scope(
    app: App, warga: Chat, clock: Clock, rt: SeededRt, petugas: Chat
) -> None:
    await petugas.says("menu")
    lurah = await official(app, "lurah", "+6281100000010", "kelurahan", rt.kelurahan_code)
    elsewhere = await official(app, "camat", "+6281100000011", "kecamatan", "15.71.02")
    await participant_with_history(app, rt)
    await warga.says("/datasaya")
    await warga.taps("Minta perbaikan")
    assert "Data mana yang salah?" in warga.text
    assert warga.choices == ["Nama", "Tanggal lahir", "Jenis kelamin", "Nomor HP", "Lainnya"]
    await warga.says("entahlah")
    assert "Mohon pilih salah satu" in warga.text
    await warga.says("tanggal")  # the start of one button's title is that button
    assert "*Tanggal lahir*" in warga.text and "Tulis data apa yang salah" in warga.text

    await warga.says(FIX)
    assert "Kirim permintaan perbaikan data *Siti Aminah*" in warga.text
    assert "NIK [NIK]" in warga.text and "1571 0146 0690 0009" not in warga.text
    assert "1571********0009" not in warga.text  # beside a birth date: hidden, not masked
    assert warga.choices == ["Ya, kirim", "Ubah tulisan", "Batal"]
    await warga.taps("Ya, kirim")

    (request,) = await requests(app)
    assert f"Permintaan perbaikan *#{request.id}* terkirim ke 2 petugas" in warga.text
    assert "Menu utama" in warga.text
    assert request.status == "open"
    assert request.person_id == await person_id(app, SITI[0])
    assert request.message == "Tanggal lahir: Tanggal lahir saya seharusnya 6 Juni 1990, NIK [NIK]"

    messages = await task_messages(app, clock)
    accounts = await account_ids(app, petugas, lurah, elsewhere)
    assert sorted(m.account_id for m in messages) == sorted(accounts[:2])
    text = strip_marks(messages[0].payload["text"])
    assert f"Permintaan perbaikan data #{request.id}" in text
    assert "Dari: Siti Aminah\n" in text and "1571********0001" not in text
    assert "RT 01 · Kel. Simpang IV Sipin" in text and "6 Juni 1990" in text
    assert "1571014506900001" not in text and "1571014606900009" not in text

    (event,) = await audit_events(app, "correction_requested")
    assert event.subject_person_id == request.person_id
    assert event.detail == {"request_id": request.id}

    async with app.uow_factory() as uow:
        assert [r.id for r in await uow.corrections.open_in_scope((), [rt.kelurahan_code])] == [
            request.id
        ]
        assert await uow.corrections.open_in_scope(["15.71.02"], []) == []
        assert len(await uow.corrections.open_in_scope(["15.71.01"], [])) == 1

    await warga.says("/datasaya")
    assert f"#{request.id} — 2 Maret 2026 — menunggu petugas" in warga.text


async def account_ids(app: App, *chats: Chat) -> list[int]:
    async with app.uow_factory() as uow:
        found = [await uow.accounts.find(c.address.channel, c.address.chat_id) for c in chats]
        return [account.id for account in found]


async def test_someone_on_no_list_reaches_only_city_wide_officials(
    app: App, warga: Chat, clock: Clock, rt: SeededRt, petugas: Chat
) -> None:
    await petugas.says("menu")
    await official(app, "lurah", "+6281100000010", "kelurahan", rt.kelurahan_code)
    async with app.uow_factory() as uow:
        siti = await uow.persons.add(SITI[0], SITI[1], SITI[2], SITI[3], SITI_PHONE)
        await uow.incidents.report(
            date(2026, 3, 2), person_id=siti.id, victim_name=siti.name,
            occurred_at=NOW - timedelta(hours=2), place="Pasar", description="Tergelincir",
            severity="luka_ringan", covered=False, reporter_name="Siti",
            reporter_phone=SITI_PHONE, reported_at=NOW,
        )  # fmt: skip
        await uow.commit()
    await warga.says("/datasaya")
    assert "Kegiatan: belum ada." in warga.text
    await warga.taps("Minta perbaikan")
    await warga.taps("Lainnya")
    await warga.says("Nama saya seharusnya Siti Aminah Lubis")
    await warga.taps("Ya, kirim")
    assert "terkirim ke 1 petugas" in warga.text

    (message,) = await task_messages(app, clock)
    assert message.account_id == (await account_ids(app, petugas))[0]
    assert "RT: belum tercatat pada daftar peserta" in message.payload["text"]
    async with app.uow_factory() as uow:
        assert await uow.corrections.open_in_scope((), [rt.kelurahan_code]) == []


async def test_change_the_text_then_cancel_leaves_nothing(
    app: App, warga: Chat, clock: Clock, rt: SeededRt, petugas: Chat
) -> None:
    await participant_with_history(app, rt)
    await warga.says("/datasaya")
    await warga.taps("Minta perbaikan")
    await warga.taps("Lainnya")
    await warga.says("Nama saya salah ketik")
    await warga.taps("Ubah tulisan")
    assert "Tulis data apa yang salah" in warga.text
    await warga.says("Nama saya seharusnya Siti Aminah Lubis")
    assert "Siti Aminah Lubis" in warga.text
    await warga.taps("Batal")
    assert "Permintaan perbaikan dibatalkan; tidak ada yang dikirim." in warga.text
    assert await requests(app) == []
    assert await task_messages(app, clock) == []
    assert await audit_events(app, "correction_requested") == []


async def test_one_phone_for_two_people_asks_whose_data(
    app: App, warga: Chat, rt: SeededRt
) -> None:
    await confirmed_activity(
        app, rt.id, "Perbaikan jalan", date(2026, 3, 2), date(2026, 3, 31),
        ((SITI, SITI_PHONE), (RUDI, SITI_PHONE)),
    )  # fmt: skip
    await warga.says("/datasaya")
    assert "Siti Aminah" in warga.text and "Rudi Hartono" in warga.text
    assert len(await audit_events(app, "own_data_viewed")) == 2
    await warga.taps("Minta perbaikan")
    assert warga.choices == ["Siti Aminah", "Rudi Hartono"]
    await warga.says("Budi")
    assert "Mohon pilih salah satu" in warga.text
    await warga.taps("Rudi")
    await warga.taps("Lainnya")
    await warga.says("Tanggal lahir Rudi seharusnya 13 Desember 1980")
    assert "perbaikan data *Rudi Hartono*" in warga.text
    await warga.taps("Ya, kirim")
    (request,) = await requests(app)
    assert request.person_id == await person_id(app, RUDI[0])


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ok", "Tulis lebih jelas"),
        ("😀😀😀😀😀😀", "Tulis lebih jelas"),
        ("12345678", "Tulis lebih jelas"),
        ("x" * 1001, "lebih dari 1000 huruf"),
    ],
)
async def test_a_request_text_that_says_nothing_is_refused(
    app: App, warga: Chat, rt: SeededRt, typed: str, expected: str
) -> None:
    await participant_with_history(app, rt)
    await warga.says("/datasaya")
    await warga.taps("Minta perbaikan")
    await warga.taps("Lainnya")
    await warga.says(typed)
    assert expected in warga.text and "Tulis data apa yang salah" in warga.text
    await warga.says("Nama saya seharusnya Siti Aminah Lubis")
    assert "Kirim permintaan perbaikan" in warga.text


async def test_bad_input_at_the_other_steps(app: App, warga: Chat, rt: SeededRt) -> None:
    await participant_with_history(app, rt)
    await warga.says("/datasaya")
    await warga.says("halo")
    assert "Pilih *Minta perbaikan*, *Unduh data saya*, *Hapus data saya* atau *Menu*" in warga.text
    await warga.taps_id("stale")
    assert "Tombol itu sudah tidak berlaku" in warga.text
    await warga.taps("Minta perbaikan")
    await warga.taps("Lainnya")
    await warga.says("Nama saya seharusnya Siti Aminah Lubis")
    await warga.says("mungkin")
    assert "Pilih *Ya, kirim* atau *Ubah tulisan*" in warga.text
    await warga.says("kembali")
    assert "Tulis data apa yang salah" in warga.text
    await warga.says("kembali")
    assert "Data mana yang salah?" in warga.text
    await warga.says("menu")
    assert "Menu utama" in warga.text
    assert await requests(app) == []


async def test_a_phone_changed_mid_request_sends_nothing(
    app: App, warga: Chat, rt: SeededRt, clock: Clock
) -> None:
    await participant_with_history(app, rt)
    await warga.says("/datasaya")
    await warga.taps("Minta perbaikan")
    await warga.taps("Lainnya")
    await warga.says("Nama saya seharusnya Siti Aminah Lubis")
    async with app.uow_factory() as uow:
        siti = await uow.persons.find_by_nik(SITI[0])
        await uow.persons.update_phone(siti, "+6281399999999")
        await uow.commit()
    await warga.taps("Ya, kirim")
    assert "tidak bisa dilanjutkan" in warga.text
    assert await requests(app) == []


async def test_the_english_texts_are_used_for_an_english_account(
    app: App, warga: Chat, rt: SeededRt
) -> None:
    await participant_with_history(app, rt)
    await warga.says("menu")
    async with app.uow_factory() as uow:
        account = await uow.accounts.find("whatsapp", "warga-1")
        account.language = "en"
        await uow.commit()
    await warga.says("/datasaya")
    assert "The data we hold about you" in warga.text and "About your data" in warga.text
    assert warga.choices == ["Ask for a correction", "Download my data", "Erase my data", "Menu"]
