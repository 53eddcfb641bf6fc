"""The Telegram webhook endpoint and the channel's life cycle: only requests carrying the
secret token are read; a redelivered update is answered once; setWebhook carries the
secret; polling mode serves no webhook; /healthz reports the channel."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest_asyncio

from bot.app import App
from bot.channels.telegram.channel import SECRET_HEADER, WEBHOOK_PATH
from bot.core.messages import Answer, Reply
from support.fake_telegram import WEBHOOK_SECRET, FakeTelegram, ScriptedService, bot_on_fake


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    server = await FakeTelegram().start()
    yield server
    await server.stop()


@pytest_asyncio.fixture
async def service() -> ScriptedService:
    scripted = ScriptedService()
    scripted.answer = [Reply("Siap.")]
    return scripted


async def test_a_missing_or_wrong_secret_gets_403_and_nothing_is_processed(
    service: ScriptedService, fake: FakeTelegram
) -> None:
    async with bot_on_fake(fake, service.handle, webhook=True) as bot:
        user = bot.user(5001, "Budi")
        update = user.says_update("/start")
        wrong = ({}, {SECRET_HEADER: "tebakan"}, {SECRET_HEADER: WEBHOOK_SECRET + "x"})
        for headers in wrong:
            answer = await bot.web.post(WEBHOOK_PATH, json=update, headers=headers)
            assert answer.status_code == 403
        assert service.received == [] and not fake.calls_of("sendMessage")

        await user.send(update)  # the same update with the right secret is handled
        assert len(service.received) == 1 and user.text == "Siap."


async def test_a_redelivered_tap_is_answered_once(app: App, fake: FakeTelegram) -> None:
    async with bot_on_fake(fake, app.service.handle, webhook=True) as bot:
        user = bot.user(5001, "Budi")
        await user.says("/start")
        tap = user.taps_update("Simulasi premi")
        await user.send(tap)
        assert "nilai" in user.text.lower()
        answered = len(fake.messages(5001))
        await user.send(tap)  # Telegram retries when our 200 got lost
        assert len(fake.messages(5001)) == answered


async def test_a_redelivered_message_is_answered_once(app: App, fake: FakeTelegram) -> None:
    async with bot_on_fake(fake, app.service.handle, webhook=True) as bot:
        user = bot.user(5001, "Budi")
        update = user.says_update("/start")
        await user.send(update)
        answered = len(fake.messages(5001))
        await user.send(update)
        assert len(fake.messages(5001)) == answered


async def test_an_authentic_body_that_is_not_an_update_is_acknowledged_and_dropped(
    service: ScriptedService, fake: FakeTelegram
) -> None:
    # A 4xx/5xx would only make Telegram send the same unreadable update again.
    async with bot_on_fake(fake, service.handle, webhook=True) as bot:
        headers = {SECRET_HEADER: WEBHOOK_SECRET, "content-type": "application/json"}
        answer = await bot.web.post(WEBHOOK_PATH, content=b"{not json", headers=headers)
        assert answer.status_code == 200
        answer = await bot.web.post(WEBHOOK_PATH, content=b"[1, 2]", headers=headers)
        assert answer.status_code == 200
        assert service.received == [] and not fake.calls_of("sendMessage")


async def test_a_body_over_the_limit_is_refused_before_it_is_read(
    service: ScriptedService, fake: FakeTelegram
) -> None:
    async with bot_on_fake(fake, service.handle, webhook=True) as bot:
        headers = {SECRET_HEADER: WEBHOOK_SECRET, "content-length": str(50 * 1024 * 1024)}
        answer = await bot.web.post(WEBHOOK_PATH, content=b"{}", headers=headers)
        assert answer.status_code == 413

        async def chunks():  # noqa: ANN202 - no Content-Length: streamed
            for _ in range(3):
                yield b" " * (512 * 1024)

        headers = {SECRET_HEADER: WEBHOOK_SECRET}
        answer = await bot.web.post(WEBHOOK_PATH, content=chunks(), headers=headers)
        assert answer.status_code == 413
        assert service.received == []


async def test_start_registers_the_webhook_with_its_secret_and_health_reports_it(
    service: ScriptedService, fake: FakeTelegram
) -> None:
    async with bot_on_fake(fake, service.handle, webhook=True) as bot:
        assert fake.webhook == {
            "url": "https://kb.example.go.id/telegram/webhook",
            "secret_token": WEBHOOK_SECRET,
            "allowed_updates": ["message", "callback_query"],
        }
        await bot.user(5001, "Budi").says("/start")
        health = (await bot.web.get("/healthz")).json()
        assert health["ok"] is True
        telegram = health["telegram"]
        assert telegram["ok"] is True and telegram["mode"] == "webhook"
        assert telegram["bot"] == "KampungBahagiaBot" and telegram["updates_handled"] == 1
    assert not fake.calls_of("deleteWebhook")  # the webhook stays: Telegram keeps updates


async def test_polling_mode_serves_no_webhook_and_reports_its_health(
    service: ScriptedService, fake: FakeTelegram
) -> None:
    async with bot_on_fake(fake, service.handle) as bot:
        assert bot.channel.routes() == []
        await bot.user(5001, "Budi").says("/start")
        assert fake.calls_of("deleteWebhook") and fake.calls_of("getUpdates")
        assert (await bot.channel.health())["ok"] is True
        assert (await bot.channel.health())["mode"] == "polling"
    assert (await bot.channel.health())["ok"] is False  # stopped


async def test_polling_confirms_a_batch_only_once_it_is_handled(fake: FakeTelegram) -> None:
    """Issue 13: PTB's Updater fetched the next batch (confirming this one to Telegram)
    while this one still waited in memory; a crash then lost it. Our poller asks for the
    next batch only when the last one is handled and committed."""
    release = asyncio.Event()
    taken: list[object] = []

    class Slow(ScriptedService):
        async def handle(self, message: object) -> Answer:
            taken.append(message)
            await release.wait()
            return Answer([Reply("Siap.")])

    async with bot_on_fake(fake, Slow().handle) as bot:
        user = bot.user(5001, "Budi")
        fake.push_update(user.says_update("menu"))
        while not taken:  # noqa: ASYNC110 (the channel offers no event)
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.3)  # time for a next getUpdates, had it been sent
        assert [u["update_id"] for u in fake._updates] != []  # not confirmed yet
        release.set()
        while fake._updates:  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        assert len(taken) == 1


async def test_the_200_comes_after_the_replies_went(
    service: ScriptedService, fake: FakeTelegram
) -> None:
    # The chat's next update, which may reach another worker once this one is
    # acknowledged, can then never be answered before these replies (issue 13).
    async with bot_on_fake(fake, service.handle, webhook=True) as bot:
        update = bot.user(5002, "Budi").says_update("/start")
        answer = await bot.web.post(
            WEBHOOK_PATH, json=update, headers={SECRET_HEADER: WEBHOOK_SECRET}
        )
        assert answer.status_code == 200
        assert fake.messages(5002)  # already there: nothing awaited in between
