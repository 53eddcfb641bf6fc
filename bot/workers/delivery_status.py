"""Delivery receipts from a messaging provider, recorded against the outbox.

A channel that learns what became of a message it sent (WhatsApp's `statuses`
notifications) hands a channel-neutral `StatusUpdate` to a `StatusSink`. The
`OutboxStatusRecorder` is the sink the composition root wires in: it finds the outbox row
by the provider's message id (what the outbox worker stored from `send`) and

- notes how far the message got (`sent` < `delivered` < `read`) in the row's payload,
  never moving backwards, since providers do not deliver receipts in order;
- puts a message whose delivery failed for a passing reason back in the queue, with the
  provider's suggested wait or the outbox's backoff (a message that needs an approved
  template is flagged so the next attempt goes as one);
- fails it for good otherwise, and marks the account opted out when the person cannot be
  reached at all.

Duck-typed on the unit of work: `uow.outbox.by_provider_id`, `uow.outbox.mark_failed`,
`uow.accounts.get`; no storage import, so channels and this module stay apart.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.core import ports
from bot.core.ports import UnitOfWork, UnitOfWorkFactory
from bot.domain.vocabulary import OutboxStatus
from bot.workers.outbox_sender import MAX_ATTEMPTS, backoff

log = logging.getLogger(__name__)

SENT, DELIVERED, READ, FAILED = "sent", "delivered", "read", "failed"
_PROGRESS = {SENT: 1, DELIVERED: 2, READ: 3}

# What a failed delivery means for the outbox (decided by the channel, which knows the
# provider's error codes).
RETRY = "retry"  # a passing failure: send again later
NEEDS_TEMPLATE = "needs_template"  # outside the provider's service window: send a template
UNDELIVERABLE = "undeliverable"  # this message can never be delivered
UNREACHABLE = "unreachable"  # this person cannot be reached: opt the account out

# Payload keys this module writes (the rest of the payload is the message itself).
DELIVERY_KEY = "delivery"
TEMPLATE_REQUIRED_KEY = "template_required_at"

# A failed receipt can overtake the outbox worker's own record of the send.
LOOKUP_ATTEMPTS = 3
LOOKUP_PAUSE = 1.0


@dataclass(frozen=True)
class StatusUpdate:
    channel: str
    provider_message_id: str
    status: str  # sent | delivered | read | failed
    at: datetime
    outcome: str | None = None  # for failed: RETRY, NEEDS_TEMPLATE, UNDELIVERABLE, UNREACHABLE
    error: str = ""
    retry_after: timedelta | None = None


StatusSink = Callable[[StatusUpdate], Awaitable[None]]


class OutboxStatusRecorder:
    """The `StatusSink` of the running bot (see the module docstring)."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Callable[[], datetime],
        pause: float = LOOKUP_PAUSE,
    ) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._pause = pause

    async def __call__(self, update: StatusUpdate) -> None:
        for attempt in range(1, LOOKUP_ATTEMPTS + 1):
            if await self._record(update):
                return
            if update.status != FAILED or attempt == LOOKUP_ATTEMPTS:
                # A reply sent straight to its sender has no outbox row: nothing to do.
                log.debug("status for %s matches no outbox message", update.provider_message_id)
                return
            await asyncio.sleep(self._pause)

    async def _record(self, update: StatusUpdate) -> bool:
        async with self._uow_factory() as uow:
            message = await uow.outbox.by_provider_id(update.provider_message_id)
            if message is None or message.channel != update.channel:
                return False
            if update.status == FAILED:
                await self._failed(uow, message, update)
            else:
                _note_progress(message, update)
            await uow.commit()
        return True

    async def _failed(
        self, uow: UnitOfWork, message: ports.OutboxMessage, update: StatusUpdate
    ) -> None:
        if message.status != OutboxStatus.SENT:
            return  # already failed, or queued again by an earlier receipt
        error = update.error or "delivery failed"
        again = update.outcome in (RETRY, NEEDS_TEMPLATE) and message.attempts < MAX_ATTEMPTS
        if again:
            payload = dict(message.payload)
            if update.outcome == NEEDS_TEMPLATE:
                payload[TEMPLATE_REQUIRED_KEY] = update.at.isoformat()
            message.payload = payload
            message.status = OutboxStatus.PENDING
            message.last_error = error
            message.next_attempt_at = self._clock() + (
                update.retry_after or backoff(message.attempts)
            )
            log.info("outbox message %s queued again: %s", message.id, error)
            return
        if update.outcome == UNREACHABLE:
            account = await uow.accounts.get(message.account_id)
            if account is not None:
                account.opted_out = True
        log.warning("outbox message %s failed on delivery: %s", message.id, error)
        await uow.outbox.mark_failed(message, error)


def _note_progress(message: ports.OutboxMessage, update: StatusUpdate) -> None:
    if message.status != OutboxStatus.SENT:
        return
    payload = dict(message.payload)
    known = payload.get(DELIVERY_KEY) or {}
    if _PROGRESS.get(update.status, 0) <= _PROGRESS.get(known.get("status", ""), 0):
        return
    payload[DELIVERY_KEY] = {"status": update.status, "at": update.at.isoformat()}
    message.payload = payload
