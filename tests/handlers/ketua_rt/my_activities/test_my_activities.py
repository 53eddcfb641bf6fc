"""Kegiatan saya: the RT's activities with their status and the year's budget, paging,
opening one by button or typed number, the draft actions, downloading the surat tugas
(current revision), and that nobody sees or opens another RT's activities."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.activities import lifecycle as coverage
from support.activity_helpers import (
    JOKO,
    RUDI,
    SITI,
    activities,
    add_participant,
    confirm_directly,
    create_activity,
    documents,
    get_activity,
    pdf_text,
    plain,
    put_in,
    stored_state,
)
from support.chat import Chat

MY = "my_activities"


async def open_list(chat: Chat) -> None:
    await chat.says("menu")
    await chat.taps("Kegiatan saya")


async def confirmed(app, rt_id: int, clock, **kwargs) -> int:  # noqa: ANN001
    activity_id = await create_activity(app, rt_id, **kwargs)
    await add_participant(app, activity_id, SITI)
    await confirm_directly(app, activity_id, clock.now)
    return activity_id


async def test_no_activity_yet(ketua: Chat) -> None:
    await open_list(ketua)
    text = plain(ketua.last.text)
    assert "Belum ada kegiatan" in text
    assert "Anggaran RT tahun 2026: Rp100.000.000 · terpakai Rp0 · sisa Rp100.000.000" in text
    await ketua.taps("Daftarkan kegiatan")
    assert (await stored_state(ketua))[0] == "activity_registration"


async def test_every_status_and_the_budget(app, ketua: Chat, rt, clock) -> None:  # noqa: ANN001
    await create_activity(app, rt.id, title="Draf drainase", value=10_000_000)
    await confirmed(app, rt.id, clock, title="Pos ronda", start=date(2026, 3, 10), value=20_000_000)
    await confirmed(app, rt.id, clock, title="Jalan Melati", value=5_000_000)
    await confirmed(
        app,
        rt.id,
        clock,
        title="Kerja bakti Februari",
        start=date(2026, 2, 1),
        end=date(2026, 2, 10),
        value=1_000_000,
    )
    cancelled = await confirmed(app, rt.id, clock, title="Lomba batal", value=30_000_000)
    async with app.uow_factory() as uow:
        await coverage.cancel(uow, await uow.activities.get(cancelled), clock.now, None)
        await uow.commit()
    await open_list(ketua)
    # "terpakai" is what confirmed activities use; drafts and cancelled ones apart.
    assert (
        "Anggaran RT tahun 2026: Rp100.000.000 · terpakai Rp26.000.000"
        " · draf: Rp10.000.000 belum terpakai · dibatalkan: Rp30.000.000 (tidak terpakai)"
        " · sisa Rp64.000.000 (sesudah draf)"
    ) in plain(ketua.last.text)
    assert set(ketua.choices) == {
        "Draf drainase · draf",
        "Pos ronda · terkonfirmasi",
        "Jalan Melati · berjalan",
        "Kerja bakti Februari · selesai",
        "Lomba batal · dibatalkan",
    }


async def test_a_long_list_is_paged(app, ketua: Chat, rt) -> None:  # noqa: ANN001
    for day in range(1, 11):
        await create_activity(
            app, rt.id, title=f"Kegiatan {day:02d}", start=date(2026, 4, day), value=1_000_000
        )
    await open_list(ketua)
    assert "halaman 1/2" in ketua.last.text
    assert ketua.choices[:2] == ["Kegiatan 10 · draf", "Kegiatan 09 · draf"]
    assert len(ketua.choices) == 9 and ketua.choices[-1] == "Berikutnya ▶"
    await ketua.taps("Berikutnya")
    assert "halaman 2/2" in ketua.last.text
    assert ketua.choices == ["Kegiatan 02 · draf", "Kegiatan 01 · draf", "◀ Sebelumnya"]
    await ketua.taps("Sebelumnya")
    assert "halaman 1/2" in ketua.last.text


async def test_a_draft_can_be_continued(app, ketua: Chat, rt) -> None:  # noqa: ANN001
    draft = await create_activity(app, rt.id)
    await open_list(ketua)
    await ketua.taps("draf")
    text = plain(ketua.last.text)
    assert "Nomor: belum bernomor · Status: draf" in text
    assert ketua.choices == ["Lanjutkan", "Hapus draf", "Kembali ke daftar"]
    await ketua.taps("Lanjutkan")
    dialog, _, data = await stored_state(ketua)
    assert (dialog, data["activity_id"]) == ("participants", draft)


async def test_a_draft_can_be_deleted_with_its_participants(app, ketua: Chat, rt) -> None:  # noqa: ANN001
    draft = await create_activity(app, rt.id, title="Draf lama")
    await add_participant(app, draft, SITI)
    await open_list(ketua)
    await ketua.taps("Draf lama")
    await ketua.taps("Hapus draf")
    assert "beserta 1 peserta" in ketua.last.text
    await ketua.taps("Tidak")
    assert await get_activity(app, draft) is not None
    await ketua.taps("Hapus draf")
    await ketua.taps("Ya, hapus draf")
    assert "Draf lama dihapus" in plain(ketua.text)
    assert await activities(app) == []
    async with app.uow_factory() as uow:
        assert await uow.participations.for_activity(draft, include_removed=True) == []
    assert "Belum ada kegiatan" in ketua.last.text


async def test_a_confirmed_activity_shows_its_actions_and_letter(
    app,
    ketua: Chat,
    rt,
    clock,  # noqa: ANN001
) -> None:
    activity_id = await confirmed(app, rt.id, clock)
    # Rudi is added three days after the confirmation (a tracked change).
    clock.advance(days=3)
    await add_participant(app, activity_id, RUDI, added_at=clock.now)
    async with app.uow_factory() as uow:
        activity = await uow.activities.get(activity_id)
        await uow.activities.record_change(activity, "participant_added", {}, None, clock.now)
        await uow.commit()
    await open_list(ketua)
    await ketua.taps("berjalan")
    text = plain(ketua.last.text)
    assert "Nomor: KB-2026-00001 · Status: berjalan" in text
    assert "Surat tugas: 001/ST-KB/RT01/SIVS/III/2026 (revisi 1)" in text
    assert "Ketua RT: Budi Santoso · +6281200000001" in text
    # Running: no postponing any more, but it can still end earlier.
    assert ketua.choices == [
        "Peserta",
        "Unduh surat tugas",
        "Perpanjang tanggal selesai",
        "Majukan tanggal selesai",
        "Ubah nilai",
        "Batalkan kegiatan",
        "Kembali ke daftar",
    ]
    await ketua.taps("Unduh surat tugas")
    [letter] = documents(ketua)
    assert letter.file_name == "surat_tugas_KB-2026-00001_r1.pdf"
    printed = pdf_text(letter.data)
    assert "Siti Aminah" in printed and "Rudi Hartono" in printed
    assert "sejak 5 Maret 2026 09.00 WIB" in printed
    assert (await stored_state(ketua))[1] == "detail"
    await ketua.taps("Peserta")
    dialog, _, data = await stored_state(ketua)
    assert (dialog, data["activity_id"]) == ("participants", activity_id)


async def test_a_removed_participant_is_left_out_of_the_letter(
    app,
    ketua: Chat,
    rt,
    clock,  # noqa: ANN001
) -> None:
    activity_id = await confirmed(app, rt.id, clock)
    joko = await add_participant(app, activity_id, JOKO, added_at=clock.now)
    async with app.uow_factory() as uow:
        (await uow.participations.get(joko)).removed_at = clock.now
        activity = await uow.activities.get(activity_id)
        await uow.activities.record_change(activity, "participant_removed", {}, None, clock.now)
        await uow.commit()
    await open_list(ketua)
    await ketua.taps("berjalan")
    await ketua.taps("Unduh surat tugas")
    printed = pdf_text(documents(ketua)[0].data)
    assert "Siti Aminah" in printed and "Joko Susilo" not in printed


async def test_an_activity_number_can_be_typed(app, ketua: Chat, rt, other_rt, clock) -> None:  # noqa: ANN001
    await confirmed(app, rt.id, clock, title="Jalan Melati")
    await confirmed(app, other_rt.id, clock, title="Milik RT lain")
    await open_list(ketua)
    await ketua.says("kb-2026-00001")
    assert "Jalan Melati" in ketua.last.text
    await ketua.taps("Kembali ke daftar")
    await ketua.says("KB-2026-00002")
    assert "bukan kegiatan RT Anda" in ketua.text
    assert "Milik RT lain" not in ketua.text
    assert (await stored_state(ketua))[1] == "list"


async def test_another_rts_activities_are_invisible(
    app,
    ketua: Chat,
    other_ketua: Chat,
    rt,
    clock,  # noqa: ANN001
) -> None:
    mine = await confirmed(app, rt.id, clock, title="Jalan Melati")
    await open_list(other_ketua)
    assert "Belum ada kegiatan" in other_ketua.last.text
    # A stale or forged state pointing at another RT's activity.
    await put_in(other_ketua, MY, "detail", {"activity_id": mine})
    await other_ketua.says("?")
    assert "bukan kegiatan RT Anda" in other_ketua.last.text
    assert "Jalan Melati" not in other_ketua.text
    await put_in(
        other_ketua,
        MY,
        "detail",
        {"activity_id": mine},
        choices=[["letter", "Unduh surat tugas"], ["cancel", "Batalkan kegiatan"]],
    )
    await other_ketua.taps_id("letter")
    assert documents(other_ketua) == []
    await put_in(other_ketua, MY, "list", {}, choices=[[f"a{mine}", "Jalan Melati"]])
    await other_ketua.taps_id(f"a{mine}")
    assert "bukan kegiatan RT Anda" in other_ketua.text
    assert (await get_activity(app, mine)).status == "confirmed"


async def test_a_resident_has_no_activity_list(warga: Chat) -> None:
    await warga.says("/kegiatan")
    assert "tidak tersedia untuk Anda" in warga.text


@pytest.mark.parametrize("typed", ["halo", "🙏", "x" * 5000, "KB-2026-99999"])
async def test_bad_input_in_the_list_stays(app, ketua: Chat, rt, typed: str) -> None:  # noqa: ANN001
    await create_activity(app, rt.id)
    await open_list(ketua)
    await ketua.says(typed)
    assert "gangguan" not in ketua.text
    assert (await stored_state(ketua))[:2] == (MY, "list")
    assert "Kegiatan saya" in ketua.last.text


@pytest.mark.parametrize("typed", ["halo", "🙏", "x" * 5000])
async def test_bad_input_in_the_detail_stays(app, ketua: Chat, rt, clock, typed: str) -> None:  # noqa: ANN001
    await confirmed(app, rt.id, clock)
    await open_list(ketua)
    await ketua.taps("berjalan")
    await ketua.says(typed)
    await ketua.says(typed)
    assert "gangguan" not in ketua.text
    if len(typed) < 200:  # the engine remembers the first 200 characters of a message
        assert "Pesan yang sama terkirim lagi" in ketua.text
    assert (await stored_state(ketua))[:2] == (MY, "detail")
    assert documents(ketua) == []


async def test_an_ended_activity_only_offers_its_letter(app, ketua: Chat, rt, clock) -> None:  # noqa: ANN001
    await confirmed(app, rt.id, clock, end=date(2026, 3, 5))
    clock.now = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)
    await open_list(ketua)
    await ketua.taps("selesai")
    assert ketua.choices == ["Unduh surat tugas", "Kembali ke daftar"]
