"""Perbaikan data as an official lives it: the open correction requests of their area,
oldest first; one request with what is held now (NIK masked) and the resident's message;
approving it with corrected values (applied to the person, audited old → new without any
NIK, the request closed, the resident told) or rejecting it with a reason; and the
refusals — another area, a request already handled, nonsense at each step."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from bot.app import App
from storage.models import OutboxMessage
from support.activity_helpers import SITI
from support.chat import Chat, Clock
from support.coverage import SITI_PHONE, audit_events, confirmed_activity
from support.seeding import SeededRt, grant

NIK = SITI[0]


async def requested(app: App, warga: Chat, rt: SeededRt, message: str) -> int:
    """Siti (on a confirmed activity of `rt`) asks for a correction from Data saya."""
    async with app.uow_factory() as uow:
        known = await uow.persons.find_by_nik(NIK)
    if known is None:
        await confirmed_activity(
            app, rt.id, "Perbaikan jalan", date(2026, 3, 2), date(2026, 3, 31),
            ((SITI, SITI_PHONE),),
        )  # fmt: skip
    await warga.says("/datasaya")
    await warga.taps("Minta perbaikan")
    await warga.taps("Lainnya")
    await warga.says(message)
    await warga.taps("Ya, kirim")
    async with app.uow_factory() as uow:
        found = await uow.corrections.open_in_scope(city_wide=True)
        return max(r.id for r in found)


async def request_row(app: App, request_id: int) -> Any:
    async with app.uow_factory() as uow:
        return await uow.corrections.get(request_id)


async def person(app: App) -> Any:
    async with app.uow_factory() as uow:
        return await uow.persons.find_by_nik(NIK)


async def outbox(app: App, kind: str) -> list[OutboxMessage]:
    async with app.uow_factory() as uow:
        query = select(OutboxMessage).where(OutboxMessage.kind == kind)
        return list(await uow.session.scalars(query))


async def account_id(app: App, chat: Chat) -> int:
    async with app.uow_factory() as uow:
        account = await uow.accounts.find(chat.address.channel, chat.address.chat_id)
        return int(account.id)


async def official(app: App, chat_id: str, phone: str, kind: str, code: str | None) -> Chat:
    await grant(app, "petugas", phone, f"Petugas {chat_id}", scope_kind=kind, scope_code=code)
    chat = Chat(app, chat_id, channel="whatsapp", phone=phone, name=chat_id)
    await chat.says("menu")
    return chat


async def test_approve_applies_the_correction_audits_it_and_tells_the_resident(
    app: App, warga: Chat, petugas: Chat, rt: SeededRt, clock: Clock
) -> None:
    request_id = await requested(app, warga, rt, "Nama saya Siti Aminah Lubis, lahir 6 Juni 1990")
    await petugas.says("/perbaikan")
    assert "1 menunggu" in petugas.text
    assert f"#{request_id}" in petugas.text and "Siti Aminah" in petugas.text
    await petugas.taps(f"#{request_id}")
    detail = petugas.text
    assert "Data yang tercatat sekarang" in detail
    assert "1571********0001" not in detail and NIK not in detail  # beside birth date, sex
    assert "Tanggal lahir: 5 Juni 1990" in detail and "Jenis kelamin: perempuan" in detail
    assert f"Nomor HP: {SITI_PHONE}" in detail and "RT 01 · Kel. Simpang IV Sipin" in detail
    assert "Nama saya Siti Aminah Lubis, lahir 6 Juni 1990" in detail
    assert petugas.choices == ["Setujui & perbaiki", "Tolak", "Kembali"]

    await petugas.taps("Setujui & perbaiki")
    assert "Simpan perbaikan" not in petugas.choices  # nothing to save yet
    await petugas.taps("Nama")
    assert "Sekarang tercatat: *Siti Aminah*" in petugas.text
    await petugas.says("Siti Aminah")
    assert "sama dengan data yang tercatat" in petugas.text
    await petugas.says("Siti 4m1nah")
    assert "Nama hanya boleh berisi huruf" in petugas.text
    await petugas.says("siti aminah lubis")
    assert "Siti Aminah → *Siti Aminah Lubis*" in petugas.text
    await petugas.taps("Tanggal lahir")
    await petugas.says("6 Juni 2090")
    assert "tidak mungkin" in petugas.text
    await petugas.says("kemarin lusa entah")
    assert "tidak terbaca" in petugas.text
    await petugas.says("06-06-1990")
    assert "5 Juni 1990 → *6 Juni 1990*" in petugas.text
    await petugas.taps("Simpan perbaikan")
    assert "Simpan perbaikan data *Siti Aminah*" in petugas.text
    await petugas.taps("Ya, simpan")
    assert f"permintaan *#{request_id}* selesai" in petugas.text

    stored = await person(app)
    assert stored.name == "Siti Aminah Lubis" and stored.birth_date == date(1990, 6, 6)
    assert stored.sex == "P" and stored.phone == SITI_PHONE
    row = await request_row(app, request_id)
    assert row.status == "done" and row.handled_at == clock.now
    assert row.handled_by == await account_id(app, petugas)
    assert "Siti Aminah Lubis" in row.note
    (event,) = await audit_events(app, "correction_approved")
    assert event.subject_person_id == stored.id
    assert event.actor_account_id == await account_id(app, petugas)
    assert event.detail == {
        "request_id": request_id,
        "changes": {
            "name": {"old": "Siti Aminah", "new": "Siti Aminah Lubis"},
            "birth_date": {"old": "1990-06-05", "new": "1990-06-06"},
        },
    }
    assert NIK not in str(event.detail) and "1571" not in str(event.detail)

    (notice,) = await outbox(app, "correction_handled")
    assert notice.account_id == await account_id(app, warga)
    assert f"#{request_id}* sudah diproses" in notice.payload["text"]
    assert "Siti Aminah Lubis" in notice.payload["text"]
    assert "Tidak ada permintaan perbaikan data yang menunggu" in petugas.text

    await warga.says("/datasaya")
    assert f"#{request_id} — 2 Maret 2026 — selesai" in warga.text
    assert "Siti Aminah Lubis" in warga.text


async def test_sex_and_phone_are_read_by_the_usual_rules(
    app: App, warga: Chat, petugas: Chat, rt: SeededRt
) -> None:
    request_id = await requested(app, warga, rt, "Jenis kelamin dan nomor HP saya salah")
    await petugas.says("/perbaikan")
    await petugas.says(f"#{request_id}")
    await petugas.taps("Setujui & perbaiki")
    await petugas.taps("Jenis kelamin")
    assert petugas.choices == ["Laki-laki", "Perempuan"]
    await petugas.taps("Laki-laki")
    await petugas.taps("Nomor HP")
    await petugas.says("0812")
    assert "Jumlah angka nomor HP tidak pas" in petugas.text
    assert "Sekarang tercatat" in petugas.last.text
    await petugas.says("0812-9999-0001")
    assert "+6281299990001" in petugas.text
    await petugas.taps("Simpan perbaikan")
    await petugas.taps("Ya, simpan")
    stored = await person(app)
    assert stored.sex == "L" and stored.phone == "+6281299990001"
    (event,) = await audit_events(app, "correction_approved")
    assert event.detail["changes"] == {
        "sex": {"old": "P", "new": "L"},
        "phone": {"old": SITI_PHONE, "new": "+6281299990001"},
    }


async def test_reject_with_a_reason(
    app: App, warga: Chat, petugas: Chat, rt: SeededRt, clock: Clock
) -> None:
    request_id = await requested(app, warga, rt, "Nama saya seharusnya Siti Nurhaliza")
    await petugas.says("/perbaikan")
    await petugas.taps(f"#{request_id}")
    await petugas.taps("Tolak")
    await petugas.says("ok")
    assert "dengan kata-kata" in petugas.text
    await petugas.says("Nama di KTP tetap Siti Aminah; bawa KTP ke kelurahan")
    assert "Alasan: Nama di KTP tetap Siti Aminah" in petugas.text
    await petugas.taps("Ubah alasan")
    await petugas.says("Nama pada KTP adalah Siti Aminah")
    await petugas.taps("Ya, tolak")
    assert f"Permintaan *#{request_id}* ditolak" in petugas.text

    row = await request_row(app, request_id)
    assert row.status == "rejected" and row.note == "Nama pada KTP adalah Siti Aminah"
    assert row.handled_by == await account_id(app, petugas) and row.handled_at == clock.now
    assert (await person(app)).name == "Siti Aminah"
    (event,) = await audit_events(app, "correction_rejected")
    assert event.detail == {"request_id": request_id, "reason": "Nama pada KTP adalah Siti Aminah"}
    (notice,) = await outbox(app, "correction_handled")
    assert "tidak dapat diproses" in notice.payload["text"]
    assert "Alasan: Nama pada KTP adalah Siti Aminah" in notice.payload["text"]
    await warga.says("/datasaya")
    assert f"#{request_id} — 2 Maret 2026 — ditolak" in warga.text


async def test_a_request_outside_the_scope_is_invisible_and_refused_by_id(
    app: App, warga: Chat, petugas: Chat, rt: SeededRt
) -> None:
    await petugas.says("menu")
    camat = await official(app, "camat", "+6281100000011", "kecamatan", "15.71.02")
    lurah = await official(app, "lurah", "+6281100000010", "kelurahan", rt.kelurahan_code)
    request_id = await requested(app, warga, rt, "Nama saya seharusnya Siti Aminah Lubis")
    await camat.says("/perbaikan")
    assert "Tidak ada permintaan perbaikan data yang menunggu" in camat.text
    assert "Siti" not in camat.text
    await camat.says(f"#{request_id}")
    assert "Siti" not in camat.text
    assert f"Tidak ada permintaan perbaikan *#{request_id}*" in camat.text

    await lurah.says("/perbaikan")
    await lurah.says(f"#{request_id}")
    assert "Data yang tercatat sekarang" in lurah.text


async def test_a_request_handled_by_another_official_changes_nothing(
    app: App, warga: Chat, petugas: Chat, rt: SeededRt
) -> None:
    lurah = await official(app, "lurah", "+6281100000010", "kelurahan", rt.kelurahan_code)
    request_id = await requested(app, warga, rt, "Nama saya seharusnya Siti Aminah Lubis")
    await lurah.says("/perbaikan")
    await lurah.taps(f"#{request_id}")
    await lurah.taps("Setujui & perbaiki")
    await lurah.taps("Nama")
    await lurah.says("Siti Aminah Lubis")
    await lurah.taps("Simpan perbaikan")

    await petugas.says("/perbaikan")  # meanwhile the city official rejects it
    await petugas.taps(f"#{request_id}")
    await petugas.taps("Tolak")
    await petugas.says("Sudah benar sesuai KTP")
    await petugas.taps("Ya, tolak")

    await lurah.taps("Ya, simpan")
    assert "sudah ditangani" in lurah.text
    assert (await person(app)).name == "Siti Aminah"
    assert (await request_row(app, request_id)).status == "rejected"
    assert await audit_events(app, "correction_approved") == []


async def test_oldest_first_in_pages_of_eight(
    app: App, warga: Chat, petugas: Chat, rt: SeededRt, clock: Clock
) -> None:
    ids = []
    for n in range(10):
        ids.append(await requested(app, warga, rt, f"Nama saya salah ketik nomor {n}"))
        clock.advance(minutes=5)
    await petugas.says("/perbaikan")
    assert "10 menunggu" in petugas.text and "halaman 1/2" in petugas.text
    assert petugas.choices[0] == f"#{ids[0]} Siti Aminah"
    assert f"#{ids[8]} " not in " ".join(petugas.choices)
    await petugas.taps("Berikutnya")
    assert "halaman 2/2" in petugas.text
    assert petugas.choices[:2] == [f"#{ids[8]} Siti Aminah", f"#{ids[9]} Siti Aminah"]
    await petugas.says("apa ini")
    assert "Pilih permintaan dari daftar" in petugas.text


async def test_batal_in_a_field_returns_to_the_pending_changes(
    app: App, warga: Chat, petugas: Chat, rt: SeededRt
) -> None:
    request_id = await requested(app, warga, rt, "Nama saya seharusnya Siti Aminah Lubis")
    await petugas.says("/perbaikan")
    await petugas.taps(f"#{request_id}")
    await petugas.taps("Setujui & perbaiki")
    await petugas.taps("Nama")
    await petugas.says("Siti Aminah Lubis")
    await petugas.taps("Nomor HP")
    await petugas.says("batal")
    assert "Siti Aminah → *Siti Aminah Lubis*" in petugas.text
    assert "Simpan perbaikan" in petugas.choices
    assert (await request_row(app, request_id)).status == "open"


async def test_the_alert_preference_is_read(
    app: App, warga: Chat, petugas: Chat, rt: SeededRt, clock: Clock
) -> None:
    lurah = await official(app, "lurah", "+6281100000010", "kelurahan", rt.kelurahan_code)
    await lurah.says("/peringatan")
    assert "Permintaan perbaikan data warga: *aktif*" in lurah.text
    await lurah.taps("Matikan perbaikan data")
    assert "Permintaan perbaikan data warga: *mati*" in lurah.text
    await petugas.says("menu")
    request_id = await requested(app, warga, rt, "Nama saya seharusnya Siti Aminah Lubis")
    assert "terkirim ke 1 petugas" in warga.text
    tasks = await outbox(app, "correction")
    assert [m.account_id for m in tasks] == [await account_id(app, petugas)]
    # Not told, but the request still waits for them.
    await lurah.says("/perbaikan")
    assert f"#{request_id}" in lurah.text
