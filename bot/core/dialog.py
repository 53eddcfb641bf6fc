"""What a dialog is made of: the conversation's stored `State`, the `Caller`, the
`Context` a step works with, the `Answer` it handles, the outcomes it returns, and the
`Step` and `Dialog` declarations. The engine (bot.core.engine) runs them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.core.messages import Choice, IncomingMessage, Notification, Reply
from bot.core.ports import Texts
from bot.core.services import Services

MENU = "menu"
NAV_MENU = "nav:menu"
NAV_BACK = "nav:back"
NAV_CANCEL = "nav:cancel"
NAV_HELP = "nav:help"
# Where the words after a slash command ("/start KODE") are handed to the dialog.
ARGS = "args"


@dataclass
class State:
    """Where a conversation stands; the service loads and saves it per message."""

    dialog: str = MENU
    step: str = "main"
    data: dict[str, Any] = field(default_factory=dict)
    choices: list[list[str]] = field(default_factory=list)
    history: list[str] = field(default_factory=list)
    last_text: str = ""


@dataclass(frozen=True)
class Caller:
    """Who is talking: the account and the roles it holds right now."""

    account_id: int
    name: str = ""
    phone: str | None = None
    language: str = "id"
    roles: frozenset[str] = frozenset()
    # role -> scopes, e.g. {"ketua_rt": ("rt:12",), "petugas": ("kecamatan:15.71.01",)}
    scopes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def has(self, *roles: str) -> bool:
        return any(role in self.roles for role in roles)


@dataclass
class Context:
    """What a step may use: the caller, the dialog's data, the message, the time, the
    services (repositories, settings, documents) and the text catalogue."""

    caller: Caller
    state: State
    message: IncomingMessage
    now: datetime
    services: Services
    texts: Texts
    said: list[Reply] = field(default_factory=list)
    notifications: list[Notification] = field(default_factory=list)

    @property
    def data(self) -> dict[str, Any]:
        return self.state.data

    def t(self, key: str, **values: Any) -> str:
        return self.texts.text(self.caller.language, key, **values)

    def say(self, reply: Reply | str) -> None:
        """Send a message before the next prompt (a confirmation, a document)."""
        self.said.append(Reply(reply) if isinstance(reply, str) else reply)

    def notify(self, notification: Notification) -> None:
        self.notifications.append(notification)


@dataclass(frozen=True)
class Answer:
    """The user's answer to the current step: the text and, if any, the picked choice."""

    text: str
    choice: Choice | None
    message: IncomingMessage


# Outcomes a step returns.
@dataclass(frozen=True)
class Go:
    step: str


@dataclass(frozen=True)
class Stay:
    """Stay at this step: explain what was expected, then ask again."""

    problem: str


@dataclass(frozen=True)
class Start:
    dialog: str
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class End:
    """The dialog is finished; show the menu."""


Outcome = Go | Stay | Start | End
Ask = Callable[[Context], Awaitable[Reply]]
Handle = Callable[[Context, Answer], Awaitable[Outcome]]
# Returns what to tell the user instead of the generic "cancelled", or None.
OnCancel = Callable[[Context], Awaitable[str | None]]
OnLeave = Callable[[Context], Awaitable[None]]
Enter = Callable[[Context], Awaitable["Outcome | None"]]
# Dialogs whose entry hooks hand over to each other; more than this is a loop.
MAX_HANDOVERS = 5


@dataclass(frozen=True)
class Step:
    ask: Ask
    handle: Handle
    # Longest answer worth reading; a pasted participant list needs more than a name.
    max_length: int = 500
    help: str = "help_generic"


@dataclass(frozen=True)
class Dialog:
    name: str
    steps: Mapping[str, Step]
    first: str
    # Roles that may start it; empty means everyone.
    roles: frozenset[str] = frozenset()
    # Undo what the dialog wrote so far (e.g. delete a draft) when the user cancels.
    on_cancel: OnCancel | None = None
    # Tidy up when the user walks away without cancelling (`menu`, a slash command):
    # e.g. a half-entered person; what the user would want to resume stays.
    on_leave: OnLeave | None = None
    # Runs on entry, before the first question: may skip ahead (Go), refuse (End, Stay
    # with an explanation) or hand over to another dialog (Start); None asks as usual.
    enter: Enter | None = None

    def allows(self, caller: Caller) -> bool:
        return not self.roles or bool(self.roles & caller.roles)
