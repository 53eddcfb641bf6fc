"""Talking to the Graph API: sending, media upload and download, error meaning, pacing.

Errors are classified by Meta's error code (never by title, which Meta may reword):

| code | meaning | our reaction |
|---|---|---|
| 131047, 470 | more than 24 h since the person wrote | `NeedsTemplate` |
| 130429, 131056, 131048, 80007, 4 | throughput, pair or spam rate limit | `RetryLater` with a wait |
| 131049 | Meta held it back for healthy engagement | `RetryLater` after hours |
| 131026 | undeliverable: no WhatsApp, blocked, old app, terms not accepted | `Unreachable` |
| 190, 0, 10, 200–299 | access token or permission problem (ours) | `RetryLater` after 15 min |
| 131000, 131016, 1, 2, HTTP 5xx, timeouts | Meta or the network had a problem | `RetryLater` |
| anything else (131008 missing parameter, 131009, 131051, 132xxx template …) | a bad request | `Undeliverable` |

Pacing: one phone number may send `messages_per_second` overall (80 by default), and
Meta refuses bursts to one person (131056): bulk messages to the same person are kept
about six seconds apart. Replies and urgent alerts only wait for the overall rate.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import httpx

from bot.channels.pace import LocalPace, SendPace, take_slot
from bot.core.messages import Document
from bot.workers.delivery_status import NEEDS_TEMPLATE, RETRY, UNDELIVERABLE, UNREACHABLE
from bot.workers.outbox_sender import RetryLater, Undeliverable, Unreachable

log = logging.getLogger(__name__)

NEEDS_TEMPLATE_CODES = frozenset({131047, 470})
UNREACHABLE_CODES = frozenset({131026})
RATE_LIMITS = {
    130429: timedelta(seconds=30),
    131056: timedelta(seconds=60),
    80007: timedelta(minutes=5),
    4: timedelta(minutes=5),
    131048: timedelta(hours=1),
    131049: timedelta(hours=6),
}
AUTH_CODES = frozenset({0, 10, 190, *range(200, 300)})
AUTH_WAIT = timedelta(minutes=15)
PASSING_CODES = frozenset({1, 2, 131000, 131016})
TIMEOUT = httpx.Timeout(20.0, connect=10.0)
# Calls to the Graph API at once, each on a kept-alive connection of its own. More would
# wait inside httpx's pool, which looks through every waiting call and connection on
# each change — under load most of serve's time (issue 14); here they wait in a
# semaphore instead, and no connection is opened and closed again per call.
GRAPH_CONNECTIONS = 32
MAX_DOWNLOAD = 20 * 1024 * 1024  # Meta's documents are at most 100 MB; an RT list is small


class NeedsTemplate(Exception):
    """Meta refused a free-form message because the 24-hour window is closed."""


class GraphError(Exception):
    def __init__(self, code: int | None, status: int, message: str) -> None:
        super().__init__(f"WhatsApp error {code} (HTTP {status}): {message}")
        self.code = code
        self.status = status


def classify(code: int | None, status: int = 400) -> tuple[str, timedelta | None]:
    """(outcome, wait) for an error code; the outcomes are those of bot.delivery_status."""
    if code in NEEDS_TEMPLATE_CODES:
        return NEEDS_TEMPLATE, None
    if code in UNREACHABLE_CODES:
        return UNREACHABLE, None
    if code in RATE_LIMITS:
        return RETRY, RATE_LIMITS[code]
    if code in AUTH_CODES:
        return RETRY, AUTH_WAIT
    if code in PASSING_CODES or status >= 500 or status == 429:
        return RETRY, None
    return UNDELIVERABLE, None


def as_outbox_error(error: GraphError) -> Exception:
    """The exception the outbox worker understands (see bot.workers.outbox_sender)."""
    outcome, wait = classify(error.code, error.status)
    if outcome == NEEDS_TEMPLATE:
        return NeedsTemplate(str(error))
    if outcome == UNREACHABLE:
        return Unreachable(str(error))
    if outcome == RETRY:
        if error.code in AUTH_CODES:
            log.error("WhatsApp refused our access token or permissions: %s", error)
        return RetryLater(str(error), after=wait)
    return Undeliverable(str(error))


class GraphClient:
    """The few Graph API calls the bot makes, over one pooled HTTP client."""

    def __init__(
        self,
        base_url: str,
        api_version: str,
        phone_number_id: str,
        access_token: str,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: httpx.Timeout | float = TIMEOUT,
    ) -> None:
        self._root = f"{base_url.rstrip('/')}/{api_version.strip('/')}"
        self._phone_number_id = phone_number_id
        self._http = httpx.AsyncClient(
            headers={"Authorization": f"Bearer {access_token}"},
            timeout=timeout,
            transport=transport,
            limits=httpx.Limits(
                max_connections=GRAPH_CONNECTIONS, max_keepalive_connections=GRAPH_CONNECTIONS
            ),
        )
        self._calls = asyncio.Semaphore(GRAPH_CONNECTIONS)

    async def close(self) -> None:
        await self._http.aclose()

    async def send(self, recipient: str, body: dict[str, Any]) -> str:
        """Send one message; returns its wamid."""
        message = {"messaging_product": "whatsapp", "recipient_type": "individual"}
        # A business-scoped user id ("ID.123…") goes in `recipient`, a number in `to`.
        message["recipient" if "." in recipient else "to"] = recipient
        data = await self._call(
            "POST", f"/{self._phone_number_id}/messages", json={**message, **body}
        )
        try:
            return str(data["messages"][0]["id"])
        except (KeyError, IndexError, TypeError):
            raise GraphError(None, 502, "no message id in the response") from None

    async def upload(self, doc: Document) -> str:
        """Upload a file for sending; returns the media id."""
        data = await self._call(
            "POST",
            f"/{self._phone_number_id}/media",
            data={"messaging_product": "whatsapp", "type": doc.mime_type},
            files={"file": (doc.file_name, doc.data, doc.mime_type)},
        )
        if not data.get("id"):
            raise GraphError(None, 502, "no media id in the response")
        return str(data["id"])

    async def download(self, media_id: str) -> bytes:
        """A file a user sent: its URL first, then the bytes (both need the token)."""
        info = await self._call("GET", f"/{media_id}")
        if int(info.get("file_size") or 0) > MAX_DOWNLOAD:
            raise GraphError(None, 413, "file too large")
        try:
            async with self._calls:
                response = await self._http.get(str(info["url"]))
        except KeyError:
            raise GraphError(None, 502, "no media URL in the response") from None
        except httpx.HTTPError as exc:
            raise GraphError(None, 503, f"{type(exc).__name__}: {exc}") from exc
        if response.status_code != 200:
            raise GraphError(None, response.status_code, "media download failed")
        return response.content[: MAX_DOWNLOAD + 1]

    async def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            async with self._calls:
                response = await self._http.request(method, self._root + path, **kwargs)
        except httpx.HTTPError as exc:
            # Timeouts and refused connections: a passing problem (HTTP 503 semantics).
            raise GraphError(None, 503, f"{type(exc).__name__}: {exc}") from exc
        try:
            data = response.json()
        except ValueError:
            data = {}
        if response.status_code >= 400 or not isinstance(data, dict) or "error" in data:
            error = data.get("error") if isinstance(data, dict) else None
            error = error if isinstance(error, dict) else {}
            code = error.get("code")
            details = (error.get("error_data") or {}).get("details") or ""
            text = " ".join(
                str(x) for x in (error.get("message") or response.reason_phrase, details) if x
            )
            raise GraphError(code if isinstance(code, int) else None, response.status_code, text)
        return data


Sleep = Callable[[float], Awaitable[Any]]


class Pacer:
    """Spaces sends out: `rate` per second overall — for the whole deployment when the
    `pace` is shared — and `per_person` seconds between two bulk messages to the same
    person (bulk goes only through the outbox, which only the leader sends).

    The overall slot is reserved only once the person's gap has passed, so a bulk
    message waiting for its person holds back nobody else; a send woken too late for
    its slot takes another (bot/channels/pace.py)."""

    def __init__(
        self,
        rate: float,
        per_person: float = 6.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Sleep = asyncio.sleep,
        pace: SendPace | None = None,
        key: str = "whatsapp",
    ) -> None:
        self._interval = 1.0 / rate
        self._per_person = per_person
        self._clock = clock
        self._sleep = sleep
        self._pace = pace or LocalPace(clock)
        self._key = key
        self._last_bulk: dict[str, float] = {}

    async def wait(self, recipient: str, bulk: bool) -> None:
        if bulk and self._per_person > 0:
            last = self._last_bulk.get(recipient)
            if last is not None and last + self._per_person > self._clock():
                await self._sleep(last + self._per_person - self._clock())
        await take_slot(self._pace, self._key, self._interval, self._clock, self._sleep)
        if bulk and self._per_person > 0:
            now = self._clock()
            self._last_bulk[recipient] = now
            self._forget_before(now - self._per_person)

    def _forget_before(self, moment: float) -> None:
        if len(self._last_bulk) > 10_000:
            for key in [k for k, t in self._last_bulk.items() if t < moment]:
                del self._last_bulk[key]
