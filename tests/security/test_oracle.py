"""NIK → name oracle (issue 12): any Ketua RT learned the name behind any NIK, without
limit, and a pasted list told whether a NIK was known under another name. Now the stored
name is shown only for people first registered in his RT; for anyone else he types it,
a name that does not match is never revealed (he checks the NIK again or the officials
are asked), and his look-ups outside the RT are limited per hour and audited."""

from __future__ import annotations

from sqlalchemy import select

from bot.app import App
from storage.models import CorrectionRequest, OutboxMessage
from support.chat import Chat
from support.coverage import audit_events
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


async def test_a_name_that_does_not_match_is_sent_to_the_officials_not_revealed(
    app: App, rt: SeededRt, other_rt: SeededRt, ketua: Chat
) -> None:
    await siti_in(app, other_rt)
    petugas = await official_of(app, other_rt)
    activity_id = await open_draft(app, ketua, rt)
    seen = record(ketua)

    await enter(ketua, OTHER_NAME)
    assert "tidak cocok" in ketua.text
    assert ketua.choices == ["Periksa NIK lagi", "Teruskan ke petugas"]
    await ketua.taps("Teruskan ke petugas")

    assert "Diteruskan ke petugas" in ketua.text
    assert not [text for text in seen if NAME in text]
    assert await names_on(app, activity_id) == []  # not on the list until checked
    async with app.uow_factory() as uow:
        [request] = list(await uow.session.scalars(select(CorrectionRequest)))
        notices = list(
            await uow.session.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == "correction")
            )
        )
    assert OTHER_NAME in request.message and request.account_id is None
    assert len(notices) == 1  # the official of her kelurahan, never the chair
    await petugas.says("/perbaikan")
    assert f"#{request.id}" in petugas.text and NAME in petugas.text
    assert len(await audit_events(app, "participant_name_unmatched")) == 1


async def test_checking_the_nik_again_forgets_the_entry(
    app: App, rt: SeededRt, other_rt: SeededRt, ketua: Chat
) -> None:
    await siti_in(app, other_rt)
    activity_id = await open_draft(app, ketua, rt)
    await enter(ketua, OTHER_NAME)
    await ketua.taps("Periksa NIK lagi")
    assert "NIK" in ketua.text
    assert await names_on(app, activity_id) == []
    async with app.uow_factory() as uow:
        assert list(await uow.session.scalars(select(CorrectionRequest))) == []


async def test_a_matching_name_adds_her(
    app: App, rt: SeededRt, other_rt: SeededRt, ketua: Chat
) -> None:
    await siti_in(app, other_rt)
    activity_id = await open_draft(app, ketua, rt)
    await enter(ketua)
    await finish(ketua, None)
    assert await names_on(app, activity_id) == [NAME]


async def test_a_pasted_list_never_shows_the_stored_name(
    app: App, rt: SeededRt, other_rt: SeededRt, ketua: Chat
) -> None:
    await siti_in(app, other_rt)
    activity_id = await open_draft(app, ketua, rt)
    await ketua.taps("Tempel daftar")  # its example line names a "Siti Aminah" too
    seen = record(ketua)
    await ketua.says(f"{NIK}; {OTHER_NAME}; PHL\n{nik(77)}; Joko Widodo; PHL")

    assert not [text for text in seen if NAME in text]
    assert "nama tercatat tidak ditampilkan" in ketua.text
    assert await names_on(app, activity_id) == ["Joko Widodo"]


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
