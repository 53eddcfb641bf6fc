"""Throughput and latency of the conversation service on a SQLite file database.

Simulated users talk to the real service (engine, storage, one transaction per message):
open the menu, run a premium simulation with a few values and a bad one, back to the
menu. Two measurements:

- capacity: users send as fast as the service answers (closed loop) → messages/s;
- latency at load: messages arrive at a fixed rate from many users at once (open loop,
  Poisson arrivals, each user's messages in order) → p50/p99 latency including queueing.

    .venv/bin/python benchmarks/engine.py [--rate 300] [--seconds 10] [--users 400]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.app import App, build_app  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.core.messages import Address, IncomingMessage  # noqa: E402
from storage.nik_vault import NikVault  # noqa: E402

SCRIPT = ("menu", "Simulasi premi", "25 juta", "Rp 150.000.000", "abc", "850jt", "menu")


async def send(app: App, user: int, step: int) -> float:
    address = Address("bench", f"user-{user}")
    text = SCRIPT[step % len(SCRIPT)]
    message = IncomingMessage(address, f"{user}-{step}-{random.random()}", text=text)
    started = time.perf_counter()
    answer = await app.service.handle(message)
    await answer.delivered()
    replies = answer.replies
    elapsed = time.perf_counter() - started
    if not replies or "gangguan" in replies[-1].text:
        raise RuntimeError(f"bad reply to {text!r}: {replies}")
    return elapsed


async def capacity(app: App, messages: int) -> float:
    started = time.perf_counter()
    for n in range(messages):
        await send(app, n // len(SCRIPT), n)
    return messages / (time.perf_counter() - started)


async def at_load(app: App, rate: float, seconds: float, users: int) -> list[float]:
    """Poisson arrivals at `rate`; a user's next message waits for the previous reply."""
    queues: dict[int, asyncio.Lock] = {u: asyncio.Lock() for u in range(users)}
    steps = dict.fromkeys(range(users), 0)
    latencies: list[float] = []

    async def one(user: int) -> None:
        arrived = time.perf_counter()
        async with queues[user]:
            step = steps[user]
            steps[user] += 1
            await send(app, 10_000 + user, step)
        latencies.append(time.perf_counter() - arrived)

    tasks = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        tasks.append(asyncio.create_task(one(random.randrange(users))))
        await asyncio.sleep(random.expovariate(rate))
    await asyncio.gather(*tasks)
    return latencies


async def main(rate: float, seconds: float, users: int) -> None:
    random.seed(7)
    with tempfile.TemporaryDirectory() as folder:
        # Scripted users write faster than people: the per-chat limit would pace them.
        settings = Settings(
            database={"url": f"sqlite+aiosqlite:///{folder}/bench.db"},
            program={"messages_per_minute": 10_000},
        )
        app = await build_app(settings, NikVault.generate_key())
        try:
            await capacity(app, 200)  # warm-up
            throughput = await capacity(app, 2000)
            latencies = await at_load(app, rate, seconds, users)
        finally:
            await app.close()
    q = statistics.quantiles(latencies, n=100)
    print(f"capacity (one user after another): {throughput:.0f} messages/s")
    print(
        f"at {rate:.0f} messages/s offered from {users} users for {seconds:.0f} s "
        f"({len(latencies)} messages): p50 {q[49] * 1000:.1f} ms, p99 {q[98] * 1000:.1f} ms"
    )


if __name__ == "__main__":
    cli = argparse.ArgumentParser(description=__doc__)
    cli.add_argument("--rate", type=float, default=300.0, help="offered messages per second")
    cli.add_argument("--seconds", type=float, default=10.0)
    cli.add_argument("--users", type=int, default=400)
    options = cli.parse_args()
    asyncio.run(main(options.rate, options.seconds, options.users))
