"""What the conversation keeps of a typed message and what it refuses in one (issue 12): a
keyed digest to recognise a repeat, never the text (a NIK typed at "Cek perlindungan" rested
in clear in conversations.last_text); no hidden direction or control characters."""

from __future__ import annotations

from datetime import timedelta

from bot.app import App
from support.activity_helpers import stored_state
from support.chat import Chat

NIK = "1571014506900001"


async def test_a_typed_nik_is_not_kept_in_the_conversation_but_a_repeat_is_recognised(
    app: App,
) -> None:
    chat = Chat(app, "warga-1")
    await chat.says("menu")
    await chat.taps("Cek perlindungan")
    await chat.says(NIK)
    async with app.uow_factory() as uow:
        conversation = await uow.conversations.get("terminal", "warga-1")
        assert conversation is not None
        kept = repr((conversation.last_text, conversation.data, conversation.choices))
    assert NIK not in kept and NIK[4:] not in kept
    assert len(conversation.last_text) == 64  # a keyed digest

    await chat.says("menu")
    await chat.says("xyz tidak jelas")
    await chat.says("xyz tidak jelas")
    assert "Pesan yang sama terkirim lagi" in chat.text
    assert (await stored_state(chat))[:2] == ("menu", "main")


async def test_hidden_direction_characters_are_refused_in_typed_answers(app: App) -> None:
    chat = Chat(app, "ketua-x", name="Pak " + "Budi " * 30 + "\u202e")
    await chat.says("menu")
    await chat.taps("Cek perlindungan")
    await chat.says("1571014506900001\u202e")
    assert "karakter tersembunyi" in chat.text
    async with app.uow_factory() as uow:
        account = await uow.accounts.find("terminal", "ketua-x")
    assert account is not None and len(account.name) <= 120 and "\u202e" not in account.name


async def test_a_message_dated_before_the_dedup_window_is_refused_as_a_replay(app: App) -> None:
    chat = Chat(app, "6281300000009", channel="whatsapp")
    old = app.service.clock() - timedelta(days=8)
    assert await chat.sends(text="menu", received_at=old) == []
    async with app.uow_factory() as uow:
        assert await uow.conversations.get("whatsapp", "6281300000009") is None
    recent = app.service.clock() - timedelta(minutes=5)
    assert await chat.sends(text="menu", received_at=recent)
