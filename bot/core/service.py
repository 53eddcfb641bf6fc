"""The conversation service: one incoming message, all or nothing.

Per message: take the conversation's lock (in this process), open a unit of work, hold
the chat (across workers), drop a message id already processed (providers redeliver),
load the state, run the engine, save the state with a version check, queue the
notifications and a copy of every reply in the outbox, mark the id processed and commit.
The replies go back to the channel after the commit; once it has sent them it says so
(`Answer.delivered`) and their copies are marked sent. Copies carry this worker's id:
those of a worker that died before confirming them (orphans) are taken by the chat's
next message and go first in its answer, so the chat reads in order; with no message the
outbox sends them. A live worker's copy left unconfirmed (its send failed) is sent by the
outbox after `workers.reply_grace_seconds`.
The local console (terminal) keeps no copies: it prints in the same process.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import partial

from bot.config import Settings
from bot.core import privacy
from bot.core.dialog import Context, State
from bot.core.engine import DialogEngine
from bot.core.identity import caller_of
from bot.core.log_redaction import log_failure
from bot.core.markup import strip_marks
from bot.core.messages import (
    Address,
    Answer,
    IncomingMessage,
    Notification,
    Reply,
    payload_to_reply,
    reply_to_payload,
)
from bot.core.ports import Account, Loaded, Texts, UnitOfWork, UnitOfWorkFactory
from bot.core.services import Services
from bot.core.worker import THIS_WORKER
from bot.domain.dates import using_zone
from bot.domain.inbound import UNLIMITED_CHANNELS, Burst, Verdict
from bot.domain.text import display_name

# accounts.name: a longer profile name (Telegram allows 129 characters) is cut to fit.
ACCOUNT_NAME_MAX = 120
log = logging.getLogger(__name__)

Clock = Callable[[], datetime]

# Processed message ids are kept this long (bot.workers.jobs.housekeeping prunes them):
# within it a redelivered message is recognised by its id.
PROCESSED_KEPT = timedelta(days=7)
# A message the provider dates further back than this is a replay (a captured signed
# webhook posted again): its id may be forgotten already, so it is refused by its date.
REPLAY_AFTER = PROCESSED_KEPT - timedelta(days=1)


class ConversationService:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        engine: DialogEngine,
        settings: Settings,
        texts: Texts,
        dialogs: frozenset[str],
        stale_error: type[Exception],
        connection_lost: Callable[[Exception], bool],
        clock: Clock | None = None,
        worker_id: int = THIS_WORKER,
    ) -> None:
        self._uow_factory = uow_factory
        self._engine = engine
        self._settings = settings
        self._texts = texts
        self._dialogs = dialogs
        # The storage layer's "saved by someone else" error and its test for a dropped
        # connection, injected to keep bot/ free of storage imports.
        self._stale_error = stale_error
        self._connection_lost = connection_lost
        self.clock: Clock = clock or (lambda: datetime.now(UTC))
        self._worker_id = worker_id
        self._locks: dict[Address, tuple[asyncio.Lock, int]] = {}
        # Copies of replies the channels sent, waiting to be marked (`_delivered`).
        self._unconfirmed: list[int] = []
        self._confirming = asyncio.Lock()

    async def handle(self, message: IncomingMessage) -> Answer:
        """Process one message; the replies for its sender (see the module)."""
        message = replace(message, text=storable(message.text))
        # The marks of bot/core/markup.py: typed, the engine refuses them (the user is told);
        # in what the channel adds (a profile name, a shared place's name) they are dropped,
        # so nobody can unmark what follows a value of theirs.
        message = replace(message, sender_name=strip_marks(message.sender_name))
        if message.location is not None and message.location.name:
            name = strip_marks(message.location.name)
            message = replace(message, location=replace(message.location, name=name))
        if message.received_at is not None and message.received_at < self.clock() - REPLAY_AFTER:
            log.warning(
                "message %s on %s dated %s refused as a replay",
                message.message_id,
                message.address.channel,
                message.received_at.isoformat(),
            )
            return Answer()
        async with self._lock(message.address):
            for attempt in (1, 2):
                try:
                    return await self._process(message)
                except self._stale_error:
                    # Saved by code that did not hold the chat; run again on fresh state.
                    if attempt == 2:
                        return Answer([Reply(self._texts.text("id", "busy"))])
                except Exception as exc:
                    if attempt == 1 and self._connection_lost(exc):
                        # The server dropped the connection (a restart, an idle timeout;
                        # the pool does not ping): the pool has replaced it, run again.
                        log.warning("message %s: database connection lost", message.message_id)
                        continue
                    # Never the text or the state; the traceback with NIKs masked
                    # (an exception may quote what the user typed).
                    log_failure(
                        log,
                        exc,
                        "message %s on %s failed",
                        message.message_id,
                        message.address.channel,
                    )
                    return Answer([Reply(self._texts.text("id", "internal_error"))])
        return Answer()

    async def _process(self, message: IncomingMessage) -> Answer:
        now = self.clock()
        channel, chat_id = message.address.channel, message.address.chat_id
        async with self._uow_factory() as uow:
            # One message of a chat at a time across workers; the next one waits here.
            await uow.conversations.hold(channel, chat_id)
            if not await uow.processed.claim(channel, message.message_id, now):
                log.info("duplicate message %s on %s dropped", message.message_id, channel)
                # Redelivered because its worker died: what that worker never confirmed.
                orphans = await self._orphans(uow, message, now)
                if not orphans:
                    return Answer()
                await uow.commit()
                return self._sent_here(orphans, [], [])
            loaded = await self._chat(uow, message, now)
            account, conversation = loaded.account, loaded.conversation
            assert account is not None, "created now or by the worker that won"
            orphans = await self._orphans(uow, message, now) if loaded.orphaned else []
            await uow.accounts.touch_inbound(account, now)
            if conversation is None:
                conversation = await uow.conversations.start(channel, chat_id, account.id, now)
            expected_version = conversation.version
            burst = Burst(conversation.burst_started_at, conversation.burst_count).after(now)
            verdict = burst.verdict(self._settings.program.messages_per_minute)
            if verdict != Verdict.PROCESS and channel not in UNLIMITED_CHANNELS:
                # Too fast: not processed (the message id stays claimed, so the provider
                # does not retry it); one polite answer per window.
                conversation.burst_started_at, conversation.burst_count = (
                    burst.started_at,
                    burst.count,
                )
                await uow.conversations.save(conversation, expected_version)
                log.info("message %s on %s over the per-chat limit", message.message_id, channel)
                replies = []
                if verdict != Verdict.DROP:
                    text = self._texts.text(
                        account.language or "id", "too_fast", seconds=burst.seconds_left(now)
                    )
                    replies = [Reply(text)]
                return await self._answer(uow, message, account, orphans, replies, now)
            state = State(
                dialog=conversation.dialog,
                step=conversation.step,
                data=dict(conversation.data or {}),
                choices=list(conversation.choices or []),
                history=list(conversation.history or []),
                last_text=conversation.last_text or "",
                paused=dict(conversation.paused or {}),
            )
            caller = caller_of(account, loaded.chairs, loaded.grants)
            services = Services(uow=uow, settings=self._settings, dialogs=self._dialogs)
            ctx = Context(caller, state, message, now, services, self._texts)
            if account.privacy_noticed_at is None:
                ctx.say(ctx.t("privacy_notice", **privacy.notice_values(self._settings)))
                await uow.accounts.noticed(account, now)
                # Proof of the notice given (UU 27/2022): which version, when, how.
                await uow.consents.record(
                    how=privacy.SHOWN_IN_CHAT,
                    notice_version=privacy.NOTICE_VERSION,
                    at=now,
                    account_id=account.id,
                )
            with using_zone(self._settings.program.timezone):
                replies = await self._engine.run(ctx)

            conversation.dialog, conversation.step = state.dialog, state.step
            conversation.data, conversation.choices = state.data, state.choices
            conversation.history, conversation.last_text = state.history, state.last_text
            conversation.paused = state.paused
            conversation.account_id = account.id
            conversation.updated_at = now
            # Set only now: a changed row would be flushed by the dialog's first query.
            conversation.burst_started_at, conversation.burst_count = burst.started_at, burst.count
            await uow.conversations.save(conversation, expected_version)
            for note in ctx.notifications:
                await self._queue(uow, note, now)
            return await self._answer(uow, message, account, orphans, replies, now)

    async def _chat(self, uow: UnitOfWork, message: IncomingMessage, now: datetime) -> Loaded:
        """The chat as stored, with who is talking: its account created on first contact
        and the phone the channel verified recorded first (roles follow the phone), then
        read again — one statement in the steady state."""
        channel, chat_id = message.address.channel, message.address.chat_id
        loaded = await uow.conversations.load(channel, chat_id, self._worker_id)
        if loaded.account is None:
            # Or another worker's a moment ago: then its insert stands.
            await uow.accounts.create(
                channel,
                chat_id,
                display_name(message.sender_name, ACCOUNT_NAME_MAX),
                self._settings.program.default_language,
                message.phone or None,
                now,
            )
        elif message.phone and loaded.account.phone != message.phone:
            await uow.accounts.set_phone(loaded.account, message.phone)
        else:
            return loaded
        return await uow.conversations.load(channel, chat_id, self._worker_id)

    async def _orphans(
        self, uow: UnitOfWork, message: IncomingMessage, now: datetime
    ) -> list[tuple[int, Reply]]:
        """Replies to this chat that a dead worker committed but never confirmed sent:
        taken to go before this message's own (see `_answer`)."""
        if message.address.channel in UNLIMITED_CHANNELS:
            return []
        taken = await uow.outbox.take_orphans(
            message.address.channel, message.address.chat_id, self._worker_id, self._grace(now)
        )
        if taken:
            log.info("%d earlier replies of a stopped worker go first", len(taken))
        return [(copy, payload_to_reply(payload)) for copy, payload in taken]

    async def _answer(
        self,
        uow: UnitOfWork,
        message: IncomingMessage,
        account: Account,
        orphans: list[tuple[int, Reply]],
        replies: list[Reply],
        now: datetime,
    ) -> Answer:
        """Keep a sealed copy of each reply in the outbox, commit, and answer — after the
        orphaned replies, so that the chat reads in order."""
        channel, chat_id = message.address.channel, message.address.chat_id
        copies: list[int] = []
        if channel not in UNLIMITED_CHANNELS and replies:
            copies = await uow.outbox.keep_replies(
                account_id=account.id,
                channel=channel,
                chat_id=chat_id,
                payloads=[reply_to_payload(reply) for reply in replies],
                not_before=self._grace(now),
                created_at=now,
                owner=self._worker_id,
            )
        await uow.commit()
        return self._sent_here(orphans, replies, copies)

    def _sent_here(
        self, orphans: list[tuple[int, Reply]], replies: list[Reply], copies: list[int]
    ) -> Answer:
        """The answer a channel sends: orphans first; their copies confirmed as it goes."""
        copies = [copy for copy, _ in orphans] + copies
        replies = [reply for _, reply in orphans] + replies
        if not copies:
            return Answer(replies)
        return Answer(replies, partial(self._delivered, copies))

    def _grace(self, now: datetime) -> datetime:
        """When the outbox sends a copy this worker has not confirmed."""
        return now + timedelta(seconds=self._settings.workers.reply_grace_seconds)

    async def _delivered(self, copies: Sequence[int], count: int | None = None) -> None:
        """The channel sent the first `count` replies (all of them by default): their
        outbox copies are marked sent. Confirmations that arrive while one is being
        written go together in the next transaction (group commit): under load, one
        write for many messages. Returns once its own are written."""
        self._unconfirmed.extend(copies[:count])
        async with self._confirming:
            if not self._unconfirmed:
                return  # written by the confirmation this one waited for
            ids, self._unconfirmed = self._unconfirmed, []
            async with self._uow_factory.single() as uow:
                await uow.outbox.mark_replies_sent(ids, self.clock())
                await uow.commit()

    async def _queue(self, uow: UnitOfWork, note: Notification, now: datetime) -> None:
        recipient = await uow.accounts.get(note.account_id)
        if recipient is None or recipient.opted_out:
            return
        await uow.outbox.enqueue(
            account_id=recipient.id,
            channel=recipient.channel,
            chat_id=recipient.chat_id,
            payload=reply_to_payload(note.reply, note.template, note.template_params),
            kind=note.kind,
            priority=1 if note.reply.urgent else 5,
            dedup_key=note.dedup_key,
            not_before=now,
            created_at=now,
        )

    @asynccontextmanager
    async def _lock(self, address: Address) -> AsyncIterator[None]:
        # One lock per conversation, dropped when nobody holds or waits for it.
        lock, users = self._locks.get(address, (asyncio.Lock(), 0))
        self._locks[address] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[address]
            if users == 1:
                del self._locks[address]
            else:
                self._locks[address] = (lock, users - 1)


def storable(text: str) -> str:
    """Text every database accepts: PostgreSQL refuses NUL, and a lone surrogate (which
    webhook JSON can carry) cannot be encoded as UTF-8 at all."""
    return text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
