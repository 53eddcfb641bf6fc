"""Whole journeys on WhatsApp, end to end: signed webhooks into the web app, the real
conversation service and database, replies over real HTTP to the fake Graph API.

A Ketua RT, recognised by the WhatsApp number on the RT list, registers an activity,
pastes the participants and confirms: the surat tugas PDF arrives as an uploaded
document. The resident on the list (who last wrote days ago) is told by the approved
template, then checks her coverage herself."""

from __future__ import annotations

import io

from pypdf import PdfReader

from bot.workers.outbox_sender import OutboxWorker
from support.chat import Clock
from support.fake_graph import WhatsAppBot
from support.seeding import SeededRt

BUDI = "6281200000001"  # chair of the `rt` fixture's RT 01
SITI = "6281300000001"

PARTICIPANTS = "\n".join(
    [
        "1571014506900001; Siti Aminah; warga; 0813-0000-0001",
        "1571010101850002; Budi Santoso; ketua rt",
    ]
)


async def test_a_ketua_rt_registers_an_activity_on_whatsapp(
    whatsapp: WhatsAppBot,
    rt: SeededRt,
    clock: Clock,
) -> None:
    siti = whatsapp.phone(SITI, "Siti Aminah")
    await siti.says("halo")  # Siti has talked to the bot before…
    clock.advance(days=2)  # …but not in the last 24 hours

    budi = whatsapp.phone(BUDI, "Budi Santoso")
    await budi.says("menu")
    assert "Ketua RT 01, Kel. Simpang IV Sipin" in budi.text
    assert "Daftarkan kegiatan" in budi.choices  # the menu as a list

    await budi.taps("Daftarkan kegiatan")
    await budi.says("Perbaikan drainase Gang Mawar")
    await budi.taps("Drainase")
    await budi.says("Jl. Kenari RT 01")
    await budi.taps("Hari ini")
    await budi.says("lusa")
    await budi.says("25 juta")
    await budi.taps("Tidak")
    assert "Ringkasan kegiatan" in budi.text and "Rp60.000" in budi.text
    await budi.taps("Simpan")
    assert "disimpan sebagai draf" in budi.text
    await budi.taps("Tempel")
    await budi.says(PARTICIPANTS)
    assert "2 ditambahkan" in budi.text
    await budi.taps("Konfirmasi")
    assert "Periksa sekali lagi" in budi.text
    uploads_before = len(whatsapp.graph.uploads)
    await budi.taps("Ya, konfirmasi")

    assert "Perlindungan terkonfirmasi" in budi.text and "KB-2026-00001" in budi.text
    (upload,) = whatsapp.graph.uploads[uploads_before:]
    file_name, mime_type, data = upload
    assert mime_type == "application/pdf" and file_name.startswith("surat_tugas_KB-2026-00001")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Siti Aminah" in text and "1571014506900001" not in text
    (document,) = [m for m in budi.received if m["type"] == "document"]
    assert document["document"]["filename"] == file_name and document["document"]["id"]
    every_text = "\n".join(str(m) for m in whatsapp.graph.to(BUDI))
    assert "1571014506900001" not in every_text  # the NIK only ever shown masked

    # Siti's coverage notice waits in the outbox; her window is closed: the template.
    worker = OutboxWorker(whatsapp.app.uow_factory, {"whatsapp": whatsapp.channel}, clock)
    await worker.run_once()
    notice = whatsapp.graph.to(SITI)[-1]
    assert notice["type"] == "template"
    assert notice["template"]["name"] == "kb_perlindungan_aktif"
    params = [p["text"] for p in notice["template"]["components"][0]["parameters"]]
    assert params[:2] == ["Siti Aminah", "Perbaikan drainase Gang Mawar"]

    # She taps the template's button, which opens the window and the menu; she checks.
    await siti.sends({"type": "button", "button": {"payload": "Menu", "text": "Menu"}})
    assert "Cek perlindungan" in siti.choices
    await siti.taps("Cek perlindungan")
    assert "Perlindungan untuk nomor +6281300000001" in siti.text
    assert "Perbaikan drainase Gang Mawar" in siti.text
    assert all(m["type"] != "template" for m in siti.received)


async def test_a_resident_with_a_closed_window_still_gets_replies(
    whatsapp: WhatsAppBot,
    clock: Clock,
) -> None:
    """Replies answer a message just received: never a template, whatever the age of
    the account."""
    dewi = whatsapp.phone("6281300000009", "Dewi")
    await dewi.says("menu")
    clock.advance(days=30)
    await dewi.says("menu")
    assert dewi.received and all(m["type"] in ("text", "interactive") for m in dewi.received)
    await dewi.taps("Cek perlindungan")
    assert "NIK" in dewi.text
