"""Many Ketua RT registering an activity at once on Telegram: python-telegram-bot polling
the fake Bot API over HTTP, the real conversation service on a SQLite file. Each user
onboards by sharing their contact, registers an activity, pastes two participants and
confirms (the surat tugas PDF is generated and sent), answering as soon as the bot has
answered. Prints updates/s, bot messages/s and the p50/p99 latency of an update (from
Telegram receiving it to the bot's last reply to it being sent).

    .venv/bin/python benchmarks/telegram_dialog.py [--users 40] [--think 3]
        [--limits telegram|off]

Users take `--think` seconds (±50%) to answer. `--limits telegram` (default) keeps
Telegram's limits (30 messages/s overall, a burst then 1/s per chat): past ~30 bot
messages a second the latency is waiting for a sending slot. `--limits off --think 0`
measures the stack itself.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bot.app import App, build_app  # noqa: E402
from bot.channels.telegram.limits import RateLimiter  # noqa: E402
from bot.config import Settings  # noqa: E402
from storage.nik_vault import NikVault  # noqa: E402
from support.fake_telegram import FakeTelegram, TelegramUser, Update, bot_on_fake, fast_limiter  # noqa: E402

SENDS = ("sendMessage", "sendDocument", "sendPhoto", "editMessageReplyMarkup")


def phone(n: int) -> str:
    return f"+62812{n:07d}"


def nik(n: int, woman: bool) -> str:
    """A valid NIK: Kota Jambi district code, a birth date, a serial per person."""
    day = 5 + (40 if woman else 0)
    return f"157101{day:02d}0690{n:04d}"


async def seed(app: App, users: int) -> None:
    # One kelurahan, RT 1..N: surat tugas numbers of RTs in kelurahan with the same short
    # name collide today (see the report), which is not what this measures.
    async with app.uow_factory() as uow:
        for n in range(users):
            await uow.rts.add(
                kelurahan_code="15.71.01.1001",
                number=n + 1,
                chair_name=f"Ketua {surname(n)}",
                chair_phone=phone(n),
            )
        await uow.commit()


def surname(n: int) -> str:
    """Names are letters only: 0 → "Aa", 27 → "Bb"."""
    return chr(65 + n // 26 % 26) + chr(97 + n % 26)


async def register(user: TelegramUser, n: int, think: float) -> None:
    siti, budi = f"{nik(2 * n + 1, True)}; Siti {surname(n)}", f"{nik(2 * n + 2, False)}; Budi"
    pasted = f"{siti}; warga\n{budi} {surname(n)}; PHL"
    await asyncio.sleep(random.uniform(0, think))  # people do not all start at once
    await user.says("/start")
    await user.taps("Saya Ketua RT")
    await user.shares_contact(phone(n).lstrip("+"))
    await user.taps("Daftarkan kegiatan")
    await user.says(f"Perbaikan drainase Gang {n}")
    await user.taps("Drainase")
    await user.says(f"Jl. Kenari RT {n}")
    await user.says("hari ini")
    await user.says("lusa")
    await user.says("25 juta")
    await user.taps("Tidak")
    await user.taps("Simpan")
    await user.taps("Tempel")
    await user.says(pasted)
    await user.taps("Konfirmasi perlindungan")
    await user.taps("Ya, konfirmasi")
    if not user.documents:
        raise RuntimeError(f"user {n}: no surat tugas; the bot said: {user.text[:300]}")


async def main(users: int, limits: str, think: float) -> None:
    random.seed(7)
    latencies: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        # Scripted users write faster than people: the per-chat limit would pace them.
        settings = Settings(
            database={"url": f"sqlite+aiosqlite:///{folder}/dialog.db"},
            program={"messages_per_minute": 10_000},
        )
        app = await build_app(settings, NikVault.generate_key())
        fake = await FakeTelegram().start()
        limiter = RateLimiter() if limits == "telegram" else fast_limiter()
        try:
            await seed(app, users)
            async with bot_on_fake(fake, app.service.handle, limiter=limiter, patience=600) as bot:

                async def timed(update: Update) -> None:
                    await asyncio.sleep(random.uniform(0.5, 1.5) * think)  # reading, typing
                    started = time.perf_counter()
                    await bot.deliver(update)
                    latencies.append(time.perf_counter() - started)

                people = [fake.user(10_000 + n, f"Ketua{n}", deliver=timed) for n in range(users)]
                started = time.perf_counter()
                await asyncio.gather(*(register(u, n, think) for n, u in enumerate(people)))
                elapsed = time.perf_counter() - started
        finally:
            await fake.stop()
            await app.close()
    sent = sum(1 for call in fake.calls if call.method in SENDS and call.status == 200)
    q = statistics.quantiles(latencies, n=100)
    print(f"{users} Ketua RT registering at once, limits: {limits}, think time ~{think:g} s")
    print(f"{len(latencies)} updates in {elapsed:.1f} s: {len(latencies) / elapsed:.1f} updates/s")
    print(f"bot API sends (messages, documents, keyboard edits): {sent / elapsed:.1f}/s")
    print(f"update latency: p50 {q[49] * 1000:.0f} ms, p99 {q[98] * 1000:.0f} ms")


if __name__ == "__main__":
    cli = argparse.ArgumentParser(description=__doc__)
    cli.add_argument("--users", type=int, default=40)
    cli.add_argument("--limits", choices=("telegram", "off"), default="telegram")
    cli.add_argument("--think", type=float, default=3.0, help="seconds a user takes to answer")
    options = cli.parse_args()
    asyncio.run(main(options.users, options.limits, options.think))
