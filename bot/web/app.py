"""The one ASGI app (Starlette) that hosts the channels' webhooks and the health check."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from bot.channels.base import Channel

Report = Callable[[], Awaitable[dict[str, Any]]]


def build_web_app(
    channels: Sequence[Channel],
    database_ok: Callable[[], Awaitable[bool]],
    reports: Mapping[str, Report] | None = None,
) -> Starlette:
    """`reports`: more parts of GET /healthz (the outbox's backlog), each with its "ok"."""

    async def healthz(request: Request) -> JSONResponse:
        report: dict[str, Any] = {"database": {"ok": await database_ok()}}
        for name, part in (reports or {}).items():
            try:
                report[name] = await part()
            except Exception as exc:  # reported, not raised
                report[name] = {"ok": False, "error": type(exc).__name__}
        for channel in channels:
            try:
                report[channel.name] = await channel.health()
            except Exception as exc:  # a broken channel is reported, not raised
                report[channel.name] = {"ok": False, "error": type(exc).__name__}
        healthy = all(part.get("ok") for part in report.values())
        return JSONResponse({"ok": healthy, **report}, status_code=200 if healthy else 503)

    routes: list[BaseRoute] = [Route("/healthz", healthz, methods=["GET"])]
    for channel in channels:
        routes.extend(channel.routes())
    return Starlette(routes=routes)
