"""`kampung-bahagia serve`: the web app (webhooks, health check) under uvicorn, the
channels, and the background workers, started together and stopped together."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Sequence
from typing import Protocol

import uvicorn

from bot.channels.base import Channel
from bot.config import Settings
from bot.web.app import build_web_app

log = logging.getLogger(__name__)

# Query parameters that are secrets: Meta's verification request carries the verify token.
_SECRET_PARAMETER = re.compile(r"(hub\.verify_token=)[^&\s]*")


class RedactSecrets(logging.Filter):
    """Keeps secrets in request URLs out of uvicorn's access log."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                _SECRET_PARAMETER.sub(r"\1***", arg) if isinstance(arg, str) else arg
                for arg in record.args
            )
        return True


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
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactSecrets) for f in access.filters):
        access.addFilter(RedactSecrets())
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
