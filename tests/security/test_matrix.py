"""The role × command × scope matrix (issue 12, item 9): zero unauthorised successes.

Roles: an anonymous chat (no phone, nobody knows it), a resident, the Ketua RT of RT A,
the Ketua RT of RT B (another kecamatan), officials of RT A's kelurahan, of another
kelurahan of the same kecamatan, of RT A's kecamatan, of another kecamatan, the city,
BPJS and the admin.

Part 1, every way in: every registered dialog × every role × every way to open it (each
of its slash commands, its menu entry tapped, and the same tap forged by a caller whose
menu does not offer it). The table of who may open what is tests/support/permissions.py
(also checked, with the refusal's wording, by tests/handlers/test_permissions.py).

Part 2, scope: every role asks for RT A's things by their identifiers: a confirmed
activity by number (official list and Ketua RT list), an accident report by reference,
RT A's draft handed to the participant list and to the confirmation, and a BPJS export
of the period. The thing must show exactly for the callers whose scope holds RT A.

Each test prints its number of cases (run with `-s` to see them), for the closing note.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest_asyncio

from bot.app import App
from handlers.registry import REGISTRY
from support.activity_helpers import (
    SITI,
    add_participant,
    confirm_directly,
    create_activity,
    put_in,
)
from support.chat import Chat
from support.permissions import (
    ADMIN,
    BPJS,
    EXPECTED,
    KETUA,
    PETUGAS_KECAMATAN,
    PETUGAS_KELURAHAN,
    PETUGAS_KOTA,
    REFUSED,
    WARGA,
)
from support.seeding import SeededRt, grant

RT_A_KELURAHAN, OTHER_KELURAHAN = "15.71.01.1001", "15.71.01.1002"
RT_A_KECAMATAN, OTHER_KECAMATAN = "15.71.01", "15.71.02"

# role -> (the table's kind of caller, whether RT A is in its scope)
ROLES: dict[str, tuple[str, bool]] = {
    "anonymous": (WARGA, False),
    "resident": (WARGA, False),
    "ketua RT A": (KETUA, True),
    "ketua RT B": (KETUA, False),
    "official kelurahan X": (PETUGAS_KELURAHAN, True),
    "official other kelurahan": (PETUGAS_KELURAHAN, False),
    "official kecamatan X": (PETUGAS_KECAMATAN, True),
    "official other kecamatan": (PETUGAS_KECAMATAN, False),
    "official city": (PETUGAS_KOTA, True),
    "bpjs": (BPJS, True),
    "admin": (ADMIN, True),
}
OFFICIAL_GRANTS = {
    "official kelurahan X": ("petugas", "+6281100000021", "kelurahan", RT_A_KELURAHAN),
    "official other kelurahan": ("petugas", "+6281100000022", "kelurahan", OTHER_KELURAHAN),
    "official kecamatan X": ("petugas", "+6281100000023", "kecamatan", RT_A_KECAMATAN),
    "official other kecamatan": ("petugas", "+6281100000024", "kecamatan", OTHER_KECAMATAN),
    "official city": ("petugas", "+6281100000025", "kota", None),
    "bpjs": ("bpjs", "+6281100000026", "kota", None),
    "admin": ("admin", "+6281100000027", "kota", None),
}
OFFICIAL_KINDS = {PETUGAS_KOTA, PETUGAS_KECAMATAN, PETUGAS_KELURAHAN, BPJS, ADMIN}
DIALOGS = dict(REGISTRY.dialogs)


@pytest_asyncio.fixture
async def callers(app: App, rt: SeededRt, other_rt: SeededRt) -> dict[str, Chat]:
    chats = {
        "anonymous": Chat(app, "anon-1", channel="telegram", name="Tanpa Nama"),
        "resident": Chat(app, "warga-1", channel="whatsapp", phone="+6281300000001"),
        "ketua RT A": Chat(app, "ketua-a", channel="whatsapp", phone=rt.chair_phone),
        "ketua RT B": Chat(app, "ketua-b", channel="whatsapp", phone=other_rt.chair_phone),
    }
    for label, (role, phone, kind, code) in OFFICIAL_GRANTS.items():
        await grant(app, role, phone, label.title(), kind, code)
        chats[label] = Chat(app, label.replace(" ", "-"), channel="whatsapp", phone=phone)
    for chat in chats.values():
        await chat.says("menu")
    return chats


async def where(chat: Chat) -> tuple[str, str]:
    async with chat.app.uow_factory() as uow:
        conversation = await uow.conversations.get(chat.address.channel, chat.address.chat_id)
        return conversation.dialog, conversation.step


def commands_of(dialog: str) -> list[str]:
    # "/start" alone is the menu (a navigation word), not onboarding.
    return [word for word, name in REGISTRY.commands.items() if name == dialog and word != "/start"]


async def test_every_way_in_for_every_role(callers: dict[str, Chat]) -> None:
    cases, wrong = 0, []
    for dialog in DIALOGS:
        entry = DIALOGS[dialog].entry
        for role, (kind, _) in ROLES.items():
            chat = callers[role]
            allowed = kind in EXPECTED[dialog]
            for word in commands_of(dialog):
                cases += 1
                await chat.says("menu")
                await chat.says(word)
                refused = REFUSED in chat.text
                if refused == allowed:
                    wrong.append(f"{role} {word}: {'refused' if refused else 'let in'}")
            if entry is None or dialog == "menu":
                continue
            cases += 1
            await chat.says("menu")
            offered = dialog in {c.id for c in chat.choices_full}
            # Tapped when offered; forged (the id sent without the button) when not.
            await chat.taps_id(dialog)
            inside = (await where(chat))[0] == dialog or (
                DIALOGS[dialog].enter is not None and REFUSED not in chat.text and offered
            )
            # Not every allowed dialog is in every menu (officials reach residents' dialogs
            # by command; "Saya Ketua RT" is not offered to a chair), but nothing else is.
            if offered and not allowed:
                wrong.append(f"{role} is offered {dialog}")
            if inside and not allowed:
                wrong.append(f"{role} forged a tap into {dialog}")
    print(f"\nmatrix part 1 (dialog × role × way in): {cases} cases, {len(wrong)} wrong")
    assert cases >= 150
    assert wrong == []


async def _seed_rt_a_things(app: App, rt: SeededRt) -> dict[str, Any]:
    confirmed = await create_activity(app, rt.id, title="Pengecoran jalan Gang Kenari")
    await add_participant(app, confirmed, SITI, phone="+6281300000001")
    await confirm_directly(app, confirmed, datetime(2026, 3, 2, 2, 0, tzinfo=UTC))
    draft = await create_activity(app, rt.id, title="Pengecatan pos ronda Melati")
    async with app.uow_factory() as uow:
        number = (await uow.activities.get(confirmed)).number
        incident = await uow.incidents.report(
            date(2026, 3, 2),
            rt_id=rt.id,
            victim_name="Joko Prasetyo Sinaga",
            occurred_at=datetime(2026, 3, 2, 1, 0, tzinfo=UTC),
            place="Gang Kenanga ujung",
            description="Tertimpa papan cor",
            severity="luka_ringan",
            reported_at=datetime(2026, 3, 2, 1, 30, tzinfo=UTC),
            status="open",
        )
        await uow.commit()
    return {"number": number, "draft": draft, "reference": incident.reference}


async def _official_activity(chat: Chat, things: dict[str, Any]) -> bool:
    await chat.says("menu")
    await chat.says(f"/kegiatanrt {things['number']}")
    shown = "Pengecoran jalan Gang Kenari" in chat.text
    await chat.says("menu")
    await chat.says("/kegiatanrt")
    await chat.says(things["number"])
    return shown or "Pengecoran jalan Gang Kenari" in chat.text


async def _chair_activity(chat: Chat, things: dict[str, Any]) -> bool:
    await chat.says("menu")
    await chat.says("/kegiatan")
    listed = "Pengecoran jalan Gang Kenari" in chat.text
    await chat.says(things["number"])
    return listed or "Pengecoran jalan Gang Kenari" in chat.text


async def _incident(chat: Chat, things: dict[str, Any]) -> bool:
    await chat.says("menu")
    await chat.says("/insiden")
    listed = "Joko Prasetyo Sinaga" in chat.text
    await chat.says(things["reference"])
    return listed or "Joko Prasetyo Sinaga" in chat.text or "Gang Kenanga" in chat.text


async def _handed_draft(dialog: str, chat: Chat, things: dict[str, Any]) -> bool:
    step = DIALOGS[dialog].steps.declared[0]
    await put_in(chat, dialog, step, {"activity_id": things["draft"]})
    await chat.says("lihat")
    return "Pengecatan pos ronda Melati" in chat.text or "Siti" in chat.text


async def _export(chat: Chat, things: dict[str, Any]) -> bool:
    """The BPJS export of March 2026 for the caller's whole area: RT A's participant
    must be in the file only for callers whose scope holds RT A."""
    await chat.says("menu")
    await chat.says("/ekspor")
    if REFUSED in chat.text or not chat.choices_full:
        return False
    files = []
    # The format, the period, then (for a scope wider than a kelurahan) the whole area.
    for answer in ("CSV", "Maret 2026", "Seluruh wilayah"):
        if (await where(chat))[0] != "official_export":
            break
        matches = [c for c in chat.choices_full if answer.casefold() in c.title.casefold()]
        await (chat.taps_id(matches[0].id) if matches else chat.says(answer))
        files += [r.document for r in chat.replies if r.document is not None]
    return any(b"Siti Aminah" in doc.data for doc in files)


SCOPED = {
    "official activity by number": (_official_activity, OFFICIAL_KINDS),
    "chair activity by number": (_chair_activity, {KETUA}),
    "incident by reference": (_incident, OFFICIAL_KINDS),
    "participants of RT A's draft": (
        lambda chat, things: _handed_draft("participants", chat, things),
        {KETUA},
    ),
    "confirmation of RT A's draft": (
        lambda chat, things: _handed_draft("coverage_confirmation", chat, things),
        {KETUA},
    ),
    "BPJS export of the period": (_export, OFFICIAL_KINDS),
}


async def test_rt_a_shows_only_to_callers_whose_scope_holds_it(
    app: App, rt: SeededRt, callers: dict[str, Chat]
) -> None:
    things = await _seed_rt_a_things(app, rt)
    cases, wrong = 0, []
    for what, (ask, kinds) in SCOPED.items():
        for role, (kind, in_scope) in ROLES.items():
            cases += 1
            shown = await ask(callers[role], things)
            expected = kind in kinds and in_scope
            if shown != expected:
                wrong.append(f"{role} / {what}: {'shown' if shown else 'not shown'}")
    print(f"\nmatrix part 2 (RT A's things × role): {cases} cases, {len(wrong)} wrong")
    assert wrong == []


def test_the_matrix_covers_every_dialog_and_kind_of_caller() -> None:
    assert set(EXPECTED) == set(DIALOGS)
    assert {kind for kind, _ in ROLES.values()} == set().union(*EXPECTED.values())
