"""Telegram's sending limits, kept on our side so the Bot API rarely has to say 429.

Telegram allows about 30 messages a second in total, about one a second per chat (short
bursts tolerated) and 20 a minute per group. Globally the limiter keeps at most
`per_second` sends in any sliding window of one second plus `margin` (the margin absorbs
network jitter, so Telegram never counts 31 in its second), spaced at least half a pace
apart: a pause of the sender (a database write) is caught up at twice the pace instead of
being lost, yet no burst hits the API. Per chat a small GCRA budget: a burst, then one a
second. Waiting sends are served by lane: a reply to someone who is waiting goes before
an urgent alert, which goes before bulk (broadcasts, digests). A 429 holds only what it
must: that chat, and — for outbox messages — that lane and the lanes behind it, never
the replies to other users.

With several workers a shared `pace` (bot/channels/pace.py) spaces every worker's sends
over the same global budget; the lanes and per-chat budgets stay per process (a chat is
answered by one worker at a time, bulk goes only through the leader's outbox).

The clock and sleep are injectable so tests run on a simulated clock.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.channels.pace import SendPace, take_slot

REPLY = 0
URGENT = 1
BULK = 2
LANES = (REPLY, URGENT, BULK)

MESSAGES_PER_SECOND = 30
# Our window is this much longer than Telegram's second (~97% of the limit sustained).
MARGIN = 0.03
CHAT_PER_SECOND = 1.0
# A turn of the dialog is often three messages (a notice, a confirmation, the question).
CHAT_BURST = 4
GROUP_PER_MINUTE = 20.0
GROUP_BURST = 3
# Chats remembered before idle ones are forgotten.
MAX_CHATS = 10_000


@dataclass
class _Chat:
    # GCRA "theoretical arrival time" of the chat's next send, and a 429 hold.
    due: float
    held_until: float = 0.0


class RateLimiter:
    def __init__(
        self,
        *,
        per_second: int = MESSAGES_PER_SECOND,
        margin: float = MARGIN,
        chat_per_second: float = CHAT_PER_SECOND,
        chat_burst: int = CHAT_BURST,
        group_per_minute: float = GROUP_PER_MINUTE,
        group_burst: int = GROUP_BURST,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        pace: SendPace | None = None,
    ) -> None:
        self._per_window = per_second
        self._pace = pace
        self._pace_interval = (1.0 + margin) / per_second
        self._window = 1.0 + margin
        self._spacing = 0.5 / per_second
        self._recent: deque[float] = deque()  # the last `per_second` send times
        self._private = (1.0 / chat_per_second, chat_burst)
        self._group = (60.0 / group_per_minute, group_burst)
        self._clock = clock
        self._sleep = sleep
        self._lane_held = dict.fromkeys(LANES, 0.0)
        self._chats: dict[str, _Chat] = {}
        # Waiters held back only by the global pace, per lane: lower lanes yield to them.
        self._ready = dict.fromkeys(LANES, 0)

    async def acquire(self, chat_id: str, lane: int = REPLY, *, per_chat: bool = True) -> None:
        """Wait until one message to `chat_id` may go. `per_chat=False` for calls that are
        not new messages (removing a keyboard) and count only towards the global pace."""
        ready = False
        try:
            while True:
                now = self._clock()
                blocked = self._lane_wait(lane, now)
                if per_chat:
                    blocked = max(blocked, self._chat_wait(chat_id, now))
                if blocked > 0:
                    if ready:
                        self._ready[lane] -= 1
                        ready = False
                    await self._sleep(blocked)
                    continue
                if not ready:
                    self._ready[lane] += 1
                    ready = True
                wait = self._global_wait(now)
                ahead = any(self._ready[other] for other in LANES if other < lane)
                if wait <= 0 and not ahead:
                    self._recent.append(now)
                    if len(self._recent) > self._per_window:
                        self._recent.popleft()
                    if per_chat:
                        self._take_chat(chat_id, now)
                    break
                await self._sleep(wait if wait > 0 else self._spacing)
        finally:
            if ready:
                self._ready[lane] -= 1
        if self._pace is not None:
            await take_slot(self._pace, "telegram", self._pace_interval, self._clock, self._sleep)

    def hold_chat(self, chat_id: str, seconds: float) -> None:
        """Telegram said 429 for this chat: send nothing to it for `seconds`."""
        now = self._clock()
        chat = self._chats.setdefault(chat_id, _Chat(due=now))
        chat.held_until = max(chat.held_until, now + seconds)

    def hold_lane(self, lane: int, seconds: float) -> None:
        """Hold `lane` and every lane behind it (never the replies ahead of it)."""
        now = self._clock()
        for other in LANES:
            if other >= lane:
                self._lane_held[other] = max(self._lane_held[other], now + seconds)

    def _global_wait(self, now: float) -> float:
        if not self._recent:
            return 0.0
        wait = self._recent[-1] + self._spacing - now
        if len(self._recent) >= self._per_window:
            wait = max(wait, self._recent[0] + self._window - now)
        return wait

    def _lane_wait(self, lane: int, now: float) -> float:
        return self._lane_held[lane] - now

    def _budget(self, chat_id: str) -> tuple[float, int]:
        # Telegram group and channel ids are negative.
        return self._group if chat_id.startswith("-") else self._private

    def _chat_wait(self, chat_id: str, now: float) -> float:
        chat = self._chats.get(chat_id)
        if chat is None:
            return 0.0
        interval, burst = self._budget(chat_id)
        return max(chat.held_until - now, chat.due - (burst - 1) * interval - now)

    def _take_chat(self, chat_id: str, now: float) -> None:
        interval, _ = self._budget(chat_id)
        chat = self._chats.get(chat_id)
        if chat is None:
            if len(self._chats) >= MAX_CHATS:
                self._forget_idle(now)
            chat = self._chats[chat_id] = _Chat(due=now)
        chat.due = max(chat.due, now) + interval

    def _forget_idle(self, now: float) -> None:
        idle = [key for key, chat in self._chats.items() if max(chat.due, chat.held_until) < now]
        for key in idle:
            del self._chats[key]
