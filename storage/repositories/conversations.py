"""Conversation state: held for the message's transaction, saved with a version check.

With several bot workers on one PostgreSQL, a message's transaction first holds its chat
(`hold`, an advisory lock): the chat's next message, on any worker, waits for it and then
reads the state it saved. Every save still checks the version it loaded, so that code
that did not hold the chat can never overwrite a newer state silently (`StaleConversation`).
"""

from __future__ import annotations

import functools
from dataclasses import fields
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    ColumnElement,
    String,
    Table,
    bindparam,
    func,
    select,
    type_coerce,
    update,
)

from bot.core import ports
from storage.models import Account, Conversation, OutboxMessage, Role, Rt, utcnow
from storage.prepared import Prepared, insert_new
from storage.repositories._base import Repository, written
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

# The statements on every message's path, prepared (storage/prepared.py).
_conversations = cast(Table, Conversation.__table__)
_accounts = cast(Table, Account.__table__)
_ACCOUNT_COLUMNS = [_accounts.c[field.name] for field in fields(ports.AccountRow)]
_CONVERSATION_COLUMNS = [_conversations.c[field.name] for field in fields(ports.ConversationRow)]
_CHANNEL, _CHAT = bindparam("channel", type_=String), bindparam("chat", type_=String)
_THIS_CHAT = (_conversations.c.channel == _CHANNEL) & (_conversations.c.chat_id == _CHAT)
# Every state column, if the version is still the one loaded.
_SAVE = Prepared(
    update(_conversations)
    .where(
        _conversations.c.id == bindparam("row_id"),
        _conversations.c.version == bindparam("expected"),
    )
    .values({name: bindparam(name) for name in (*STATE_COLUMNS, "version", "updated_at")})
)
_HOLD = select(func.pg_advisory_xact_lock(bindparam("space"), func.hashtext(bindparam("key"))))
_CONVERSATION = Prepared(select(*_CONVERSATION_COLUMNS).where(_THIS_CHAT))
_START = insert_new(
    _conversations,
    {
        "channel": _CHANNEL,
        "chat_id": _CHAT,
        "account_id": bindparam("account_id"),
        "dialog": "menu",
        "step": "main",
        "data": {},
        "choices": [],
        "history": [],
        "last_text": "",
        "paused": {},
        "burst_started_at": None,
        "burst_count": 0,
        "version": 0,
        "updated_at": bindparam("at"),
    },
    ["channel", "chat_id"],
)


@functools.cache
def _load_statement(worker: int | None, postgresql: bool) -> Prepared:
    """The chat's load, built once per worker and backend (building a statement costs
    more than running it): the account's columns, then the conversation's (all NULL
    when it has none yet), the caller's grants and RT chairs, then — with a worker —
    whether orphans wait."""
    join: ColumnElement[bool] = (_conversations.c.channel == _accounts.c.channel) & (
        _conversations.c.chat_id == _accounts.c.chat_id
    )
    query = (
        select(*_ACCOUNT_COLUMNS, *_CONVERSATION_COLUMNS, *_who(postgresql))
        .select_from(_accounts.outerjoin(_conversations, join))
        .where(_accounts.c.channel == _CHANNEL, _accounts.c.chat_id == _CHAT)
    )
    if worker is not None:
        unsent = select(OutboxMessage.id).where(orphaned(_CHANNEL, _CHAT, worker, postgresql))
        query = query.add_columns(unsent.exists())
    return Prepared(query)


def _who(postgresql: bool) -> tuple[ColumnElement[Any], ColumnElement[Any]]:
    """Who is talking, in the same statement: the grants of the account and of its
    verified phone as a JSON array of [id, role, name, scope kind, scope code], and the
    RTs that phone chairs as one of [id, chair name] (SQLite's and PostgreSQL's JSON
    functions differ in name only)."""
    array = func.json_build_array if postgresql else func.json_array
    aggregate = func.json_agg if postgresql else func.json_group_array
    roles, rts = cast(Table, Role.__table__), cast(Table, Rt.__table__)
    grant = array(roles.c.id, roles.c.role, roles.c.name, roles.c.scope_kind, roles.c.scope_code)
    held = (roles.c.account_id == _accounts.c.id) | (roles.c.phone == _accounts.c.phone)
    chair = array(rts.c.id, rts.c.chair_name)
    return (
        type_coerce(select(aggregate(grant)).where(held).scalar_subquery(), JSON),
        type_coerce(
            select(aggregate(chair))
            .where(rts.c.chair_phone == _accounts.c.phone)
            .scalar_subquery(),
            JSON,
        ),
    )


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
        if self.postgresql:
            # The message's first statement, through SQLAlchemy's own execution on purpose:
            # it recognises a connection the server dropped (the pool does not ping) and
            # has the pool replace it — the service then runs the message again.
            await self.session.execute(
                _HOLD, {"space": CONVERSATION_LOCKS, "key": f"{channel}:{chat_id}"}
            )

    async def load(self, channel: str, chat_id: str, worker: int | None = None) -> ports.Loaded:
        """The chat's account and conversation as plain rows, in one statement (the
        per-message path) — with `worker`, also whether the chat has reply copies nobody
        is sending (orphans, which that worker then takes: storage/repositories/outbox.py)."""
        statement = _load_statement(worker, self.postgresql)
        rows = (await statement.run(self.session, channel=channel, chat=chat_id)).rows
        if not rows:
            return ports.Loaded(None, None, False)
        row = rows[0]
        accounts, conversations = len(_ACCOUNT_COLUMNS), len(_CONVERSATION_COLUMNS)
        account = ports.AccountRow(*row[:accounts])
        state = row[accounts : accounts + conversations]
        conversation = None if state[0] is None else ports.ConversationRow(*state)
        grants, chairs = row[accounts + conversations : accounts + conversations + 2]
        return ports.Loaded(
            account,
            conversation,
            worker is not None and bool(row[-1]),
            # In the order they were made (an aggregate keeps no order of its own).
            grants=tuple(ports.Grant(*grant[1:]) for grant in sorted(grants or [])),
            chairs=tuple(ports.RtChair(*chair) for chair in sorted(chairs or [])),
        )

    async def start(
        self, channel: str, chat_id: str, account_id: int, at: datetime
    ) -> ports.ConversationRow:
        """A new conversation at the main menu — or the one another worker started for
        this chat a moment ago (never a unique-key error)."""
        await _START.run(self.session, channel=channel, chat=chat_id, account_id=account_id, at=at)
        rows = (await _CONVERSATION.run(self.session, channel=channel, chat=chat_id)).rows
        assert rows, "inserted now or by the worker that won"
        return ports.ConversationRow(*rows[0])

    async def save(self, conversation: ports.Conversation, expected_version: int) -> None:
        """Write every state column if the stored version is still `expected_version`,
        and bump it; raise `StaleConversation` otherwise."""
        values: dict[str, Any] = {name: getattr(conversation, name) for name in STATE_COLUMNS}
        values["version"] = expected_version + 1
        # The message's moment, as the service set it (retention measures idle time on
        # the same clock as everything else); now when nobody set it.
        values["updated_at"] = conversation.updated_at or utcnow()
        done = await _SAVE.run(
            self.session, **values, row_id=conversation.id, expected=expected_version
        )
        if done.rowcount != 1:
            raise StaleConversation(conversation.id, expected_version)
        written(conversation, values)
