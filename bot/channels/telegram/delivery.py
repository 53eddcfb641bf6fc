"""Sending on Telegram: one Bot API call per rendered part, each through the rate limiter.

Two callers, two error policies. Replies to someone who just wrote go in the reply lane
and are retried here, briefly (a 429 waits out a short retry_after, a network error is
tried twice more), because nobody else would retry them. Outbox messages go in the urgent
or bulk lane and every failure is translated into the outbox's terms — RetryLater (with
Telegram's retry_after), Unreachable for 403, Undeliverable for any other 400 — so the
OutboxWorker decides. Reasons are logged, message texts never.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta

from telegram import Bot, LinkPreviewOptions, Message
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.warnings import PTBDeprecationWarning

from bot.channels.telegram.limits import REPLY, RateLimiter
from bot.channels.telegram.render import Part
from bot.workers.outbox_sender import RetryLater, Undeliverable, Unreachable

log = logging.getLogger(__name__)

REPLY_ATTEMPTS = 3
# Longer than this and the user would rather get nothing than wait (they can type again).
MAX_REPLY_WAIT = 30.0
REPLY_BACKOFF = 0.5
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def retry_seconds(exc: RetryAfter) -> float:
    # PTB 22 gives an int or a timedelta depending on PTB_TIMEDELTA; accept both quietly.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def reason(exc: TelegramError) -> str:
    """Telegram's description of a failure (never contains the message text)."""
    return f"{type(exc).__name__}: {exc.message}"[:200]


class Delivery:
    def __init__(
        self,
        bot: Bot,
        limiter: RateLimiter,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self._bot = bot
        self._limiter = limiter
        self._sleep = sleep

    async def call(self, chat_id: str, part: Part) -> Message:
        """One Bot API call, no retry: raises PTB's errors."""
        chat = int(chat_id)
        caption = part.html or None
        if part.file is None:
            return await self._bot.send_message(
                chat,
                part.html,
                parse_mode=ParseMode.HTML,
                reply_markup=part.markup,
                link_preview_options=NO_PREVIEW,
            )
        if part.photo:
            return await self._bot.send_photo(
                chat,
                part.file.data,
                caption=caption,
                parse_mode=ParseMode.HTML,
                reply_markup=part.markup,
                filename=part.file.file_name,
            )
        return await self._bot.send_document(
            chat,
            part.file.data,
            caption=caption,
            parse_mode=ParseMode.HTML,
            reply_markup=part.markup,
            filename=part.file.file_name,
        )

    async def reply(
        self,
        chat_id: str,
        parts: Sequence[Part],
        done: Callable[[int], Awaitable[None]] | None = None,
    ) -> list[tuple[Part, Message]]:
        """Send a reply's parts in order; returns what went out. A part that cannot go is
        skipped (logged); a 403 (the user blocked the bot) stops the rest. `done(n)` is
        awaited once the first n parts went or were given up."""
        sent = []
        for number, part in enumerate(parts, start=1):
            try:
                message = await self._reply_part(chat_id, part)
            except Forbidden as exc:
                log.info("telegram chat %s unreachable: %s", chat_id, reason(exc))
                break
            if message is not None:
                sent.append((part, message))
            if done is not None:
                await done(number)
        return sent

    async def _reply_part(self, chat_id: str, part: Part) -> Message | None:
        for attempt in range(1, REPLY_ATTEMPTS + 1):
            await self._limiter.acquire(chat_id, REPLY)
            try:
                return await self.call(chat_id, part)
            except RetryAfter as exc:
                wait = retry_seconds(exc)
                self._limiter.hold_chat(chat_id, wait)
                if wait > MAX_REPLY_WAIT or attempt == REPLY_ATTEMPTS:
                    log.warning("telegram reply to chat %s dropped: 429 for %ss", chat_id, wait)
                    return None
            except (BadRequest, InvalidToken, ChatMigrated) as exc:
                log.warning("telegram reply to chat %s refused: %s", chat_id, reason(exc))
                return None
            except NetworkError as exc:  # includes timeouts and 5xx
                if attempt == REPLY_ATTEMPTS:
                    log.warning("telegram reply to chat %s failed: %s", chat_id, reason(exc))
                    return None
                await self._sleep(REPLY_BACKOFF * 2 ** (attempt - 1))
        return None

    async def outbox(self, chat_id: str, parts: Sequence[Part], lane: int) -> str | None:
        """Send an outbox message; returns the Telegram message id of its last part."""
        try:
            int(chat_id)
        except ValueError:
            raise Undeliverable(f"not a Telegram chat id: {chat_id[:40]!r}") from None
        last: Message | None = None
        for part in parts:
            await self._limiter.acquire(chat_id, lane)
            try:
                last = await self.call(chat_id, part)
            except RetryAfter as exc:
                wait = retry_seconds(exc)
                self._limiter.hold_chat(chat_id, wait)
                self._limiter.hold_lane(lane, wait)
                raise RetryLater(
                    f"telegram 429: retry after {wait:g}s", timedelta(seconds=wait)
                ) from None
            except Forbidden as exc:
                raise Unreachable(reason(exc)) from None
            except (BadRequest, ChatMigrated) as exc:
                raise Undeliverable(reason(exc)) from None
            except (NetworkError, InvalidToken) as exc:
                # Timeouts, 5xx, connection errors; a wrong token is fixed by an operator.
                raise RetryLater(reason(exc)) from None
        return str(last.message_id) if last is not None else None

    async def remove_keyboard(self, chat_id: str, message_id: int) -> None:
        """Take the buttons off an answered question, so a late tap cannot act twice."""
        await self._limiter.acquire(chat_id, REPLY, per_chat=False)
        try:
            # Without a reply_markup, Telegram removes the inline keyboard.
            await self._bot.edit_message_reply_markup(int(chat_id), message_id)
        except TelegramError as exc:
            # Already gone, too old to edit (48 h), or a passing error: the engine still
            # refuses a stale tap, this is only tidiness.
            log.debug("telegram keyboard %s:%s not removed: %s", chat_id, message_id, reason(exc))
