"""What every messaging channel adapter offers the rest of the runtime.

An adapter turns the provider's updates into `IncomingMessage`s, hands each to the
conversation service (`Handler`), and sends the replies back; it also delivers outbox
messages (`send`) and may serve webhook routes in the shared web app. Adapters never
import dialogs or storage.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from starlette.routing import BaseRoute

from bot.core.messages import Answer, IncomingMessage
from bot.workers.outbox_sender import Parcel

Handler = Callable[[IncomingMessage], Awaitable[Answer]]


class Channel(Protocol):
    name: str

    def routes(self) -> list[BaseRoute]:
        """Webhook routes for the web app (none for a polling-only channel)."""

    async def start(self) -> None:
        """Connect: register the webhook or start polling, set the command menu."""

    async def stop(self) -> None:
        """Stop polling and close connections; pending replies are finished first."""

    async def send(self, parcel: Parcel) -> str | None:
        """Deliver one outbox message (see bot.workers.outbox_sender for the errors to raise)."""

    async def health(self) -> dict[str, Any]:
        """A small status for GET /healthz, e.g. {"ok": True, "mode": "webhook"}."""
