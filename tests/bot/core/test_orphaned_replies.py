"""Replies of a worker that died (issue 13, order after a crash): its committed but
unconfirmed replies used to wait for the outbox's grace period, so the chat's next
answer, from another worker, arrived before them. Now every reply copy names its sender
(outbox.owner) and a worker is alive while it holds its presence lock: the chat's next
message sends a dead worker's replies before its own, and the outbox sends them itself
after a few seconds when no message comes. A live worker's copies are left to it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from sqlalchemy import select

from bot.app import App, build_app
from bot.core.messages import REPLY_KIND, Address, IncomingMessage
from bot.workers.outbox_sender import LEASE, ORPHAN_GRACE, OutboxWorker
from storage.database import Database
from storage.models import OutboxMessage
from storage.presence import Presence
from support.chat import Clock
from support.seeding import TEST_NIK_KEY
from support.senders import FakeSender

pytestmark = pytest.mark.backends()

WA_ID = "6281234500077"
OTHER_WORKER = 77


@pytest_asyncio.fixture
async def other(app: App, database: Database, clock: Clock) -> AsyncIterator[App]:
    """Another worker on the same database (its own worker id), which the test lets die
    by never confirming what it answered."""
    yield await build_app(
        app.settings, TEST_NIK_KEY, upgrade=False, clock=clock, database=database,
        worker_id=OTHER_WORKER,
    )  # fmt: skip


def says(text_: str, message_id: str) -> IncomingMessage:
    return IncomingMessage(Address("whatsapp", WA_ID), message_id, text=text_)


def texts(replies: object) -> list[str]:
    return [reply.text for reply in replies]  # type: ignore[attr-defined]


async def unsent(app: App) -> list[OutboxMessage]:
    async with app.uow_factory() as uow:
        query = select(OutboxMessage).where(
            OutboxMessage.kind == REPLY_KIND, OutboxMessage.status == "pending"
        )
        return list(await uow.session.scalars(query.order_by(OutboxMessage.id)))


async def test_the_next_message_sends_a_dead_workers_replies_first(app: App, other: App) -> None:
    lost = await other.service.handle(says("menu", "wamid.1"))  # ... and it dies
    answer = await app.service.handle(says("Simulasi premi", "wamid.2"))

    own = texts(answer.replies)[len(lost.replies) :]
    assert texts(answer.replies)[: len(lost.replies)] == texts(lost.replies)
    assert own and "nilai" in " ".join(own).lower(), own
    await answer.delivered()
    assert await unsent(app) == []


async def test_the_redelivered_message_brings_the_replies_it_lost(app: App, other: App) -> None:
    lost = await other.service.handle(says("menu", "wamid.3"))
    # The worker died before its 200; the provider posts the message to another worker.
    again = await app.service.handle(says("menu", "wamid.3"))

    assert texts(again.replies) == texts(lost.replies)  # the same, not processed twice
    await again.delivered()
    assert await unsent(app) == []


async def test_the_outbox_sends_them_when_no_message_comes(
    app: App, other: App, clock: Clock
) -> None:
    lost = await other.service.handle(says("menu", "wamid.4"))
    recorder = FakeSender()
    outbox = OutboxWorker(app.uow_factory, {"whatsapp": recorder}, clock)

    assert await outbox.run_once() == 0  # left a moment to the chat's next message
    clock.advance(seconds=ORPHAN_GRACE.total_seconds())
    await outbox.run_once()
    assert [parcel.payload["text"] for parcel in recorder.sent] == texts(lost.replies)
    assert ORPHAN_GRACE.total_seconds() < app.settings.workers.reply_grace_seconds


async def test_a_sender_that_died_mid_send_leaves_the_message_due(app: App, clock: Clock) -> None:
    async with app.uow_factory() as uow:
        account, _ = await uow.accounts.get_or_create("whatsapp", WA_ID, "Budi")
        now = clock()
        queued = await uow.outbox.enqueue(
            account_id=account.id, channel="whatsapp", chat_id=WA_ID, payload={"text": "Info"},
            not_before=now,
        )  # fmt: skip
        assert queued is not None
        assert await uow.outbox.lease(queued.id, now, now + LEASE, OTHER_WORKER) is not None
        await uow.commit()
    recorder = FakeSender()
    # Not LEASE later: as soon as its sender is gone.
    await OutboxWorker(app.uow_factory, {"whatsapp": recorder}, clock).run_once()
    assert [parcel.payload["text"] for parcel in recorder.sent] == ["Info"]


@pytest.mark.backends("postgresql")
async def test_a_live_workers_replies_are_left_to_it(
    app: App, other: App, db_url: str, database: Database, clock: Clock
) -> None:
    presence = Presence(Database(db_url, schema=database.schema), OTHER_WORKER)
    await presence.start()
    try:
        pending = await other.service.handle(says("menu", "wamid.5"))  # still sending
        answer = await app.service.handle(says("Simulasi premi", "wamid.6"))
        assert not set(texts(pending.replies)) & set(texts(answer.replies))
        recorder = FakeSender()
        clock.advance(seconds=ORPHAN_GRACE.total_seconds() * 2)
        await OutboxWorker(app.uow_factory, {"whatsapp": recorder}, clock).run_once()
        assert recorder.sent == []
    finally:
        await presence.close()
        await presence.database.dispose()

    # Its presence gone (the process died), the next round sends them.
    await OutboxWorker(app.uow_factory, {"whatsapp": recorder}, clock).run_once()
    assert [parcel.payload["text"] for parcel in recorder.sent] == texts(pending.replies)
