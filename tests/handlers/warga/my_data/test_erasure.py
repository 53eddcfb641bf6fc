"""Hapus data saya as a resident and an official live it: the resident is told exactly
what will happen before sending; nothing is erased until an official in scope decides;
approving deletes what insurance claims do not need and keeps the claims records until
a date the resident is told (setting retention.claims_kept_days); a person with nothing
claims need is deleted outright; refusing needs a reason the resident reads; officials
of another area see nothing; everything is audited without a NIK."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select

from bot.app import App
from bot.domain.dates import format_date
from storage.models import CorrectionRequest, Incident, OutboxMessage, Participation
from support.activity_helpers import SITI
from support.chat import Chat, Clock
from support.coverage import SITI_PHONE, audit_events
from support.rights import (
    asks_erasure,
    erasure_requests,
    siti,
    siti_on_a_draft_only,
    siti_with_history,
)
from support.seeding import SeededRt, grant

KEPT_UNTIL = date(2026, 3, 2) + timedelta(days=1825)


async def outbox(app: App, kind: str) -> list[OutboxMessage]:
    async with app.uow_factory() as uow:
        query = select(OutboxMessage).where(OutboxMessage.kind == kind)
        return list(await uow.session.scalars(query.order_by(OutboxMessage.id)))


async def count(app: App, model: Any, **where: Any) -> int:
    async with app.uow_factory() as uow:
        query = select(func.count()).select_from(model).filter_by(**where)
        return int(await uow.session.scalar(query) or 0)


async def test_approval_deletes_what_claims_do_not_need_and_keeps_the_rest_until_a_date(
    app: App, warga: Chat, petugas: Chat, rt: SeededRt, clock: Clock
) -> None:
    activity, draft = await siti_with_history(app, rt.id)
    await petugas.says("menu")  # the official has a chat: tasks reach them
    await warga.says("/datasaya")
    await warga.taps("Minta perbaikan")
    await warga.taps("Lainnya")
    await warga.says("Nama ibu saya salah ditulis")
    await warga.taps("Ya, kirim")
    person_id = (await siti(app)).id

    await warga.says("/datasaya")
    await warga.taps("Hapus data saya")
    confirm = warga.text
    assert "Hapus data Siti Aminah?" in confirm
    assert "1 keikutsertaan di kegiatan yang dikonfirmasi dan 1 laporan kecelakaan" in confirm
    assert "disimpan 1825 hari lagi, lalu dianonimkan" in confirm
    assert "tidak ada yang dihapus sebelum petugas menyetujuinya" in confirm
    await warga.taps("Ya, minta hapus")
    (request,) = await erasure_requests(app)
    assert f"Permintaan penghapusan *#{request.id}* terkirim ke 1 petugas" in warga.text
    assert request.status == "open" and request.person_id == person_id
    (task,) = await outbox(app, "erasure")
    assert "Siti Aminah" in task.payload["text"] and "/hapusdata" in task.payload["text"]
    assert SITI[0] not in task.payload["text"]
    # Nothing is erased yet.
    assert (await siti(app)).phone == SITI_PHONE

    await petugas.says("/hapusdata")
    assert "1 menunggu" in petugas.text and f"#{request.id}" in petugas.text
    await petugas.taps(f"#{request.id}")
    detail = petugas.text
    assert "NIK: 1571********0001" in detail and SITI[0] not in detail
    assert "Juni 1990" not in detail  # never the masked NIK with the birth date
    assert "RT 01" in detail and "1825 hari" in detail
    await petugas.taps("Setujui & hapus")
    await petugas.taps("Ya, hapus")
    until = format_date(KEPT_UNTIL)
    assert f"disimpan sampai {until}" in petugas.text

    kept = await siti(app)
    assert kept is not None and kept.name == "Siti Aminah" and kept.phone is None
    assert await count(app, Participation, person_id=person_id, activity_id=activity) == 1
    assert await count(app, Participation, person_id=person_id, activity_id=draft) == 0
    assert await count(app, Incident, person_id=person_id) == 1
    assert await count(app, CorrectionRequest, person_id=person_id) == 0
    (decided,) = await erasure_requests(app)
    assert decided.status == "approved" and decided.keep_until == KEPT_UNTIL
    assert decided.handled_at == clock.now
    (event,) = await audit_events(app, "erasure_approved")
    assert event.subject_person_id == person_id
    assert event.detail == {
        "request_id": request.id,
        "person_deleted": False,
        "participations_deleted": 1,
        "corrections_deleted": 1,
        "participations_kept": 1,
        "incidents_kept": 1,
        "keep_until": KEPT_UNTIL.isoformat(),
    }
    # The audit details about her (the correction's text) are gone; the events stay.
    (viewed, *_) = await audit_events(app, "own_data_viewed")
    assert viewed.detail == {}
    (told,) = await outbox(app, "erasure_handled")
    text = told.payload["text"]
    assert f"disimpan sampai {until}, lalu dianonimkan" in text
    assert "Nomor HP Anda, kegiatan yang belum dikonfirmasi dan permintaan perbaikan" in text
    assert "tidak lagi tampil di *Data saya*" in text
    # True: her number no longer finds her data.
    await warga.says("/datasaya")
    assert "Tidak ada data peserta" in warga.text


async def test_a_person_nothing_claims_need_is_deleted_outright(
    app: App, warga: Chat, petugas: Chat, rt: SeededRt
) -> None:
    await siti_on_a_draft_only(app, rt.id)
    await warga.says("/datasaya")
    await warga.taps("Hapus data saya")
    assert "Tidak ada catatan yang diperlukan untuk klaim asuransi" in warga.text
    await warga.taps("Ya, minta hapus")
    (request,) = await erasure_requests(app)
    await petugas.says("/hapusdata")
    await petugas.taps(f"#{request.id}")
    await petugas.taps("Setujui & hapus")
    await petugas.taps("Ya, hapus")
    assert "sudah dihapus" in petugas.text
    assert await siti(app) is None
    (decided,) = await erasure_requests(app)
    assert decided.status == "approved" and decided.keep_until is None
    assert decided.person_id is None  # the row stays as proof, without the person
    (told,) = await outbox(app, "erasure_handled")
    assert "semua data Anda sebagai peserta sudah dihapus" in told.payload["text"]
    (event,) = await audit_events(app, "erasure_approved")
    assert event.subject_person_id is None and event.detail["person_deleted"] is True


async def test_a_refusal_needs_a_reason_the_resident_reads(
    app: App, warga: Chat, petugas: Chat, rt: SeededRt
) -> None:
    await siti_with_history(app, rt.id)
    await asks_erasure(warga)
    (request,) = await erasure_requests(app)
    await petugas.says("/hapusdata")
    await petugas.taps(f"#{request.id}")
    await petugas.taps("Tolak")
    await petugas.says("ok")
    assert "Tulis alasannya dengan jelas" in petugas.text
    await petugas.says("Klaim kecelakaan masih diproses BPJS")
    assert f"Permintaan #{request.id} ditolak" in petugas.text
    (decided,) = await erasure_requests(app)
    assert decided.status == "refused" and decided.note == "Klaim kecelakaan masih diproses BPJS"
    (told,) = await outbox(app, "erasure_handled")
    assert "Alasannya: Klaim kecelakaan masih diproses BPJS" in told.payload["text"]
    assert (await siti(app)).phone == SITI_PHONE
    (event,) = await audit_events(app, "erasure_refused")
    assert event.detail == {"request_id": request.id}
    await petugas.says("/hapusdata")
    assert "Tidak ada permintaan hapus data yang menunggu" in petugas.text


async def test_an_official_of_another_area_sees_nothing(
    app: App, warga: Chat, rt: SeededRt
) -> None:
    await siti_with_history(app, rt.id)
    await asks_erasure(warga)
    (request,) = await erasure_requests(app)
    # rt is in Telanaipura (15.71.01); this official covers Jambi Selatan only.
    await grant(app, "petugas", "+6281100000009", "Kec JS", "kecamatan", "15.71.02")
    other = Chat(app, "other", channel="whatsapp", phone="+6281100000009", name="JS")
    await other.says("/hapusdata")
    assert "Tidak ada permintaan hapus data yang menunggu" in other.text
    await other.says(f"#{request.id}")
    assert (await erasure_requests(app))[0].status == "open"


async def test_cancelling_or_asking_twice_sends_nothing_more(
    app: App, warga: Chat, rt: SeededRt
) -> None:
    await siti_with_history(app, rt.id)
    await warga.says("/datasaya")
    await warga.taps("Hapus data saya")
    await warga.says("batal")
    assert "Permintaan penghapusan dibatalkan; tidak ada yang dikirim." in warga.text
    assert await erasure_requests(app) == []
    await asks_erasure(warga)
    await warga.says("/datasaya")
    await warga.taps("Hapus data saya")
    await warga.says("halo")
    assert "Mohon pilih salah satu" in warga.text
    await warga.taps("Ya, minta hapus")
    assert "masih menunggu petugas; tidak dikirim lagi" in warga.text
    assert len(await erasure_requests(app)) == 1
    assert len(await audit_events(app, "erasure_requested")) == 1
