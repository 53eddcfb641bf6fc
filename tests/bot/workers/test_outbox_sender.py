"""The outbox sender: delivery, retries with backoff, the failed state, opted-out
accounts, leases, priorities; on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.workers.outbox_sender import (
    LEASE,
    MAX_ATTEMPTS,
    OutboxWorker,
    Parcel,
    RetryLater,
    Undeliverable,
    Unreachable,
)
from support.chat import Chat
from support.senders import FakeSender

# Leases, retries and priorities are SQL: checked on both databases.
pytestmark = pytest.mark.backends()


async def queue(app, chat_id: str, text: str, priority: int = 5) -> int:  # noqa: ANN001
    """Queue a message for a (new) account, due at the service's clock."""
    await Chat(app, chat_id).says("menu")  # the recipient has an account
    async with app.uow_factory() as uow:
        account = await uow.accounts.find("terminal", chat_id)
        message = await uow.outbox.enqueue(
            account_id=account.id,
            channel="terminal",
            chat_id=chat_id,
            payload={"text": text},
            priority=priority,
            not_before=app.service.clock(),
        )
        await uow.commit()
        return message.id


async def stored(app, message_id: int):  # noqa: ANN001, ANN201
    async with app.uow_factory() as uow:
        message = await uow.outbox.get(message_id)
        account = await uow.accounts.get(message.account_id)
        return message, account


async def test_due_messages_are_sent_urgent_first(app, clock) -> None:  # noqa: ANN001
    later = await queue(app, "a", "statistik", priority=5)
    urgent = await queue(app, "b", "kecelakaan!", priority=1)
    sender = FakeSender()
    # A round takes the most urgent first (here one per round; its chats go side by side).
    one_at_a_time = OutboxWorker(app.uow_factory, {"terminal": sender}, clock, batch=1)
    assert await one_at_a_time.run_once() == 1
    assert await one_at_a_time.run_once() == 1
    assert [p.id for p in sender.sent] == [urgent, later]
    message, _ = await stored(app, urgent)
    assert message.status == "sent" and message.provider_message_id == f"provider-{urgent}"
    assert await OutboxWorker(app.uow_factory, {"terminal": sender}, clock).run_once() == 0


async def test_a_passing_failure_is_retried_with_growing_backoff(app, clock) -> None:  # noqa: ANN001
    message_id = await queue(app, "a", "halo")
    sender = FakeSender(RetryLater("HTTP 502"), RetryLater("timeout"))
    worker = OutboxWorker(app.uow_factory, {"terminal": sender}, clock)
    await worker.run_once()
    message, _ = await stored(app, message_id)
    assert (message.status, message.attempts, message.last_error) == ("pending", 1, "HTTP 502")
    assert message.next_attempt_at == clock.now + timedelta(seconds=10)
    assert await worker.run_once() == 0  # not due yet
    clock.advance(seconds=10)
    await worker.run_once()
    message, _ = await stored(app, message_id)
    assert message.next_attempt_at == clock.now + timedelta(seconds=20)
    clock.advance(seconds=20)
    await worker.run_once()
    message, _ = await stored(app, message_id)
    assert message.status == "sent" and message.attempts == 3


async def test_a_rate_limit_waits_as_long_as_the_provider_asks(app, clock) -> None:  # noqa: ANN001
    message_id = await queue(app, "a", "halo")
    sender = FakeSender(RetryLater("429", after=timedelta(seconds=37)))
    await OutboxWorker(app.uow_factory, {"terminal": sender}, clock).run_once()
    message, _ = await stored(app, message_id)
    assert message.next_attempt_at == clock.now + timedelta(seconds=37)


async def test_after_the_last_attempt_the_message_is_failed(app, clock) -> None:  # noqa: ANN001
    message_id = await queue(app, "a", "halo")
    sender = FakeSender(*[RetryLater(f"down {n}") for n in range(MAX_ATTEMPTS)])
    worker = OutboxWorker(app.uow_factory, {"terminal": sender}, clock)
    for _ in range(MAX_ATTEMPTS):
        await worker.run_once()
        clock.advance(hours=2)
    message, account = await stored(app, message_id)
    assert message.status == "failed" and message.attempts == MAX_ATTEMPTS
    assert not account.opted_out
    async with app.uow_factory() as uow:
        assert (await uow.outbox.count_by_status())["failed"] == 1


