"""Conversations saved by the running release continue after an upgrade (issue 10, item 7).

People are in the middle of a dialog when a new version is deployed: their row in
`conversations` names a dialog and a step and carries the dialog's data, the offered
choices and the way back. Each test writes such a row literally — exactly as the release
of the restructure (commit 11c0449) stored it, captured from a real run — and sends the
next message. The dialog must go on from that step; a renamed dialog or step would answer
"step_gone" and reset the chat to the menu instead.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import insert

from bot.app import App
from storage.models import Account, Conversation
from support.activity_helpers import create_activity, plain
from support.chat import Chat
from support.seeding import SeededRt

# Stored rows matter on both databases (JSON columns are stored differently).
pytestmark = pytest.mark.backends()

NOTICED = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
STEP_GONE = "tidak bisa dilanjutkan"  # from the catalogue's "step_gone"


async def stored_row(
    app: App,
    chat: Chat,
    *,
    dialog: str,
    step: str,
    data: dict[str, Any],
    choices: list[Any],
    history: list[Any],
    last_text: str,
    version: int,
) -> None:
    """An account that saw the privacy notice, and its conversation, as rows."""
    async with app.uow_factory() as uow:
        account_id = (
            await uow.session.execute(
                insert(Account)
                .values(
                    channel=chat.address.channel,
                    chat_id=chat.address.chat_id,
                    phone=chat.phone,
                    name=chat.name,
                    language="id",
                    opted_out=False,
                    privacy_noticed_at=NOTICED,
                    last_inbound_at=NOTICED,
                    created_at=NOTICED,
                )
                .returning(Account.id)
            )
        ).scalar_one()
        await uow.session.execute(
            insert(Conversation).values(
                channel=chat.address.channel,
                chat_id=chat.address.chat_id,
                account_id=account_id,
                dialog=dialog,
                step=step,
                data=data,
                choices=choices,
                history=history,
                last_text=last_text,
                version=version,
                updated_at=NOTICED,
            )
        )
        await uow.commit()


async def state(chat: Chat) -> tuple[str, str, dict[str, Any]]:
    async with chat.app.uow_factory() as uow:
        conversation = await uow.conversations.get(chat.address.channel, chat.address.chat_id)
        assert conversation is not None
        return conversation.dialog, conversation.step, dict(conversation.data)


def assert_continued(chat: Chat) -> None:
    assert STEP_GONE not in chat.text
    assert "Menu utama" not in chat.text


# --- Daftarkan kegiatan: the Ketua RT was asked where the activity takes place ---------

REGISTRATION_AT_PLACE: dict[str, Any] = {
    "dialog": "activity_registration",
    "step": "place",
    "data": {
        "rt_id": 1,
        "entry": "title",
        "title": "Perbaikan jalan Gang Melati",
        "kind": "jalan_lingkungan",
    },
    "choices": [],
    "history": ["start", "kind"],
    "last_text": "Jalan lingkungan",
    "version": 4,
}


async def test_registration_continues_at_the_place_question(
    app: App, ketua: Chat, rt: SeededRt
) -> None:
    assert rt.id == REGISTRATION_AT_PLACE["data"]["rt_id"]
    await stored_row(app, ketua, **REGISTRATION_AT_PLACE)
    await ketua.says("Gang Melati RT 01")
    assert_continued(ketua)
    assert "Kapan kegiatan *mulai*?" in ketua.text
    assert ketua.choices == ["Hari ini", "Besok"]
    dialog, step, data = await state(ketua)
    assert (dialog, step) == ("activity_registration", "start_date")
    assert data["title"] == "Perbaikan jalan Gang Melati"
    assert data["kind"] == "jalan_lingkungan"
    assert data["place"] == "Gang Melati RT 01"


async def test_registration_goes_back_along_the_stored_history(
    app: App, ketua: Chat, rt: SeededRt
) -> None:
    await stored_row(app, ketua, **REGISTRATION_AT_PLACE)
    await ketua.says("kembali")
    assert_continued(ketua)
    assert "Jalan lingkungan" in ketua.choices
    assert (await state(ketua))[:2] == ("activity_registration", "kind")


# --- Simulasi premi: asked for the value, and asked back about an ambiguous "2,5" -------


async def test_premium_simulation_continues_at_the_value_question(app: App, chat: Chat) -> None:
    await stored_row(
        app,
        chat,
        dialog="premium",
        step="value",
        data={},
        choices=[],
        history=[],
        last_text="Simulasi premi",
        version=2,
    )
    await chat.says("25 juta")
    assert_continued(chat)
    assert "Total premi: Rp60.000" in plain(chat.text)


async def test_premium_simulation_takes_the_stored_choice(app: App, chat: Chat) -> None:
    await stored_row(
        app,
        chat,
        dialog="premium",
        step="value",
        data={"likely": 2500000},
        choices=[["likely", "Ya, Rp2.500.000"]],
        history=[],
        last_text="2,5",
        version=3,
    )
    assert await chat.taps_id("likely")
    assert_continued(chat)
    assert "Rp2.500.000" in plain(chat.text)
    assert "Total premi" in plain(chat.text)


# --- Peserta: the main step's buttons, and the NIK question of "Tambah satu" ------------


async def test_participants_main_step_takes_a_stored_button(
    app: App, ketua: Chat, rt: SeededRt
) -> None:
    activity_id = await create_activity(app, rt.id)
    await stored_row(
        app,
        ketua,
        dialog="participants",
        step="main",
        data={"activity_id": activity_id},
        choices=[
            ["add", "Tambah satu peserta"],
            ["paste", "Tempel daftar peserta"],
            ["list", "Lihat daftar"],
            ["done", "Selesai"],
        ],
        history=[],
        last_text="Simpan & tambah peserta",
        version=10,
    )
    await ketua.taps_id("add")
    assert_continued(ketua)
    assert "Ketik *NIK* peserta" in ketua.text
    assert (await state(ketua))[:2] == ("participants", "nik")


async def test_participants_continue_at_the_nik_question(
    app: App, ketua: Chat, rt: SeededRt
) -> None:
    activity_id = await create_activity(app, rt.id)
    await stored_row(
        app,
        ketua,
        dialog="participants",
        step="nik",
        data={"activity_id": activity_id},
        choices=[],
        history=["main"],
        last_text="Tambah satu peserta",
        version=11,
    )
    await ketua.says("1571014506900001")
    assert_continued(ketua)
    dialog, step, data = await state(ketua)
    assert dialog == "participants" and step not in ("nik", "main")
    assert data["activity_id"] == activity_id
