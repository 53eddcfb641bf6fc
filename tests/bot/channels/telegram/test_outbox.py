"""Telegram as the outbox's sender, against the fake Bot API: delivery as HTML with
documents; a 429 reschedules after Telegram's retry_after and holds broadcasts but not
replies; 403 opts the account out; 5xx and timeouts retry with backoff; other 400s fail
for good with the reason logged, never the text. Replies to a waiting user are retried
in place (a short 429 waited out, a network error tried again)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
import pytest_asyncio
from sqlalchemy import select
from telegram.request import HTTPXRequest

from bot.app import App
from bot.channels.telegram.limits import RateLimiter
from bot.core.messages import REPLY_KIND, Document, Reply, reply_to_payload
from bot.workers.outbox_sender import OutboxWorker
from storage.models import OutboxMessage
from support.chat import Clock
from support.fake_telegram import FakeTelegram, Running, ScriptedService, bot_on_fake

PDF = Document("rekap.pdf", "application/pdf", b"%PDF-1.4 rekap")
# PTB itself warns about RetryAfter.retry_after becoming a timedelta (PTB_TIMEDELTA).
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


class Jumping:
    """Time that jumps ahead instead of waiting: a retry after 429 costs no real time."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += max(seconds, 0.0)
        await asyncio.sleep(0)


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    server = await FakeTelegram().start()
    yield server
    await server.stop()


def jumping_limiter(time: Jumping) -> RateLimiter:
    return RateLimiter(per_second=1000, chat_burst=100, clock=time.clock, sleep=time.sleep)


@pytest_asyncio.fixture
async def telegram(app: App, fake: FakeTelegram) -> AsyncIterator[Running]:
    """The channel with time that jumps: a 429's hold costs no real time."""
    async with bot_on_fake(fake, app.service.handle, limiter=jumping_limiter(Jumping())) as bot:
        yield bot


def worker(app: App, telegram: Running, clock: Clock) -> OutboxWorker:
    return OutboxWorker(app.uow_factory, {"telegram": telegram.channel}, clock)


async def queue(app: App, chat_id: int, reply: Reply) -> int:
    async with app.uow_factory() as uow:
        account, _ = await uow.accounts.get_or_create("telegram", str(chat_id), "Ketua RT")
        message = await uow.outbox.enqueue(
            account_id=account.id,
            channel="telegram",
            chat_id=str(chat_id),
            payload=reply_to_payload(reply),
            priority=1 if reply.urgent else 5,
            not_before=app.service.clock(),
        )
        await uow.commit()
        return int(message.id)


async def stored(app: App, message_id: int):  # noqa: ANN201
    async with app.uow_factory() as uow:
        message = await uow.outbox.get(message_id)
        return message, await uow.accounts.get(message.account_id)


async def test_an_alert_is_delivered_as_html_with_its_document(
    app: App, telegram: Running, fake: FakeTelegram, clock: Clock
) -> None:
    alert = Reply("⚠️ *KECELAKAAN KERJA* di <Gang> Mawar & Melati", document=PDF, urgent=True)
    message_id = await queue(app, 4001, alert)
    assert await worker(app, telegram, clock).run_once() == 1
    (sent,) = fake.messages(4001)
    assert sent.html == "⚠️ <b>KECELAKAAN KERJA</b> di &lt;Gang&gt; Mawar &amp; Melati"
    assert sent.file == ("rekap.pdf", "application/pdf", PDF.data)
    message, _ = await stored(app, message_id)
    assert message.status == "sent" and message.provider_message_id == str(sent.message_id)


async def test_a_429_reschedules_after_retry_after_and_others_still_go(
    app: App, telegram: Running, fake: FakeTelegram, clock: Clock
) -> None:
    limited = await queue(app, 4001, Reply("Pengumuman anggaran"))
    other = await queue(app, 4002, Reply("Pengumuman anggaran"))
    fake.fail("sendMessage", 429, retry_after=7, chat_id=4001)
    await worker(app, telegram, clock).run_once()
    message, _ = await stored(app, limited)
    assert message.status == "pending" and "429" in (message.last_error or "")
    assert message.next_attempt_at == clock.now + timedelta(seconds=7)
    assert (await stored(app, other))[0].status == "sent"


async def test_a_429_holds_broadcasts_but_not_replies_to_waiting_users(
    app: App, fake: FakeTelegram, clock: Clock
) -> None:
    async with bot_on_fake(fake, app.service.handle) as telegram:  # real time
        await queue(app, 4001, Reply("Pengumuman"))
        fake.fail("sendMessage", 429, retry_after=30, chat_id=4001)
        outbox = worker(app, telegram, clock)
        await outbox.run_once()  # the 429: broadcasts wait 30 s
        await queue(app, 4003, Reply("Pengumuman"))
        broadcast = asyncio.create_task(outbox.run_once())
        try:
            user = telegram.user(5001, "Budi")
            await user.says("/start")
            assert "Menu utama" in user.text  # the reply went out at once …
            assert fake.messages(4003) == []  # … while the broadcast still waits
        finally:
            broadcast.cancel()


