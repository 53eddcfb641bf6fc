"""The admin conversation (/admin, admins only): a menu of the admin's commands — import
the RT list, officials, invite codes, RT budgets, broadcast, the audit log and the outbox
status — each a group of steps in a module of its own (rt_import, officials,
official_add, rt_pick, invites, budgets, broadcast, audit, outbox); the whole table is
here, each part in the order it asks.

Nothing is written before the admin confirms (or, for the RT list, before a file with no
bad row is sent), so `batal` anywhere leaves nothing half-done."""

from __future__ import annotations

from bot.core.dialog import Command, Dialog, MenuEntry, Step, StepTable
from bot.domain.vocabulary import Role
from handlers.admin import (
    NAME,
    audit,
    broadcast,
    budgets,
    invites,
    menu,
    official_add,
    officials,
    outbox,
    rt_import,
    rt_pick,
    texts,
)
from handlers.admin.common import MENU_STEP

DIALOG = Dialog(
    name=NAME,
    steps=StepTable(
        (MENU_STEP, Step(menu.ask_menu, menu.handle_menu, choice_only=True, help="admin_help")),
        # Import the RT list: a file, then its bad rows (fix or skip).
        (rt_import.FILE, Step(rt_import.ask_file, rt_import.handle_file)),
        (rt_import.ERRORS, Step(rt_import.ask_errors, rt_import.handle_errors)),
        # Officials: the list, removing one, adding one.
        (officials.LIST, Step(officials.ask_list, officials.handle_list, choice_only=True)),
        (officials.REMOVE, Step(officials.ask_remove, officials.handle_remove, choice_only=True)),
        (
            officials.REMOVE_CONFIRM,
            Step(officials.ask_remove_confirm, officials.handle_remove_confirm, choice_only=True),
        ),
        # Adding an official: name, phone, role, scope, its area, confirmation.
        (official_add.NAME, Step(official_add.ask_name, official_add.handle_name)),
        (official_add.PHONE, Step(official_add.ask_phone, official_add.handle_phone)),
        (official_add.ROLE, Step(official_add.ask_role, official_add.handle_role)),
        (official_add.SCOPE, Step(official_add.ask_scope, official_add.handle_scope)),
        (
            official_add.PICK_KECAMATAN,
            Step(official_add.ask_kecamatan, official_add.handle_kecamatan),
        ),
        (
            official_add.PICK_KELURAHAN,
            Step(official_add.ask_kelurahan, official_add.handle_kelurahan),
        ),
        (
            official_add.CONFIRM,
            Step(official_add.ask_confirm, official_add.handle_confirm, choice_only=True),
        ),
        # Picking one RT (for an invite code or a budget), then the step kept in rt_then.
        (rt_pick.PICK, Step(rt_pick.ask_pick, rt_pick.handle_pick)),
        (rt_pick.NUMBER, Step(rt_pick.ask_number, rt_pick.handle_number)),
        (invites.CONFIRM, Step(invites.ask_confirm, invites.handle_confirm, choice_only=True)),
        (budgets.SHOW, Step(budgets.ask_show, budgets.handle_show)),
        (budgets.CONFIRM, Step(budgets.ask_confirm, budgets.handle_confirm, choice_only=True)),
        # A broadcast to the Ketua RTs.
        (broadcast.TARGET, Step(broadcast.ask_target, broadcast.handle_target)),
        (
            broadcast.TEXT,
            Step(broadcast.ask_text, broadcast.handle_text, max_length=broadcast.MAX_LENGTH),
        ),
        (
            broadcast.PREVIEW,
            Step(broadcast.ask_preview, broadcast.handle_preview, choice_only=True),
        ),
        # The audit log, all or by NIK or by official.
        (audit.LOG, Step(audit.ask_log, audit.handle_log, choice_only=True)),
        (audit.BY_NIK, Step(audit.ask_by_nik, audit.handle_by_nik)),
        (audit.BY_OFFICIAL, Step(audit.ask_by_official, audit.handle_by_official)),
        # The outbox's delivery status.
        (outbox.STATUS, Step(outbox.ask_status, outbox.handle_status, choice_only=True)),
    ),
    texts=texts,
    roles=frozenset({Role.ADMIN}),
    command=Command("/admin", "command_admin"),
    entry=MenuEntry("menu_item_admin", 130, roles=frozenset({Role.ADMIN})),
    on_cancel=menu.on_cancel,
)
