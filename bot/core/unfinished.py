"""Work the user has typed but not saved: what `batal` and `menu` do with it.

Nothing a person typed is lost without their say (issue 11):
- `batal` in a sub-step returns to the hub it came from (the summary card, a list, an
  activity's detail) with everything saved still there (`hub_behind`);
- `batal` where the dialog's unfinished work would be lost asks first, naming it (the
  engine's own step `DISCARD`);
- `menu` or a command in the middle of unfinished work keeps it (`pause`), and the next
  time that dialog is opened the engine offers to continue it (its own step `RESUME`).

A dialog says what its unfinished work is with `Dialog.unfinished`; without it nothing
is asked or kept. The two steps belong to the engine, so their stored names are
reserved in every dialog; they never enter the history.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.core.dialog import ARGS, Answer, Context, Dialog, End, Go, Outcome, Start, State, Step
from bot.core.messages import Choice, Reply

DISCARD = "_discard"
RESUME = "_resume"
STEPS = frozenset({DISCARD, RESUME})

_YES, _NO = "discard:yes", "discard:no"
_CONTINUE, _RESTART = "resume:continue", "resume:restart"


def describe(ctx: Context, dialog: Dialog, data: Mapping[str, Any] | None = None) -> str | None:
    """The dialog's unfinished work in words, or None when nothing would be lost."""
    if dialog.unfinished is None:
        return None
    return dialog.unfinished(ctx, ctx.data if data is None else data)


def hub_behind(dialog: Dialog, state: State) -> str | None:
    """The nearest hub the user passed on the way to this step; the state is moved back
    to it (its history as it was when the hub was asked). None when there is none."""
    for index in range(len(state.history) - 1, -1, -1):
        name = state.history[index]
        step = dialog.steps.get(name)
        if step is not None and step.hub and name != state.step:
            state.step, state.history = name, state.history[:index]
            return name
    return None


def ask_to_discard(state: State) -> None:
    """Move to the discard question; the step asked before it is kept to return to."""
    state.history.append(state.step)
    state.step = DISCARD


async def pause(ctx: Context, dialog: Dialog) -> bool:
    """On `menu` or a command: keep the unfinished work to be resumed and say so. False
    when there is nothing to keep (the dialog's `on_leave` then tidies up)."""
    state = ctx.state
    if state.step == RESUME:
        return True  # what was kept before stays kept
    step, history = state.step, list(state.history)
    if step == DISCARD:
        step = history.pop() if history else dialog.first
    what = describe(ctx, dialog)
    if what is None:
        return False
    await _drop(ctx, dialog)
    state.paused[dialog.name] = {"step": step, "data": dict(state.data), "history": history}
    ctx.say(ctx.t("unfinished_paused", what=what))
    return True


def resumable(state: State, dialog: Dialog, data: Mapping[str, Any] | None) -> bool:
    """Whether opening `dialog` with `data` should first offer the work kept for it:
    kept work whose step still exists and that was about the same thing (the entry's
    data, e.g. the activity, is part of the kept data)."""
    kept = state.paused.get(dialog.name)
    if kept is None:
        return False
    if kept["step"] not in dialog.steps:
        del state.paused[dialog.name]  # the service was updated: nothing to resume into
        return False
    # A bare command ("/daftar") opens the dialog as the menu does.
    wanted = {key: value for key, value in (data or {}).items() if key != ARGS or value}
    return all(kept["data"].get(key) == value for key, value in wanted.items())


def own_steps(dialog: Dialog) -> dict[str, Step]:
    """The engine's two questions, for `dialog`."""

    async def ask_discard(ctx: Context) -> Reply:
        what = describe(ctx, dialog) or ctx.t("unfinished_generic")
        return Reply(
            ctx.t("unfinished_discard_question", what=what),
            choices=(
                Choice(_YES, ctx.t("unfinished_discard_yes")),
                Choice(_NO, ctx.t("unfinished_discard_no")),
            ),
        )

    async def handle_discard(ctx: Context, answer: Answer) -> Outcome:
        if answer.picked != _YES:
            return keep(ctx, dialog)
        what = describe(ctx, dialog) or ctx.t("unfinished_generic")
        told = await dialog.on_cancel(ctx) if dialog.on_cancel is not None else None
        ctx.say(told or ctx.t("unfinished_discarded", what=what))
        return End()

    async def ask_resume(ctx: Context) -> Reply:
        kept = ctx.state.paused.get(dialog.name, {})
        what = describe(ctx, dialog, kept.get("data", {})) or ctx.t("unfinished_generic")
        return Reply(
            ctx.t("unfinished_resume_question", what=what),
            choices=(
                Choice(_CONTINUE, ctx.t("unfinished_resume_continue")),
                Choice(_RESTART, ctx.t("unfinished_resume_restart")),
            ),
        )

    async def handle_resume(ctx: Context, answer: Answer) -> Outcome:
        state = ctx.state
        entry = dict(state.data)
        kept = state.paused.get(dialog.name)
        if kept is None:  # kept work gone meanwhile: open the dialog afresh
            return Start(dialog.name, entry)
        if answer.picked == _CONTINUE:
            del state.paused[dialog.name]
            state.step, state.data, state.history = kept["step"], kept["data"], kept["history"]
            return Go(state.step)
        await _drop(ctx, dialog)
        return Start(dialog.name, entry)

    return {
        DISCARD: Step(ask_discard, handle_discard, choice_only=True, guarded=False),
        RESUME: Step(ask_resume, handle_resume, choice_only=True, guarded=False),
    }


def keep(ctx: Context, dialog: Dialog) -> Go:
    """Not discarded after all: back to the step the user was at."""
    state = ctx.state
    state.step = state.history.pop() if state.history else dialog.first
    ctx.say(ctx.t("unfinished_kept"))
    return Go(state.step)


async def _drop(ctx: Context, dialog: Dialog) -> None:
    """Forget the work kept for `dialog`, tidying up after it as a walk-away would."""
    kept = ctx.state.paused.pop(dialog.name, None)
    if kept is None or dialog.on_leave is None:
        return
    current, ctx.state.data = ctx.state.data, dict(kept["data"])
    try:
        await dialog.on_leave(ctx)
    finally:
        ctx.state.data = current
