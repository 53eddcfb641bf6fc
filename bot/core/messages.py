"""Channel-neutral message types: what a channel hands the conversation service, and
what the service hands back. Standard library only, so every layer may use them."""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Address:
    """Where a conversation happens: a channel and that channel's chat id."""

    channel: str
    chat_id: str

    def __str__(self) -> str:
        return f"{self.channel}:{self.chat_id}"


@dataclass(frozen=True)
class Location:
    latitude: float
    longitude: float
    name: str = ""


@dataclass(frozen=True)
class Attachment:
    """A file the user sent (e.g. the admin's RT list)."""

    file_name: str
    mime_type: str
    data: bytes


@dataclass(frozen=True)
class IncomingMessage:
    """One thing a user did: typed text, tapped a choice, shared a contact or a place."""

    address: Address
    message_id: str
    text: str = ""
    choice_id: str | None = None
    # A phone number the channel has verified as the sender's (WhatsApp sender,
    # Telegram contact shared by its owner, the terminal's --phone).
    phone: str | None = None
    sender_name: str = ""
    location: Location | None = None
    attachment: Attachment | None = None
    received_at: datetime | None = None


@dataclass(frozen=True)
class Choice:
    """A button. `id` is short and stable; `title` is what the user sees."""

    id: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Document:
    file_name: str
    mime_type: str
    data: bytes
    caption: str = ""


@dataclass(frozen=True)
class Reply:
    """One outgoing message. Channels render choices natively (buttons, lists, numbers)."""

    text: str
    choices: tuple[Choice, ...] = ()
    document: Document | None = None
    image: Document | None = None
    request_phone: bool = False
    urgent: bool = False


# The outbox kind of a copy of a reply to the person who just wrote.
REPLY_KIND = "reply"


async def _nothing_to_record(count: int | None = None) -> None:
    return None


@dataclass(frozen=True)
class Answer:
    """What the conversation service hands back for one message: the replies for the
    channel to send now, and `delivered`, to await as they go out — `delivered(n)` once
    the first n went, `delivered()` once all did. Until then the outbox holds a copy of
    each, written with the state change they answer, and sends it itself after a grace
    period: a crash after the commit loses no reply. The sooner a channel confirms, the
    fewer replies a crash can make it send twice."""

    replies: list[Reply] = field(default_factory=list)
    delivered: Callable[..., Awaitable[None]] = _nothing_to_record


@dataclass(frozen=True)
class Notification:
    """A message for someone other than the sender, delivered through the outbox."""

    account_id: int
    reply: Reply
    kind: str = "info"
    # An approved WhatsApp template for when the 24-hour window is closed.
    template: str | None = None
    template_params: tuple[str, ...] = field(default_factory=tuple)
    # Derived messages (reminders, digests) carry a key so they are queued only once.
    dedup_key: str | None = None


def reply_to_payload(
    reply: Reply, template: str | None = None, template_params: tuple[str, ...] = ()
) -> dict[str, Any]:
    """A reply as JSON for the outbox table."""
    payload: dict[str, Any] = {"text": reply.text, "urgent": reply.urgent}
    if reply.choices:
        payload["choices"] = [[c.id, c.title, c.description] for c in reply.choices]
    for name in ("document", "image"):
        doc: Document | None = getattr(reply, name)
        if doc is not None:
            payload[name] = {
                "file_name": doc.file_name,
                "mime_type": doc.mime_type,
                "data": base64.b64encode(doc.data).decode("ascii"),
                "caption": doc.caption,
            }
    if template:
        payload["template"] = {"name": template, "params": list(template_params)}
    return payload


def payload_to_reply(payload: dict[str, Any]) -> Reply:
    """The inverse of `reply_to_payload` (templates are read by the channel directly)."""
    docs: dict[str, Document] = {}
    for name in ("document", "image"):
        raw = payload.get(name)
        if raw:
            docs[name] = Document(
                file_name=raw["file_name"],
                mime_type=raw["mime_type"],
                data=base64.b64decode(raw["data"]),
                caption=raw.get("caption", ""),
            )
    return Reply(
        text=payload.get("text", ""),
        choices=tuple(Choice(*c) for c in payload.get("choices", [])),
        document=docs.get("document"),
        image=docs.get("image"),
        urgent=bool(payload.get("urgent")),
    )
