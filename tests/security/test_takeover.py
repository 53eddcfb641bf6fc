"""Phone takeover (issue 12, "High"): a Ketua RT of another RT typed a registered person's
NIK into his draft with his own phone, and `Person.phone` was overwritten — "Data saya" on
his number then showed her data and she lost access. Now a chair sets a phone only for a
person without one or first registered in his RT; any other number goes to the officials
in scope as a correction request, the stored number stays, and the chair is told so."""

from __future__ import annotations

from sqlalchemy import select

from bot.app import App
from storage.models import CorrectionRequest, OutboxMessage
from support.chat import Chat
from support.coverage import SITI_PHONE, audit_events
from support.other_rt_person import (
    CHAIR_PHONE_TYPED,
    NAME,
    NIK,
    enter,
    finish,
    names_on,
    official_of,
    open_draft,
    siti,
    siti_in,
)
from support.seeding import SeededRt

CHAIR_PHONE = "+6281200000001"


async def test_a_chair_of_another_rt_cannot_put_his_phone_on_her_record(
    app: App, rt: SeededRt, other_rt: SeededRt, ketua: Chat, warga: Chat
) -> None:
    await siti_in(app, other_rt)
    petugas = await official_of(app, other_rt)
    activity_id = await open_draft(app, ketua, rt)

    await enter(ketua)
    await finish(ketua, CHAIR_PHONE_TYPED)

    assert (await siti(app)).phone == SITI_PHONE
    assert "tidak diubah" in ketua.text and "diteruskan ke petugas" in ketua.text
    assert await names_on(app, activity_id) == [NAME]  # she is on his list all the same
    # "Data saya" on his number shows nothing of hers; on hers, everything as before.
    await ketua.says("/datasaya")
    assert NAME not in ketua.text
    await warga.says("/datasaya")
    assert NAME in warga.text and "Kerja bakti saluran" in warga.text
    # The officials of her RT's kelurahan have the request, with the number he gave.
    async with app.uow_factory() as uow:
        requests = list(await uow.session.scalars(select(CorrectionRequest)))
        notices = list(
            await uow.session.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == "correction")
            )
        )
    assert len(requests) == 1 and CHAIR_PHONE in requests[0].message
    assert requests[0].account_id is None  # the outcome is never sent to the chair
    assert len(notices) == 1
    await petugas.says("/perbaikan")
    assert f"#{requests[0].id}" in petugas.text
    assert len(await audit_events(app, "participant_phone_change_requested")) == 1


async def test_discarding_his_draft_leaves_her_record_as_it_was(
    app: App, rt: SeededRt, other_rt: SeededRt, ketua: Chat
) -> None:
    await siti_in(app, other_rt)
    activity_id = await open_draft(app, ketua, rt)
    await enter(ketua)
    await finish(ketua, CHAIR_PHONE_TYPED)

    await ketua.says("menu")
    await ketua.taps("Kegiatan saya")
    await ketua.taps("draf")
    await ketua.taps("Hapus draf")
    await ketua.taps("Ya, hapus draf")

    assert "dihapus" in ketua.text
    async with app.uow_factory() as uow:
        assert await uow.activities.get(activity_id) is None
    person = await siti(app)
    assert (person.name, person.phone) == (NAME, SITI_PHONE)


async def test_a_person_first_registered_in_his_rt_gets_the_new_phone_directly(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    await siti_in(app, rt)
    await open_draft(app, ketua, rt)
    await enter(ketua)
    await finish(ketua, "0813-5555-0001")

    assert (await siti(app)).phone == "+6281355550001"
    assert "tidak diubah" not in ketua.text
    [event] = await audit_events(app, "participant_phone_set")
    assert event.detail["new"] != "+6281355550001"  # masked in the trail


async def test_a_person_with_no_phone_gets_one_from_any_chair(
    app: App, rt: SeededRt, other_rt: SeededRt, ketua: Chat
) -> None:
    await siti_in(app, other_rt, phone=None)
    await open_draft(app, ketua, rt)
    await enter(ketua)
    await finish(ketua, "0813-5555-0001")
    assert (await siti(app)).phone == "+6281355550001"


async def test_a_pasted_list_cannot_change_her_phone_either(
    app: App, rt: SeededRt, other_rt: SeededRt, ketua: Chat
) -> None:
    await siti_in(app, other_rt)
    activity_id = await open_draft(app, ketua, rt)
    await ketua.taps("Tempel daftar")
    await ketua.says(f"{NIK}; {NAME}; PHL; {CHAIR_PHONE_TYPED}")

    assert (await siti(app)).phone == SITI_PHONE
    assert "nomor HP tidak diubah" in ketua.text
    assert await names_on(app, activity_id) == [NAME]
