"""A broadcast to every Ketua RT on Telegram, through the outbox and the Telegram channel,
against the fake Bot API enforcing Telegram's limit: more than 30 sends in any second →
429 with retry_after. Prints the elapsed time, the achieved rate as a share of the limit
(target >= 95%), and how many messages were lost (0) or delivered twice (0).

    .venv/bin/python benchmarks/telegram_broadcast.py [--accounts 1650] [--limit 30]
        [--margin 0.03]   # the channel's limiter: its window is 1 s + margin
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bot.app import App, build_app  # noqa: E402
from bot.channels.telegram.limits import MARGIN, RateLimiter  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.core.messages import Reply, reply_to_payload  # noqa: E402
from bot.workers.outbox_sender import OutboxWorker  # noqa: E402
from storage.nik_vault import NikVault  # noqa: E402
from support.fake_telegram import FakeTelegram, bot_on_fake  # noqa: E402

ANNOUNCEMENT = Reply(
    "📢 *Pengumuman Kampung Bahagia*\nPendaftaran kegiatan triwulan II dibuka mulai "
    "1 April 2026. Daftarkan kegiatan RT Anda lewat menu *Daftarkan kegiatan*."
)


async def queue_broadcast(app: App, accounts: int) -> None:
    async with app.uow_factory() as uow:
        items = []
        for n in range(accounts):
            chat_id = str(700_000 + n)
            account, _ = await uow.accounts.get_or_create("telegram", chat_id, f"Ketua RT {n}")
            items.append(
                {
                    "account_id": account.id,
                    "channel": "telegram",
                    "chat_id": chat_id,
                    "payload": reply_to_payload(ANNOUNCEMENT),
                    "kind": "broadcast",
                    "dedup_key": f"broadcast-2026-q2:{account.id}",
                }
            )
        await uow.outbox.enqueue_many(items, not_before=datetime.now(UTC))
        await uow.commit()


def now() -> datetime:
    return datetime.now(UTC)


async def pending(app: App) -> int:
    async with app.uow_factory() as uow:
        return (await uow.outbox.count_by_status()).get("pending", 0)


async def main(accounts: int, limit: int, margin: float) -> None:
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(database={"url": f"sqlite+aiosqlite:///{folder}/broadcast.db"})
        app = await build_app(settings, NikVault.generate_key())
        fake = await FakeTelegram(rate=limit, rate_retry_after=1).start()
        try:
            await queue_broadcast(app, accounts)
            limiter = RateLimiter(per_second=limit, margin=margin)
            # Webhook mode: nothing polls, the channel only sends.
            async with bot_on_fake(fake, app.service.handle, limiter=limiter, webhook=True) as bot:
                worker = OutboxWorker(app.uow_factory, {"telegram": bot.channel}, now)
                started = time.perf_counter()
                # What OutboxWorker.run does, ending when nothing is pending any more.
                while await worker.run_once() or await pending(app):  # noqa: ASYNC110
                    await asyncio.sleep(0.02)
                elapsed = time.perf_counter() - started
            async with app.uow_factory() as uow:
                statuses = await uow.outbox.count_by_status()
        finally:
            await fake.stop()
            await app.close()

    accepted = [c for c in fake.calls_of("sendMessage") if c.status == 200]
    per_chat = collections.Counter(int(c.params["chat_id"]) for c in accepted)
    sending = accepted[-1].at - accepted[0].at if len(accepted) > 1 else float("nan")
    rate = (len(accepted) - 1) / sending
    lost = accounts - len(per_chat)
    duplicated = sum(count - 1 for count in per_chat.values())
    print(f"broadcast to {accounts} Ketua RT; fake Bot API: {limit} messages/s, 429 beyond")
    print(f"elapsed: {elapsed:.1f} s (first to last message {sending:.1f} s)")
    print(f"achieved rate: {rate:.2f} messages/s = {rate / limit:.1%} of the limit")
    print(f"429 answers: {fake.too_many}; outbox: {dict(statuses)}")
    print(f"lost: {lost}, duplicated: {duplicated}")


if __name__ == "__main__":
    cli = argparse.ArgumentParser(description=__doc__)
    cli.add_argument("--accounts", type=int, default=1650)
    cli.add_argument("--limit", type=int, default=30, help="the fake server's messages/s")
    cli.add_argument("--margin", type=float, default=MARGIN, help="the limiter's margin (s)")
    options = cli.parse_args()
    asyncio.run(main(options.accounts, options.limit, options.margin))
