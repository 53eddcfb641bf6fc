"""The list after confirmation (tracked changes: covered from the moment of adding, until
the moment of removal, a new surat tugas revision), read-only activities, going on to the
coverage confirmation, and `batal` (it leaves the entry, then the dialog; a draft and a
confirmed activity keep every saved change)."""

from __future__ import annotations

from datetime import date

from bot.app import App
from support.chat import Chat, Clock
from support.participants import (
    ADULT,
    active_names,
    make_activity,
    open_participants,
    seed_participants,
    step_of,
    stored_state,
)
from support.seeding import SeededRt


async def add_budi(chat: Chat) -> None:
    await chat.taps("Tambah satu peserta")
    await chat.says(ADULT)
    await chat.taps("Ya, benar")
    await chat.says("Budi Santoso")
    await chat.taps("PHL")
    await chat.taps("Lewati")
    await chat.taps("Lewati")


async def test_changes_after_confirmation_are_tracked(
    app: App, rt: SeededRt, ketua: Chat, clock: Clock
) -> None:
    activity_id = await make_activity(app, rt, status="confirmed", start=date(2026, 3, 2))
    await seed_participants(app, activity_id, 1)
    await open_participants(ketua, activity_id)
    assert "terkonfirmasi" in ketua.last.text
    assert "Konfirmasi perlindungan" not in ketua.choices

    await add_budi(ketua)
    assert "Terlindungi mulai 2 Maret 2026 09.00 WIB" in ketua.text
    assert "Surat tugas revisi terbaru tersedia di *Kegiatan saya*" in ketua.text
    async with app.uow_factory() as uow:
        person = await uow.persons.find_by_nik(ADULT)
        assert person is not None
        participation = await uow.participations.active_for(activity_id, person.id)
        assert participation is not None and participation.added_at == clock.now
        [change] = await uow.activities.changes(activity_id)
        assert (change.kind, change.detail) == (
            "participant_added",
            {"person_id": person.id, "name": "Budi Santoso"},
        )
        assert change.changed_at == clock.now and change.changed_by is not None
        activity = await uow.activities.get(activity_id)
        assert activity is not None and activity.surat_tugas_revision == 1

    clock.advance(hours=3)
    await ketua.taps("Hapus peserta")
    await ketua.taps("Peserta Aa")
    assert "Perlindungannya berakhir saat dihapus" in ketua.last.text
    await ketua.taps("Ya, hapus")
    assert "Terlindungi sampai 2 Maret 2026 12.00 WIB" in ketua.text
    async with app.uow_factory() as uow:
        everyone = await uow.participations.for_activity(activity_id, include_removed=True)
        removed = everyone[0]
        assert removed.removed_at == clock.now  # the history is kept
        assert removed.removed_by == change.changed_by
        changes = await uow.activities.changes(activity_id)
        assert [c.kind for c in changes] == ["participant_added", "participant_removed"]
        assert changes[1].detail["name"] == "Peserta Aa"
        activity = await uow.activities.get(activity_id)
        assert activity is not None and activity.surat_tugas_revision == 2
    assert await active_names(app, activity_id) == ["Budi Santoso"]


async def test_a_cancelled_activity_cannot_change(app: App, rt: SeededRt, ketua: Chat) -> None:
    activity_id = await make_activity(app, rt, status="cancelled")
    await seed_participants(app, activity_id, 1)
    await open_participants(ketua, activity_id)
    assert "tidak bisa diubah lagi" in ketua.last.text
    assert ketua.choices == ["Lihat daftar", "Selesai"]
    await ketua.says("Tambah satu peserta")
    assert await step_of(ketua) == "participants/main"
    await ketua.taps("Lihat daftar")
    assert "Peserta Aa" in ketua.last.text


async def test_an_ended_activity_cannot_change(app: App, rt: SeededRt, ketua: Chat) -> None:
    activity_id = await make_activity(
        app, rt, status="confirmed", start=date(2026, 2, 1), end=date(2026, 2, 20)
    )
    await seed_participants(app, activity_id, 1)
    await open_participants(ketua, activity_id)
    assert "sudah berakhir pada 20 Februari 2026" in ketua.last.text
    assert ketua.choices == ["Lihat daftar", "Selesai"]


