"""Throughput and latency of the conversation service on a SQLite file database.

Many simulated users talk to the real service (engine, storage, migrations, one
transaction per message) at once: open the menu, run a premium simulation with a few
values, a bad value, go back to the menu. Prints messages/s and p50/p99 latency.

    .venv/bin/python benchmarks/engine.py [--users 200] [--concurrency 16]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.app import build_app  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.messages import Address, IncomingMessage  # noqa: E402
from storage.nik_vault import NikVault  # noqa: E402

SCRIPT = ("menu", "Simulasi premi", "25 juta", "Rp 150.000.000", "abc", "850jt", "menu")


async def user(app, number: int, latencies: list[float]) -> None:  # noqa: ANN001
    address = Address("bench", f"user-{number}")
    for step, text in enumerate(SCRIPT):
        message = IncomingMessage(address, f"{number}-{step}", text=text)
        started = time.perf_counter()
        replies = await app.service.handle(message)
        latencies.append(time.perf_counter() - started)
        assert replies, f"no reply to {text!r}"


async def main(users: int, concurrency: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{folder}/bench.db"
        settings = Settings(database={"url": url})
        app = await build_app(settings, NikVault.generate_key())
        latencies: list[float] = []
        gate = asyncio.Semaphore(concurrency)

        async def run(number: int) -> None:
            async with gate:
                await user(app, number, latencies)

        await asyncio.gather(*(run(n) for n in range(20)))  # warm-up
        latencies.clear()
        started = time.perf_counter()
        await asyncio.gather(*(run(n) for n in range(1000, 1000 + users)))
        elapsed = time.perf_counter() - started
        await app.close()

    quantiles = statistics.quantiles(latencies, n=100)
    print(f"users: {users}, concurrency: {concurrency}, messages: {len(latencies)}")
    print(f"throughput: {len(latencies) / elapsed:.0f} messages/s")
    print(f"latency p50: {quantiles[49] * 1000:.1f} ms, p99: {quantiles[98] * 1000:.1f} ms")


if __name__ == "__main__":
    cli = argparse.ArgumentParser(description=__doc__)
    cli.add_argument("--users", type=int, default=200)
    cli.add_argument("--concurrency", type=int, default=16)
    options = cli.parse_args()
    asyncio.run(main(options.users, options.concurrency))
