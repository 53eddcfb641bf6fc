"""The send pace a channel keeps across the whole deployment: one provider limit (a
WhatsApp number's throughput, Telegram's 30 a second) shared by every worker that sends.

A pace hands out send slots `interval` apart per key: `reserve` takes the next free one
and says how long to wait for it. Slots are taken before the wait, so concurrent senders
queue up instead of going together. A send that wakes up more than LATE_SLOT after its
slot (its process was not scheduled in time) takes a new one rather than go between the
others' slots: however late the workers wake, no second sees more than the rate and a
slot's worth of sends. One process keeps them in memory (`LocalPace`);
several workers on PostgreSQL share them in one row per key (storage/send_pace.py).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

# How late after its slot a send may still go, and how often a later one is tried.
LATE_SLOT = 0.005
SLOT_ATTEMPTS = 3


class SendPace(Protocol):
    async def reserve(self, key: str, interval: float) -> float:
        """Take the next send slot of `key`; the seconds until it (≤ 0: now)."""


class LocalPace:
    """The slots of one process."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._next: dict[str, float] = {}

    async def reserve(self, key: str, interval: float) -> float:
        now = self._clock()
        at = max(now, self._next.get(key, now))
        self._next[key] = at + interval
        return at - now


async def take_slot(
    pace: SendPace,
    key: str,
    interval: float,
    clock: Callable[[], float],
    sleep: Callable[[float], Awaitable[Any]],
) -> None:
    """Wait for a send slot of `key` (see the module)."""
    for _ in range(SLOT_ATTEMPTS):
        wait = await pace.reserve(key, interval)
        slot = clock() + max(wait, 0.0)
        if wait > 0:
            await sleep(wait)
        if clock() - slot <= LATE_SLOT:
            return
    # Late every time (an overloaded machine): it goes rather than starves.
