"""The registry is derived from the dialogs' own declarations, and refuses at start-up
what could not work: two dialogs or two steps with one name, a hand-off to a dialog that
is not registered. The names conversations are stored under never change."""

from __future__ import annotations

import pytest

from bot.core.dialog import Command, Dialog, MenuEntry, Step, StepTable
from bot.core.messages import Reply
from handlers.catalogue import LANGUAGES, Catalogue
from handlers.ketua_rt import participants, register_activity
from handlers.ketua_rt.register_activity import dialog as registration
from handlers.registry import DIALOGS, REGISTRY, RegistryError, build

# Dialog and step names as saved in the `conversations` table: a conversation saved
# before an upgrade must resume after it, so none may disappear or be renamed.
STORED = {
    "menu": ("main",),
    "onboarding": ("code", "not_listed", "share"),
    "activity_registration": (
        *("edit", "end_date", "kind", "place", "place_detail", "ppn", "rt", "start"),
        *("start_date", "summary", "title", "value"),
    ),
    "my_activities": (
        # Issue 11 added the cancellation's reason and confirmation, postponing, shortening.
        *("cancel", "cancel_confirm", "cancel_reason", "delete_draft", "detail", "extend"),
        *("extend_confirm", "list", "postpone", "postpone_confirm", "shorten"),
        *("shorten_confirm", "value", "value_confirm"),
    ),
    "participants": (
        *(
            "guardian",
            "list",
            "main",
            "minor",
            "name",
            "name_conflict",
            "nik",
            "nik_century",
        ),
        "nik_confirm",
        *("paste", "paste_check", "paste_minors", "phone", "remove", "remove_confirm", "role"),
        *("role_change", "role_change_new", "wage"),
    ),
    "coverage_confirmation": ("final",),
    "coverage_check": ("nik", "own"),
    "accident_report": (
        *("change", "person", "reporter", "rt", "severity", "start", "summary"),
        *("victim_century", "what", "when", "where"),
    ),
    "premium": ("value",),
    "benefits": ("topic",),
    "my_data": ("after", "confirm", "erase_confirm", "erase_who", "field", "fix", "share", "who"),
    "official_summary": ("next",),
    "official_activities": (
        *("detail", "filter_dates", "filter_kelurahan", "filter_status", "filters", "list"),
        *("people", "reveal"),
    ),
    "official_export": ("area", "format", "period"),
    "official_incidents": (
        *("close_confirm", "close_note", "close_reason", "detail", "list"),
        *("report_confirm", "report_number"),
    ),
    "alert_settings": ("new_activities", "roles", "settings"),
    "official_corrections": (
        *("approve_confirm", "detail", "fix_birth", "fix_field", "fix_name", "fix_phone"),
        *("fix_sex", "list", "reject_confirm", "reject_reason"),
    ),
    "official_erasure": ("approve_confirm", "detail", "list", "refuse_reason"),
    "admin": (
        *("audit_by_nik", "audit_by_official", "audit_log", "broadcast_preview"),
        *("broadcast_target", "broadcast_text", "budget_confirm", "budget_show"),
        *("import_errors", "import_file", "invite_confirm", "menu", "official_confirm"),
        *("official_kecamatan", "official_kelurahan", "official_name", "official_phone"),
        *("official_remove", "official_remove_confirm", "official_role", "official_scope"),
        *("officials", "outbox_status", "rt_pick", "rt_pick_number"),
    ),
}


async def _ask(ctx: object) -> Reply:
    return Reply("?")


async def _handle(ctx: object, answer: object) -> object:
    raise AssertionError("not run")


STEP = Step(ask=_ask, handle=_handle)


def test_stored_dialog_and_step_names_are_unchanged() -> None:
    assert {name: tuple(sorted(d.steps)) for name, d in REGISTRY.dialogs.items()} == STORED


def test_commands_come_from_the_declarations() -> None:
    assert REGISTRY.commands["/daftar"] == register_activity.NAME
    assert REGISTRY.commands["/start"] == "onboarding"
    declared = {d.command.word: d.name for d in DIALOGS if d.command is not None}
    assert dict(REGISTRY.commands) == declared


def test_the_menu_offers_every_declared_entry_in_order() -> None:
    menu = REGISTRY.dialogs["menu"]
    entries = sorted((d.entry.order, d.name) for d in DIALOGS if d.entry is not None)
    assert menu.hands_off_to == tuple(name for _, name in entries)
    assert menu.hands_off_to[:2] == ("activity_registration", "my_activities")


def test_every_listed_command_is_described_in_both_languages() -> None:
    for dialog in REGISTRY.dialogs.values():
        if dialog.command is not None and dialog.command.description is not None:
            assert dialog.command.description in LANGUAGES["id"]
            assert dialog.command.description in LANGUAGES["en"]
    listed = dict(REGISTRY.telegram_commands(Catalogue()))
    assert list(listed)[:3] == ["/menu", "/batal", "/bantuan"]
    assert listed["/cek"] == "Cek perlindungan BPJS saya"
    assert "/start" not in listed  # works when typed; not in the menu


def test_each_dialog_brings_its_own_texts_to_the_catalogue() -> None:
    assert registration.DIALOG.texts in REGISTRY.text_areas
    assert "reg_ask_title" in registration.DIALOG.texts.ID


def test_two_dialogs_with_one_name_are_refused() -> None:
    twin = Dialog("premium", {"x": STEP}, "x")
    with pytest.raises(RegistryError, match="two dialogs named 'premium'"):
        build((*DIALOGS, twin))


def test_a_step_declared_twice_is_refused() -> None:
    # Two modules' steps merged into one table under one name: the first would be lost.
    steps = StepTable(("ask", STEP), ("check", STEP), ("ask", STEP))
    with pytest.raises(RegistryError, match="declares step 'ask' twice"):
        build((*DIALOGS, Dialog("twice", steps, "ask")))


def test_a_hand_off_to_an_unknown_dialog_is_refused() -> None:
    lost = Dialog("lost", {"x": STEP}, "x", hands_off_to=("nowhere",))
    with pytest.raises(RegistryError, match="hands off to unknown dialog 'nowhere'"):
        build((*DIALOGS, lost))


def test_a_registry_without_a_declared_target_is_refused() -> None:
    # Registration hands over to the participants: a build without them cannot start.
    without = tuple(d for d in DIALOGS if d.name != participants.NAME)
    with pytest.raises(RegistryError, match="'activity_registration' hands off to unknown"):
        build(without)


def test_one_command_for_two_dialogs_is_refused() -> None:
    other = Dialog("other", {"x": STEP}, "x", command=Command("/DAFTAR"))
    with pytest.raises(RegistryError, match="command /daftar opens two dialogs"):
        build((*DIALOGS, other))


def test_a_first_step_that_does_not_exist_is_refused() -> None:
    with pytest.raises(RegistryError, match="starts at unknown step 'nope'"):
        build((*DIALOGS, Dialog("broken", {"x": STEP}, "nope", entry=MenuEntry("x", 1))))