async def test_a_blocked_bot_opts_the_account_out(
    app: App, telegram: Running, fake: FakeTelegram, clock: Clock
) -> None:
    message_id = await queue(app, 4001, Reply("Pengingat"))
    fake.fail("sendMessage", 403, chat_id=4001)
    await worker(app, telegram, clock).run_once()
    message, account = await stored(app, message_id)
    assert message.status == "failed" and "blocked" in (message.last_error or "")
    assert account.opted_out is True


async def test_a_server_error_is_retried_with_backoff(
    app: App, telegram: Running, fake: FakeTelegram, clock: Clock
) -> None:
    message_id = await queue(app, 4001, Reply("Pengingat"))
    fake.fail("sendMessage", 500)
    outbox = worker(app, telegram, clock)
    await outbox.run_once()
    message, _ = await stored(app, message_id)
    assert message.status == "pending" and "Internal Server Error" in (message.last_error or "")
    assert message.next_attempt_at == clock.now + timedelta(seconds=10)
    clock.advance(seconds=10)
    await outbox.run_once()
    assert (await stored(app, message_id))[0].status == "sent"


async def test_a_bad_request_fails_for_good_and_logs_the_reason_not_the_text(
    app: App, telegram: Running, fake: FakeTelegram, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    message_id = await queue(app, 4001, Reply("NIK 1571014506900001 milik Siti"))
    fake.fail("sendMessage", 400)
    with caplog.at_level(logging.INFO):
        await worker(app, telegram, clock).run_once()
    message, account = await stored(app, message_id)
    assert message.status == "failed" and "Chat not found" in (message.last_error or "")
    assert account.opted_out is False
    assert "Chat not found" in caplog.text and "1571014506900001" not in caplog.text


async def test_a_timeout_is_retried_later(app: App, fake: FakeTelegram, clock: Clock) -> None:
    impatient = HTTPXRequest(read_timeout=0.2, connection_pool_size=8)
    async with bot_on_fake(fake, app.service.handle, request=impatient) as telegram:
        message_id = await queue(app, 4001, Reply("Pengingat"))
        fake.fail("sendMessage", "timeout", hang=0.6)
        await worker(app, telegram, clock).run_once()
        message, _ = await stored(app, message_id)
        assert message.status == "pending" and "TimedOut" in (message.last_error or "")


# --- replies to the person who just wrote ----------------------------------------------


@pytest_asyncio.fixture
async def service() -> ScriptedService:
    scripted = ScriptedService()
    scripted.answer = [Reply("Pemberitahuan privasi"), Reply("Menu utama")]
    return scripted


async def test_a_reply_waits_out_a_short_429_and_is_delivered(
    service: ScriptedService, fake: FakeTelegram
) -> None:
    time = Jumping()
    async with bot_on_fake(fake, service.handle, limiter=jumping_limiter(time)) as telegram:
        fake.fail("sendMessage", 429, retry_after=3, chat_id=5001)
        user = telegram.user(5001, "Budi")
        await user.says("/start")
        assert "Pemberitahuan privasi" in user.text and "Menu utama" in user.text
        assert 3.0 in time.slept


async def test_a_reply_is_retried_after_network_errors(
    service: ScriptedService, fake: FakeTelegram
) -> None:
    time = Jumping()
    async with bot_on_fake(fake, service.handle, sleep=time.sleep) as telegram:
        fake.fail("sendMessage", 500, times=2, chat_id=5001)
        user = telegram.user(5001, "Budi")
        await user.says("/start")
        assert "Pemberitahuan privasi" in user.text and "Menu utama" in user.text
        assert time.slept == [0.5, 1.0]


async def test_a_user_who_blocked_the_bot_gets_nothing_more_and_nothing_breaks(
    service: ScriptedService, fake: FakeTelegram
) -> None:
    async with bot_on_fake(fake, service.handle) as telegram:
        fake.fail("sendMessage", 403, chat_id=5001)
        user = telegram.user(5001, "Budi")
        await user.says("/start")
        assert user.replies == []
        await user.says("menu")  # they unblocked the bot
        assert "Menu utama" in user.text


async def reply_copies(app: App) -> list[str]:
    async with app.uow_factory() as uow:
        query = (
            select(OutboxMessage.status)
            .where(OutboxMessage.kind == REPLY_KIND)
            .order_by(OutboxMessage.id)
        )
        return [str(status) for status in await uow.session.scalars(query)]


async def test_replies_are_confirmed_as_they_go_and_an_unsent_one_is_left_to_the_outbox(
    app: App, fake: FakeTelegram
) -> None:
    """Issue 13: a copy of every reply is kept with the state change; the channel marks
    each one sent as it goes, and one it could not send waits for the outbox."""
    async with bot_on_fake(fake, app.service.handle) as telegram:
        user = telegram.user(5001, "Budi")
        await user.says("/start")
        first = await reply_copies(app)
        assert len(first) >= 2 and set(first) == {"sent"}
        fake.fail("sendMessage", 403, chat_id=5001)  # blocked: nothing of this turn goes
        await user.says("menu")
        later = (await reply_copies(app))[len(first) :]
        assert later and set(later) == {"pending"}
