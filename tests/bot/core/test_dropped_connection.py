"""A connection the server dropped (a restart, an idle timeout) costs no message (issue 14):
the pool no longer pings on every checkout, so the statement that meets the dead
connection fails, the pool replaces it and the service runs the message again."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.app import App
from bot.core.messages import Address, IncomingMessage

pytestmark = pytest.mark.backends("postgresql")


async def test_a_message_on_a_dropped_connection_is_answered(app: App, db_url: str) -> None:
    engine = app.database.engine
    await engine.dispose()
    pids: list[int] = []

    def connected(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("SELECT pg_backend_pid()")
        pids.append(cursor.fetchone()[0])
        cursor.close()

    event.listen(engine.sync_engine.pool, "connect", connected)
    address = Address("whatsapp", "6281200000001")
    first = await app.service.handle(IncomingMessage(address, "m1", text="menu"))
    assert "Menu utama" in "\n".join(reply.text for reply in first.replies)
    assert pids, "the message opened a connection"

    other = create_async_engine(db_url)
    try:
        async with other.connect() as admin:
            for pid in pids:
                await admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    finally:
        await other.dispose()

    answer = await app.service.handle(IncomingMessage(address, "m2", text="Simulasi premi"))
    said = "\n".join(reply.text for reply in answer.replies)
    assert "gangguan" not in said
    assert "nilai" in said.lower()
    async with app.uow_factory() as uow:
        conversation = (await uow.conversations.load(address.channel, address.chat_id)).conversation
        assert conversation is not None
        assert conversation.dialog == "premium"
    assert len(pids) > 1, "the dropped connection was replaced"
