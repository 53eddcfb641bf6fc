"""A title full of formatting reaches Telegram escaped: python-telegram-bot sends our
HTML to the fake Bot API over real HTTP, and every message that shows the title (the
summary, the saved draft, the confirmation, the surat tugas caption) shows it literally,
while the bot's own bold still works."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio

from bot.app import App
from support.fake_telegram import FakeTelegram, Running, bot_on_fake
from support.seeding import SeededRt

HOSTILE = "*tebal* _miring_ <b>x</b> ~c~ ```k```"
ESCAPED = "*tebal* _miring_ &lt;b&gt;x&lt;/b&gt; ~c~ ```k```"
PASTED = "1571014506900001; Siti Aminah; warga; 0813-0000-0001"


@pytest_asyncio.fixture
async def telegram(app: App) -> AsyncIterator[tuple[Running, FakeTelegram]]:
    server = await FakeTelegram().start()
    async with bot_on_fake(server, app.service.handle, webhook=False) as bot:
        yield bot, server
    await server.stop()


async def test_a_title_with_markup_is_shown_literally_in_every_message(
    rt: SeededRt, telegram: tuple[Running, FakeTelegram]
) -> None:
    running, fake = telegram
    budi = running.user(5001, "Budi", "Santoso")
    await budi.says("/start")
    await budi.taps("Saya Ketua RT")
    await budi.shares_contact("6281200000001")
    await budi.taps("Daftarkan kegiatan")
    await budi.says(HOSTILE)
    await budi.taps("Drainase")
    await budi.says("Jl. Kenari RT 01")
    await budi.says("hari ini")
    await budi.says("lusa")
    await budi.says("25 juta")
    await budi.taps("Tidak")
    await budi.taps("Simpan")
    await budi.taps("Tempel")
    await budi.says(PASTED)
    await budi.taps("Konfirmasi perlindungan")
    await budi.taps("Ya, konfirmasi")
    assert "Perlindungan terkonfirmasi" in budi.text

    sent = fake.messages(budi.chat_id)
    showing = [m for m in sent if "tebal" in m.html]
    assert len(showing) >= 3, [m.html for m in sent]
    for message in showing:
        assert ESCAPED in message.html, message.html
        assert HOSTILE in message.text  # what the user reads: the title as typed
        for tag in ("<b>tebal</b>", "<i>miring</i>", "<b>x</b>"):
            assert tag not in message.html
    # The bot's own formatting around the title is still bold.
    assert any(f"<b>{ESCAPED}</b>" in m.html for m in showing)
    assert any("<b>Perlindungan terkonfirmasi</b>" in m.html for m in sent)
