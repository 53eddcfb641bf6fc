"""Changing a participant's role from the participants menu: pick the person, then the
new role. After confirmation it is a tracked change (activity change, audit, a new surat
tugas revision that prints the new role) and the person's cover stays as it was; on a
draft the role is just updated; a cancelled activity offers no change."""

from __future__ import annotations

from bot.activities.lifecycle import participation_window
from bot.app import App
from support.activity_helpers import (
    JOKO,
    SITI,
    add_participant,
    confirm_directly,
    create_activity,
    documents,
    pdf_text,
    plain,
)
from support.chat import Chat, Clock
from support.participants import make_activity, open_participants, stored_state
from support.seeding import SeededRt


async def test_a_role_change_after_confirmation_is_tracked(
    app: App, rt: SeededRt, ketua: Chat, clock: Clock
) -> None:
    activity_id = await create_activity(app, rt.id)
    siti = await add_participant(app, activity_id, SITI, role="warga")
    await add_participant(app, activity_id, JOKO, role="phl")
    await confirm_directly(app, activity_id, clock.now)
    async with app.uow_factory() as uow:
        activity = await uow.activities.get(activity_id)
        before = participation_window(activity, await uow.participations.get(siti))
    clock.advance(hours=2)
    await open_participants(ketua, activity_id)
    await ketua.taps("Ubah peran peserta")
    assert "Ubah peran peserta" in ketua.last.text
    await ketua.taps("Siti Aminah")
    ask = plain(ketua.last.text)
    assert "Peran baru untuk Siti Aminah? Sekarang: Warga." in ask
    assert "surat tugas mendapat revisi baru" in ask
    assert "Warga" not in ketua.choices and ketua.choices[-1] == "Menu peserta"
    await ketua.taps("PHL")
    assert "Peran Siti Aminah: Warga → PHL (pekerja harian lepas)" in plain(ketua.text)
    assert "revisi 1" in ketua.text
    assert (await stored_state(ketua))[1] == "main"

    async with app.uow_factory() as uow:
        participation = await uow.participations.get(siti)
        activity = await uow.activities.get(activity_id)
        [change] = await uow.activities.changes(activity_id)
        [event] = await uow.audit.recent(limit=1)
        after = participation_window(activity, participation)
    assert participation.role == "phl"
    assert (change.kind, change.changed_at) == ("role_changed", clock.now)
    assert change.detail == {
        "person_id": participation.person_id,
        "name": "Siti Aminah",
        "old_role": "warga",
        "new_role": "phl",
    }
    assert event.action == "activity_role_changed" and SITI[0] not in str(event.detail)
    assert activity.surat_tugas_revision == 1
    assert after == before  # the cover does not move

    await ketua.says("menu")
    await ketua.taps("Kegiatan saya")
    await ketua.taps("berjalan")
    await ketua.taps("Unduh surat tugas")
    [letter] = documents(ketua)
    assert letter.file_name.endswith("_r1.pdf")
    assert "PHL" in pdf_text(letter.data)


async def test_a_role_is_picked_by_typing_and_the_same_role_is_refused(
    app: App, rt: SeededRt, ketua: Chat, clock: Clock
) -> None:
    activity_id = await create_activity(app, rt.id)
    siti = await add_participant(app, activity_id, SITI, role="warga")
    await confirm_directly(app, activity_id, clock.now)
    await open_participants(ketua, activity_id)
    await ketua.taps("Ubah peran peserta")
    await ketua.says("siti")
    await ketua.says("xyz")
    assert "peran" in ketua.text.lower()
    assert (await stored_state(ketua))[1] == "role_change_new"
    await ketua.says("petugas syara")
    async with app.uow_factory() as uow:
        assert (await uow.participations.get(siti)).role == "petugas_syara"


async def test_a_draft_role_change_is_not_a_tracked_change(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    activity_id = await create_activity(app, rt.id)
    siti = await add_participant(app, activity_id, SITI, role="warga")
    await open_participants(ketua, activity_id)
    await ketua.taps("Ubah peran peserta")
    await ketua.taps("Siti Aminah")
    await ketua.taps("Ketua RT")
    async with app.uow_factory() as uow:
        assert (await uow.participations.get(siti)).role == "ketua_rt"
        assert list(await uow.activities.changes(activity_id)) == []


async def test_a_cancelled_activity_offers_no_role_change(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    activity_id = await make_activity(app, rt, status="cancelled")
    await add_participant(app, activity_id, SITI)
    await open_participants(ketua, activity_id)
    assert "Ubah peran peserta" not in ketua.choices
