"""The outbox sender: delivers queued messages (alerts, notifications, broadcasts) to
people other than the sender, with retries, backoff and a clear failed state.

Messages are leased before sending (their next attempt is pushed a minute ahead and the
lease committed), sent outside any transaction — a slow provider must not hold the
database — and the outcome recorded afterwards. A crash between sending and recording
means the lease runs out and the message goes again: delivery is at least once.
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
from bot.domain.nik import mask_niks
from bot.domain.vocabulary import OutboxStatus

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=1)
MAX_ATTEMPTS = 8
# 10 s, 20 s, 40 s … capped at one hour: an outage of a few hours is ridden out.
FIRST_BACKOFF = timedelta(seconds=10)
MAX_BACKOFF = timedelta(hours=1)


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
        batch: int = 50,
    ) -> None:
        self._uow_factory = uow_factory
        self._senders = senders
        self._clock = clock
        self._batch = batch

    async def run_once(self) -> int:
        """Send what is due now; returns how many messages were tried."""
        parcels = await self._lease()
        for channel, parcel in parcels:
            await self._deliver(channel, parcel)
        return len(parcels)

    async def run(self, stop: asyncio.Event, idle: float = 1.0) -> None:
        while not stop.is_set():
            try:
                tried = await self.run_once()
            except Exception:
                log.exception("outbox round failed")
                tried = 0
            if not tried:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), idle)

    async def _lease(self) -> list[tuple[str, Parcel]]:
        now = self._clock()
        async with self._uow_factory() as uow:
            due = await uow.outbox.due(now, self._batch)
            leased = []
            for message in due:
                if message.channel not in self._senders:
                    continue
                account = await uow.accounts.get(message.account_id)
                message.next_attempt_at = now + LEASE
                leased.append(
                    (
                        message.channel,
                        Parcel(
                            message.id,
                            message.account_id,
                            message.chat_id,
                            message.kind,
                            uow.outbox.opened(message),
                            message.attempts,
                            account.last_inbound_at if account is not None else None,
                        ),
                    )
                )
            await uow.commit()
        return leased

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
