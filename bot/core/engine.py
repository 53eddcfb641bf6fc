"""The dialog engine: runs one incoming message through a table of named steps.

A dialog is a table of steps; a step asks (builds the prompt with its choices) and
handles the answer (returns an outcome). The engine owns everything every step shares:
`menu`, `batal`, `kembali` and `bantuan` (with what they do to unfinished work:
bot.core.unfinished); matching a typed number or button title to an offered choice, so
that a typed number always does what its button does; stale buttons; over-long input; a
step that takes only a choice; the dialog's guard, checked before every answer; and
recovery when a stored step no longer exists. It knows no channel and no SQL: state comes
in and goes out as `State`.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
from collections.abc import Callable, Mapping
from typing import Any

from bot.core import unfinished
from bot.core.dialog import (
    ARGS,
    MAX_HANDOVERS,
    MENU,
    NAV_BACK,
    NAV_CANCEL,
    NAV_HELP,
    NAV_MENU,
    Answer,
    Context,
    Dialog,
    End,
    Go,
    Outcome,
    Start,
    Stay,
    Step,
)
from bot.core.messages import Choice, Reply
from bot.domain.text import hidden_controls

log = logging.getLogger(__name__)

# What typed words mean anywhere in a dialog, in both languages.
NAV_WORDS = {
    "menu": NAV_MENU,
    "/menu": NAV_MENU,
    "/start": NAV_MENU,
    "mulai": NAV_MENU,
    "batal": NAV_CANCEL,
    "/batal": NAV_CANCEL,
    "cancel": NAV_CANCEL,
    "kembali": NAV_BACK,
    "/kembali": NAV_BACK,
    "back": NAV_BACK,
    "bantuan": NAV_HELP,
    "/bantuan": NAV_HELP,
    "/help": NAV_HELP,
    "help": NAV_HELP,
}

NAV_CHOICES = frozenset({NAV_MENU, NAV_BACK, NAV_CANCEL, NAV_HELP})
_NUMBER = re.compile(r"^\s*(\d{1,3})\s*[.)]?\s*$")
# "/cek", "/start KODE", "/lapor@KampungBahagiaBot" (Telegram adds the bot's name in groups).
_SLASH_COMMAND = re.compile(r"^(/[a-z_]+)(?:@\w+)?(?:\s+(.*))?$", re.IGNORECASE | re.DOTALL)


class DialogEngine:
    """Runs a message against the state and returns the replies, mutating the state."""

    def __init__(
        self,
        dialogs: Mapping[str, Dialog],
        commands: Mapping[str, str] | None = None,
        fingerprint: Callable[[str], str] | None = None,
        recognises: Callable[[str, str], bool] | None = None,
    ) -> None:
        """`commands` maps slash commands to dialogs (`/cek` → coverage_check); a command
        with words after it (`/start KODE`) hands them to the dialog as data["args"].
        `fingerprint` is the keyed digest that recognises a repeated message without
        keeping it (it may be a NIK); by default a key of this process only.
        `recognises(text, stored)` tells whether a stored fingerprint is the text's (by
        default: equal to its fingerprint); the NIK vault also accepts one made with a
        retired key, so a key rotation does not forget the last message."""
        fingerprint = fingerprint or _keyed_digest(os.urandom(32))
        self._fingerprint = fingerprint
        self._recognises = recognises or (lambda text, stored: fingerprint(text) == stored)
        if MENU not in dialogs:
            raise ValueError("a dialog named 'menu' is required")
        self._dialogs = dict(dialogs)
        self._own = {name: unfinished.own_steps(dialog) for name, dialog in dialogs.items()}
        self._commands = {
            name.casefold(): dialog
            for name, dialog in (commands or {}).items()
            if dialog in self._dialogs
        }

    async def run(self, ctx: Context) -> list[Reply]:
        state = ctx.state
        dialog = self._dialogs.get(state.dialog)
        step = self._step(dialog, state.step) if dialog else None
        if dialog is None or step is None:
            log.warning("stored step %s/%s no longer exists; reset", state.dialog, state.step)
            ctx.say(ctx.t("step_gone"))
            return await self._enter(ctx, MENU)
        if not dialog.allows(ctx.caller):
            # The role was taken away while the dialog was open.
            ctx.say(ctx.t("not_allowed"))
            return await self._enter(ctx, MENU)

        text = ctx.message.text.strip()
        # A tapped button is its id, whatever its title says ("Bantuan" of the menu).
        tapped = ctx.message.choice_id
        command = NAV_WORDS.get(text.casefold()) if text and not tapped else None
        if tapped in NAV_CHOICES:
            command = tapped
        choice = self._match_choice(ctx) if command is None else None
        if choice is not None and choice.id in NAV_CHOICES:
            command = choice.id  # a typed "3" for the "Batal" button is `batal`
        if command is not None:
            return await self._navigate(ctx, dialog, step, command)
        slash = _SLASH_COMMAND.match(text)
        if slash and slash.group(1).casefold() in self._commands:
            await self._leave(ctx, dialog)
            target = self._commands[slash.group(1).casefold()]
            return await self._enter(ctx, target, {ARGS: (slash.group(2) or "").strip()})

        if len(text) > step.max_length:
            return await self._again(ctx, step, ctx.t("too_long", limit=step.max_length))
        if choice is None and hidden_controls(text):
            return await self._again(ctx, step, ctx.t("hidden_controls"))

        if ctx.message.choice_id and choice is None:
            return await self._again(ctx, step, ctx.t("stale_choice"))

        # The dialog's guard first (is the activity still theirs?), then the step's own
        # (is the person being entered still there?), as the handlers used to check.
        for guard in (dialog.guard if step.guarded else None, step.guard):
            if guard is not None and not await guard.allows(ctx):
                return await self._apply(ctx, dialog, await guard.refuse(ctx))
        if step.choice_only and choice is None:
            return await self._again(ctx, step, ctx.t(step.problem))
        outcome = await step.handle(ctx, Answer(text=text, choice=choice, message=ctx.message))
        return await self._apply(ctx, dialog, outcome)

    async def start(self, ctx: Context, dialog_name: str) -> list[Reply]:
        """Enter a dialog directly (a command such as /cek, or the first contact)."""
        return await self._enter(ctx, dialog_name)

    def _step(self, dialog: Dialog, name: str) -> Step | None:
        return dialog.steps.get(name) or self._own[dialog.name].get(name)

    def _match_choice(self, ctx: Context) -> Choice | None:
        offered = [Choice(id=c[0], title=c[1]) for c in ctx.state.choices]
        wanted = ctx.message.choice_id
        if wanted:
            return next((c for c in offered if c.id == wanted), None)
        text = ctx.message.text.strip()
        number = _NUMBER.match(text)
        if number and 1 <= int(number.group(1)) <= len(offered):
            return offered[int(number.group(1)) - 1]
        key = _title_key(text)
        if not key:
            return None
        exact = [c for c in offered if _title_key(c.title) == key]
        if exact:
            return exact[0]
        # "Simpan" for "Simpan & tambah peserta": the start of exactly one title.
        starts = [c for c in offered if len(key) >= 2 and _title_key(c.title).startswith(key)]
        return starts[0] if len(starts) == 1 else None

    async def _navigate(
        self, ctx: Context, dialog: Dialog, step: Step, command: str
    ) -> list[Reply]:
        if command == NAV_HELP:
            ctx.say(ctx.t(step.help))
            return await self._ask(ctx, step)
        if command == NAV_BACK:
            if not ctx.state.history:
                ctx.say(ctx.t("no_back"))
                return await self._ask(ctx, step)
            ctx.state.step = ctx.state.history.pop()
            return await self._ask(ctx, dialog.steps[ctx.state.step])
        if command == NAV_CANCEL and dialog.name != MENU:
            return await self._cancel(ctx, dialog)
        await self._leave(ctx, dialog)
        return await self._enter(ctx, MENU)

    async def _cancel(self, ctx: Context, dialog: Dialog) -> list[Reply]:
        """`batal` leaves one step: a sub-step goes back to its hub; unfinished work is
        discarded only after the user says yes; otherwise the dialog ends."""
        state = ctx.state
        if state.step == unfinished.DISCARD:
            return await self._apply(ctx, dialog, unfinished.keep(ctx, dialog))
        if state.step == unfinished.RESUME:
            ctx.say(ctx.t("unfinished_still_kept"))
            return await self._enter(ctx, MENU)
        hub = unfinished.hub_behind(dialog, state)
        if hub is not None:
            ctx.say(ctx.t("cancelled_step"))
            return await self._ask(ctx, dialog.steps[hub])
        if unfinished.describe(ctx, dialog) is not None:
            unfinished.ask_to_discard(state)
            return await self._ask(ctx, self._own[dialog.name][unfinished.DISCARD])
        told = await dialog.on_cancel(ctx) if dialog.on_cancel is not None else None
        ctx.say(told or ctx.t("cancelled"))
        return await self._enter(ctx, MENU)

    async def _leave(self, ctx: Context, dialog: Dialog) -> None:
        """`menu` or a command: unfinished work is kept to be resumed, else tidied up."""
        if not await unfinished.pause(ctx, dialog) and dialog.on_leave is not None:
            await dialog.on_leave(ctx)

    async def _apply(self, ctx: Context, dialog: Dialog, outcome: Outcome) -> list[Reply]:
        if isinstance(outcome, Stay):
            return await self._again(ctx, dialog.steps[ctx.state.step], outcome.problem)
        if isinstance(outcome, Go):
            if outcome.step not in dialog.steps:
                raise LookupError(f"dialog {dialog.name} has no step {outcome.step}")
            if outcome.step != ctx.state.step and ctx.state.step not in unfinished.STEPS:
                ctx.state.history.append(ctx.state.step)
            ctx.state.step = outcome.step
            return await self._ask(ctx, dialog.steps[outcome.step])
        if isinstance(outcome, Start):
            _check_hand_off(dialog, outcome)
            return await self._enter(ctx, outcome.dialog, dict(outcome.data))
        return await self._enter(ctx, MENU)

    async def _enter(
        self, ctx: Context, name: str, data: dict[str, Any] | None = None, handovers: int = 0
    ) -> list[Reply]:
        dialog = self._dialogs.get(name)
        if dialog is None or not dialog.allows(ctx.caller) or handovers > MAX_HANDOVERS:
            if dialog is not None:
                ctx.say(ctx.t("not_allowed"))
            dialog = self._dialogs[MENU]
            data = None
        if unfinished.resumable(ctx.state, dialog, data):
            ctx.state.dialog, ctx.state.step = dialog.name, unfinished.RESUME
            ctx.state.data, ctx.state.history = dict(data or {}), []
            return await self._ask(ctx, self._own[dialog.name][unfinished.RESUME])
        ctx.state.dialog, ctx.state.step = dialog.name, dialog.first
        ctx.state.data = data or {}
        ctx.state.history = []
        outcome = await dialog.enter(ctx) if dialog.enter is not None else None
        if isinstance(outcome, Start):
            _check_hand_off(dialog, outcome)
            return await self._enter(ctx, outcome.dialog, dict(outcome.data), handovers + 1)
        if isinstance(outcome, End):
            return await self._enter(ctx, MENU)
        if isinstance(outcome, Stay):
            ctx.say(outcome.problem)
        if isinstance(outcome, Go):
            ctx.state.step = outcome.step
        return await self._ask(ctx, dialog.steps[ctx.state.step])

    async def _again(self, ctx: Context, step: Step, problem: str) -> list[Reply]:
        text = ctx.message.text.strip()
        if text and ctx.state.last_text and self._recognises(text, ctx.state.last_text):
            problem = f"{ctx.t('repeated')} {problem}"
        ctx.say(problem)
        return await self._ask(ctx, step)

    async def _ask(self, ctx: Context, step: Step) -> list[Reply]:
        prompt = await step.ask(ctx)
        ctx.state.choices = [[c.id, c.title] for c in prompt.choices]
        text = ctx.message.text.strip()
        ctx.state.last_text = self._fingerprint(text) if text else ""
        return [*ctx.said, prompt]


def _check_hand_off(dialog: Dialog, start: Start) -> None:
    """A hand-over the dialog did not declare is a programming error, like a `Go` to a
    step that does not exist: the registry could not have checked it. The menu starts
    whatever its entries offer."""
    if dialog.name != MENU and not dialog.may_start(start.dialog):
        raise LookupError(f"dialog {dialog.name} does not declare a hand-off to {start.dialog}")


def _keyed_digest(key: bytes) -> Callable[[str], str]:
    """What is kept of the last message to recognise a repeat: a keyed digest, never the
    text (a typed NIK must not rest in the database in clear, nor as a plain hash that
    the small NIK space would give back)."""

    def digest(text: str) -> str:
        return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()

    return digest


def _title_key(text: str) -> str:
    """Compare button titles loosely: case, emoji and punctuation do not matter."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())
