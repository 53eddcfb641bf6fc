"""Unduh data saya as a resident lives it: one JSON file, sent as a document, with
everything held about them — chat account, person, activities with coverage periods,
the accident report, correction requests, consent records, the access log — and never
their NIK (neither in clear nor masked); the download is audited."""

from __future__ import annotations

import json
from typing import Any

from bot.app import App
from bot.core.privacy import NOTICE_VERSION
from support.activity_helpers import JOKO, SITI, documents
from support.chat import Chat
from support.coverage import SITI_PHONE, audit_events
from support.rights import siti, siti_with_history
from support.seeding import SeededRt


async def downloaded(warga: Chat) -> dict[str, Any]:
    await warga.says("/datasaya")
    await warga.taps("Unduh data saya")
    (document,) = documents(warga)
    assert document.file_name == "data-saya-20260302.json"
    assert document.mime_type == "application/json"
    content: dict[str, Any] = json.loads(document.data.decode("utf-8"))
    return content


async def test_the_file_holds_everything_about_the_person_and_no_nik(
    app: App, warga: Chat, rt: SeededRt
) -> None:
    await siti_with_history(app, rt.id)
    await warga.says("/datasaya")
    await warga.taps("Minta perbaikan")
    await warga.taps("Lainnya")
    await warga.says("Nama ibu saya salah ditulis di kartu")
    await warga.taps("Ya, kirim")

    content = await downloaded(warga)
    assert "NIK tidak dicantumkan" in warga.text and "1 orang" in warga.text
    raw = json.dumps(content, ensure_ascii=False)
    # Neither the NIK nor its masked form (which with birth date and sex narrows it down).
    assert SITI[0] not in raw and "1571********0001" not in raw
    assert JOKO[1] not in raw  # a co-worker on the same list is not Siti's data

    assert content["versi_pemberitahuan_privasi"] == NOTICE_VERSION
    account = content["akun_chat"]
    assert account["saluran"] == "whatsapp" and account["nomor_hp"] == SITI_PHONE
    # The notice shown at her first message is recorded and listed.
    assert [c["cara"] for c in account["persetujuan"]] == ["shown_in_chat"]
    assert account["persetujuan"][0]["versi_pemberitahuan"] == NOTICE_VERSION

    (person,) = content["data_peserta"]
    assert person["nama"] == "Siti Aminah" and person["nomor_hp"] == SITI_PHONE
    assert person["tanggal_lahir"] == "5 Juni 1990" and person["jenis_kelamin"] == "perempuan"
    assert "terenkripsi" in person["nik"]
    titles = sorted(a["kegiatan"] for a in person["kegiatan"])
    assert titles[0] == "Draf saluran air" and "Perbaikan jalan Gang Melati" in titles[1]
    confirmed = next(a for a in person["kegiatan"] if "Gang Melati" in a["kegiatan"])
    assert confirmed["masa_perlindungan"].startswith("2 Maret 2026")
    assert "31 Maret 2026" in confirmed["masa_perlindungan"]
    assert "RT 01" in confirmed["rt"]
    (incident,) = person["laporan_kecelakaan"]
    assert incident["uraian"] == "Terjatuh dari gerobak" and incident["tempat"] == "Gang Melati"
    (correction,) = person["permintaan_perbaikan"]
    assert correction["isi"] == "Nama ibu saya salah ditulis di kartu"
    assert correction["status"] == "open"
    assert person["permintaan_penghapusan"] == []
    actions = {entry["tindakan"] for entry in person["catatan_akses"]}
    assert {"own_data_viewed", "correction_requested"} <= actions


async def test_a_download_is_audited_without_personal_details(
    app: App, warga: Chat, rt: SeededRt
) -> None:
    await siti_with_history(app, rt.id)
    await downloaded(warga)
    (event,) = await audit_events(app, "own_data_downloaded")
    assert event.subject_person_id == (await siti(app)).id
    assert event.detail == {"persons": 1}
    # The conversation is over: the next word is the menu's.
    await warga.says("halo")
    assert "Menu utama" in warga.text


async def test_an_unverified_chat_gets_no_file(app: App, rt: SeededRt) -> None:
    await siti_with_history(app, rt.id)
    telegram = Chat(app, "tg-1", channel="telegram", name="Siti")
    await telegram.says("/datasaya")
    assert "Unduh data saya" not in telegram.choices
    await telegram.says("Unduh data saya")
    assert documents(telegram) == []
