"""The conversation service end to end on a real database (SQLite and PostgreSQL):
one transaction per message, duplicates dropped, state survives a restart, conflicts
detected, failures answered with an apology and nothing half-written."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from bot.app import build_app
from bot.config import Settings
from bot.core.dialog import Context, Go
from bot.core.engine import DialogEngine
from bot.core.messages import Notification, Reply
from storage.models import Account, Conversation, OutboxMessage, ProcessedMessage
from storage.uow import StaleConversation
from support.chat import Chat
from support.seeding import TEST_NIK_KEY

# Transactions, duplicates and stale saves depend on the database: both are checked.
pytestmark = pytest.mark.backends()


def replace_step(app, monkeypatch, dialog_name, step_name, handle) -> None:  # noqa: ANN001
    """Swap one step's handler in the running service (to inject a failure or a side effect)."""
    dialogs = dict(app.service._engine._dialogs)
    dialog = dialogs[dialog_name]
    # The injected handler takes any answer, typed or picked.
    swapped = replace(dialog.steps[step_name], handle=handle, choice_only=False)
    steps = {**dialog.steps, step_name: swapped}
    dialogs[dialog_name] = replace(dialog, steps=steps)
    monkeypatch.setattr(app.service, "_engine", DialogEngine(dialogs))


async def count(app, model) -> int:  # noqa: ANN001
    async with app.uow_factory() as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(model)))


async def test_first_contact_shows_the_privacy_notice_once(chat: Chat) -> None:
    await chat.says("halo")
    assert "Pemberitahuan privasi" in chat.text
    assert "Menu utama" in chat.last.text
    await chat.says("menu")
    assert "privasi" not in chat.text


async def test_a_redelivered_message_is_processed_once(app, chat: Chat) -> None:  # noqa: ANN001
    await chat.says("menu")
    await chat.taps("Simulasi premi")
    first = await chat.sends(message_id="wamid.1", text="25 juta")
    again = await chat.sends(message_id="wamid.1", text="25 juta")
    assert "Rp60.000" in "\n".join(r.text for r in first)
    assert again == []
    assert await count(app, ProcessedMessage) == 3


async def test_state_survives_a_restart_of_the_service(app, database, clock) -> None:  # noqa: ANN001
    chat = Chat(app)
    await chat.says("menu")
    await chat.taps("Simulasi premi")
    settings = Settings(database={"url": "sqlite+aiosqlite://"})
    restarted = await build_app(
        settings, TEST_NIK_KEY, upgrade=False, clock=clock, database=database
    )
    chat.app = restarted
    await chat.says("150jt")
    assert "Rp335.000" in chat.text


async def test_concurrent_messages_of_one_chat_are_serialised(app) -> None:  # noqa: ANN001
    chats = [Chat(app, "same-chat") for _ in range(5)]
    await chats[0].says("menu")
    results = await asyncio.gather(*(c.says("menu") for c in chats))
    assert all(r and "Menu utama" in r[-1].text for r in results)
    async with app.uow_factory() as uow:
        conversation = await uow.conversations.get("terminal", "same-chat")
        assert conversation.version == 6


async def test_a_concurrent_save_elsewhere_is_detected(app) -> None:  # noqa: ANN001
    chat = Chat(app, "c")
    await chat.says("menu")
    async with app.uow_factory() as uow:
        conversation = await uow.conversations.get("terminal", "c")
        stale_version = conversation.version - 1
        with pytest.raises(StaleConversation):
            await uow.conversations.save(conversation, stale_version)


async def test_a_crashing_step_leaves_nothing_and_apologises(app, chat, monkeypatch) -> None:  # noqa: ANN001
    await chat.says("menu")
    await chat.taps("Simulasi premi")

    async def boom(ctx: Context, answer):  # noqa: ANN001
        ctx.notify(Notification(account_id=1, reply=Reply("never sent")))
        raise RuntimeError("disk on fire")

    replace_step(app, monkeypatch, "premium", "value", boom)
    processed_before = await count(app, ProcessedMessage)
    await chat.says("25 juta")
    assert "gangguan" in chat.text
    assert await count(app, OutboxMessage) == 0
    assert await count(app, ProcessedMessage) == processed_before
    async with app.uow_factory() as uow:
        conversation = await uow.conversations.get("terminal", chat.address.chat_id)
        assert (conversation.dialog, conversation.step) == ("premium", "value")


async def test_notifications_go_to_the_outbox_in_the_same_transaction(app, monkeypatch) -> None:  # noqa: ANN001
    other = Chat(app, "other")
    await other.says("menu")
    sender = Chat(app, "sender")
    await sender.says("menu")
    async with app.uow_factory() as uow:
        recipient = await uow.accounts.find("terminal", "other")

    async def notify(ctx: Context, answer):  # noqa: ANN001
        ctx.notify(Notification(account_id=recipient.id, reply=Reply("Halo!", urgent=True)))
        return Go("main")

    replace_step(app, monkeypatch, "menu", "main", notify)
    await sender.says("apa saja")
    async with app.uow_factory() as uow:
        queued = await uow.outbox.due(sender.app.service.clock(), 10)
    assert [(m.chat_id, m.payload["text"], m.priority) for m in queued] == [("other", "Halo!", 1)]


async def test_a_verified_phone_is_stored_on_the_account(app) -> None:  # noqa: ANN001
    chat = Chat(app, "wa-1", channel="whatsapp", phone="+6281234567890")
    await chat.says("menu")
    async with app.uow_factory() as uow:
        account = await uow.session.scalar(select(Account).where(Account.chat_id == "wa-1"))
        conversation = await uow.session.scalar(select(Conversation))
        assert account.phone == "+6281234567890"
        assert conversation.account_id == account.id


async def test_new_accounts_speak_the_configured_default_language(app, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(app.settings.program, "default_language", "en")
    chat = Chat(app, "english-1")
    await chat.says("menu")
    assert "Privacy notice" in chat.text and "Kampung Bahagia main menu" in chat.last.text
