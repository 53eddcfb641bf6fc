"""The outbox sender: delivers queued messages (alerts, notifications, broadcasts, and
the replies no channel confirmed) with retries, backoff and a clear failed state.

Each round reads what is due, most urgent first, and hands it to one lane per chat: a
chat's messages go one after another in the order they were queued, different chats side
by side (at most LANES at once), so one person's pacing (WhatsApp's ~6 s between bulk
messages to a person, Telegram's per-chat limit) holds back only that person. A message
is leased on its own just before it is sent — its next attempt pushed LEASE ahead, longer
than a send with its pacing can take — then sent outside any transaction (a slow provider
must not hold the database) and the outcome recorded: a lease never runs out while its
send is in flight, so no other worker sends it again. A crash between sending and
recording means the lease runs out and the message goes again: delivery is at least once.

With several workers only the leader sends (`leader`, a PostgreSQL advisory lock with
failover), and a chat's messages stay in order. Each message carries its sender (the
owner): when a worker dies, every round makes what it owned due again at once — the
messages it was sending, and the replies it had committed but not confirmed, once
ORPHAN_GRACE has given the chat's next message the chance to take them first.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from bot.core.log_redaction import log_failure
from bot.core.ports import UnitOfWorkFactory
from bot.core.worker import THIS_WORKER
from bot.domain.nik import mask_niks
from bot.domain.vocabulary import OutboxStatus
from bot.workers.leader import AlwaysLeading, Leader

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=2)
# GET /healthz says the outbox is not ok when a due message waits longer than this.
LATE = timedelta(minutes=10)
# Chats sent to at the same time.
LANES = 16
MAX_ATTEMPTS = 8
# 10 s, 20 s, 40 s … capped at one hour: an outage of a few hours is ridden out.
FIRST_BACKOFF = timedelta(seconds=10)
MAX_BACKOFF = timedelta(hours=1)
# A dead worker's replies wait this long for their chat's next message, which sends them
# before its own answer (bot/core/service.py) — a provider's redelivery of the message
# the worker died on comes within it — and then go out through the outbox.
ORPHAN_GRACE = timedelta(seconds=5)


class RetryLater(Exception):
    """A passing failure (network, 5xx, rate limit); `after` overrides the backoff."""

    def __init__(self, reason: str, after: timedelta | None = None) -> None:
        super().__init__(reason)
        self.after = after


class Undeliverable(Exception):
    """This message can never be delivered (a bad request): fail it, keep the account."""


class Unreachable(Exception):
    """The person cannot be reached at all (blocked the bot, deleted the account): the
    account is marked opted out and nothing more is sent to it."""


@dataclass(frozen=True)
class Parcel:
    """What a channel sender gets: a copy of the queued row, no database object."""

    id: int
    account_id: int
    chat_id: str
    kind: str
    payload: dict[str, Any]
    attempts: int
    # The recipient's last message to us: WhatsApp only allows free text within 24 h.
    last_inbound_at: datetime | None = None


class Sender(Protocol):
    async def send(self, parcel: Parcel) -> str | None:
        """Deliver; return the provider's message id, or raise one of the errors above."""


def backoff(attempts: int) -> timedelta:
    return min(FIRST_BACKOFF * (2 ** max(attempts - 1, 0)), MAX_BACKOFF)


