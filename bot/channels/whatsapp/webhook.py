"""WhatsApp Cloud API webhooks: authenticity checks and parsing into our own types.

Meta signs every notification with the app secret (`X-Hub-Signature-256: sha256=<hex
HMAC-SHA256 of the raw body>`) and verifies the endpoint once with a GET carrying
`hub.mode`, `hub.verify_token` and `hub.challenge`. Both are checked in constant time.

One POST may carry several messages and statuses (entries × changes × messages). A
sender is identified by `wa_id` (their phone number, digits only), which becomes the chat
id and, as E.164, the verified phone of the `IncomingMessage`. A user who hides their
number behind a username has only a business-scoped user id (`user_id`, e.g.
"ID.1234567890"): that becomes the chat id and the phone stays unknown.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from bot.core.messages import Address, IncomingMessage, Location
from bot.domain.phone import PhoneError, normalise_phone
from bot.workers.delivery_status import StatusUpdate

log = logging.getLogger(__name__)

CHANNEL = "whatsapp"
SIGNATURE_HEADER = "X-Hub-Signature-256"
SIGNATURE_PREFIX = "sha256="
# Reactions, system notices (a changed number) and the like are not messages to answer;
# an unsupported message (a poll, a video note) is, with the question asked again.
IGNORED_TYPES = frozenset({"reaction", "system", "ephemeral", "request_welcome"})


def signature_is_valid(app_secret: str, body: bytes, header: str | None) -> bool:
    """Whether `header` is the HMAC-SHA256 of exactly these bytes with the app secret."""
    if not app_secret or not header or not header.startswith(SIGNATURE_PREFIX):
        return False
    expected = hmac.new(app_secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    given = header[len(SIGNATURE_PREFIX) :].strip().lower()
    return hmac.compare_digest(expected.encode("ascii"), given.encode("ascii", "replace"))


def sign(app_secret: str, body: bytes) -> str:
    """The header value Meta would send (for tests and the hand-run script)."""
    return SIGNATURE_PREFIX + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()


def subscription_challenge(query: Mapping[str, str], verify_token: str) -> str | None:
    """The challenge to echo when the verification request is genuine, else None."""
    if not verify_token or query.get("hub.mode") != "subscribe":
        return None
    given = query.get("hub.verify_token", "")
    if not hmac.compare_digest(given.encode("utf-8"), verify_token.encode("utf-8")):
        return None
    return query.get("hub.challenge", "")


@dataclass(frozen=True)
class Inbound:
    """One user message; `media_id` names a file to fetch from the Graph API first."""

    message: IncomingMessage
    media_id: str | None = None
    file_name: str = ""
    mime_type: str = ""


@dataclass(frozen=True)
class WebhookContents:
    messages: list[Inbound]
    statuses: list[StatusUpdate]


def parse_notification(payload: Any, classify: Any) -> WebhookContents:
    """Every message and status in one webhook body. `classify(code) -> (outcome,
    retry_after)` interprets a failed status's error code. Unknown shapes are skipped."""
    messages: list[Inbound] = []
    statuses: list[StatusUpdate] = []
    for value in _values(payload):
        names = _contact_names(value)
        for raw in _list(value.get("messages")):
            inbound = _message(raw, names)
            if inbound is not None:
                messages.append(inbound)
        for raw in _list(value.get("statuses")):
            status = _status(raw, classify)
            if status is not None:
                statuses.append(status)
    return WebhookContents(messages, statuses)


def _values(payload: Any) -> Iterator[dict[str, Any]]:
    if not isinstance(payload, dict) or payload.get("object") != "whatsapp_business_account":
        return
    for entry in _list(payload.get("entry")):
        for change in _list(entry.get("changes") if isinstance(entry, dict) else None):
            if isinstance(change, dict) and isinstance(change.get("value"), dict):
                yield change["value"]


def _list(value: Any) -> list[Any]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _contact_names(value: dict[str, Any]) -> dict[str, str]:
    names: dict[str, str] = {}
    for contact in _list(value.get("contacts")):
        name = str((contact.get("profile") or {}).get("name") or "")
        for key in ("wa_id", "user_id"):
            if contact.get(key):
                names[str(contact[key])] = name
    return names


def _sender(raw: dict[str, Any]) -> tuple[str, str | None] | None:
    """(chat id, verified E.164 phone or None)."""
    wa_id = str(raw.get("from") or "")
    if wa_id.isdigit():
        try:
            return wa_id, normalise_phone("+" + wa_id)
        except PhoneError:
            return wa_id, None
    user_id = str(raw.get("from_user_id") or raw.get("user_id") or "")
    return (user_id, None) if user_id else None


def _message(raw: dict[str, Any], names: dict[str, str]) -> Inbound | None:
    kind = str(raw.get("type") or "")
    sender = _sender(raw)
    message_id = str(raw.get("id") or "")
    if sender is None or not message_id or kind in IGNORED_TYPES:
        return None
    chat_id, phone = sender
    fields: dict[str, Any] = {}
    media: dict[str, Any] = {}
    found = raw.get(kind)
    body: dict[str, Any] = found if isinstance(found, dict) else {}
    if kind == "text":
        fields["text"] = str(body.get("body") or "")
    elif kind == "interactive":
        reply = body.get("button_reply") or body.get("list_reply") or {}
        fields["choice_id"] = str(reply.get("id") or "") or None
        fields["text"] = str(reply.get("title") or "")
    elif kind == "button":
        # A quick-reply button of a template: its label is what the user "said"; a
        # payload set when sending (different from the label) is a choice id.
        text, payload = str(body.get("text") or ""), str(body.get("payload") or "")
        fields["text"] = text or payload
        if payload and payload != text:
            fields["choice_id"] = payload
    elif kind == "location":
        try:
            fields["location"] = Location(
                float(body["latitude"]),
                float(body["longitude"]),
                str(body.get("name") or body.get("address") or ""),
            )
        except (KeyError, TypeError, ValueError):
            return None
    elif kind in ("document", "image"):
        fields["text"] = str(body.get("caption") or "")
        if body.get("id"):
            media = {
                "media_id": str(body["id"]),
                "file_name": str(body.get("filename") or f"{kind}-{body['id']}"),
                "mime_type": str(body.get("mime_type") or "application/octet-stream"),
            }
    message = IncomingMessage(
        address=Address(CHANNEL, chat_id),
        message_id=message_id,
        phone=phone,
        sender_name=names.get(chat_id, ""),
        received_at=_time(raw.get("timestamp")),
        **fields,
    )
    # Only documents are read (the admin's RT list); a photo is answered by its caption.
    return Inbound(message, **media) if kind == "document" else Inbound(message)


def _status(raw: dict[str, Any], classify: Any) -> StatusUpdate | None:
    wamid, status = str(raw.get("id") or ""), str(raw.get("status") or "")
    if not wamid or status not in ("sent", "delivered", "read", "failed"):
        return None
    outcome, retry_after, error = None, None, ""
    if status == "failed":
        errors = _list(raw.get("errors"))
        first = errors[0] if errors else {}
        code = first.get("code")
        details = str((first.get("error_data") or {}).get("details") or "")
        error = f"{code}: {first.get('title') or first.get('message') or ''} {details}".strip()
        outcome, retry_after = classify(code if isinstance(code, int) else None)
    return StatusUpdate(
        CHANNEL,
        wamid,
        status,
        _time(raw.get("timestamp")) or datetime.now(UTC),
        outcome,
        error,
        retry_after,
    )


def _time(value: Any) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(value), UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None
