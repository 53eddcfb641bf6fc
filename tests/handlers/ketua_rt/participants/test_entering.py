"""Helpers shared by the participants dialog tests (tests/test_participants_*.py), and the
tests of entering the dialog.

How a test reaches the dialog: other dialogs (registration, "Kegiatan saya") enter it with
`Start("participants", {"activity_id": id})`. The tests do not depend on them: the Ketua RT
says "menu" (which creates the conversation), `open_participants` then writes the
conversation state straight into the participants dialog's main step with the activity id
— exactly what a `Start` leaves behind — and sends "bantuan", which the engine answers at
any step with the help text and the step's question. From there the test talks like a user.
"""

from __future__ import annotations

from bot.app import App
from support.chat import Chat
from support.participants import (
    ADULT,
    active_names,
    make_activity,
    open_participants,
    seed_participants,
    step_of,
)
from support.seeding import SeededRt

# --- entering the dialog ----------------------------------------------------------------


async def test_the_main_step_shows_the_activity_and_what_can_be_done(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    text = ketua.last.text
    assert "Normalisasi drainase RT 01" in text
    assert "draf" in text
    assert "*0* orang (batas 200)" in text
    assert ketua.choices == [
        "Tambah satu peserta",
        "Tempel daftar peserta",
        "Lihat daftar",
        "Selesai",
    ]


async def test_another_rts_chair_is_refused(
    app: App, rt: SeededRt, ketua: Chat, other_ketua: Chat
) -> None:
    activity_id = await make_activity(app, rt)
    await seed_participants(app, activity_id, 1)
    await open_participants(other_ketua, activity_id)
    assert "bukan kegiatan RT Anda" in other_ketua.last.text
    assert "Peserta Aa" not in other_ketua.text
    await other_ketua.says("1")  # the only button: back to the menu
    assert await step_of(other_ketua) == "menu/main"
    # Even a forged state in a later step is refused, and nothing changes.
    await open_participants(other_ketua, activity_id)
    async with app.uow_factory() as uow:
        conversation = await uow.conversations.get("whatsapp", "ketua-2")
        assert conversation is not None
        conversation.step = "nik"
        await uow.conversations.save(conversation, conversation.version)
        await uow.commit()
    await other_ketua.says(ADULT)
    assert "bukan kegiatan RT Anda" in other_ketua.text
    assert await step_of(other_ketua) == "menu/main"
    assert await active_names(app, activity_id) == ["Peserta Aa"]


async def test_an_unknown_activity_is_explained(app: App, ketua: Chat) -> None:
    await open_participants(ketua, 99_999)
    assert "tidak ditemukan" in ketua.last.text
    await ketua.says("apa ini")
    assert await step_of(ketua) == "menu/main"


async def test_selesai_on_a_draft_says_it_is_saved(app: App, rt: SeededRt, ketua: Chat) -> None:
    activity_id = await make_activity(app, rt)
    await seed_participants(app, activity_id, 2)
    await open_participants(ketua, activity_id)
    await ketua.taps("Selesai")
    assert "tersimpan sebagai draf dengan 2 peserta" in ketua.text
    assert "Kegiatan saya" in ketua.text
    assert await step_of(ketua) == "menu/main"


async def test_the_main_step_answers_anything_unexpected(
    app: App, rt: SeededRt, ketua: Chat
) -> None:
    activity_id = await make_activity(app, rt)
    await open_participants(ketua, activity_id)
    for typed in ("😀🙏", "x" * 5_000, "asdfgh", "asdfgh"):
        await ketua.says(typed)
        assert await step_of(ketua) == "participants/main"
        assert "Peserta kegiatan" in ketua.last.text
    assert "sama terkirim lagi" in ketua.text  # the repeat is noticed
    await ketua.sends(choice_id="p999")
    assert "sudah tidak berlaku" in ketua.text
    assert await step_of(ketua) == "participants/main"
