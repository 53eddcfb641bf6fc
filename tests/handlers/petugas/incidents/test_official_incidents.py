"""Insiden as an official lives it: the open accident reports of their area, most urgent
first with the time left to the 2×24-hour deadline; one report's details; marking it
reported to BPJS with the report number or without one (stored, audited, the reporter and
the victim told), closing it with its outcome and a note (stage II, the reporter and the
victim told); and every refusal — another area, a report already handled by
someone else, a closed one, nonsense at each step."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.app import App
from storage.models import AuditEvent, Conversation, OutboxMessage
from support.chat import Chat, Clock
from support.incidents import MASKED, SITI, seed_incident
from support.seeding import SeededRt, grant


async def stored(app: App, incident_id: int):  # noqa: ANN201
    async with app.uow_factory() as uow:
        return await uow.incidents.get(incident_id)


async def audit(app: App, action: str) -> list[AuditEvent]:
    async with app.uow_factory() as uow:
        query = select(AuditEvent).where(AuditEvent.action == action)
        return list(await uow.session.scalars(query))


async def outbox(app: App, kind: str) -> list[OutboxMessage]:
    async with app.uow_factory() as uow:
        query = select(OutboxMessage).where(OutboxMessage.kind == kind)
        return list(await uow.session.scalars(query))


async def kecamatan_official(app: App, code: str = "15.71.01", chat_id: str = "kec-1") -> Chat:
    phone = "+6281100000009"
    await grant(app, "petugas", phone, "Camat Telanaipura", "kecamatan", code)
    return Chat(app, chat_id, channel="whatsapp", phone=phone, name="Camat")


def plain(text: str) -> str:
    return text.replace("*", "")


async def test_the_list_is_most_urgent_first_with_the_time_left(
    petugas: Chat, clock: Clock, rt: SeededRt, other_rt: SeededRt
) -> None:
    app = petugas.app
    _, fresh = await seed_incident(app, rt, clock.now - timedelta(hours=34, minutes=40))
    _, late = await seed_incident(app, other_rt, clock.now - timedelta(hours=53))
    await petugas.says("/insiden")
    text = plain(petugas.text)
    assert "2 belum selesai" in text
    assert text.index(late) < text.index(fresh)
    assert "sisa 13 jam 20 menit" in text and "LEWAT 5 jam" in text
    assert "RT 01, Kel. Simpang IV Sipin" in text and "RT 05, Kel. Thehok" in text
    assert f"Siti Aminah (NIK {MASKED})" in petugas.text and SITI not in text
    assert "Rawat inap" in text and "terlindungi" in text
    assert petugas.choices[:2] == [late, fresh]


async def test_a_kecamatan_official_sees_only_their_kecamatan(
    app: App, clock: Clock, rt: SeededRt, other_rt: SeededRt
) -> None:
    camat = await kecamatan_official(app)
    _, mine = await seed_incident(app, rt, clock.now - timedelta(hours=2))
    _, theirs = await seed_incident(app, other_rt, clock.now - timedelta(hours=1))
    _, nowhere = await seed_incident(app, None, clock.now - timedelta(hours=1))
    await camat.says("/insiden")
    assert mine in camat.text and theirs not in camat.text and nowhere not in camat.text
    await camat.says(theirs.lower())
    assert "tidak ada di wilayah tugas Anda" in camat.text
    await camat.says(nowhere)
    assert "tidak ada di wilayah tugas Anda" in camat.text
    await camat.says("LK-20990101-0001")
    assert "Tidak ada insiden dengan nomor" in camat.text


async def victim_reachable(app: App, incident_id: int, warga: Chat) -> int:
    """The victim's person row carries the phone the resident's chat verified."""
    await warga.says("menu")
    async with app.uow_factory() as uow:
        incident = await uow.incidents.get(incident_id)
        person = await uow.persons.get(incident.person_id)
        await uow.persons.update_phone(person, warga.phone)
        account = await uow.accounts.find("whatsapp", warga.address.chat_id)
        await uow.commit()
        return int(account.id)


async def test_mark_reported_with_the_bpjs_number(
    petugas: Chat, ketua: Chat, warga: Chat, clock: Clock, rt: SeededRt
) -> None:
    app = petugas.app
    await ketua.says("menu")  # the Ketua RT who reported has an account
    async with app.uow_factory() as uow:
        chair = await uow.accounts.find("whatsapp", "ketua-1")
    incident_id, reference = await seed_incident(
        app, rt, clock.now - timedelta(hours=3), reporter_account_id=chair.id
    )
    victim = await victim_reachable(app, incident_id, warga)
    await petugas.says("/insiden")
    await petugas.taps(reference)
    detail = plain(petugas.text)
    assert f"Insiden {reference}" in detail and "sisa 45 jam" in detail
    assert "Terjatuh dari tangga" in detail and "Budi Santoso" in detail
    assert "Perbaikan" not in detail and "bukan kegiatan terdaftar" in detail

    await petugas.says("apa ini")  # not a button
    assert "pilih salah satu" in petugas.text
    await petugas.taps("Tandai sudah dilaporkan")
    for nonsense in ("😀😀😀", "ab", "x" * 120, "nomor saya tidak tahu"):
        await petugas.says(nonsense)
        assert "bukan nomor laporan" in petugas.text or "terlalu panjang" in petugas.text
    await petugas.says("KK1/2026/00O12")  # a typo the official then corrects
    assert "KK1/2026/00O12" in petugas.text
    await petugas.taps("Ubah nomor")
    await petugas.says("  KK1/2026/00012 ")
    assert "nomor laporan KK1/2026/00012?" in plain(petugas.text)
    await petugas.says("xyz")
    assert "pilih salah satu" in petugas.text
    await petugas.taps("Ya, simpan")

    assert "ditandai sudah dilaporkan ke BPJS" in plain(petugas.text)
    incident = await stored(app, incident_id)
    assert incident.status == "reported"
    assert incident.bpjs_report_number == "KK1/2026/00012"
    assert incident.bpjs_reported_at == clock.now
    (event,) = await audit(app, "incident_marked_reported")
    assert event.detail["number"] == "KK1/2026/00012"
    assert event.subject_person_id == incident.person_id
    notices = sorted(await outbox(app, "incident_reported"), key=lambda m: m.account_id)
    assert [m.account_id for m in notices] == sorted([chair.id, victim])
    for notice in notices:
        assert notice.dedup_key == f"incident:{incident_id}:reported:{notice.account_id}"
        text = notice.payload["text"]
        assert reference in text and "KK1/2026/00012" in text and "oleh petugas" in text
    # Back on the list, now as reported; `kembali` cannot replay the confirmation.
    assert "sudah dilaporkan ke BPJS (no. KK1/2026/00012)" in plain(petugas.text)
    await petugas.says("kembali")
    assert "tidak ada langkah sebelumnya" in petugas.text


async def test_close_an_unreported_incident_with_a_reason(
    petugas: Chat, clock: Clock, rt: SeededRt
) -> None:
    app = petugas.app
    incident_id, reference = await seed_incident(app, rt, clock.now - timedelta(hours=1))
    await petugas.says("/insiden")
    await petugas.says("1")
    await petugas.taps("Tutup")
    assert "Mengapa insiden" in plain(petugas.text)
    assert "Klaim dibayar BPJS" not in petugas.choices  # not reported: no BPJS decision
    await petugas.says("🙏🙏")
    assert "tulis alasannya" in petugas.text
    await petugas.says("Korban ternyata tidak sedang bekerja")
    assert "Hasil: Lainnya" in petugas.text
    assert "Catatan: Korban ternyata tidak sedang bekerja" in petugas.text
    assert "belum ditandai dilaporkan" in plain(petugas.text)
    await petugas.taps("Ubah hasil")
    await petugas.taps("Laporan ganda")
    await petugas.taps("Tanpa catatan")
    await petugas.says("👍")
    assert "pilih salah satu" in petugas.text and "Hasil: Laporan ganda" in petugas.text
    assert "Catatan:" not in petugas.text
    await petugas.taps("Ya, tutup")

    assert f"Insiden {reference} ditutup" in plain(petugas.text)
    assert "Tidak ada insiden terbuka" in petugas.text
    incident = await stored(app, incident_id)
    assert incident.status == "closed" and incident.closed_at == clock.now
    assert incident.outcome == "duplicate" and incident.outcome_note == ""
    (event,) = await audit(app, "incident_closed")
    assert event.detail["outcome"] == "duplicate" and event.detail["was"] == "open"
    await petugas.says(reference)
    assert "sudah ditutup" in petugas.text


async def test_mark_reported_without_a_number_then_close_with_the_claim_outcome(
    petugas: Chat, ketua: Chat, warga: Chat, clock: Clock, rt: SeededRt
) -> None:
    """Stage II: BPJS paid the claim; the reporter and the victim hear it with the note."""
    app = petugas.app
    await ketua.says("menu")
    async with app.uow_factory() as uow:
        chair = await uow.accounts.find("whatsapp", "ketua-1")
    incident_id, reference = await seed_incident(
        app, rt, clock.now - timedelta(hours=20), reporter_account_id=chair.id
    )
    victim = await victim_reachable(app, incident_id, warga)
    await petugas.says("/insiden")
    await petugas.taps(reference)
    await petugas.taps("Tandai sudah dilaporkan")
    await petugas.taps("Belum ada nomor")
    assert "tanpa nomor laporan" in plain(petugas.text)
    await petugas.taps("Ya, simpan")
    assert "tanpa nomor" in plain(petugas.text)
    incident = await stored(app, incident_id)
    assert incident.status == "reported" and incident.bpjs_report_number is None
    sent = await outbox(app, "incident_reported")
    assert sorted(m.account_id for m in sent) == sorted([chair.id, victim])
    assert "sudah dilaporkan resmi ke BPJS" in sent[0].payload["text"]

    clock.advance(days=10)
    await petugas.taps(reference)
    await petugas.taps("Tutup")
    assert "Apa hasil laporan" in plain(petugas.text)
    assert petugas.choices[:4] == [
        "Klaim dibayar BPJS",
        "Klaim ditolak BPJS",
        "Tidak perlu klaim",
        "Lainnya",
    ]
    await petugas.taps("Klaim dibayar BPJS")
    await petugas.says("🙂")
    assert "tulis alasannya" in petugas.text
    await petugas.says("Biaya rawat inap dibayar penuh")
    assert "Hasil: Klaim dibayar BPJS" in petugas.text
    assert "belum ditandai" not in plain(petugas.text)
    await petugas.taps("Ya, tutup")

    incident = await stored(app, incident_id)
    assert incident.status == "closed" and incident.outcome == "claim_paid"
    assert incident.outcome_note == "Biaya rawat inap dibayar penuh"
    (event,) = await audit(app, "incident_closed")
    assert event.detail["outcome"] == "claim_paid" and event.detail["was"] == "reported"
    closed = sorted(await outbox(app, "incident_closed"), key=lambda m: m.account_id)
    assert [m.account_id for m in closed] == sorted([chair.id, victim])
    for notice in closed:
        assert notice.dedup_key == f"incident:{incident_id}:closed:{notice.account_id}"
        text = plain(notice.payload["text"])
        assert reference in text and "Hasil: Klaim dibayar BPJS" in text
        assert "Biaya rawat inap dibayar penuh" in text


async def test_other_needs_words(petugas: Chat, clock: Clock, rt: SeededRt) -> None:
    _, reference = await seed_incident(petugas.app, rt, clock.now - timedelta(hours=1))
    await petugas.says("/insiden")
    await petugas.taps(reference)
    await petugas.taps("Tutup")
    await petugas.taps("Lainnya")
    assert "Tanpa catatan" not in petugas.choices
    await petugas.says("ok")
    assert "tulis alasannya" in petugas.text
    await petugas.says("Korban menolak mengurus klaim")
    assert "Hasil: Lainnya" in petugas.text and "Korban menolak" in petugas.text


async def test_a_report_already_handled_by_another_official_is_refused(
    petugas: Chat, admin: Chat, clock: Clock, rt: SeededRt
) -> None:
    app = petugas.app
    incident_id, reference = await seed_incident(app, rt, clock.now - timedelta(hours=5))
    for official in (petugas, admin):
        await official.says("/insiden")
        await official.taps(reference)
        await official.taps("Tandai sudah dilaporkan")
        await official.says(f"BPJS-{official.address.chat_id}-001")
    await admin.taps("Ya, simpan")
    await petugas.taps("Ya, simpan")
    assert "sudah ditangani petugas lain" in petugas.text
    assert (await stored(app, incident_id)).bpjs_report_number == "BPJS-admin-1-001"
    assert len(await audit(app, "incident_marked_reported")) == 1

    # Closing what someone closed meanwhile: refused at the confirmation.
    await petugas.taps(reference)
    await petugas.taps("Tutup")
    await admin.taps(reference)
    await admin.taps("Tutup")
    await admin.taps("Klaim dibayar BPJS")
    await admin.taps("Tanpa catatan")
    await admin.taps("Ya, tutup")
    await petugas.taps("Klaim ditolak BPJS")
    await petugas.taps("Tanpa catatan")
    await petugas.taps("Ya, tutup")
    assert "sudah ditangani petugas lain" in petugas.text
    assert len(await audit(app, "incident_closed")) == 1


async def test_stale_buttons_long_text_and_nonsense_stay_put(
    petugas: Chat, clock: Clock, rt: SeededRt
) -> None:
    app = petugas.app
    _, reference = await seed_incident(app, rt, clock.now - timedelta(hours=1))
    await petugas.says("/insiden")
    await petugas.says("🚑🚑")
    assert "Pilih insiden dari daftar" in petugas.text
    await petugas.says("x" * 5000)
    assert "terlalu panjang" in petugas.text
    await petugas.taps_id("i999999")
    assert "Tombol itu sudah tidak berlaku" in petugas.text
    await petugas.taps(reference)
    await petugas.taps_id("yes")  # a confirmation button from an earlier question
    assert "Tombol itu sudah tidak berlaku" in petugas.text
    assert "Tandai sudah dilaporkan ke BPJS" in petugas.choices
    await petugas.taps("Kembali ke daftar")
    assert reference in petugas.choices


async def test_residents_and_ketua_rt_are_refused(warga: Chat, ketua: Chat) -> None:
    for chat in (warga, ketua):
        await chat.says("/insiden")
        assert "tidak tersedia untuk Anda" in chat.text
        assert "Insiden" not in chat.choices


async def test_no_open_incidents(petugas: Chat) -> None:
    await petugas.says("/insiden")
    assert "Tidak ada insiden terbuka" in petugas.text
    await petugas.taps("Menu utama")
    assert "Menu utama" in petugas.text


async def test_a_close_confirmation_saved_before_outcomes_still_closes(
    petugas: Chat, clock: Clock, rt: SeededRt
) -> None:
    """A conversation stored at close_confirm with only a reason (the older version)."""
    app = petugas.app
    incident_id, reference = await seed_incident(app, rt, clock.now - timedelta(hours=1))
    await petugas.says("/insiden")
    await petugas.taps(reference)
    await petugas.taps("Tutup")
    await petugas.says("Korban ternyata tidak sedang bekerja")
    async with app.uow_factory() as uow:
        query = select(Conversation).where(Conversation.chat_id == petugas.address.chat_id)
        conversation = await uow.session.scalar(query)
        conversation.data = {k: v for k, v in conversation.data.items() if k != "close_outcome"}
        await uow.commit()
    await petugas.taps("Ya, tutup")
    incident = await stored(app, incident_id)
    assert incident.status == "closed" and incident.outcome == "other"
    assert incident.outcome_note == "Korban ternyata tidak sedang bekerja"
