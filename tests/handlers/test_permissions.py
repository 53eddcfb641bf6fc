"""Who may open what: every dialog the registry builds × every kind of caller, entered the
way a user would (its slash command, a menu tap, or — for dialogs only other dialogs hand
over to — the engine's own entry), is allowed or refused exactly as the table below says;
a refusal says "tidak tersedia" and leaves the caller in the menu. Then the scope rules:
an official (or a Ketua RT) who types the number of an activity or the reference of an
incident outside their scope sees nothing of it.

The table is explicit on purpose: a new dialog fails `test_every_dialog_is_in_the_table`
until someone decides who may open it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import pytest_asyncio

from bot.app import App
from bot.core.dialog import Context, State
from bot.core.engine import DialogEngine
from bot.core.identity import resolve_caller
from bot.core.messages import IncomingMessage
from bot.core.services import Services
from handlers.registry import REGISTRY
from support.activity_helpers import TITLE, confirm_directly, create_activity
from support.chat import Chat
from support.permissions import (  # noqa: E402  (the table is shared with tests/security)
    ADMIN,
    BPJS,
    CALLERS,
    EXPECTED,
    KETUA,
    PETUGAS_KECAMATAN,
    PETUGAS_KELURAHAN,
    PETUGAS_KOTA,
    REFUSED,
    WARGA,
)
from support.seeding import SeededRt, grant, seed_rt

REGISTERED = dict(REGISTRY.dialogs)
COMMANDS = REGISTRY.commands
TELANAIPURA = "15.71.01"
SIMPANG_IV_SIPIN = "15.71.01.1001"
BULURAN_KENALI = "15.71.01.1002"


@pytest_asyncio.fixture
async def callers(app: App, rt: SeededRt, ketua: Chat, warga: Chat) -> dict[str, Chat]:
    """One chat per kind of caller, each recognised by the phone its channel verified."""
    officials = {
        PETUGAS_KOTA: ("petugas", "+6281100000011", "kota", None),
        PETUGAS_KECAMATAN: ("petugas", "+6281100000012", "kecamatan", TELANAIPURA),
        PETUGAS_KELURAHAN: ("petugas", "+6281100000013", "kelurahan", SIMPANG_IV_SIPIN),
        BPJS: ("bpjs", "+6281100000014", "kota", None),
        ADMIN: ("admin", "+6281100000015", "kota", None),
    }
    chats = {WARGA: warga, KETUA: ketua}
    for label, (role, phone, kind, code) in officials.items():
        await grant(app, role, phone, label.title(), kind, code)
        chats[label] = Chat(app, label.replace(" ", "-"), channel="whatsapp", phone=phone)
    for chat in chats.values():
        await chat.says("menu")
    return chats


async def stored_state(chat: Chat) -> tuple[str, str]:
    async with chat.app.uow_factory() as uow:
        conversation = await uow.conversations.get(chat.address.channel, chat.address.chat_id)
        return conversation.dialog, conversation.step


def command_for(dialog: str) -> str | None:
    """The slash command that opens `dialog` when typed alone ("/start" alone is the menu:
    the engine reads it as a navigation command)."""
    shadowed = {"/start", "/menu"}
    return next((c for c, d in COMMANDS.items() if d == dialog and c not in shadowed), None)


async def enter(chat: Chat, dialog: str) -> tuple[list[str], str]:
    """Open `dialog` as this caller would; returns the reply texts and how it was opened."""
    await chat.says("menu")
    command = command_for(dialog)
    if command is not None:
        await chat.says(command)
        return [r.text for r in chat.replies], command
    if dialog in {c.id for c in chat.choices_full}:
        await chat.taps_id(dialog)
        return [r.text for r in chat.replies], "menu tap"
    return await enter_by_handover(chat, dialog), "handover"


async def enter_by_handover(chat: Chat, dialog: str) -> list[str]:
    """How another dialog hands over (`Start(dialog)`): the engine's entry, for the real
    caller as the service resolves it. Refusals are checked before anything runs."""
    app = chat.app
    async with app.uow_factory() as uow:
        account = await uow.accounts.find(chat.address.channel, chat.address.chat_id)
        caller = await resolve_caller(uow, account)
        services = Services(uow=uow, settings=app.settings, dialogs=frozenset(REGISTERED))
        message = IncomingMessage(address=chat.address, message_id="matrix")
        ctx = Context(caller, State(), message, app.service.clock(), services, app.texts)
        if not REGISTERED[dialog].allows(caller):
            replies = await DialogEngine(REGISTERED, COMMANDS).start(ctx, dialog)
            assert (ctx.state.dialog, ctx.state.step) == ("menu", "main")
            return [r.text for r in replies]
        return [f"(allowed: {dialog} is entered only with its data, from another dialog)"]


def test_every_dialog_is_in_the_table() -> None:
    missing = sorted(set(REGISTERED) - set(EXPECTED))
    assert missing == [], f"decide who may open {missing} and add them to EXPECTED"


@pytest.mark.parametrize("dialog", sorted(set(EXPECTED) | set(REGISTERED)))
async def test_who_may_open_each_dialog(dialog: str, callers: dict[str, Chat]) -> None:
    if dialog not in REGISTERED:
        pytest.skip(f"{dialog} is not registered in this build")
    if dialog not in EXPECTED:
        pytest.fail(f"{dialog} is not in EXPECTED")
    wrong = []
    for label in CALLERS:
        chat = callers[label]
        texts, how = await enter(chat, dialog)
        refused = any(REFUSED in text for text in texts)
        allowed = label in EXPECTED[dialog]
        if allowed == refused:
            verdict = "refused" if refused else "let in"
            wrong.append(f"{label} was {verdict} ({how})")
        elif refused and how != "handover" and await stored_state(chat) != ("menu", "main"):
            wrong.append(f"{label} was refused but left at {await stored_state(chat)}")
        elif allowed and how != "handover" and REGISTERED[dialog].enter is None:
            # Without an entry hook (which may hand over or finish at once) the caller
            # must now be in the dialog.
            where = await stored_state(chat)
            if where[0] != dialog:
                wrong.append(f"{label} was let in but is at {where}")
    assert wrong == []


async def test_the_menu_offers_only_what_the_caller_may_open(callers: dict[str, Chat]) -> None:
    wrong = []
    for label, chat in callers.items():
        await chat.says("menu")
        for offered in (c.id for c in chat.choices_full):
            if offered in EXPECTED and label not in EXPECTED[offered]:
                wrong.append(f"{label} is offered {offered}")
    assert wrong == []


# --- scope: typing a number or reference from outside one's scope --------------------


async def activity_in(app: App, kelurahan_code: str, number: int) -> tuple[str, str]:
    """A confirmed activity of a new RT in this kelurahan: its title and number."""
    rt = await seed_rt(app, kelurahan_code, number, f"Ketua {number}", f"+62812000009{number:02d}")
    title = f"{TITLE} {kelurahan_code[-4:]}"
    activity_id = await create_activity(app, rt.id, title=title)
    await confirm_directly(app, activity_id, datetime(2026, 3, 2, 2, 0, tzinfo=UTC))
    async with app.uow_factory() as uow:
        return title, (await uow.activities.get(activity_id)).number


async def incident_in(app: App, kelurahan_code: str, number: int, victim: str) -> str:
    """An open accident report of a new RT in this kelurahan: its reference."""
    rt = await seed_rt(app, kelurahan_code, number, f"Ketua {number}", f"+62812000008{number:02d}")
    async with app.uow_factory() as uow:
        incident = await uow.incidents.report(
            date(2026, 3, 2),
            rt_id=rt.id,
            victim_name=victim,
            occurred_at=datetime(2026, 3, 2, 1, 0, tzinfo=UTC),
            place="Gang Kenanga ujung",
            description="Tertimpa papan cor",
            severity="luka_ringan",
            reported_at=datetime(2026, 3, 2, 1, 30, tzinfo=UTC),
            status="open",
        )
        await uow.commit()
        return incident.reference


def needs(dialog: str) -> None:
    if dialog not in REGISTERED:
        pytest.skip(f"{dialog} is not registered in this build")


# Where the activity or incident lies, and who must not see it.
OUT_OF_SCOPE = [
    pytest.param("15.71.02.1004", PETUGAS_KECAMATAN, id="other-kecamatan"),
    pytest.param("15.71.02.1004", PETUGAS_KELURAHAN, id="other-kecamatan-kelurahan-official"),
    pytest.param(BULURAN_KENALI, PETUGAS_KELURAHAN, id="other-kelurahan-same-kecamatan"),
]


@pytest.mark.parametrize(("kelurahan", "outsider"), OUT_OF_SCOPE)
async def test_an_activity_outside_the_scope_cannot_be_opened(
    app: App, callers: dict[str, Chat], kelurahan: str, outsider: str
) -> None:
    needs("official_activities")
    title, number = await activity_in(app, kelurahan, 7)
    outside = callers[outsider]
    await outside.says("/kegiatanrt")
    assert title not in outside.text
    await outside.says(number)
    assert title not in outside.text and number not in outside.last.text
    assert (await stored_state(outside))[1] != "detail"
    await outside.says(f"/kegiatanrt {number}")  # the command with the number
    assert title not in outside.text
    assert (await stored_state(outside))[1] != "detail"

    city = callers[PETUGAS_KOTA]  # the same steps, in scope, do open it
    await city.says("/kegiatanrt")
    await city.says(number)
    assert title in city.text and await stored_state(city) == ("official_activities", "detail")


@pytest.mark.parametrize(("kelurahan", "outsider"), OUT_OF_SCOPE)
async def test_an_incident_outside_the_scope_cannot_be_opened(
    app: App, callers: dict[str, Chat], kelurahan: str, outsider: str
) -> None:
    needs("official_incidents")
    victim = "Joko Susilo"
    reference = await incident_in(app, kelurahan, 8, victim)
    outside = callers[outsider]
    await outside.says("/insiden")
    assert victim not in outside.text and reference not in outside.text
    await outside.says(reference)
    assert victim not in outside.text and "Gang Kenanga" not in outside.text
    assert (await stored_state(outside))[1] != "detail"

    city = callers[PETUGAS_KOTA]
    await city.says("/insiden")
    await city.says(reference)
    assert victim in city.text and await stored_state(city) == ("official_incidents", "detail")


async def test_a_ketua_rt_cannot_open_another_rts_activity(
    app: App, callers: dict[str, Chat]
) -> None:
    needs("my_activities")
    title, number = await activity_in(app, "15.71.02.1004", 9)
    ketua = callers[KETUA]
    await ketua.says("/kegiatan")
    assert title not in ketua.text
    await ketua.says(number)
    assert title not in ketua.text
    assert await stored_state(ketua) == ("my_activities", "list")


async def test_a_kelurahan_official_opens_what_is_in_their_kelurahan(
    app: App, callers: dict[str, Chat]
) -> None:
    needs("official_activities")
    title, number = await activity_in(app, SIMPANG_IV_SIPIN, 10)
    for label in (PETUGAS_KELURAHAN, PETUGAS_KECAMATAN):
        official = callers[label]
        await official.says(f"/kegiatanrt {number}")
        assert title in official.text, label