async def test_a_draft_goes_on_to_the_coverage_confirmation(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    assert "Konfirmasi perlindungan" not in ketua.choices  # nobody on the list yet
    await seed_participants(app, activity_id, 1)
    await ketua.says("bantuan")
    await ketua.taps("Konfirmasi perlindungan")
    if "coverage_confirmation" in app.service._dialogs:  # type: ignore[attr-defined]
        dialog, _, data = await stored_state(ketua)
        assert (dialog, data.get("activity_id")) == ("coverage_confirmation", activity_id)
    else:
        assert "sedang disiapkan" in ketua.text


async def test_batal_leaves_the_entry_then_the_dialog_and_never_deletes_the_draft(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    earlier = await make_activity(app, rt, status="confirmed", title="Gotong royong Februari")
    [known] = await seed_participants(app, earlier, 1, first_serial=500)
    activity_id = await make_activity(app, rt)
    await seed_participants(app, activity_id, 2)
    async with app.uow_factory() as uow:
        await uow.participations.add(activity_id=activity_id, person_id=known, role="warga")
        await uow.commit()
    await open_participants(ketua, activity_id)
    await ketua.taps("Tambah satu peserta")
    await ketua.says(ADULT)  # an entry in progress
    await ketua.says("batal")
    assert "Langkah ini dibatalkan" in ketua.text
    assert await step_of(ketua) == "participants/main"
    async with app.uow_factory() as uow:
        assert await uow.persons.find_by_nik(ADULT) is None  # the unfinished entry only
    await ketua.says("batal")
    assert "Draf *Normalisasi drainase RT 01* tetap tersimpan dengan 3 peserta" in ketua.text
    assert await step_of(ketua) == "menu/main"
    async with app.uow_factory() as uow:
        activity = await uow.activities.get(activity_id)
        assert activity is not None and activity.status == "draft"
    assert len(await active_names(app, activity_id)) == 3
    assert await active_names(app, earlier) == ["Peserta Aa"]


async def test_batal_on_a_confirmed_activity_keeps_the_saved_changes(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    activity_id = await make_activity(app, rt, status="confirmed", start=date(2026, 3, 2))
    await open_participants(ketua, activity_id)
    await add_budi(ketua)
    await ketua.taps("Tambah satu peserta")
    await ketua.says("1571014508900002")
    await ketua.says("batal")
    assert await step_of(ketua) == "participants/main"
    await ketua.says("batal")
    assert "sudah tersimpan sebelumnya tetap berlaku" in ketua.text
    async with app.uow_factory() as uow:
        activity = await uow.activities.get(activity_id)
        assert activity is not None and activity.status == "confirmed"
        assert await uow.persons.find_by_nik("1571014508900002") is None
    assert await active_names(app, activity_id) == ["Budi Santoso"]


async def test_selesai_on_a_confirmed_activity(app: App, rt: SeededRt, ketua: Chat) -> None:
    activity_id = await make_activity(app, rt, status="confirmed", start=date(2026, 3, 2))
    await seed_participants(app, activity_id, 3)
    await open_participants(ketua, activity_id)
    await ketua.taps("Selesai")
    assert "tersimpan: 3 orang" in ketua.text
    assert await step_of(ketua) == "menu/main"


async def test_menu_keeps_a_person_being_entered_to_continue_from_kegiatan_saya(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tambah satu peserta")
    await ketua.says(ADULT)
    await ketua.taps("Ya, benar")
    assert await step_of(ketua) == "participants/name"
    await ketua.says("menu")
    assert "Isian Anda disimpan: data peserta yang sedang diisi" in ketua.text

    await ketua.taps("Kegiatan saya")
    await ketua.taps("draf")
    await ketua.taps("Lanjutkan")
    assert "Ada isian yang belum selesai: data peserta yang sedang diisi" in ketua.text
    await ketua.taps("Lanjutkan")
    assert await step_of(ketua) == "participants/name"
    await ketua.says("Budi Santoso")
    await ketua.taps("PHL")
    await ketua.taps("Lewati")
    await ketua.taps("Lewati")
    assert await active_names(app, activity_id) == ["Budi Santoso"]


async def test_starting_again_drops_the_person_being_entered(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    await ketua.taps("Tambah satu peserta")
    await ketua.says(ADULT)
    await ketua.says("/kegiatan")
    await ketua.taps("draf")
    await ketua.taps("Lanjutkan")
    await ketua.taps("Mulai baru")
    assert await step_of(ketua) == "participants/main"
    async with app.uow_factory() as uow:
        assert await uow.persons.find_by_nik(ADULT) is None
