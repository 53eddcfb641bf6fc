"""The Telegram channel: python-telegram-bot as the transport, our engine for the rest.

Updates arrive by long polling (when no webhook URL is set) or on
`POST /telegram/webhook` in our Starlette app (the secret-token header checked in
constant time; a wrong or missing one gets 403 and nothing is read). Each chat's updates
are handled one after another, different chats side by side. Either way an update is
acknowledged only once it is handled and committed — a webhook request is answered then;
polling asks for the next batch (whose offset confirms the last one) only then — so a
crash means Telegram delivers it again and the service drops what it already did. No `ConversationHandler`, no PTB persistence: the
state lives in our database.

Reading updates is in telegram_incoming, per-chat ordering in bot.channels.chat_queues, rendering
in telegram_render, the buttons on screen in telegram_keyboards, sending and its error
policies in telegram_delivery, pacing in telegram_limits, the command menu in
telegram_commands.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import secrets
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from itertools import accumulate
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from telegram import Bot as TelegramBot
from telegram import CallbackQuery, Update
from telegram.error import TelegramError
from telegram.request import BaseRequest, HTTPXRequest

from bot.channels.chat_queues import ChatQueues, Then
from bot.channels.pace import SendPace
from bot.channels.telegram.commands import command_menu
from bot.channels.telegram.delivery import Delivery, reason
from bot.channels.telegram.incoming import (
    CHANNEL,
    DOCUMENT_FAILED,
    ONLY_PRIVATE,
    download,
    read_callback,
    read_message,
)
from bot.channels.telegram.keyboards import KeyboardMemory, remove_phone_keyboard
from bot.channels.telegram.limits import BULK, REPLY, URGENT, RateLimiter
from bot.channels.telegram.render import render
from bot.config import TelegramSettings
from bot.core.messages import REPLY_KIND, Answer, IncomingMessage, Reply, payload_to_reply
from bot.web.body import BodyTooLarge, read_limited
from bot.workers.outbox_sender import Parcel

log = logging.getLogger(__name__)

Handler = Callable[[IncomingMessage], Awaitable[Answer]]

WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
ALLOWED_UPDATES = ("message", "callback_query")
MAX_UPDATE_BYTES = 1024 * 1024
# Chats handled at the same time; more wait their turn (the database is the bottleneck).
MAX_CONCURRENT_CHATS = 32
STOP_GRACE = 30.0
# The longest pause between two failed getUpdates.
POLL_RETRY_MAX = 30.0
GROUPS_REMEMBERED = 10_000


class TelegramChannel:
    name = CHANNEL

    def __init__(
        self,
        settings: TelegramSettings,
        handle: Handler,
        *,
        commands: Iterable[tuple[str, str]] = (),
        limiter: RateLimiter | None = None,
        request: BaseRequest | None = None,
        poll_timeout: float = 10.0,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        on_handled: Callable[[int], None] | None = None,
        pace: SendPace | None = None,
    ) -> None:
        """`on_handled(update_id)` runs after each update is fully handled (tests and
        benchmarks wait on it)."""
        if settings.token is None:
            raise ValueError("telegram.token is required")
        self._bot = TelegramBot(
            settings.token.get_secret_value(),
            base_url=settings.api_base_url,
            base_file_url=settings.api_file_base_url,
            request=request or HTTPXRequest(connection_pool_size=64, media_write_timeout=60.0),
            get_updates_request=HTTPXRequest(connection_pool_size=2),
        )
        self._handle = handle
        self._commands = command_menu(commands)
        self._delivery = Delivery(self._bot, limiter or RateLimiter(pace=pace), sleep)
        self._webhook_url = settings.webhook_url
        secret = settings.webhook_secret
        # Without a configured secret, one per process: fine for a single instance.
        self._secret = secret.get_secret_value() if secret else secrets.token_urlsafe(32)
        self._poll_timeout = poll_timeout
        self._on_handled = on_handled
        self._keyboards = KeyboardMemory()
        self._told_groups: set[str] = set()
        self._chats: ChatQueues[Update] = ChatQueues(self._process, MAX_CONCURRENT_CHATS)
        self._poller: asyncio.Task[None] | None = None
        self._started = False
        self._handled = 0
        self._last_update_at: datetime | None = None
        self._poll_error: tuple[str, datetime] | None = None

    @property
    def mode(self) -> str:
        return "webhook" if self._webhook_url else "polling"

    # --- Channel protocol -------------------------------------------------------------

    def routes(self) -> list[BaseRoute]:
        if not self._webhook_url:
            return []
        return [Route(WEBHOOK_PATH, self._webhook, methods=["POST"])]

    async def start(self) -> None:
        await self._bot.initialize()
        await self._bot.set_my_commands(self._commands)
        if self._webhook_url:
            await self._bot.set_webhook(
                self._webhook_url, secret_token=self._secret, allowed_updates=ALLOWED_UPDATES
            )
        else:
            # getUpdates is refused while a webhook is set (from an earlier deployment).
            await self._bot.delete_webhook()
            self._poller = asyncio.create_task(self._poll())
        self._started = True
        log.info("telegram: @%s started (%s)", self._bot.username, self.mode)

    async def stop(self) -> None:
        """Stop taking updates, finish the ones taken (and their replies), disconnect.
        The webhook stays registered: Telegram keeps new updates until we are back."""
        self._started = False
        poller, self._poller = self._poller, None
        if poller is not None:
            # A batch being handled is not confirmed: Telegram sends it again next time,
            # and what was committed of it is recognised and dropped.
            poller.cancel()
            await asyncio.gather(poller, return_exceptions=True)
        await self._chats.finish(STOP_GRACE)
        await self._bot.shutdown()

    async def send(self, parcel: Parcel) -> str | None:
        """An outbox message (free text: Telegram has no 24-hour window or templates).
        A reply comes here only when the worker that took its message did not confirm
        sending it (it stopped after the commit): this process never saw its buttons, so
        taps in that chat go to the engine as they come (KeyboardMemory.forget)."""
        reply = payload_to_reply(parcel.payload)
        if parcel.kind == REPLY_KIND:
            self._keyboards.forget(parcel.chat_id)
            return await self._delivery.outbox(parcel.chat_id, render(reply), REPLY)
        lane = URGENT if reply.urgent else BULK
        return await self._delivery.outbox(parcel.chat_id, render(reply), lane)

    async def health(self) -> dict[str, Any]:
        polling = self._poller is not None and not self._poller.done()
        report: dict[str, Any] = {
            "ok": self._started and (self.mode == "webhook" or polling),
            "mode": self.mode,
            "bot": self._bot.username if self._started else None,
            "updates_handled": self._handled,
            "last_update_at": self._last_update_at.isoformat() if self._last_update_at else None,
        }
        if self._poll_error is not None:
            problem, at = self._poll_error
            report["last_polling_error"] = {"error": problem, "at": at.isoformat()}
        return report

    # --- receiving -------------------------------------------------------------------

    async def _webhook(self, request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self._secret.encode()):
            return Response("forbidden", status_code=403)
        try:
            body = await read_limited(request, MAX_UPDATE_BYTES)
        except BodyTooLarge:
            return Response("too large", status_code=413)
        try:
            update = Update.de_json(json.loads(body), self._bot)
        except (ValueError, TypeError, KeyError, AttributeError):
            update = None
        if update is None:
            # Authentic but unreadable: Telegram would only send it again, so it is
            # acknowledged and the rejection logged (without the body: it may hold a NIK).
            log.warning("telegram webhook: an update that cannot be read (%d bytes)", len(body))
            return Response(status_code=200)
        # Acknowledged once the update is handled, committed and answered (ChatQueues:
        # the chat's next update, perhaps on another worker, comes after its replies).
        await self._submit(update, answered=True)
        return Response(status_code=200)

    async def _poll(self) -> None:
        """Long polling: each batch is handled and committed before the next getUpdates,
        whose offset tells Telegram to forget it. A failure is logged (and shown on
        /healthz) and tried again after a growing pause."""
        offset: int | None = None
        failures = 0
        while True:
            try:
                updates = await self._bot.get_updates(
                    offset=offset, timeout=int(self._poll_timeout), allowed_updates=ALLOWED_UPDATES
                )
            except TelegramError as exc:
                failures += 1
                self._poll_error = (reason(exc), datetime.now(UTC))
                log.warning("telegram polling failed: %s", self._poll_error[0])
                await asyncio.sleep(min(POLL_RETRY_MAX, 2.0**failures))
                continue
            failures = 0
            if updates:
                await asyncio.gather(*(self._submit(update) for update in updates))
                offset = updates[-1].update_id + 1

    def _submit(self, update: Update, answered: bool = False) -> asyncio.Future[None]:
        chat = update.effective_chat or update.effective_user
        return self._chats.submit(
            str(chat.id) if chat is not None else "", update, answered=answered
        )

    async def _process(self, update: Update) -> Then:
        """Handle the update; returns the sending of its replies (ChatQueues runs it once
        the concurrency slot is free)."""
        respond = None
        try:
            respond = await self._dispatch(update)
        except Exception:
            log.exception("telegram update %s failed", update.update_id)
        finally:
            self._handled += 1
            self._last_update_at = datetime.now(UTC)
        if respond is None:
            self._done(update)
            return None

        async def send() -> None:
            try:
                await respond()
            except Exception:
                log.exception("telegram update %s: replies not sent", update.update_id)
            finally:
                self._done(update)

        return send

    def _done(self, update: Update) -> None:
        """The update is handled and its replies are sent (or failed)."""
        if self._on_handled is not None:
            self._on_handled(update.update_id)

    async def _dispatch(self, update: Update) -> Then:
        """Handle the update; returns the sending of the replies, if any."""
        query = update.callback_query
        if query is not None:
            await self._answer(query)
        chat = update.effective_chat
        if chat is None:
            return None
        chat_id = str(chat.id)
        if chat.type != "private":
            await self._refuse_group(chat_id)
            return None
        tapped: int | None = None
        if query is not None:
            tapped = query.message.message_id if query.message is not None else None
            choice = self._keyboards.choice_for(chat_id, tapped, query.data or "")
            message = read_callback(query, choice)
        else:
            inbound = read_message(update)
            if inbound.notice is not None:
                await self._say(chat_id, inbound.notice)
                return None
            if inbound.message is None:
                return None
            message = inbound.message
            if inbound.download is not None:
                attachment = await download(self._bot, inbound.download)
                if attachment is None:
                    await self._say(chat_id, DOCUMENT_FAILED)
                    return None
                message = replace(message, attachment=attachment)
        answer = await self._handle(message)
        return partial(self._respond, chat_id, answer, tapped)

    async def _answer(self, query: CallbackQuery) -> None:
        # Always, first: otherwise the user's Telegram shows a spinner on the button.
        try:
            await self._bot.answer_callback_query(query.id)
        except TelegramError as exc:
            log.debug("telegram callback %s not answered: %s", query.id, reason(exc))

    # --- answering --------------------------------------------------------------------

    async def _respond(self, chat_id: str, answer: Answer, tapped: int | None) -> None:
        replies = answer.replies
        if not replies:
            return  # a redelivered update: the question on screen still stands
        if tapped is not None:
            # The tapped question's buttons go at once: the user sees the tap was taken
            # and finds nothing to tap twice. Buttons of a question answered by typing
            # stay on screen but are refused as stale (KeyboardMemory), which saves a
            # Bot API call per turn under Telegram's 30 messages/s.
            await self._delivery.remove_keyboard(chat_id, tapped)
        rendered = [render(reply) for reply in replies]
        parts = [part for reply_parts in rendered for part in reply_parts]
        phone_up = self._keyboards.phone_keyboard_up(chat_id)
        if phone_up and not any(reply.request_phone for reply in replies):
            parts, phone_up = remove_phone_keyboard(parts)
        # The number of parts that complete each reply.
        ends = list(accumulate(len(reply_parts) for reply_parts in rendered))
        confirmed = 0

        async def done(parts_done: int) -> None:
            # A reply whose last part went (or was given up after the reply lane's
            # retries) is confirmed at once: a crash then repeats at most the one in flight.
            nonlocal confirmed
            finished = sum(1 for end in ends if end <= parts_done)
            if finished > confirmed:
                confirmed = finished
                await answer.delivered(finished)

        sent = await self._delivery.reply(chat_id, parts, done)
        self._keyboards.remember(chat_id, [(p, m.message_id) for p, m in sent], phone_up)

    async def _say(self, chat_id: str, text: str) -> None:
        await self._delivery.reply(chat_id, render(Reply(text)))

    async def _refuse_group(self, chat_id: str) -> None:
        if chat_id in self._told_groups:
            return
        if len(self._told_groups) >= GROUPS_REMEMBERED:
            self._told_groups.clear()
        self._told_groups.add(chat_id)
        await self._say(chat_id, ONLY_PRIVATE)