class OutboxWorker:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        senders: Mapping[str, Sender],
        clock: Callable[[], datetime],
        batch: int = 200,
        leader: Leader | None = None,
        worker_id: int = THIS_WORKER,
    ) -> None:
        self._uow_factory = uow_factory
        self._senders = senders
        self._clock = clock
        self._batch = batch
        self._leader = leader or AlwaysLeading()
        self._worker_id = worker_id
        self._slots = asyncio.Semaphore(LANES)
        # Per chat: the ids waiting in its lane, and the lane's task.
        self._lanes: dict[tuple[str, str], list[int]] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._queued: set[int] = set()
        self._tried = 0

    async def run_once(self) -> int:
        """Send what is due now and wait until it is tried; returns how many were."""
        before = self._tried
        await self._dispatch()
        while self._tasks:
            await asyncio.gather(*list(self._tasks))
        return self._tried - before

    async def run(self, stop: asyncio.Event, idle: float = 1.0) -> None:
        """While this worker leads, hand what is due to the lanes every `idle` seconds
        until `stop`; then let the lanes finish what they took."""
        try:
            while not stop.is_set():
                try:
                    if await self._leader.leading():
                        await self._dispatch()
                except Exception:
                    log.exception("outbox round failed")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), idle)
        finally:
            if self._tasks:
                await asyncio.wait(set(self._tasks))
            await self._leader.close()

    async def health(self) -> dict[str, Any]:
        """For GET /healthz: what waits (due now, the oldest due how long), what gave up,
        and whether this worker is the sender."""
        now = self._clock()
        async with self._uow_factory() as uow:
            due, oldest = await uow.outbox.backlog(now)
            failed = (await uow.outbox.count_by_status()).get(OutboxStatus.FAILED, 0)
        lag = (now - oldest).total_seconds() if oldest is not None else 0.0
        return {
            "ok": lag < LATE.total_seconds(),
            "due": due,
            "oldest_due_seconds": round(lag, 1),
            "failed": failed,
            "sending_here": await self._leader.leading(),
            "in_lanes": len(self._queued),
        }

    async def _dispatch(self) -> None:
        now = self._clock()
        async with self._uow_factory() as uow:
            released = await uow.outbox.release_orphans(self._worker_id, now, now - ORPHAN_GRACE)
            if released:
                log.info("%d messages of a stopped worker due again", released)
                await uow.commit()
            due = [
                (message.id, message.channel, message.chat_id)
                for message in await uow.outbox.due(now, self._batch)
                if message.channel in self._senders and message.id not in self._queued
            ]
        for message_id, channel, chat_id in due:
            self._queued.add(message_id)
            lane = self._lanes.get((channel, chat_id))
            if lane is not None:
                lane.append(message_id)
                continue
            self._lanes[(channel, chat_id)] = [message_id]
            task = asyncio.create_task(self._lane(channel, chat_id))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _lane(self, channel: str, chat_id: str) -> None:
        lane = self._lanes[(channel, chat_id)]
        try:
            async with self._slots:
                while lane:
                    message_id = lane.pop(0)
                    try:
                        parcel = await self._lease(message_id)
                        if parcel is not None:
                            self._tried += 1
                            await self._deliver(channel, parcel)
                    finally:
                        self._queued.discard(message_id)
        finally:
            # Nothing awaits between the empty check and here: no id is stranded.
            del self._lanes[(channel, chat_id)]

    async def _lease(self, message_id: int) -> Parcel | None:
        """Take one message for its send, unless it is no longer due (sent, or taken by
        another worker) — see the module."""
        now = self._clock()
        async with self._uow_factory() as uow:
            message = await uow.outbox.lease(message_id, now, now + LEASE, self._worker_id)
            if message is None:
                return None
            account = await uow.accounts.get(message.account_id)
            parcel = Parcel(
                message.id,
                message.account_id,
                message.chat_id,
                message.kind,
                uow.outbox.opened(message),
                message.attempts,
                account.last_inbound_at if account is not None else None,
            )
            await uow.commit()
        return parcel

    async def _deliver(self, channel: str, parcel: Parcel) -> None:
        outcome: tuple[str, Any]
        try:
            provider_id = await self._senders[channel].send(parcel)
            outcome = ("sent", provider_id)
        except RetryLater as exc:
            outcome = ("retry", exc)
        except Unreachable as exc:
            outcome = ("unreachable", exc)
        except Undeliverable as exc:
            outcome = ("failed", exc)
        except Exception as exc:  # a bug in a sender must not stop the outbox
            log_failure(log, exc, "outbox message %s: sender failed", parcel.id)
            outcome = ("retry", RetryLater(f"{type(exc).__name__}: {exc}"))
        await self._record(parcel, *outcome)

    async def _record(self, parcel: Parcel, result: str, detail: Any) -> None:
        now = self._clock()
        async with self._uow_factory() as uow:
            message = await uow.outbox.get(parcel.id)
            if message is None or message.status != OutboxStatus.PENDING:
                return
            if result == "sent":
                await uow.outbox.mark_sent(message, now, detail)
            elif result == "retry" and message.attempts + 1 < MAX_ATTEMPTS:
                delay = detail.after or backoff(message.attempts + 1)
                await uow.outbox.mark_retry(message, mask_niks(str(detail)), now + delay)
            else:
                if result == "unreachable":
                    account = await uow.accounts.get(parcel.account_id)
                    if account is not None:
                        account.opted_out = True
                # A provider's or sender's error text is kept and logged NIK-masked.
                error = mask_niks(str(detail))
                log.warning("outbox message %s failed: %s", parcel.id, error)
                await uow.outbox.mark_failed(message, error)
            await uow.commit()
