"""The bot's WhatsApp channel against the fake Graph API (tests/support/fake_graph.py):
`graph` is the fake, `whatsapp` the running channel with an HTTP client on the web app.
Fixtures, imported by the conftest of each test package that talks WhatsApp."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import pytest_asyncio

from bot.app import App
from bot.channels.whatsapp.channel import WhatsAppChannel
from bot.config import WhatsAppSettings
from bot.web.app import build_web_app
from bot.workers.delivery_status import OutboxStatusRecorder
from support.chat import Clock
from support.fake_graph import (
    ACCESS_TOKEN,
    APP_SECRET,
    PHONE_NUMBER_ID,
    TEMPLATES,
    VERIFY_TOKEN,
    FakeGraph,
    WhatsAppBot,
    running,
)


@pytest.fixture
def graph() -> Iterator[FakeGraph]:
    with running() as fake:
        yield fake


@pytest_asyncio.fixture
async def whatsapp(app: App, graph: FakeGraph, clock: Clock) -> AsyncIterator[WhatsAppBot]:
    settings = WhatsAppSettings(
        api_base_url=graph.base_url,
        phone_number_id=PHONE_NUMBER_ID,
        access_token=ACCESS_TOKEN,
        app_secret=APP_SECRET,
        verify_token=VERIFY_TOKEN,
        templates=TEMPLATES,
    )
    channel = WhatsAppChannel(
        settings,
        app.service.handle,
        status_sink=OutboxStatusRecorder(app.uow_factory, clock, pause=0.05),
        clock=clock,
        seconds_per_person=0,
        timeout=2.0,
        reply_retry_seconds=0.01,
    )
    web = build_web_app([channel], app.database.ping)
    transport = httpx.ASGITransport(app=web)
    async with httpx.AsyncClient(transport=transport, base_url="http://bot") as client:
        yield WhatsAppBot(channel, client, graph, app)
    await channel.stop()
