"""The WhatsApp channel: the Cloud API webhook in, Graph API messages out.

`GET /whatsapp/webhook` answers Meta's verification; `POST /whatsapp/webhook` checks the
signature over the raw body before reading anything, handles the messages — a person's
one after another in the order they came, different people side by side (ChatQueues) —
and answers 200 once every message of the notification is handled, committed and its
replies sent. Meta does not deliver again what got a 200, so nothing is acknowledged
before it is stored; a worker that dies before answering gets the notification again
(its own or another worker's), and the conversation service drops what it already did
(the wamid is the message id) but sends the replies the dead worker never confirmed. The
chat's next message, which may reach another worker, thus never overtakes these replies. Delivery receipts go to the `status_sink`
in the background (`drain()` waits for those and for the replies).

Outbox messages (`send`) respect the 24-hour window: inside it they go as normal
messages; outside it — or when Meta answered 131047 — as the approved template for their
purpose (see whatsapp_templates); free text is never tried outside the window.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from typing import Any

import httpx
from pydantic import SecretStr
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from bot.channels.chat_queues import ChatQueues, Then
from bot.channels.pace import SendPace
from bot.channels.whatsapp.render import MediaPart, Part, media_message, render
from bot.channels.whatsapp.send import (
    TIMEOUT,
    GraphClient,
    GraphError,
    NeedsTemplate,
    Pacer,
    as_outbox_error,
    classify,
)
from bot.channels.whatsapp.templates import TemplateProblem, choose, template_message, window_open
from bot.channels.whatsapp.webhook import (
    CHANNEL,
    SIGNATURE_HEADER,
    Inbound,
    parse_notification,
    signature_is_valid,
    subscription_challenge,
)
from bot.config import WhatsAppSettings
from bot.core.messages import (
    REPLY_KIND,
    Answer,
    Attachment,
    IncomingMessage,
    Reply,
    payload_to_reply,
)
from bot.web.body import BodyTooLarge, read_limited
from bot.workers.delivery_status import TEMPLATE_REQUIRED_KEY, StatusSink, StatusUpdate
from bot.workers.outbox_sender import Parcel, RetryLater, Undeliverable

log = logging.getLogger(__name__)

Handler = Callable[[IncomingMessage], Awaitable[Answer]]
WEBHOOK_PATH = "/whatsapp/webhook"
# Outbox kinds that go out as fast as the number allows, never paced per person: the
# alerts, and the replies to someone who just wrote (which the outbox sends when their
# worker could not, or to keep a chat's replies in order).
URGENT_KINDS = frozenset({"accident", "accident_reminder", REPLY_KIND})
REPLY_ATTEMPTS = 3
REPLY_MAX_WAIT = 30.0
# Chats handled at the same time; more wait their turn (the database is the bottleneck).
CONCURRENT_CHATS = 16
# How long a stop waits for the messages taken and their replies.
STOP_GRACE = 30.0
# Sends leave a slot apart but reach Meta bunched by network and scheduling delays: on
# a loaded machine up to ~10% more fell in one second than were paced for it
# (benchmarks/scale_out.py), so the pace keeps this far below the number's limit.
PACE_HEADROOM = 0.1
# Meta's notifications are small (a batch stays well under 3 MB); anything larger is
# refused before it is read, and before its signature is checked.
MAX_NOTIFICATION_BYTES = 3 * 1024 * 1024


class WhatsAppChannel:
    name = CHANNEL

    def __init__(
        self,
        settings: WhatsAppSettings,
        handle: Handler,
        *,
        status_sink: StatusSink | None = None,
        clock: Callable[[], datetime] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        seconds_per_person: float = 6.0,
        timeout: float | None = None,
        reply_retry_seconds: float = 2.0,
        pace: SendPace | None = None,
    ) -> None:
        self._settings = settings
        self._handle = handle
        self.status_sink = status_sink
        self._clock = clock or (lambda: datetime.now(UTC))
        self._transport = transport
        self._timeout = timeout
        self._reply_retry = reply_retry_seconds
        # The number's throughput is the limit: one pace per phone number id, kept
        # PACE_HEADROOM below it, as Meta counts the sends as they arrive.
        key = f"whatsapp:{settings.phone_number_id}"
        rate = settings.messages_per_second * (1 - PACE_HEADROOM)
        self._pacer = Pacer(rate, seconds_per_person, pace=pace, key=key)
        self._graph_client: GraphClient | None = None
        self._chats: ChatQueues[Inbound] = ChatQueues(self._process, CONCURRENT_CHATS)
        self._receipts: set[asyncio.Task[None]] = set()

    # --- the Channel protocol ---------------------------------------------------------

    def routes(self) -> list[BaseRoute]:
        return [Route(WEBHOOK_PATH, self._webhook, methods=["GET", "POST"])]

    async def start(self) -> None:
        for key in ("app_secret", "verify_token"):
            if not _secret(getattr(self._settings, key)):
                log.error("whatsapp.%s is not set: the webhook refuses every request", key)
        self._graph()

    async def stop(self) -> None:
        await self.drain(STOP_GRACE)
        if self._graph_client is not None:
            await self._graph_client.close()
            self._graph_client = None

    async def health(self) -> dict[str, Any]:
        configured = bool(
            _secret(self._settings.app_secret) and _secret(self._settings.verify_token)
        )
        return {"ok": configured, "mode": "webhook", "queued": self.queued()}

    async def send(self, parcel: Parcel) -> str | None:
        """Deliver one outbox message; returns the wamid of its first WhatsApp message."""
        payload = parcel.payload
        bulk = not payload.get("urgent") and parcel.kind not in URGENT_KINDS
        if self._window_open(parcel):
            try:
                return await self._send_reply(parcel.chat_id, payload_to_reply(payload), bulk)
            except NeedsTemplate:
                log.info("outbox message %s: window closed, sending the template", parcel.id)
        try:
            spec, params = choose(self._settings.templates, payload, parcel.kind)
        except TemplateProblem as exc:
            raise Undeliverable(str(exc)) from None
        try:
            return await self._send_part(parcel.chat_id, template_message(spec, params), bulk)
        except NeedsTemplate as exc:  # cannot happen for a template; never loop
            raise Undeliverable(str(exc)) from None

    # --- webhook ------------------------------------------------------------------------

    async def _webhook(self, request: Request) -> Response:
        if request.method == "GET":
            challenge = subscription_challenge(
                request.query_params, _secret(self._settings.verify_token)
            )
            if challenge is None:
                log.warning("WhatsApp webhook verification refused")
                return PlainTextResponse("forbidden", status_code=403)
            return PlainTextResponse(challenge)
        try:
            body = await read_limited(request, MAX_NOTIFICATION_BYTES)
        except BodyTooLarge:
            log.warning("WhatsApp webhook refused: body over %d bytes", MAX_NOTIFICATION_BYTES)
            return PlainTextResponse("too large", status_code=413)
        secret = _secret(self._settings.app_secret)
        if not signature_is_valid(secret, body, request.headers.get(SIGNATURE_HEADER)):
            log.warning("WhatsApp webhook refused: missing or wrong signature")
            return PlainTextResponse("forbidden", status_code=403)
        try:
            payload = json.loads(body)
        except ValueError:
            # Signed but not JSON: Meta would only retry it. Acknowledged and logged
            # (without the body, which may hold personal data).
            log.warning("WhatsApp webhook: a signed body that is not JSON (%d bytes)", len(body))
            return PlainTextResponse("ok")
        notification = parse_notification(payload, classify)
        for status in notification.statuses:
            self._receipt(status)
        handled = [
            self._chats.submit(inbound.message.address.chat_id, inbound, answered=True)
            for inbound in notification.messages
        ]
        # Acknowledged once handled, committed and answered (see the module).
        await asyncio.gather(*handled)
        return PlainTextResponse("ok")

    def _receipt(self, status: StatusUpdate) -> None:
        if self.status_sink is None:
            return
        task = asyncio.create_task(self._record_receipt(self.status_sink, status))
        self._receipts.add(task)
        task.add_done_callback(self._receipts.discard)

    async def _record_receipt(self, sink: StatusSink, status: StatusUpdate) -> None:
        try:
            await sink(status)
        except Exception:
            log.exception("WhatsApp status for %s failed", status.provider_message_id)

    async def drain(self, within: float | None = None) -> None:
        """Wait until every received update has been handled and answered (at most
        `within` seconds)."""
        await self._chats.finish(STOP_GRACE if within is None else within)
        if self._receipts:
            await asyncio.wait(set(self._receipts), timeout=within)

    def queued(self) -> int:
        return self._chats.busy() + len(self._receipts)

    async def _process(self, inbound: Inbound) -> Then:
        """Handle one message; returns the sending of its replies (ChatQueues runs it
        after the slot is free). Never raises: a failure is logged."""
        message = inbound.message
        try:
            if inbound.media_id:
                try:
                    data = await self._graph().download(inbound.media_id)
                    attachment = Attachment(inbound.file_name, inbound.mime_type, data)
                    message = replace(message, attachment=attachment)
                except GraphError as exc:
                    log.warning("file of message %s not downloaded: %s", message.message_id, exc)
            answer = await self._handle(message)
        except Exception:
            log.exception("WhatsApp message %s failed", message.message_id)
            return None
        return partial(self._respond, message, answer)

    async def _respond(self, message: IncomingMessage, answer: Answer) -> None:
        for sent, reply in enumerate(answer.replies, start=1):
            try:
                await self._deliver(message.address.chat_id, reply)
            except Exception as exc:
                # Left to the outbox, which holds a copy of every reply and sends it
                # after the grace period, with its own retries.
                log.warning("reply to message %s not delivered: %s", message.message_id, exc)
                return
            # Each as it goes: a crash then repeats at most the reply in flight.
            await answer.delivered(sent)

    async def _deliver(self, chat_id: str, reply: Reply) -> None:
        """A reply to someone who just wrote. A part Meta asks us to send again is retried
        here a few times (a reply has no outbox row to come back to); parts already sent
        are not repeated."""
        for part in render(reply):
            for attempt in range(1, REPLY_ATTEMPTS + 1):
                try:
                    await self._send_part(chat_id, part, bulk=False)
                    break
                except RetryLater as exc:
                    if attempt == REPLY_ATTEMPTS:
                        raise
                    wait = self._reply_retry * 2 ** (attempt - 1)
                    if exc.after is not None:
                        wait = max(wait, exc.after.total_seconds())
                    await asyncio.sleep(min(wait, REPLY_MAX_WAIT))

    # --- sending ------------------------------------------------------------------------

    def _window_open(self, parcel: Parcel) -> bool:
        if not window_open(parcel.last_inbound_at, self._clock()):
            return False
        refused_at = parcel.payload.get(TEMPLATE_REQUIRED_KEY)
        if refused_at and parcel.last_inbound_at is not None:
            # Meta said the window was closed; only a newer message from them reopens it.
            return parcel.last_inbound_at > datetime.fromisoformat(refused_at)
        return not refused_at

    async def _send_reply(self, chat_id: str, reply: Reply, bulk: bool) -> str | None:
        first: str | None = None
        for part in render(reply):
            wamid = await self._send_part(chat_id, part, bulk)
            first = first or wamid
        return first

    async def _send_part(self, chat_id: str, part: Part, bulk: bool) -> str:
        graph = self._graph()
        try:
            if isinstance(part, MediaPart):
                media_id = await graph.upload(part.document)
                part = media_message(part.kind, media_id, part.document)
            await self._pacer.wait(chat_id, bulk)
            return await graph.send(chat_id, part)
        except GraphError as exc:
            raise as_outbox_error(exc) from None

    def _graph(self) -> GraphClient:
        if self._graph_client is None:
            settings = self._settings
            self._graph_client = GraphClient(
                settings.api_base_url,
                settings.api_version,
                settings.phone_number_id or "",
                _secret(settings.access_token),
                transport=self._transport,
                timeout=self._timeout or TIMEOUT,
            )
        return self._graph_client


def _secret(value: SecretStr | str | None) -> str:
    if value is None:
        return ""
    return value.get_secret_value() if isinstance(value, SecretStr) else value
