"""Throughput and latency of the conversation service, committing every message, on a
SQLite file database and — with KB_BENCH_POSTGRES_URL set — on PostgreSQL (issue 14).

Simulated users talk to the real service (engine, storage, one transaction per message,
every reply's copy kept and confirmed): open the menu, run a premium simulation with a
few values and a bad one, back to the menu. Three measurements per database:

- capacity: one message after another, as fast as the service answers → messages/s;
- cost: SQL statements, commits, connection checkouts and (PostgreSQL) round trips per
  message of the capacity run, counted by SQLite's trace callback, SQLAlchemy's events
  and (PostgreSQL, in a run of its own) a relay reading the wire protocol;
- latency at load: Poisson arrivals at each `--rates` value from many users (a user's
  messages in order). The schedule is drawn in advance and a generator thread of its own
  hands each message to the service's loop at its time; latency runs from the scheduled
  arrival to the confirmed answer, so a stalled service loop shows up as latency
  instead of delaying the clock that measures it → p50 / p99 / p99.9.

    .venv/bin/python benchmarks/engine.py [--rates 100 200 300] [--seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event  # noqa: E402

from benchmarks.pg_wire import Relay, Wire  # noqa: E402
from benchmarks.postgres import fresh_database  # noqa: E402
from bot.app import App, build_app  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.core.messages import Address, IncomingMessage  # noqa: E402
from storage.nik_vault import NikVault  # noqa: E402

SCRIPT = ("menu", "Simulasi premi", "25 juta", "Rp 150.000.000", "abc", "850jt", "menu")


async def send(app: App, user: int, step: int) -> None:
    address = Address("bench", f"user-{user}")
    text = SCRIPT[step % len(SCRIPT)]
    message = IncomingMessage(address, f"{user}-{step}-{random.random()}", text=text)
    answer = await app.service.handle(message)
    await answer.delivered()
    if not answer.replies or "gangguan" in answer.replies[-1].text:
        raise RuntimeError(f"bad reply to {text!r}: {answer.replies}")


async def capacity(app: App, messages: int) -> float:
    started = time.perf_counter()
    for n in range(messages):
        await send(app, n // len(SCRIPT), n)
    return messages / (time.perf_counter() - started)


@dataclass
class Counts:
    statements: int = 0
    commits: int = 0
    checkouts: int = 0

    def reset(self) -> None:
        self.statements = self.commits = self.checkouts = 0


async def count(app: App) -> Counts:
    """From now on: commits and pool checkouts (SQLAlchemy's events) and, on SQLite, the
    SQL statements the driver runs (its trace callback, which also sees the statements
    prepared past SQLAlchemy's execution). The pool is emptied first so that every
    connection is opened with the hook. PostgreSQL's statements and round trips are
    counted on the wire instead (`on_the_wire`)."""
    counts = Counts()
    engine = app.database.engine
    await engine.dispose()

    def traced(sql: str) -> None:
        if sql.split(None, 1)[0].upper() not in {"BEGIN", "COMMIT", "ROLLBACK"}:
            counts.statements += 1

    def connected(dbapi_connection: Any, _record: Any) -> None:
        if app.database.is_sqlite:
            dbapi_connection.driver_connection.set_trace_callback(traced)

    def commit(*_: Any) -> None:
        counts.commits += 1

    def checkout(*_: Any) -> None:
        counts.checkouts += 1

    event.listen(engine.sync_engine.pool, "connect", connected)
    event.listen(engine.sync_engine, "commit", commit)
    event.listen(engine.sync_engine.pool, "checkout", checkout)
    return counts


async def on_the_wire(url: str, key: str, messages: int) -> Wire:
    """PostgreSQL's statements and round trips for `messages` of the capacity run, through
    a counting relay (benchmarks/pg_wire.py) — a run of its own, since the relay adds
    latency."""
    async with Relay(url) as relay:
        settings = Settings(database={"url": relay.url}, program={"messages_per_minute": 10_000})
        app = await build_app(settings, key, upgrade=False)
        try:
            await capacity(app, 200)  # warm-up
            relay.wire.reset()
            await capacity(app, messages)
            return relay.wire
        finally:
            await app.close()


async def at_load(app: App, rate: float, seconds: float, users: int) -> list[float]:
    """Latencies (s) from each message's scheduled arrival to its confirmed answer."""
    rng = random.Random(int(rate))
    schedule: list[tuple[float, int]] = []
    moment = 0.0
    while moment < seconds:
        moment += rng.expovariate(rate)
        schedule.append((moment, rng.randrange(users)))
    loop = asyncio.get_running_loop()
    steps = dict.fromkeys(range(users), 0)
    latencies: list[float] = []
    done = asyncio.Event()
    tasks: set[asyncio.Task[None]] = set()
    start = time.perf_counter() + 0.1

    async def one(due: float, user: int, step: int) -> None:
        await send(app, 1_000_000 + user, step)
        latencies.append(time.perf_counter() - due)
        if len(latencies) == len(schedule):
            done.set()

    def arrive(due: float, user: int) -> None:
        step = steps[user]  # taken in arrival order: a user's messages stay in order
        steps[user] += 1
        task = loop.create_task(one(due, user, step))
        tasks.add(task)
        task.add_done_callback(tasks.discard)

    def generator() -> None:
        for offset, user in schedule:
            due = start + offset
            pause = due - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            loop.call_soon_threadsafe(arrive, due, user)

    thread = threading.Thread(target=generator, daemon=True)
    thread.start()
    await done.wait()
    thread.join()
    return latencies


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


@asynccontextmanager
async def database_url(backend: str) -> AsyncIterator[str]:
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite+aiosqlite:///{folder}/bench.db"
        return
    async with fresh_database(os.environ["KB_BENCH_POSTGRES_URL"]) as url:
        yield url


async def bench(backend: str, rates: list[float], seconds: float, users: int) -> None:
    random.seed(7)
    async with database_url(backend) as url:
        # Scripted users write faster than people: the per-chat limit would pace them.
        settings = Settings(database={"url": url}, program={"messages_per_minute": 10_000})
        key = NikVault.generate_key()
        app = await build_app(settings, key)
        try:
            counts = await count(app)
            await capacity(app, 200)  # warm-up
            counts.reset()
            messages = 2000
            throughput = await capacity(app, messages)
            if app.database.is_sqlite:
                cost = f"{counts.statements / messages:.1f} statements"
            else:
                wire = await on_the_wire(url, key, messages)
                cost = (
                    f"{wire.statements / messages:.1f} statements, "
                    f"{wire.round_trips / messages:.1f} round trips"
                )
            print(
                f"{backend}: capacity {throughput:.0f} messages/s (one after another); per "
                f"message {cost}, {counts.commits / messages:.1f} commits, "
                f"{counts.checkouts / messages:.1f} connection checkouts"
            )
            for rate in rates:
                latencies = await at_load(app, rate, seconds, users)
                print(
                    f"{backend}: {rate:.0f} messages/s offered for {seconds:.0f} s "
                    f"({len(latencies)} messages): p50 {statistics.median(latencies) * 1000:.1f}"
                    f" ms, p99 {quantile(latencies, 0.99) * 1000:.1f} ms, p99.9 "
                    f"{quantile(latencies, 0.999) * 1000:.1f} ms"
                )
        finally:
            await app.close()


def main() -> None:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("--rates", type=float, nargs="+", default=[100.0, 200.0, 300.0])
    cli.add_argument("--seconds", type=float, default=10.0)
    cli.add_argument("--users", type=int, default=400)
    cli.add_argument("--backends", nargs="+", default=None, help="sqlite and/or postgresql")
    options = cli.parse_args()
    backends = options.backends or (
        ["sqlite", "postgresql"] if os.environ.get("KB_BENCH_POSTGRES_URL") else ["sqlite"]
    )
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    for backend in backends:
        asyncio.run(bench(backend, options.rates, options.seconds, options.users))
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
