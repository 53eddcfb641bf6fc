"""The dialog engine on its own: navigation words, choice matching, stale buttons, long
input, back, and a stored step that no longer exists. No database involved."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from bot.core.dialog import (
    NAV_CANCEL,
    Answer,
    Caller,
    Context,
    Dialog,
    End,
    Go,
    Outcome,
    State,
    Stay,
    Step,
)
from bot.core.engine import DialogEngine
from bot.core.messages import Address, Choice, IncomingMessage, Reply
from handlers.catalogue import Catalogue

TEXTS = Catalogue()


async def ask_menu(ctx: Context) -> Reply:
    return Reply("MENU", choices=(Choice("form", "Isi formulir"), Choice("x", "Lainnya")))


async def handle_menu(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice and answer.choice.id == "form":
        from bot.core.dialog import Start

        return Start("form")
    return Stay("pilih dong")


async def ask_name(ctx: Context) -> Reply:
    return Reply(f"NAMA? (sebelumnya: {ctx.data.get('name', '-')})")


async def handle_name(ctx: Context, answer: Answer) -> Outcome:
    if not answer.text.isalpha():
        return Stay("nama hanya huruf")
    ctx.data["name"] = answer.text
    return Go("color")


async def ask_color(ctx: Context) -> Reply:
    return Reply("WARNA?", choices=(Choice("c:red", "Merah 🔴"), Choice("c:blue", "Biru")))


async def handle_color(ctx: Context, answer: Answer) -> Outcome:
    if answer.choice is None:
        return Stay("pilih warna")
    ctx.data["color"] = answer.choice.id
    ctx.say(f"OK {ctx.data['name']} {answer.choice.id}")
    return End()


cancelled: list[str] = []


async def forget(ctx: Context) -> str | None:
    cancelled.append(ctx.data.get("name", ""))
    return None


DIALOGS = {
    "menu": Dialog("menu", {"main": Step(ask_menu, handle_menu)}, "main"),
    "form": Dialog(
        "form",
        {
            "name": Step(ask_name, handle_name, max_length=20),
            "color": Step(ask_color, handle_color),
        },
        "name",
        on_cancel=forget,
    ),
    "secret": Dialog("secret", {"s": Step(ask_name, handle_name)}, "s", roles=frozenset({"admin"})),
}


class Harness:
    def __init__(self) -> None:
        self.engine = DialogEngine(DIALOGS)
        self.state = State()

    async def open_form(self) -> list[Reply]:
        await self.send("menu")
        return await self.send(choice_id="form")

    async def send(self, text: str = "", choice_id: str | None = None) -> list[Reply]:
        message = IncomingMessage(Address("t", "1"), "id", text=text, choice_id=choice_id)
        ctx = Context(
            Caller(account_id=1, roles=frozenset({"warga"})),
            self.state,
            message,
            datetime(2026, 1, 1, tzinfo=UTC),
            SimpleNamespace(),
            TEXTS,
        )
        return await self.engine.run(ctx)


def texts(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies)


@pytest.fixture
def chat() -> Harness:
    return Harness()


async def test_typed_number_title_and_button_pick_a_choice(chat: Harness) -> None:
    assert texts(await chat.send("menu")) == "MENU"
    assert "NAMA?" in texts(await chat.send("1"))
    await chat.send("menu")
    assert "NAMA?" in texts(await chat.send("isi FORMULIR"))
    await chat.send("menu")
    assert "NAMA?" in texts(await chat.send(choice_id="form"))


async def test_title_match_ignores_emoji_and_case(chat: Harness) -> None:
    await chat.open_form()
    await chat.send("Sari")
    replies = await chat.send("merah")
    assert "OK Sari c:red" in texts(replies)
    assert chat.state.dialog == "menu"


async def test_nonsense_stays_and_explains(chat: Harness) -> None:
    await chat.open_form()
    replies = await chat.send("🤖🤖")
    assert texts(replies).startswith("nama hanya huruf")
    assert chat.state.step == "name"


async def test_too_long_input_is_refused_before_the_step(chat: Harness) -> None:
    await chat.open_form()
    replies = await chat.send("a" * 5000)
    assert "terlalu panjang" in texts(replies)
    assert chat.state.step == "name" and "name" not in chat.state.data


async def test_stale_button_is_explained_and_the_question_repeated(chat: Harness) -> None:
    await chat.open_form()
    await chat.send("Sari")
    replies = await chat.send(choice_id="form")  # a button from the menu, long gone
    assert "sudah tidak berlaku" in texts(replies)
    assert replies[-1].text == "WARNA?"
    assert chat.state.step == "color"


async def test_repeat_of_the_previous_message_is_recognised(chat: Harness) -> None:
    await chat.open_form()
    await chat.send("Sari")
    replies = await chat.send("Sari")
    assert "terkirim lagi" in texts(replies)
    assert chat.state.step == "color"


async def test_back_returns_to_the_previous_question_keeping_the_answer(chat: Harness) -> None:
    await chat.open_form()
    await chat.send("Sari")
    replies = await chat.send("kembali")
    assert replies[-1].text == "NAMA? (sebelumnya: Sari)"
    replies = await chat.send("KEMBALI")
    assert "pertanyaan pertama" in texts(replies)


async def test_cancel_runs_the_dialogs_undo_and_shows_the_menu(chat: Harness) -> None:
    await chat.open_form()
    await chat.send("Dewi")
    replies = await chat.send("batal")
    assert cancelled[-1] == "Dewi"
    assert "Dibatalkan" in texts(replies) and replies[-1].text == "MENU"
    assert chat.state.data == {}


async def test_help_explains_and_stays(chat: Harness) -> None:
    await chat.open_form()
    replies = await chat.send("bantuan")
    assert "kembali" in texts(replies) and replies[-1].text.startswith("NAMA?")


async def test_unknown_stored_step_resets_to_menu_with_apology(chat: Harness) -> None:
    chat.state = State(dialog="form", step="removed-in-v2", data={"x": 1})
    replies = await chat.send("halo")
    assert "Maaf" in texts(replies) and replies[-1].text == "MENU"
    assert chat.state.dialog == "menu" and chat.state.data == {}


async def test_dialog_for_another_role_is_refused(chat: Harness) -> None:
    from bot.core.dialog import Start

    async def handle(ctx: Context, answer: Answer) -> Outcome:
        return Start("secret")

    DIALOGS["menu"] = Dialog("menu", {"main": Step(ask_menu, handle)}, "main")
    try:
        chat.engine = DialogEngine(DIALOGS)
        replies = await chat.send("apa saja")
        assert "tidak tersedia" in texts(replies)
        assert chat.state.dialog == "menu"
    finally:
        DIALOGS["menu"] = Dialog("menu", {"main": Step(ask_menu, handle_menu)}, "main")


async def test_slash_commands_open_their_dialog_with_arguments() -> None:
    harness = Harness()
    harness.engine = DialogEngine(DIALOGS, commands={"/isi": "form", "/start": "form"})
    replies = await harness.send("/isi@KampungBahagiaBot  Budi ")
    assert replies[-1].text.startswith("NAMA?")
    assert harness.state.data == {"args": "Budi"}
    assert (await harness.send("/start"))[-1].text == "MENU"  # bare /start is the menu
    await harness.send("/start ABC123")
    assert harness.state.dialog == "form" and harness.state.data == {"args": "ABC123"}


async def test_an_entry_hook_can_skip_ahead_refuse_or_hand_over() -> None:
    async def skip_to_color(ctx: Context) -> Outcome | None:
        ctx.data["name"] = "Dewi"
        return Go("color")

    async def refuse(ctx: Context) -> Outcome | None:
        ctx.say("tidak bisa sekarang")
        return End()

    async def loop(ctx: Context) -> Outcome | None:
        from bot.core.dialog import Start

        return Start("loop")

    form = DIALOGS["form"]
    dialogs = {
        **DIALOGS,
        "skip": Dialog("skip", form.steps, "name", enter=skip_to_color),
        "refused": Dialog("refused", form.steps, "name", enter=refuse),
        "loop": Dialog("loop", form.steps, "name", enter=loop),
    }
    harness = Harness()
    harness.engine = DialogEngine(
        dialogs, commands={"/skip": "skip", "/no": "refused", "/loop": "loop"}
    )
    assert (await harness.send("/skip"))[-1].text == "WARNA?"
    assert harness.state.history == []  # nothing to go back to inside this dialog
    replies = await harness.send("/no")
    assert texts(replies) == "tidak bisa sekarang\nMENU"
    replies = await harness.send("/loop")
    assert "tidak tersedia" in texts(replies) and harness.state.dialog == "menu"


async def test_a_long_message_sent_twice_is_recognised_as_a_repeat(chat: Harness) -> None:
    await chat.open_form()
    long_text = "x" * 5000
    first = await chat.send(long_text)
    assert "terkirim lagi" not in texts(first)
    again = await chat.send(long_text)
    assert "terkirim lagi" in texts(again) and "terlalu panjang" in texts(again)
    assert len(chat.state.last_text) < 300


async def test_leaving_by_menu_or_command_tidies_up_and_cancel_can_say_why() -> None:
    left: list[str] = []

    async def leave(ctx: Context) -> None:
        left.append(ctx.state.step)

    async def explain(ctx: Context) -> str | None:
        return "Perubahan sebelumnya tetap tersimpan."

    form = DIALOGS["form"]
    dialogs = {
        **DIALOGS,
        "form": Dialog("form", form.steps, "name", on_leave=leave, on_cancel=explain),
    }
    harness = Harness()
    harness.engine = DialogEngine(dialogs, commands={"/isi": "form"})
    await harness.send("/isi")
    await harness.send("menu")
    await harness.send("/isi")
    await harness.send("/isi")
    assert left == ["name", "name"]
    replies = await harness.send("batal")
    assert texts(replies) == "Perubahan sebelumnya tetap tersimpan.\nMENU"
    assert left == ["name", "name"]  # cancelling is not leaving: on_cancel undoes instead


async def test_a_role_taken_away_mid_dialog_ends_it() -> None:
    harness = Harness()
    harness.state = State(dialog="secret", step="s")
    replies = await harness.send("Budi")
    assert "tidak tersedia" in texts(replies) and replies[-1].text == "MENU"
    assert harness.state.dialog == "menu"


# A dialog with a hub (the summary) and unfinished work (the answers in its data).
async def ask_summary(ctx: Context) -> Reply:
    return Reply(
        f"RINGKASAN {ctx.data.get('name')}",
        choices=(Choice("edit", "Ubah nama"), Choice(NAV_CANCEL, "Batal")),
    )


async def handle_summary(ctx: Context, answer: Answer) -> Outcome:
    return Go("rename")


async def handle_rename(ctx: Context, answer: Answer) -> Outcome:
    ctx.data["name"] = answer.text
    return Go("summary")


async def to_summary(ctx: Context, answer: Answer) -> Outcome:
    ctx.data["name"] = answer.text
    return Go("summary")


def card_dialogs(left: list[str]) -> dict[str, Dialog]:
    async def leave(ctx: Context) -> None:
        left.append(str(ctx.data.get("name")))

    card = Dialog(
        "card",
        {
            "name": Step(ask_name, to_summary),
            "summary": Step(ask_summary, handle_summary, hub=True, choice_only=True),
            "rename": Step(ask_name, handle_rename),
        },
        unfinished=lambda ctx, data: f"kartu {data['name']}" if data.get("name") else None,
        on_leave=leave,
    )
    return {**DIALOGS, "card": card}


def card_harness(left: list[str]) -> Harness:
    harness = Harness()
    harness.engine = DialogEngine(card_dialogs(left), commands={"/kartu": "card"})
    return harness


async def test_batal_in_a_sub_step_returns_to_the_hub_with_everything_kept() -> None:
    chat = card_harness([])
    await chat.send("/kartu")
    await chat.send("Sari")
    await chat.send("1")  # Ubah nama
    assert chat.state.step == "rename"
    replies = await chat.send("batal")
    assert "Langkah ini dibatalkan" in texts(replies)
    assert replies[-1].text == "RINGKASAN Sari"
    assert (chat.state.step, chat.state.history) == ("summary", ["name"])


async def test_batal_with_unfinished_work_asks_and_a_typed_number_is_the_button() -> None:
    chat = card_harness([])
    await chat.send("/kartu")
    await chat.send("Sari")
    asked = texts(await chat.send("2"))  # the number of "Batal" is `batal`
    assert "Batalkan kartu Sari?" in asked
    assert texts(await chat.send("batal")).startswith("Baik, tidak jadi")  # batal again: keep
    assert chat.state.step == "summary" and chat.state.data["name"] == "Sari"
    await chat.send(choice_id=NAV_CANCEL)
    replies = await chat.send("Ya, hapus isian")
    assert "Dibatalkan: kartu Sari" in texts(replies) and replies[-1].text == "MENU"
    assert chat.state.paused == {}


async def test_menu_pauses_unfinished_work_and_the_next_visit_offers_it() -> None:
    left: list[str] = []
    chat = card_harness(left)
    await chat.send("/kartu")
    await chat.send("Sari")
    await chat.send("1")
    replies = await chat.send("menu")
    assert "Isian Anda disimpan: kartu Sari" in texts(replies) and left == []
    assert chat.state.paused["card"]["step"] == "rename"
    replies = await chat.send("/kartu")
    assert "Ada isian yang belum selesai: kartu Sari" in texts(replies)
    replies = await chat.send("Lanjutkan")
    assert replies[-1].text.startswith("NAMA?") and chat.state.step == "rename"
    assert chat.state.history == ["name", "summary"] and chat.state.paused == {}
    await chat.send("kembali")
    assert chat.state.step == "summary"

    await chat.send("menu")
    await chat.send("/kartu")
    await chat.send("2")  # Mulai baru: the kept work is tidied up as a walk-away
    assert left == ["Sari"] and chat.state.step == "name"
    assert chat.state.data == {"args": ""}  # as /kartu opens it
