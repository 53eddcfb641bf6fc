"""What a dialog is made of: the conversation's stored `State`, the `Caller`, the
`Context` a step works with, the `Answer` it handles, the outcomes it returns, and the
`Step` and `Dialog` declarations. The engine (bot.core.engine) runs them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

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
    # Unfinished work left by `menu` or a command, by dialog name ({"step", "data",
    # "history"}): offered again the next time that dialog is opened.
    paused: dict[str, dict[str, Any]] = field(default_factory=dict)


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

    @property
    def picked(self) -> str:
        """The id of the picked choice: what a `choice_only` step reads (the engine
        hands such a step only answers that picked one)."""
        if self.choice is None:
            raise LookupError("no choice was picked")
        return self.choice.id


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
# What the user typed in the dialog's data that is not saved anywhere else, in words
# ("pendaftaran kegiatan “Jl. Mawar”"), or None when nothing would be lost.
Unfinished = Callable[["Context", Mapping[str, Any]], str | None]
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
    # Only a picked choice is an answer here: the engine answers anything else with
    # `problem` (a text key) and asks again, so the step never sees a typed answer.
    choice_only: bool = False
    problem: str = "pick_one"
    # Whether the dialog's guard runs before this step's answer is handled; off for a
    # step whose prompt already said why the dialog cannot go on.
    guarded: bool = True
    # What must hold for this step only (e.g. the person being entered still exists),
    # checked after the dialog's guard and before `choice_only`.
    guard: Guard | None = None
    # A step that the steps after it return to on `batal` (the summary card, a list, an
    # activity's detail): `batal` leaves only the sub-step, never the saved work.
    hub: bool = False


class StepTable(dict[str, Step]):
    """A dialog's steps in the order its questions are asked. It remembers every name
    as declared, so a name given twice (two modules' steps merged into one table) is
    reported by the registry instead of silently replacing the first step."""

    def __init__(self, *table: tuple[str, Step]) -> None:
        super().__init__(table)
        self.declared = tuple(name for name, _ in table)


@dataclass(frozen=True)
class Command:
    """A slash command that opens the dialog from anywhere ("/daftar"), with the
    catalogue key of its line in Telegram's command menu (None: it works when typed
    but is not listed)."""

    word: str
    description: str | None = None


@dataclass(frozen=True)
class MenuEntry:
    """The dialog's line in the main menu: its title (a catalogue key), shown to callers
    holding any of `roles` (everyone when empty) and none of `unless` ("Saya Ketua RT" is
    only for those not recognised as one yet), at `order` among the other lines."""

    title: str
    order: int
    roles: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()

    def shown_to(self, roles: frozenset[str]) -> bool:
        return (not self.roles or bool(self.roles & roles)) and not self.unless & roles


@dataclass(frozen=True)
class Guard:
    """What must still hold before each answer of the dialog is handled (e.g. "the
    activity is one of the caller's RT's"): checked again on every message, because the
    world changes between two messages. When `allows` says no, the engine returns what
    `refuse` says instead of handling the answer."""

    allows: Callable[[Context], Awaitable[bool]]
    refuse: Callable[[Context], Awaitable[Outcome]]


class TextArea(Protocol):
    """A dialog's own texts: a module with one dict per language."""

    @property
    def ID(self) -> Mapping[str, str]: ...  # noqa: N802 - the modules' constant names

    @property
    def EN(self) -> Mapping[str, str]: ...  # noqa: N802


@dataclass(frozen=True)
class Dialog:
    name: str
    steps: Mapping[str, Step]
    # Where the dialog starts; by default the first step of its table.
    first: str = ""
    # Roles that may start it; empty means everyone.
    roles: frozenset[str] = frozenset()
    # What would be lost if the dialog ended now: `batal` then asks before discarding
    # it, and `menu` or a command keeps it to be resumed (bot.core.unfinished).
    unfinished: Unfinished | None = None
    # Undo what the dialog wrote for its unfinished work (e.g. a person created for an
    # entry) when the user cancels it; what it returns is said instead of "cancelled".
    on_cancel: OnCancel | None = None
    # Tidy up when the user walks away from work that is not kept to be resumed (or
    # when kept work is discarded): e.g. a half-entered person.
    on_leave: OnLeave | None = None
    # Runs on entry, before the first question: may skip ahead (Go), refuse (End, Stay
    # with an explanation) or hand over to another dialog (Start); None asks as usual.
    enter: Enter | None = None
    # How the dialog is reached besides a hand-over: its slash command and menu line.
    command: Command | None = None
    entry: MenuEntry | None = None
    guard: Guard | None = None
    # The dialogs it may hand over to (`Start`), besides itself: the registry checks
    # that each is registered, the engine that nothing else is started.
    hands_off_to: tuple[str, ...] = ()
    # Its own texts: a module with `ID` and `EN` dicts, collected by the catalogue.
    texts: TextArea | None = None

    def __post_init__(self) -> None:
        if not self.first and self.steps:
            object.__setattr__(self, "first", next(iter(self.steps)))

    def allows(self, caller: Caller) -> bool:
        return not self.roles or bool(self.roles & caller.roles)

    def may_start(self, name: str) -> bool:
        return name == self.name or name in self.hands_off_to
