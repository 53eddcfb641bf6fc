"""Conversation state: held for the message's transaction, saved with a version check.

With several bot workers on one PostgreSQL, a message's transaction first holds its chat
(`hold`, an advisory lock): the chat's next message, on any worker, waits for it and then
reads the state it saved. Every save still checks the version it loaded, so that code
that did not hold the chat can never overwrite a newer state silently (`StaleConversation`).
"""

from __future__ import annotations

import functools
from typing import Any, cast

from sqlalchemy import CursorResult, Executable, String, Table, bindparam, select, text, update
from sqlalchemy.orm.attributes import set_committed_value

from bot.core import ports
from storage.models import Account, Conversation, OutboxMessage, utcnow
from storage.repositories._base import Repository
from storage.repositories.outbox import orphaned

# Everything the dialog engine may change; `version` and `updated_at` are set by `save`.
STATE_COLUMNS = (
    "dialog",
    "step",
    "data",
    "choices",
    "history",
    "last_text",
    "paused",
    "account_id",
    "burst_started_at",
    "burst_count",
)

# The first key of the conversations' advisory locks (the second is the chat's hash):
# other locks of the bot use other spaces.
CONVERSATION_LOCKS = 0x4B42


# The write on every message's path, built once as a Core statement (no ORM coercion of
# each value): every state column, if the version is still the one loaded.
_conversations = cast(Table, Conversation.__table__)
_SAVE = (
    update(_conversations)
    .where(
        _conversations.c.id == bindparam("row_id"),
        _conversations.c.version == bindparam("expected"),
    )
    .values({name: bindparam(name) for name in (*STATE_COLUMNS, "version", "updated_at")})
)


@functools.cache
def _load_statement(worker: int | None, postgresql: bool) -> Executable:
    """The chat's load, built once per worker and backend (building a statement costs
    more than running it)."""
    channel, chat = bindparam("channel", type_=String), bindparam("chat", type_=String)
    query = (
        select(Account, Conversation)
        .outerjoin(
            Conversation,
            (Conversation.channel == Account.channel) & (Conversation.chat_id == Account.chat_id),
        )
        .where(Account.channel == channel, Account.chat_id == chat)
    )
    if worker is None:
        return query
    unsent = select(OutboxMessage.id).where(orphaned(channel, chat, worker, postgresql)).exists()
    return query.add_columns(unsent)


class StaleConversation(Exception):
    """Someone else saved this conversation since it was loaded."""

    def __init__(self, conversation_id: int, expected_version: int) -> None:
        super().__init__(
            f"conversation {conversation_id} is no longer at version {expected_version}"
        )
        self.conversation_id = conversation_id
        self.expected_version = expected_version


class ConversationRepository(Repository):
    async def get(self, channel: str, chat_id: str) -> Conversation | None:
        query = select(Conversation).where(
            Conversation.channel == channel, Conversation.chat_id == chat_id
        )
        return await self.session.scalar(query)

    async def add(self, conversation: Conversation) -> Conversation:
        """Insert a new conversation (version 0); two inserts for one chat conflict on
        the unique (channel, chat_id) constraint, so only one process wins."""
        self.session.add(conversation)
        await self.session.flush()
        return conversation

    async def hold(self, channel: str, chat_id: str) -> None:
        """Take this chat's conversation for the rest of the transaction: on PostgreSQL an
        advisory lock, so that a worker handling the chat's next message waits for this
        one to commit and then reads its state (one message at a time per chat across
        workers, in the order they took the lock; never "busy"). SQLite serves one
        process, whose conversation service already takes them one at a time."""
        if not self.postgresql:
            return
        await self.session.execute(
            text("SELECT pg_advisory_xact_lock(:space, hashtext(:chat))"),
            {"space": CONVERSATION_LOCKS, "chat": f"{channel}:{chat_id}"},
        )

    async def load(self, channel: str, chat_id: str, worker: int | None = None) -> ports.Loaded:
        """The chat's account and conversation in one round trip (the per-message hot
        path: every statement costs a trip to the database thread) — with `worker`, also
        whether the chat has reply copies nobody is sending (orphans, which that worker
        then takes: storage/repositories/outbox.py)."""
        query = _load_statement(worker, self.postgresql)
        row = (await self.session.execute(query, {"channel": channel, "chat": chat_id})).first()
        if row is None:
            return ports.Loaded(None, None, False)
        return ports.Loaded(row[0], row[1], worker is not None and bool(row[-1]))

    async def start(self, channel: str, chat_id: str, account_id: int) -> Conversation:
        """A new conversation at the main menu — or the one another worker started for
        this chat a moment ago (never a unique-key error)."""
        statement = (
            self.insert(Conversation)
            .values(
                channel=channel,
                chat_id=chat_id,
                account_id=account_id,
                dialog="menu",
                step="main",
                data={},
                choices=[],
                history=[],
                last_text="",
                paused={},
                burst_count=0,
                version=0,
            )
            .on_conflict_do_nothing(index_elements=["channel", "chat_id"])
        )
        await self.session.execute(statement)
        query = select(Conversation).where(
            Conversation.channel == channel, Conversation.chat_id == chat_id
        )
        conversation = await self.session.scalar(query)
        assert conversation is not None, "inserted now or by the worker that won"
        return conversation

    async def save(self, conversation: ports.Conversation, expected_version: int) -> None:
        """Write every state column if the stored version is still `expected_version`,
        and bump it; raise `StaleConversation` otherwise."""
        values: dict[str, Any] = {name: getattr(conversation, name) for name in STATE_COLUMNS}
        values["version"] = expected_version + 1
        # The message's moment, as the service set it (retention measures idle time on
        # the same clock as everything else); now when nobody set it.
        values["updated_at"] = conversation.updated_at or utcnow()
        # No autoflush: a plain ORM UPDATE of the same row must not bypass the check.
        with self.session.no_autoflush:
            result = await self.session.execute(
                _SAVE, {**values, "row_id": conversation.id, "expected": expected_version}
            )
        if cast(CursorResult[Any], result).rowcount != 1:
            raise StaleConversation(conversation.id, expected_version)
        # The row now holds these values: tell the ORM so it does not write them again.
        for name, value in values.items():
            set_committed_value(conversation, name, value)