@pytest.mark.parametrize(
    ("error", "opted_out"), [(Undeliverable("400 bad"), False), (Unreachable("403"), True)]
)
async def test_permanent_failures(app, clock, error, opted_out) -> None:  # noqa: ANN001
    message_id = await queue(app, "a", "halo")
    await OutboxWorker(app.uow_factory, {"terminal": FakeSender(error)}, clock).run_once()
    message, account = await stored(app, message_id)
    assert message.status == "failed" and message.attempts == 1
    assert account.opted_out is opted_out


async def test_a_crash_while_sending_leaves_a_lease_that_runs_out(app, clock) -> None:  # noqa: ANN001
    message_id = await queue(app, "a", "halo")

    class Crash(BaseException):
        pass

    class CrashingSender:
        async def send(self, parcel: Parcel) -> str | None:
            raise Crash

    with pytest.raises(Crash):
        await OutboxWorker(app.uow_factory, {"terminal": CrashingSender()}, clock).run_once()
    sender = FakeSender()
    worker = OutboxWorker(app.uow_factory, {"terminal": sender}, clock)
    assert await worker.run_once() == 0  # leased: nobody sends it twice at once
    clock.advance(seconds=LEASE.total_seconds())
    assert await worker.run_once() == 1
    message, _ = await stored(app, message_id)
    assert message.status == "sent"


async def test_messages_of_a_channel_without_a_sender_wait(app, clock) -> None:  # noqa: ANN001
    message_id = await queue(app, "a", "halo")
    assert await OutboxWorker(app.uow_factory, {"whatsapp": FakeSender()}, clock).run_once() == 0
    message, _ = await stored(app, message_id)
    assert message.status == "pending" and message.attempts == 0


class PacedSender:
    """A provider whose per-person pacing makes each send take `seconds` of the clock
    (the test's clock: time passes only here). With `together`, a send waits (up to a
    second) until that many are in flight."""

    def __init__(self, clock, seconds: float, together: int = 1) -> None:  # noqa: ANN001
        self.clock, self.seconds, self.together = clock, seconds, together
        self.sent: list[Parcel] = []
        self.in_flight = 0
        self.most_in_flight = 0

    async def send(self, parcel: Parcel) -> str | None:
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        for _ in range(100):
            if self.most_in_flight >= self.together:
                break
            await asyncio.sleep(0.01)  # other lanes run meanwhile
        self.clock.advance(seconds=self.seconds)
        self.in_flight -= 1
        self.sent.append(parcel)
        return f"provider-{parcel.id}"


async def test_a_slow_batch_is_never_sent_twice(app, clock) -> None:  # noqa: ANN001
    """Defect 5 of issue 13: a batch leased for a minute and sent one by one with 6 s per
    person outlived its lease; another worker sent it again (72 alerts for 52)."""
    ids = [await queue(app, "a", f"pesan {n}") for n in range(15)]  # 15 × 6 s = 90 s
    first = PacedSender(clock, 6)
    second = FakeSender()
    one = OutboxWorker(app.uow_factory, {"terminal": first}, clock)
    other = OutboxWorker(app.uow_factory, {"terminal": second}, clock)

    async def the_other_worker_polls() -> None:
        for _ in range(40):
            await other.run_once()
            await asyncio.sleep(0)

    await asyncio.gather(one.run_once(), the_other_worker_polls())
    sent = [p.id for p in first.sent] + [p.id for p in second.sent]
    assert sorted(sent) == ids  # each once
    for message_id in ids:
        message, _ = await stored(app, message_id)
        assert message.status == "sent" and message.attempts == 1


async def test_one_chat_in_order_several_chats_side_by_side(app, clock) -> None:  # noqa: ANN001
    queued = [await queue(app, chat, f"{chat}{n}") for n in range(3) for chat in ("a", "b", "c")]
    sender = PacedSender(clock, 1, together=3)
    assert await OutboxWorker(app.uow_factory, {"terminal": sender}, clock).run_once() == 9
    for chat in ("a", "b", "c"):
        texts = [p.payload["text"] for p in sender.sent if p.chat_id == chat]
        assert texts == [f"{chat}0", f"{chat}1", f"{chat}2"]
    assert sender.most_in_flight == 3 and len(queued) == 9
