"""`kampung-bahagia serve`: the web app (webhooks, health check) under uvicorn, the
channels, and the background workers, started together and stopped together."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Protocol

import uvicorn

from bot.channels.base import Channel
from bot.config import Settings
from bot.web.app import build_web_app

log = logging.getLogger(__name__)


class Worker(Protocol):
    async def run(self, stop: asyncio.Event) -> None: ...


async def serve(
    settings: Settings,
    channels: Sequence[Channel],
    workers: Sequence[Worker],
    database_ok: object,
) -> None:
    web = build_web_app(channels, database_ok)  # type: ignore[arg-type]
    config = uvicorn.Config(
        web, host=settings.web.host, port=settings.web.port, lifespan="off", log_level="info"
    )
    server = uvicorn.Server(config)
    stop = asyncio.Event()
    for channel in channels:
        await channel.start()
        log.info("channel %s started", channel.name)
    tasks = [asyncio.create_task(worker.run(stop)) for worker in workers]
    try:
        # Returns on SIGINT/SIGTERM (uvicorn handles the signals).
        await server.serve()
    finally:
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)
        for channel in reversed(channels):
            await channel.stop()
