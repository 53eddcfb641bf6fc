"""The Telegram rate limiter on a simulated clock: ~30 messages/s overall, a burst then
1/s per chat, 20/min per group, replies ahead of bulk, and a 429 holding only what it
must (that chat; for outbox messages that lane and the ones behind it, never replies)."""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import Awaitable

from bot.channels.pace import LocalPace
from bot.channels.telegram.limits import BULK, REPLY, URGENT, RateLimiter


class VirtualTime:
    """A clock that jumps to the next sleeper's wake-up once every task is waiting."""

    def __init__(self) -> None:
        self.now = 0.0
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + max(seconds, 0.0), next(self._order), future))
        await future

    async def run(self, *jobs: Awaitable[object]) -> None:
        tasks = [asyncio.ensure_future(job) for job in jobs]
        while not all(task.done() for task in tasks):
            for _ in range(10):  # let every runnable task reach its next sleep
                await asyncio.sleep(0)
            if self._sleepers:
                self.now, _, future = heapq.heappop(self._sleepers)
                future.set_result(None)
        for task in tasks:
            task.result()

    def limiter(self, **options: float) -> RateLimiter:
        options.setdefault("margin", 0.0)
        return RateLimiter(clock=self.clock, sleep=self.sleep, **options)  # type: ignore[arg-type]


async def sends(time: VirtualTime, limiter: RateLimiter, chat: str, lane: int, log: list) -> None:  # noqa: ANN001
    await limiter.acquire(chat, lane)
    log.append((round(time.now, 6), chat, lane))


def most_in_one_second(times: list[float]) -> int:
    # A second is [start, start + 1); the epsilon absorbs the rounding of the log.
    return max(sum(1 for t in times if start <= t < start + 1.0 - 1e-6) for start in times)


async def test_the_global_pace_never_exceeds_the_rate_nor_falls_below_it() -> None:
    time, log = VirtualTime(), []
    limiter = time.limiter(per_second=30)
    await time.run(*(sends(time, limiter, f"{n}", BULK, log) for n in range(120)))
    times = [t for t, _, _ in log]
    assert most_in_one_second(times) == 30
    assert max(times) < 4.0  # 120 messages within four seconds
    assert min(b - a for a, b in itertools.pairwise(times)) >= 1 / 60 - 1e-6  # no burst


async def test_workers_sharing_a_pace_keep_one_global_rate_between_them() -> None:
    # Three workers, each with its own limiter, on one pace (on PostgreSQL the shared
    # row of storage/send_pace.py): 30 a second between them, not 90.
    time, log = VirtualTime(), []
    pace = LocalPace(time.clock)
    workers = [
        RateLimiter(clock=time.clock, sleep=time.sleep, margin=0.0, pace=pace)  # type: ignore[arg-type]
        for _ in range(3)
    ]
    await time.run(*(sends(time, workers[n % 3], f"{n}", REPLY, log) for n in range(90)))
    times = [t for t, _, _ in log]
    assert most_in_one_second(times) == 30


async def test_a_pause_of_the_sender_is_caught_up_within_the_limit() -> None:
    time, log = VirtualTime(), []
    limiter = time.limiter(per_second=30, margin=0.03)

    async def sender() -> None:  # like the outbox worker: one after another
        for n in range(90):
            if n in (20, 50):
                await time.sleep(0.3)  # leasing the next batch from the database
            await sends(time, limiter, f"{n}", BULK, log)

    await time.run(sender())
    times = [t for t, _, _ in log]
    assert most_in_one_second(times) <= 30
    assert max(times) < 3.1  # the two pauses cost (almost) nothing


async def test_a_chat_gets_a_short_burst_then_one_a_second() -> None:
    time, log = VirtualTime(), []
    limiter = time.limiter(per_second=30, chat_burst=4)
    await time.run(*(sends(time, limiter, "42", REPLY, log) for _ in range(7)))
    times = [t for t, _, _ in log]
    assert times[4:] == [1.0, 2.0, 3.0]  # after the burst of four, one a second
    assert times[:4] == sorted(times[:4]) and times[3] < 0.2


async def test_a_group_gets_twenty_a_minute() -> None:
    time, log = VirtualTime(), []
    limiter = time.limiter(group_burst=1)
    await time.run(*(sends(time, limiter, "-100777", REPLY, log) for _ in range(21)))
    assert [t for t, _, _ in log][-1] == 60.0


async def test_a_reply_overtakes_a_waiting_broadcast() -> None:
    time, log = VirtualTime(), []
    limiter = time.limiter(per_second=10)

    async def reply_later() -> None:
        await time.sleep(0.55)
        await sends(time, limiter, "waiting-user", REPLY, log)

    broadcast = [sends(time, limiter, f"rt-{n}", BULK, log) for n in range(30)]
    await time.run(*broadcast, reply_later())
    order = [chat for _, chat, _ in log]
    # Ten went out in the first second; the reply, waiting since 0.55 s, takes the
    # first slot of the next one, ahead of twenty waiting broadcast messages.
    assert order.index("waiting-user") == 10
    assert dict((chat, t) for t, chat, _ in log)["waiting-user"] == 1.0


async def test_an_urgent_alert_goes_before_bulk_but_after_replies() -> None:
    time, log = VirtualTime(), []
    limiter = time.limiter(per_second=10)
    jobs = [sends(time, limiter, f"bulk-{n}", BULK, log) for n in range(3)]
    jobs += [sends(time, limiter, "alert", URGENT, log), sends(time, limiter, "user", REPLY, log)]
    await time.run(*jobs)
    # The first bulk message had the free slot; then the reply, the alert, the rest.
    assert [chat for _, chat, _ in log][:3] == ["bulk-0", "user", "alert"]


async def test_a_429_for_one_chat_holds_only_that_chat() -> None:
    time, log = VirtualTime(), []
    limiter = time.limiter(per_second=30)
    limiter.hold_chat("slow", 5.0)
    await time.run(
        sends(time, limiter, "slow", REPLY, log), sends(time, limiter, "other", REPLY, log)
    )
    assert dict((chat, t) for t, chat, _ in log) == {"other": 0.0, "slow": 5.0}


async def test_holding_the_bulk_lane_never_freezes_replies() -> None:
    time, log = VirtualTime(), []
    limiter = time.limiter(per_second=30)
    limiter.hold_lane(BULK, 3.0)
    jobs = [sends(time, limiter, "rt-1", BULK, log), sends(time, limiter, "user", REPLY, log)]
    jobs.append(sends(time, limiter, "alert", URGENT, log))
    await time.run(*jobs)
    when = dict((chat, t) for t, chat, _ in log)
    assert when["user"] < 0.1 and when["alert"] < 0.1 and when["rt-1"] == 3.0
    limiter.hold_lane(URGENT, 2.0)  # holding urgent holds bulk too, still not replies
    log.clear()
    jobs = [sends(time, limiter, "rt-2", BULK, log), sends(time, limiter, "user-2", REPLY, log)]
    await time.run(*jobs)
    when = dict((chat, t) for t, chat, _ in log)
    assert when["user-2"] < when["rt-2"] and when["rt-2"] >= time.now - 0.001
