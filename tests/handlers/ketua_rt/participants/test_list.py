"""Looking at the participant list page by page (masked NIKs) and removing one person
from a draft."""

from __future__ import annotations

import pytest

from bot.app import App
from support.chat import Chat
from support.participants import (
    active_names,
    assert_no_nik_shown,
    make_activity,
    nik,
    open_participants,
    record,
    seed_participants,
    step_of,
)
from support.seeding import SeededRt


async def test_the_list_is_paginated_with_masked_niks(app: App, rt: SeededRt, ketua: Chat) -> None:
    activity_id = await make_activity(app, rt)
    await seed_participants(app, activity_id, 23)
    await open_participants(ketua, activity_id)
    seen = record(ketua)
    await ketua.taps("Lihat daftar")
    text = ketua.last.text
    assert "23 orang (halaman 1 dari 3)" in text
    assert "1. Peserta Aa — 1571********0100 — PHL (pekerja harian lepas)" in text
    assert "10. Peserta Aj — 1571********0109" in text
    assert "11." not in text
    assert ketua.choices == ["Berikutnya ➡️", "Menu peserta"]
    await ketua.taps("Berikutnya")
    assert "11. Peserta Ak" in ketua.last.text
    assert ketua.choices == ["⬅️ Sebelumnya", "Berikutnya ➡️", "Menu peserta"]
    await ketua.taps("Berikutnya")
    assert "23. Peserta Aw" in ketua.last.text and "halaman 3 dari 3" in ketua.last.text
    assert ketua.choices == ["⬅️ Sebelumnya", "Menu peserta"]
    for typed in ("😀", "x" * 5_000, "lagi dong", "lagi dong"):
        await ketua.says(typed)
        assert await step_of(ketua) == "participants/list"
        assert "halaman 3 dari 3" in ketua.last.text
    await ketua.sends(choice_id="next")  # a button of the previous page
    assert "sudah tidak berlaku" in ketua.text
    await ketua.taps("Sebelumnya")
    assert "halaman 2 dari 3" in ketua.last.text
    await ketua.taps("Menu peserta")
    assert await step_of(ketua) == "participants/main"
    assert_no_nik_shown(seen, *(nik(serial) for serial in range(100, 123)))


async def test_an_empty_list_says_so(app: App, rt: SeededRt, ketua: Chat) -> None:
    await open_participants(ketua, await make_activity(app, rt))
    await ketua.taps("Lihat daftar")
    assert "Belum ada peserta." in ketua.last.text
    await ketua.taps("Menu peserta")
    assert "Hapus peserta" not in ketua.choices


async def test_removing_from_a_draft_forgets_the_person(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    activity_id = await make_activity(app, rt)
    await seed_participants(app, activity_id, 3)
    await open_participants(ketua, activity_id)
    await ketua.taps("Hapus peserta")
    assert "1. Peserta Aa — 1571********0100" in ketua.last.text
    assert ketua.choices[:3] == ["Peserta Aa", "Peserta Ab", "Peserta Ac"]
    assert ketua.last.choices[0].description == "1571********0100 · PHL (pekerja harian lepas)"
    await ketua.says("2")
    assert "Hapus *Peserta Ab* (1571********0101" in ketua.last.text
    await ketua.taps("Tidak")
    assert await active_names(app, activity_id) == ["Peserta Aa", "Peserta Ab", "Peserta Ac"]

    await ketua.taps("Hapus peserta")
    await ketua.taps("Peserta Ab")
    await ketua.taps("Ya, hapus")
    assert "*Peserta Ab* (1571********0101) dihapus" in ketua.text
    assert "*2* orang" in ketua.last.text
    assert await active_names(app, activity_id) == ["Peserta Aa", "Peserta Ac"]
    async with app.uow_factory() as uow:
        everyone = await uow.participations.for_activity(activity_id, include_removed=True)
        assert len(everyone) == 2  # a draft keeps no history
        assert await uow.persons.find_by_nik(nik(101)) is None  # on no other list
        assert await uow.activities.changes(activity_id) == []


async def test_a_person_is_found_by_typing_the_name(app: App, rt: SeededRt, ketua: Chat) -> None:
    activity_id = await make_activity(app, rt)
    await seed_participants(app, activity_id, 12)
    await open_participants(ketua, activity_id)
    await ketua.taps("Hapus peserta")
    await ketua.says("peserta")  # everyone fits
    assert "Ada 12 peserta dengan nama seperti itu" in ketua.text
    await ketua.says("Peserta Al")  # on the second page
    assert "Hapus *Peserta Al*" in ketua.last.text
    await ketua.taps("Ya, hapus")
    assert "Peserta Al" not in await active_names(app, activity_id)


async def test_a_person_on_another_list_stays_known(app: App, rt: SeededRt, ketua: Chat) -> None:
    earlier = await make_activity(app, rt, title="Gotong royong Februari")
    [person_id] = await seed_participants(app, earlier, 1)
    activity_id = await make_activity(app, rt)
    async with app.uow_factory() as uow:
        await uow.participations.add(activity_id=activity_id, person_id=person_id, role="warga")
        await uow.commit()
    await open_participants(ketua, activity_id)
    await ketua.taps("Hapus peserta")
    await ketua.taps("Peserta Aa")
    await ketua.taps("Ya, hapus")
    assert await active_names(app, activity_id) == []
    assert await active_names(app, earlier) == ["Peserta Aa"]


@pytest.mark.parametrize("step", ["remove", "remove_confirm"])
async def test_the_removal_steps_answer_bad_input(
    app: App, rt: SeededRt, ketua: Chat, step: str
) -> None:
    activity_id = await make_activity(app, rt)
    await seed_participants(app, activity_id, 2)
    await open_participants(ketua, activity_id)
    await ketua.taps("Hapus peserta")
    if step == "remove_confirm":
        await ketua.taps("Peserta Aa")
    question = ketua.last.text
    for typed in ("😀🙏", "x" * 5_000, "zzz", "zzz"):
        await ketua.says(typed)
        assert await step_of(ketua) == f"participants/{step}"
        assert ketua.last.text == question
    assert "sama terkirim lagi" in ketua.text
    await ketua.sends(choice_id="add")
    assert "sudah tidak berlaku" in ketua.text
    assert len(await active_names(app, activity_id)) == 2


async def test_someone_removed_meanwhile_is_explained(app: App, rt: SeededRt, ketua: Chat) -> None:
    activity_id = await make_activity(app, rt)
    await seed_participants(app, activity_id, 2)
    await open_participants(ketua, activity_id)
    await ketua.taps("Hapus peserta")
    await ketua.taps("Peserta Aa")
    async with app.uow_factory() as uow:  # removed from another device
        [(first, _), _] = await uow.participations.listed(activity_id)
        await uow.participations.delete(first)
        await uow.commit()
    await ketua.taps("Ya, hapus")
    assert "sudah tidak ada di daftar" in ketua.text
    assert await active_names(app, activity_id) == ["Peserta Ab"]
    assert await step_of(ketua) == "participants/main"
