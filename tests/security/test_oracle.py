"""NIK → name oracle (issue 12): any Ketua RT learned the name behind any NIK, without
limit, and a pasted list told whether a NIK was known under another name. Now the stored
name is shown only for people first registered in his RT; for anyone else he types it,
the bot answers the same whether or not it matches (a name that does not is sent to the
officials, in silence), and his look-ups outside the RT are limited per hour and audited."""

from __future__ import annotations

from sqlalchemy import select

from bot.activities.lifecycle import surat_tugas_for
from bot.app import App
from storage.models import CorrectionRequest, OutboxMessage
from support.activity_helpers import confirm_directly
from support.chat import Chat
from support.coverage import NOW, audit_events
from support.other_rt_person import (
    NAME,
    NIK,
    enter,
    finish,
    names_on,
    official_of,
    open_draft,
    siti_in,
)
from support.participants import nik, record
from support.seeding import SeededRt

OTHER_NAME = "Rina Wulandari"


async def test_the_stored_name_of_someone_from_another_rt_is_never_shown(
    app: App, rt: SeededRt, other_rt: SeededRt, ketua: Chat
) -> None:
    await siti_in(app, other_rt)
    await open_draft(app, ketua, rt)
    seen = record(ketua)
    await ketua.taps("Tambah satu peserta")
    await ketua.says(NIK)
    await ketua.taps("Ya, benar")

    assert "Nama lengkap" in ketua.text or "nama" in ketua.text.lower()
    assert not [text for text in seen if NAME in text]
    assert not [choice for choice in ketua.choices if NAME in choice]
    [event] = await audit_events(app, "chair_nik_lookup")
    assert event.detail["via"] == "participants"


async def test_the_stored_name_of_someone_from_his_rt_is_offered(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    await siti_in(app, rt)
    await open_draft(app, ketua, rt)
    await ketua.taps("Tambah satu peserta")
    await ketua.says(NIK)
    await ketua.taps("Ya, benar")
    assert NAME in ketua.text
    assert await audit_events(app, "chair_nik_lookup") == []


async def _entry_as_the_chair_sees_it(ketua: Chat, name: str) -> list[str]:
    """Every text and button the chair is shown while entering Siti as `name`, with the
    typed name written as NAME so that two entries compare."""
    seen = record(ketua)
    await enter(ketua, name)
    await finish(ketua, None)
    await ketua.taps("Lihat daftar")
    shown = [*seen, *ketua.choices]
    return [text.replace(name, "<typed>") for text in shown]


async def test_the_chair_cannot_tell_whether_his_name_matches(
    app: App, rt: SeededRt, other_rt: SeededRt, ketua: Chat
) -> None:
    """The one-bit oracle: a matching and a mismatching name give the same replies."""
    await siti_in(app, other_rt)
    await open_draft(app, ketua, rt)
    matching = await _entry_as_the_chair_sees_it(ketua, NAME)
    await ketua.taps("Menu peserta")
    await ketua.taps("Hapus")
    await ketua.taps(NAME)
    await ketua.taps("Ya, hapus")
    differing = await _entry_as_the_chair_sees_it(ketua, OTHER_NAME)

    assert matching == differing
    assert "<typed>" in " ".join(matching)


async def test_a_name_that_does_not_match_goes_on_the_list_and_to_the_officials(
    app: App, rt: SeededRt, other_rt: SeededRt, ketua: Chat
) -> None:
    await siti_in(app, other_rt)
    petugas = await official_of(app, other_rt)
    activity_id = await open_draft(app, ketua, rt)
    seen = record(ketua)

    await enter(ketua, OTHER_NAME)
    await finish(ketua, None)

    assert not [text for text in seen if NAME in text]
    assert not [text for text in seen if "tidak cocok" in text or "petugas" in text]
    assert await names_on(app, activity_id) == [NAME]  # the stored name is unchanged
    async with app.uow_factory() as uow:
        [(participation, _)] = await uow.participations.listed(activity_id)
        [request] = list(await uow.session.scalars(select(CorrectionRequest)))
        notices = list(
            await uow.session.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == "correction")
            )
        )
    assert participation.entered_name == OTHER_NAME
    assert OTHER_NAME in request.message and request.account_id is None
    assert len(notices) == 1  # the official of her kelurahan, never the chair
    await petugas.says("/perbaikan")
    assert f"#{request.id}" in petugas.text and NAME in petugas.text
    assert len(await audit_events(app, "participant_name_unmatched")) == 1


async def test_a_matching_name_adds_her_without_asking_the_officials(
    app: App, rt: SeededRt, other_rt: SeededRt, ketua: Chat
) -> None:
    await siti_in(app, other_rt)
    activity_id = await open_draft(app, ketua, rt)
    await enter(ketua)
    await finish(ketua, None)
    assert await names_on(app, activity_id) == [NAME]
    async with app.uow_factory() as uow:
        assert list(await uow.session.scalars(select(CorrectionRequest))) == []


async def test_his_surat_tugas_names_whom_he_entered(
    app: App, rt: SeededRt, other_rt: SeededRt, ketua: Chat
) -> None:
    await siti_in(app, other_rt)
    activity_id = await open_draft(app, ketua, rt)
    await enter(ketua, OTHER_NAME)
    await finish(ketua, None)
    await confirm_directly(app, activity_id, NOW)
    async with app.uow_factory() as uow:
        activity = await uow.activities.get(activity_id)
        letter = await surat_tugas_for(
            uow, activity, kind_label="-", role_label=str, added_later=str
        )
    assert [person.name for person in letter.participants] == [OTHER_NAME]


async def test_a_pasted_list_never_shows_the_stored_name_nor_whether_it_matches(
    app: App, rt: SeededRt, other_rt: SeededRt, ketua: Chat
) -> None:
    await siti_in(app, other_rt)
    activity_id = await open_draft(app, ketua, rt)
    await ketua.taps("Tempel daftar")  # its example line names a "Siti Aminah" too
    seen = record(ketua)
    await ketua.says(f"{NIK}; {OTHER_NAME}; PHL\n{nik(77)}; Joko Widodo; PHL")

    assert not [text for text in seen if NAME in text]
    assert OTHER_NAME in ketua.text and "2 ditambahkan, 0 ditolak" in ketua.text
    assert sorted(await names_on(app, activity_id)) == ["Joko Widodo", NAME]
    assert len(await audit_events(app, "participant_name_unmatched")) == 1


async def test_look_ups_outside_his_rt_are_limited_per_hour_and_audited(
    app: App, rt: SeededRt, other_rt: SeededRt, ketua: Chat
) -> None:
    app.settings.program.chair_nik_lookups_per_hour = 2
    await siti_in(app, other_rt)
    await open_draft(app, ketua, rt)
    for _ in range(2):
        await ketua.taps("Tambah satu peserta")
        await ketua.says(NIK)
        await ketua.says("batal")  # back to the list: the look-up counted all the same
    await ketua.taps("Tambah satu peserta")
    await ketua.says(NIK)

    assert "bisa diperiksa lagi mulai" in ketua.text
    assert len(await audit_events(app, "chair_nik_lookup")) == 2
    assert len(await audit_events(app, "chair_nik_lookup_limited")) == 1
    # People of his own RT and new NIKs are not held up by the limit.
    await ketua.says(nik(78))
    assert "Ya, benar" in ketua.choices
