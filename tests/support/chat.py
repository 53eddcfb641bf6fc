"""A test client that talks to the real conversation service like a user would:
`await chat.says("25 juta")`, `await chat.taps("Simulasi premi")`, then look at
`chat.text` (everything the bot answered to that message) or `chat.choices`."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from bot.app import App
from bot.core.markup import strip_marks
from bot.core.messages import Address, IncomingMessage, Location, Reply

_ids = itertools.count(1)


@dataclass
class Clock:
    """A settable clock for the service; starts at a fixed moment."""

    now: datetime = field(default_factory=lambda: datetime(2026, 3, 2, 2, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def _unmarked(reply: Reply) -> Reply:
    choices = tuple(
        replace(c, title=strip_marks(c.title), description=strip_marks(c.description))
        for c in reply.choices
    )
    return replace(reply, text=strip_marks(reply.text), choices=choices)


class Chat:
    def __init__(
        self,
        app: App,
        chat_id: str = "chat-1",
        *,
        channel: str = "terminal",
        phone: str | None = None,
        name: str = "Penguji",
    ) -> None:
        self.app = app
        self.address = Address(channel, chat_id)
        self.phone = phone
        self.name = name
        self.replies: list[Reply] = []

    async def says(self, text: str, **extra: object) -> list[Reply]:
        return await self.sends(text=text, **extra)

    async def taps(self, title: str) -> list[Reply]:
        """Tap the button whose title contains `title` (case-insensitive)."""
        matches = [c for c in self.choices_full if title.casefold() in c.title.casefold()]
        assert matches, f"no button {title!r} among {self.choices}"
        return await self.sends(choice_id=matches[0].id, text=matches[0].title)

    async def taps_id(self, choice_id: str) -> list[Reply]:
        return await self.sends(choice_id=choice_id)

    async def shares_location(self, latitude: float, longitude: float) -> list[Reply]:
        return await self.sends(location=Location(latitude, longitude))

    async def sends(self, message_id: str | None = None, **fields: object) -> list[Reply]:
        message = IncomingMessage(
            address=self.address,
            message_id=message_id or f"m{next(_ids)}",
            phone=self.phone,
            sender_name=self.name,
            **fields,  # type: ignore[arg-type]
        )
        # What the user reads: the marks around user values (bot/core/markup.py) are for
        # the channel renderers, which tests/bot/channels drive through the real adapters.
        answer = await self.app.service.handle(message)
        await answer.delivered()  # read on the screen, as a channel would confirm
        self.replies = [_unmarked(reply) for reply in answer.replies]
        return self.replies

    @property
    def text(self) -> str:
        return "\n".join(reply.text for reply in self.replies)

    @property
    def last(self) -> Reply:
        return self.replies[-1]

    @property
    def choices_full(self):  # noqa: ANN201
        return self.replies[-1].choices if self.replies else ()

    @property
    def choices(self) -> list[str]:
        return [c.title for c in self.choices_full]
