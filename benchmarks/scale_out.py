"""Several `kampung-bahagia serve` workers on one PostgreSQL, killed with SIGKILL at
random, while WhatsApp residents run premium simulations (issue 13, Proof).

Starts N real workers (subprocesses) on a fresh PostgreSQL database with the fake Graph
API (tests/support/fake_graph.py) and the fake Telegram Bot API (tests/support/
fake_telegram.py, webhook mode) and posts signed WhatsApp webhooks and Telegram updates
round-robin across them, the way a forwarder in front of them would: a request a dead
worker cannot take goes to the next (Meta and Telegram, too, send again what got no 200).
Each resident sends "menu", "Simulasi premi" and amounts one after another (awaiting
each acknowledgement, as the providers deliver one chat);
every `--burst-every`-th resident sends its amounts all at once, 0 ms apart. Every
`--kill-every` seconds a random worker gets SIGKILL and is started again. Before the
workers start, `--incidents` accident reports 25 hours old and `--officials` city-wide
officials are stored: the scheduler's leader queues each official's 24-hour reminder of
each report, and the outbox's leader sends them, through the same kills.

Prints, per run: messages sent (acknowledged with 200), answered, lost (acknowledged but
never answered), duplicated (answered more than once), out of order (a sequential
resident's answers not in the order sent), p50/p99 from the first post of a message to its
answer, per channel; the peak sends per second each fake saw (the limits are
`whatsapp.messages_per_second` and Telegram's 30 a second); and the scheduled reminders
expected / delivered once / missing / duplicated.

    KB_BENCH_POSTGRES_URL=postgresql+asyncpg://postgres@127.0.0.1:5432/test \\
        .venv/bin/python benchmarks/scale_out.py --workers 1 3 --seconds 20
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from benchmarks.postgres import fresh_database  # noqa: E402
from bot.app import build_app  # noqa: E402
from bot.config import Settings  # noqa: E402
from storage.nik_vault import NikVault  # noqa: E402
from support.fake_graph import (  # noqa: E402
    running,
    text_of,
)
from support.fake_telegram import TOKEN, FakeTelegram, visible  # noqa: E402
from support.incidents import seed_incident  # noqa: E402
from support.seeding import grant  # noqa: E402
from support.serve_process import (  # noqa: E402
    ServeProcess,
    amount_answer,
    free_port,
    serve_env,
    text_message,
)

AMOUNTS = 5
REPLY_GRACE_SECONDS = 20
SETTLE_SECONDS = 60.0


TELEGRAM_SECRET = "scale-out-webhook-secret"
# Sent: (chat, text as the person sees it, when it arrived at the fake).
Sent = tuple[str, str, float]


@dataclass
class Resident:
    channel: str  # "whatsapp" or "telegram"
    chat: str  # the wa_id, or the Telegram user (= chat) id
    burst: bool
    # (message id, text, first posted at) of every message acknowledged
    acknowledged: list[tuple[str, str, float]] = field(default_factory=list)

    def script(self, round_: int) -> list[tuple[str, str]]:
        base = int(self.chat[-4:]) * 1000 + round_ * 10
        amounts = [f"{base + n} juta" for n in range(1, AMOUNTS + 1)]
        texts = ["menu", "Simulasi premi", *amounts]
        return [(f"so{self.chat}r{round_}m{n}", t) for n, t in enumerate(texts)]

    def request(
        self, message_id: str, text: str, telegram: FakeTelegram
    ) -> tuple[str, bytes, dict[str, str]]:
        """The webhook path, body and headers the provider would post."""
        if self.channel == "whatsapp":
            body, headers = text_message(self.chat, text, f"wamid.{message_id}")
            return "/whatsapp/webhook", body, headers
        user = telegram.users.get(int(self.chat)) or telegram.user(int(self.chat), "Warga")
        update = user.says_update(text)
        # One update id per message, kept when it is posted again (as Telegram does).
        update["update_id"] = int(self.chat) * 10_000 + int(
            message_id.split("r")[-1].replace("m", "")
        )
        headers = {
            "Content-Type": "application/json",
            "X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET,
        }
        return "/telegram/webhook", json.dumps(update).encode(), headers


class Forwarder:
    """Round-robin over the live workers; a refused or failed request goes to the next."""

    def __init__(self, workers: list[ServeProcess], client: httpx.AsyncClient) -> None:
        self.workers, self.client, self._next = workers, client, 0

    async def post(self, path: str, body: bytes, headers: dict[str, str]) -> None:
        while True:
            worker = self.workers[self._next % len(self.workers)]
            self._next += 1
            if not worker.process_alive():
                await asyncio.sleep(0.05)
                continue
            try:
                answer = await self.client.post(
                    f"{worker.url}{path}", content=body, headers=headers
                )
                if answer.status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.05)


async def seed_reminders(url: str, key: str, incidents: int, officials: int) -> Reminders:
    """City-wide officials (inside WhatsApp's 24-hour window) and accident reports 25
    hours old, not yet reported to BPJS: each official is due one reminder per report."""
    app = await build_app(Settings(database={"url": url}), key)
    now = datetime.now(UTC)
    reminders = Reminders()
    try:
        for n in range(officials):
            wa_id = f"6281100{n:05d}"
            await grant(app, "petugas", f"+{wa_id}", f"Petugas {n}")
            async with app.uow_factory() as uow:
                account, _ = await uow.accounts.get_or_create("whatsapp", wa_id, f"Petugas {n}")
                await uow.accounts.set_phone(account, f"+{wa_id}")
                await uow.accounts.touch_inbound(account, now)
                await uow.commit()
            reminders.officials.append(wa_id)
        for _ in range(incidents):
            _, reference = await seed_incident(app, None, now - timedelta(hours=25))
            reminders.references.append(reference)
    finally:
        await app.close()
    return reminders


async def run(workers_count: int, seconds: float, residents_count: int, kill_every: float,
              burst_every: int, incidents: int, officials: int,
              pg_url: str) -> dict[str, float]:  # fmt: skip
    async with fresh_database(pg_url) as database_url:
        return await run_on(database_url, workers_count, seconds, residents_count, kill_every,
                            burst_every, incidents, officials)  # fmt: skip


async def run_on(database_url: str, workers_count: int, seconds: float, residents_count: int,
                 kill_every: float, burst_every: int, incidents: int,
                 officials: int) -> dict[str, float]:  # fmt: skip
    key = NikVault.generate_key()
    reminders = await seed_reminders(database_url, key, incidents, officials)
    folder = Path(tempfile.mkdtemp(prefix="kb-scale-out-"))
    telegram = await FakeTelegram().start()
    with running() as graph:
        workers = []
        for n in range(workers_count):
            port = free_port()
            env = serve_env(database_url, key, graph.base_url, port)
            env["KB_TELEGRAM__TOKEN"] = TOKEN
            env["KB_TELEGRAM__API_BASE_URL"] = telegram.base_url
            env["KB_TELEGRAM__API_FILE_BASE_URL"] = telegram.file_base_url
            env["KB_TELEGRAM__WEBHOOK_URL"] = f"http://127.0.0.1:{port}/telegram/webhook"
            env["KB_TELEGRAM__WEBHOOK_SECRET"] = TELEGRAM_SECRET
            env["KB_WORKERS__REPLY_GRACE_SECONDS"] = str(REPLY_GRACE_SECONDS)
            env["KB_PROGRAM__MESSAGES_PER_MINUTE"] = "1000"
            env["KB_WORKERS__SCHEDULER_INTERVAL_SECONDS"] = "2"
            workers.append(ServeProcess(env, folder, folder / f"worker{n}.log"))
        # Together (the migrations run once), and off the loop, where the fake Telegram
        # answers their start-up calls.
        await asyncio.gather(*(asyncio.to_thread(worker.start) for worker in workers))
        residents = [
            Resident(
                "telegram" if n % 3 == 2 else "whatsapp",
                f"70000{n:04d}" if n % 3 == 2 else f"6281300{n:05d}",
                burst=burst_every > 0 and n % burst_every == 0,
            )
            for n in range(residents_count)
        ]
        kills = 0
        stop_at = time.monotonic() + seconds

        async def killer() -> None:
            nonlocal kills
            while time.monotonic() < stop_at:
                await asyncio.sleep(kill_every)
                victim = random.choice(workers)
                victim.signal(signal.SIGKILL)
                victim.wait(10)
                kills += 1
                await asyncio.to_thread(victim.start)

        async def converse(forwarder: Forwarder, resident: Resident) -> None:
            round_ = 0
            while time.monotonic() < stop_at:
                steps = resident.script(round_)
                round_ += 1

                async def one(message_id: str, text: str) -> None:
                    posted_at = time.monotonic()
                    await forwarder.post(*resident.request(message_id, text, telegram))
                    resident.acknowledged.append((message_id, text, posted_at))

                for wamid, text in steps[:2]:
                    await one(wamid, text)

                if resident.burst:
                    await asyncio.gather(*(one(w, t) for w, t in steps[2:]))
                else:
                    for wamid, text in steps[2:]:
                        await one(wamid, text)

        limits = httpx.Limits(max_connections=200)
        async with httpx.AsyncClient(timeout=60.0, limits=limits) as client:
            forwarder = Forwarder(workers, client)
            kill = asyncio.create_task(killer()) if kill_every > 0 else None
            await asyncio.gather(*(converse(forwarder, r) for r in residents))
            if kill is not None:
                kill.cancel()
        # Every acknowledged message answered? The outbox sends what no worker confirmed.
        deadline = time.monotonic() + SETTLE_SECONDS
        while True:
            whatsapp_sent, telegram_sent = whatsapp_answers(graph), telegram_answers(telegram)
            report = {
                **measure(whatsapp_sent, telegram_sent, residents),
                **reminders.measure(whatsapp_sent),
            }
            done = report["lost"] == 0 and report["reminders_missing"] == 0
            if done or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.5)
        await asyncio.gather(*(asyncio.to_thread(worker.stop) for worker in workers))
    await telegram.stop()
    return {**report, "workers": workers_count, "kills": kills}


@dataclass
class Reminders:
    officials: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)

    def measure(self, sent: list[Sent]) -> dict[str, float]:
        counts = Counter(
            (chat, reference)
            for chat, text, _ in sent
            for reference in self.references
            if reference in text
        )
        expected = [(o, ref) for o in self.officials for ref in self.references]
        return {
            "reminders": len(expected),
            "reminders_once": sum(1 for pair in expected if counts[pair] == 1),
            "reminders_missing": sum(1 for pair in expected if counts[pair] == 0),
            "reminders_duplicated": sum(1 for pair in expected if counts[pair] > 1),
        }


def whatsapp_answers(graph: object) -> list[Sent]:
    records = graph.requests  # type: ignore[attr-defined]
    return [
        (r.body.get("to"), text_of(r.body), r.at)
        for r in records
        if r.path.endswith("/messages") and r.body.get("ok")
    ]


def telegram_answers(telegram: FakeTelegram) -> list[Sent]:
    return [
        (
            str(call.params.get("chat_id")),
            visible(str(call.params.get("text", "")), call.params.get("parse_mode")),
            call.at,
        )
        for call in telegram.calls_of("sendMessage")
        if call.status == 200
    ]


def measure(
    whatsapp: list[Sent], telegram: list[Sent], residents: list[Resident]
) -> dict[str, float]:
    sent = answered = lost = duplicated = out_of_order = 0
    latencies: list[float] = []
    by_chat: dict[str, list[tuple[float, str]]] = {}
    for chat, text, at in sorted([*whatsapp, *telegram], key=lambda s: s[2]):
        by_chat.setdefault(chat, []).append((at, text.replace("*", "")))
    for resident in residents:
        texts = by_chat.get(resident.chat, [])
        order: list[int] = []
        for _, text, posted_at in resident.acknowledged:
            if not text.endswith("juta"):
                continue
            sent += 1
            expected = amount_answer(text).replace("*", "")
            seen = [(at, i) for i, (at, t) in enumerate(texts) if expected in t]
            if not seen:
                lost += 1
                continue
            answered += 1
            duplicated += len(seen) > 1
            latencies.append(seen[0][0] - posted_at)
            if not resident.burst:
                order.append(seen[0][1])
        out_of_order += sum(1 for a, b in zip(order, order[1:], strict=False) if b < a)
    latencies.sort()
    return {
        "sent": sent,
        "answered": answered,
        "lost": lost,
        "duplicated": duplicated,
        "out_of_order": out_of_order,
        "p50_ms": 1000 * statistics.median(latencies) if latencies else 0.0,
        "p99_ms": 1000 * latencies[int(0.99 * (len(latencies) - 1))] if latencies else 0.0,
        "whatsapp_peak": peak_per_second(sorted(at for _, _, at in whatsapp)),
        "telegram_peak": peak_per_second(sorted(at for _, _, at in telegram)),
    }


def peak_per_second(moments: list[float]) -> int:
    """The most sends in any one-second window (sorted moments)."""
    peak, start = 0, 0
    for end, moment in enumerate(moments):
        while moments[start] <= moment - 1.0:
            start += 1
        peak = max(peak, end - start + 1)
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 3])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--residents", type=int, default=30)
    parser.add_argument("--kill-every", type=float, default=5.0, help="0: no kills")
    parser.add_argument("--burst-every", type=int, default=5, help="every n-th resident")
    parser.add_argument("--incidents", type=int, default=10)
    parser.add_argument("--officials", type=int, default=5)
    args = parser.parse_args()
    pg_url = os.environ.get("KB_BENCH_POSTGRES_URL")
    if not pg_url:
        raise SystemExit(
            "set KB_BENCH_POSTGRES_URL (e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/test)"
        )
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    for count in args.workers:
        report = asyncio.run(
            run(
                count,
                args.seconds,
                args.residents,
                args.kill_every,
                args.burst_every,
                args.incidents,
                args.officials,
                pg_url,
            )  # fmt: skip
        )
        print(
            "workers {workers:.0f}, kills {kills:.0f}: sent {sent:.0f} · answered {answered:.0f}"
            " · lost {lost:.0f} · duplicated {duplicated:.0f} · out of order {out_of_order:.0f}"
            " · p50 {p50_ms:.0f} ms · p99 {p99_ms:.0f} ms · peak sends/s WhatsApp"
            " {whatsapp_peak:.0f}, Telegram {telegram_peak:.0f}"
            " · reminders {reminders:.0f}: once {reminders_once:.0f}, missing"
            " {reminders_missing:.0f}, duplicated {reminders_duplicated:.0f}".format(
                **report
            )  # fmt: skip
        )
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
