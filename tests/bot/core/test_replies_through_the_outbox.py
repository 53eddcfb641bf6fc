"""Replies through the transactional outbox (issue 13, defect 2): the reply was sent after
the commit and kept nowhere, so a worker dying between the two lost it for good (and the
redelivered message was dropped as already processed). Now a sealed copy of every reply
is committed with the state change; the channel confirms what it sent, and what it never
confirmed the outbox sends after the grace period."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from bot.app import App
from bot.core.messages import REPLY_KIND, Address, IncomingMessage
from bot.workers.outbox_sender import OutboxWorker
from storage.models import OutboxMessage
from support.chat import Clock
from support.senders import FakeSender

pytestmark = pytest.mark.backends()

WA_ID = "6281234500001"


def says(text_: str, message_id: str) -> IncomingMessage:
    return IncomingMessage(Address("whatsapp", WA_ID), message_id, text=text_)


async def copies(app: App) -> list[OutboxMessage]:
    async with app.uow_factory() as uow:
        query = select(OutboxMessage).where(OutboxMessage.kind == REPLY_KIND)
        return list(await uow.session.scalars(query.order_by(OutboxMessage.id)))


async def test_a_reply_the_channel_never_sent_is_sent_by_the_outbox(app: App, clock: Clock) -> None:
    answer = await app.service.handle(says("menu", "wamid.A"))
    assert answer.replies  # ... and the worker dies before sending them
    recorder = FakeSender()
    outbox = OutboxWorker(app.uow_factory, {"whatsapp": recorder}, clock)

    assert await outbox.run_once() == 0  # the channel's to send, for the grace period
    clock.advance(seconds=app.settings.workers.reply_grace_seconds)
    await outbox.run_once()

    assert [parcel.payload["text"] for parcel in recorder.sent] == [
        reply.text for reply in answer.replies
    ]
    assert all(copy.status == "sent" and copy.payload == {} for copy in await copies(app))
    # The redelivered message is still answered only once.
    again = await app.service.handle(says("menu", "wamid.A"))
    assert again.replies == []


async def test_a_reply_the_channel_sent_is_not_sent_again(app: App, clock: Clock) -> None:
    answer = await app.service.handle(says("menu", "wamid.B"))
    await answer.delivered()
    recorder = FakeSender()
    clock.advance(seconds=app.settings.workers.reply_grace_seconds * 10)
    await OutboxWorker(app.uow_factory, {"whatsapp": recorder}, clock).run_once()
    assert recorder.sent == []
    assert len(await copies(app)) == len(answer.replies)


async def test_the_copy_is_sealed_at_rest(app: App) -> None:
    answer = await app.service.handle(says("Simulasi premi", "wamid.C"))
    async with app.database.engine.connect() as conn:
        raw = " ".join(
            str(row) for row in (await conn.execute(text("SELECT payload FROM outbox"))).all()
        )
    assert answer.replies and "sealed" in raw
    assert not [reply for reply in answer.replies if reply.text[:30] in raw]


async def test_the_terminal_keeps_no_copies(app: App) -> None:
    message = IncomingMessage(Address("terminal", "t1"), "t-1", text="menu")
    assert (await app.service.handle(message)).replies
    assert await copies(app) == []
