"""`kampung-bahagia serve`: the web app (webhooks, health check) under uvicorn, the
channels, and the background workers, started together and stopped together.

SIGTERM or SIGINT stops it gracefully: the server stops accepting and finishes the
requests in flight (uvicorn), the workers finish their round, the channels finish the
updates they took and their replies — each within a bounded time — and the process
exits 0."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import signal
import threading
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol

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


# How long the workers get to finish their round after the stop signal.
WORKERS_GRACE = 20.0
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Server(uvicorn.Server):
    """uvicorn, minus one habit: its own signal capture raises the signal again once
    `serve()` returns, which kills the process before the channels and workers stop.
    Here the signal only asks the server to stop; the rest of `serve` below runs."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {sig: signal.signal(sig, self.handle_exit) for sig in STOP_SIGNALS}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


class Worker(Protocol):
    async def run(self, stop: asyncio.Event) -> None: ...


class Reporting(Protocol):
    async def health(self) -> dict[str, Any]: ...


async def serve(
    settings: Settings,
    channels: Sequence[Channel],
    workers: Sequence[Worker],
    database_ok: object,
    reports: Mapping[str, Reporting] | None = None,
) -> None:
    health = {name: part.health for name, part in (reports or {}).items()}
    web = build_web_app(channels, database_ok, health)  # type: ignore[arg-type]
    config = uvicorn.Config(
        web, host=settings.web.host, port=settings.web.port, lifespan="off", log_level="info"
    )
    server = Server(config)
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactSecrets) for f in access.filters):
        access.addFilter(RedactSecrets())
    stop = asyncio.Event()
    for channel in channels:
        await channel.start()
        log.info("channel %s started", channel.name)
    tasks = [asyncio.create_task(worker.run(stop)) for worker in workers]
    try:
        # Returns on SIGINT/SIGTERM, once the requests in flight are answered.
        await server.serve()
    finally:
        log.info("stopping: finishing the workers' round and the channels' updates")
        stop.set()
        _, late = await asyncio.wait(tasks, timeout=WORKERS_GRACE) if tasks else ((), ())
        for task in late:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for channel in reversed(channels):
            await channel.stop()
        log.info("stopped")
