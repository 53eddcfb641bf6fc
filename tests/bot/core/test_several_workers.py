"""Several workers on one PostgreSQL (issue 13, defects 3 and 4): a new user's first two
messages on two workers hit the accounts' unique key ("internal_error", dropped), and a
chat's messages on several workers were dropped as "busy" or answered against the wrong
state. Now the account is an upsert and each message holds its chat: both are answered,
one after the other, each on the state the other saved."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from itertools import count

import pytest
import pytest_asyncio

from bot.app import App, build_app
from bot.config import Settings
from bot.core.messages import Address, Answer, IncomingMessage
from storage.database import Database
from support.chat import Clock
from support.seeding import TEST_NIK_KEY

pytestmark = pytest.mark.backends("postgresql")

USERS = 20
_ids = count(1)


@pytest_asyncio.fixture
async def second(app: App, database: Database, db_url: str, clock: Clock) -> AsyncIterator[App]:
    """Another worker: its own engine and service on the same schema."""
    other = Database(db_url, schema=database.schema)
    settings = Settings(database={"url": db_url}, program={"messages_per_minute": 10_000})
    try:
        yield await build_app(settings, TEST_NIK_KEY, upgrade=False, clock=clock, database=other)
    finally:
        await other.dispose()


def message(chat_id: str, text: str) -> IncomingMessage:
    return IncomingMessage(
        address=Address("whatsapp", chat_id), message_id=f"w{next(_ids)}", text=text
    )


def texts(answer: Answer) -> str:
    return "\n".join(reply.text for reply in answer.replies)


async def test_a_new_users_first_messages_on_two_workers_are_both_answered(
    app: App, second: App
) -> None:
    pairs = [
        (message(f"62812{n:07d}", "menu"), message(f"62812{n:07d}", "menu")) for n in range(USERS)
    ]
    results = await asyncio.gather(
        *(
            worker.service.handle(m)
            for pair in pairs
            for worker, m in zip((app, second), pair, strict=True)
        )
    )
    answers = [texts(answer) for answer in results]
    assert all("Menu utama" in answer for answer in answers), answers
    async with app.uow_factory() as uow:
        for first, _ in pairs:
            conversation = (
                await uow.conversations.load("whatsapp", first.address.chat_id)
            ).conversation
            assert conversation is not None and conversation.version == 2


async def test_a_burst_of_one_chat_on_two_workers_is_answered_in_turn(
    app: App, second: App
) -> None:
    chat = "6281299990001"
    await app.service.handle(message(chat, "menu"))
    await app.service.handle(message(chat, "Simulasi premi"))
    burst = 6
    workers = [app, second] * (burst // 2)
    results = await asyncio.gather(
        *(worker.service.handle(message(chat, "menu")) for worker in workers)
    )
    answers = [texts(answer) for answer in results]
    assert all("Menu utama" in answer for answer in answers), answers
    async with app.uow_factory() as uow:
        conversation = (await uow.conversations.load("whatsapp", chat)).conversation
    assert conversation is not None and conversation.version == 2 + burst
