"""What the engine checks before a step sees an answer: a step that takes only a choice
(`Step(choice_only=True)`, with its own problem text), the dialog's guard (`Dialog(guard=)`,
skipped for a step declared `guarded=False`), and hand-offs the dialog did not declare.
No database involved."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from bot.core.dialog import (
    Answer,
    Caller,
    Context,
    Dialog,
    End,
    Go,
    Guard,
    Outcome,
    Start,
    State,
    Stay,
    Step,
)
from bot.core.engine import DialogEngine
from bot.core.messages import Address, Choice, IncomingMessage, Reply
from handlers.catalogue import Catalogue

TEXTS = Catalogue()
handled: list[str] = []


async def ask_menu(ctx: Context) -> Reply:
    return Reply("MENU", choices=(Choice("form", "Formulir"),))


async def handle_menu(ctx: Context, answer: Answer) -> Outcome:
    return Start(answer.picked)


async def ask_pick(ctx: Context) -> Reply:
    return Reply("PILIH", choices=(Choice("a", "Apel"), Choice("b", "Bola")))


async def handle_pick(ctx: Context, answer: Answer) -> Outcome:
    handled.append(answer.picked)
    return Go("other")


async def ask_other(ctx: Context) -> Reply:
    return Reply("LAIN", choices=(Choice("x", "Keluar"), Choice("elsewhere", "Ke tempat lain")))


async def handle_other(ctx: Context, answer: Answer) -> Outcome:
    handled.append(answer.text)
    if answer.choice is not None and answer.choice.id == "elsewhere":
        return Start("elsewhere")
    return Stay("tetap")


async def still_open(ctx: Context) -> bool:
    return not ctx.data.get("closed")


async def refuse(ctx: Context) -> Outcome:
    ctx.say("SUDAH DITUTUP")
    return End()


def dialogs() -> dict[str, Dialog]:
    return {
        "menu": Dialog("menu", {"main": Step(ask_menu, handle_menu, choice_only=True)}, "main"),
        "form": Dialog(
            "form",
            {
                "pick": Step(ask_pick, handle_pick, choice_only=True, problem="reg_yes_or_no"),
                "other": Step(ask_other, handle_other, guarded=False),
            },
            "pick",
            guard=Guard(allows=still_open, refuse=refuse),
        ),
        "elsewhere": Dialog("elsewhere", {"main": Step(ask_menu, handle_menu)}, "main"),
    }


class Chat:
    def __init__(self) -> None:
        self.engine = DialogEngine(dialogs())
        self.state = State()

    async def send(self, text: str = "", choice_id: str | None = None) -> str:
        message = IncomingMessage(Address("t", "1"), "id", text=text, choice_id=choice_id)
        ctx = Context(
            Caller(account_id=1),
            self.state,
            message,
            datetime(2026, 1, 1, tzinfo=UTC),
            SimpleNamespace(),
            TEXTS,
        )
        return "\n".join(r.text for r in await self.engine.run(ctx))


@pytest.fixture
def chat() -> Chat:
    handled.clear()
    return Chat()


async def test_a_choice_only_step_answers_typed_text_with_its_problem(chat: Chat) -> None:
    await chat.send("menu")
    await chat.send("1")
    said = await chat.send("sesuatu yang lain")
    assert said == f"{TEXTS.text('id', 'reg_yes_or_no')}\nPILIH"
    assert handled == [] and chat.state.step == "pick"


async def test_the_default_problem_is_pick_one(chat: Chat) -> None:
    await chat.send("menu")
    assert await chat.send("apa ini") == f"{TEXTS.text('id', 'pick_one')}\nMENU"


async def test_a_picked_choice_reaches_the_step(chat: Chat) -> None:
    await chat.send("menu")
    await chat.send("1")
    assert await chat.send("bola") == "LAIN"
    assert handled == ["b"]


async def test_the_guard_refuses_before_the_step_runs(chat: Chat) -> None:
    await chat.send("menu")
    await chat.send("1")
    chat.state.data["closed"] = True
    said = await chat.send("apel")
    assert said.startswith("SUDAH DITUTUP\n") and said.endswith("MENU")
    assert handled == [] and chat.state.dialog == "menu"


async def test_the_guard_comes_before_the_choice_check(chat: Chat) -> None:
    await chat.send("menu")
    await chat.send("1")
    chat.state.data["closed"] = True
    assert (await chat.send("ketik saja")).startswith("SUDAH DITUTUP")


async def test_an_unguarded_step_is_handled_anyway(chat: Chat) -> None:
    await chat.send("menu")
    await chat.send("1")
    await chat.send("apel")
    chat.state.data["closed"] = True
    assert await chat.send("halo") == "tetap\nLAIN"
    assert handled == ["a", "halo"]


async def test_an_undeclared_hand_off_is_a_programming_error(chat: Chat) -> None:
    await chat.send("menu")
    await chat.send("1")
    await chat.send("apel")
    with pytest.raises(LookupError, match="does not declare a hand-off to elsewhere"):
        await chat.send(choice_id="elsewhere")


async def test_a_step_guard_runs_after_the_dialogs_and_before_the_choice_check() -> None:
    checked: list[str] = []

    async def dialog_guard(ctx: Context) -> bool:
        checked.append("dialog")
        return True

    async def step_guard(ctx: Context) -> bool:
        checked.append("step")
        return False

    async def lost(ctx: Context) -> Outcome:
        ctx.say("HILANG")
        return Go("pick")

    step = Step(ask_other, handle_other, choice_only=True, guard=Guard(step_guard, lost))
    form = Dialog(
        "form",
        {"pick": Step(ask_pick, handle_pick), "other": step},
        guard=Guard(dialog_guard, refuse),
    )
    chat = Chat()
    chat.engine = DialogEngine({**dialogs(), "form": form})
    await chat.send("menu")
    await chat.send("1")
    await chat.send("apel")
    checked.clear()
    # Typed, not picked: the step's guard still answers first, so nobody is stuck.
    assert await chat.send("ketik saja") == "HILANG\nPILIH"
    assert checked == ["dialog", "step"] and chat.state.step == "pick"


def test_a_dialog_starts_at_the_first_step_of_its_table() -> None:
    form = Dialog(
        "form", {"pick": Step(ask_pick, handle_pick), "other": Step(ask_other, handle_other)}
    )
    assert form.first == "pick"
    assert Dialog("form", form.steps, "other").first == "other"
