"""The admin conversation (/admin, admins only): a menu of the admin's commands — import
the RT list, officials, invite codes, RT budgets, broadcast, the audit log and the outbox
status — each a group of steps in a module of its own (rt_import, officials,
official_add, rt_pick, invites, budgets, broadcast, audit, outbox); the whole table is
here, each part in the order it asks.

Nothing is written before the admin confirms (or, for the RT list, before a file with no
bad row is sent), so `batal` anywhere leaves nothing half-done."""

from __future__ import annotations

from bot.core.dialog import Command, Dialog, MenuEntry, Step, StepTable
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
    texts=texts,
    first=MENU_STEP,
    roles=frozenset({"admin"}),
    command=Command("/admin", "command_admin"),
    entry=MenuEntry("menu_item_admin", 130, roles=frozenset({"admin"})),
    on_cancel=menu.on_cancel,
    steps=StepTable(
        (
            MENU_STEP,
            Step(ask=menu.ask_menu, handle=menu.handle_menu, choice_only=True, help="admin_help"),
        ),
        # Import the RT list: a file, then its bad rows (fix or skip).
        (
            rt_import.FILE,
            Step(ask=rt_import.ask_file, handle=rt_import.handle_file),
        ),
        (
            rt_import.ERRORS,
            Step(ask=rt_import.ask_errors, handle=rt_import.handle_errors),
        ),
        # Officials: the list, removing one, adding one.
        (
            officials.LIST,
            Step(ask=officials.ask_list, handle=officials.handle_list),
        ),
        (
            officials.REMOVE,
            Step(ask=officials.ask_remove, handle=officials.handle_remove),
        ),
        (
            officials.REMOVE_CONFIRM,
            Step(
                ask=officials.ask_remove_confirm,
                handle=officials.handle_remove_confirm,
                choice_only=True,
            ),
        ),
        # Adding an official: name, phone, role, scope, its area, confirmation.
        (
            official_add.NAME,
            Step(ask=official_add.ask_name, handle=official_add.handle_name),
        ),
        (
            official_add.PHONE,
            Step(ask=official_add.ask_phone, handle=official_add.handle_phone),
        ),
        (
            official_add.ROLE,
            Step(ask=official_add.ask_role, handle=official_add.handle_role),
        ),
        (
            official_add.SCOPE,
            Step(ask=official_add.ask_scope, handle=official_add.handle_scope),
        ),
        (
            official_add.PICK_KECAMATAN,
            Step(ask=official_add.ask_kecamatan, handle=official_add.handle_kecamatan),
        ),
        (
            official_add.PICK_KELURAHAN,
            Step(ask=official_add.ask_kelurahan, handle=official_add.handle_kelurahan),
        ),
        (
            official_add.CONFIRM,
            Step(
                ask=official_add.ask_confirm,
                handle=official_add.handle_confirm,
                choice_only=True,
            ),
        ),
        # Picking one RT (for an invite code or a budget), then the step kept in rt_then.
        (rt_pick.PICK, Step(ask=rt_pick.ask_pick, handle=rt_pick.handle_pick)),
        (
            rt_pick.NUMBER,
            Step(ask=rt_pick.ask_number, handle=rt_pick.handle_number),
        ),
        (
            invites.CONFIRM,
            Step(ask=invites.ask_confirm, handle=invites.handle_confirm, choice_only=True),
        ),
        (budgets.SHOW, Step(ask=budgets.ask_show, handle=budgets.handle_show)),
        (
            budgets.CONFIRM,
            Step(ask=budgets.ask_confirm, handle=budgets.handle_confirm, choice_only=True),
        ),
        # A broadcast to the Ketua RTs.
        (
            broadcast.TARGET,
            Step(ask=broadcast.ask_target, handle=broadcast.handle_target),
        ),
        (
            broadcast.TEXT,
            Step(
                ask=broadcast.ask_text,
                handle=broadcast.handle_text,
                max_length=broadcast.MAX_LENGTH,
            ),
        ),
        (
            broadcast.PREVIEW,
            Step(ask=broadcast.ask_preview, handle=broadcast.handle_preview),
        ),
        # The audit log, all or by NIK or by official.
        (audit.LOG, Step(ask=audit.ask_log, handle=audit.handle_log)),
        (audit.BY_NIK, Step(ask=audit.ask_by_nik, handle=audit.handle_by_nik)),
        (
            audit.BY_OFFICIAL,
            Step(ask=audit.ask_by_official, handle=audit.handle_by_official),
        ),
        # The outbox's delivery status.
        (
            outbox.STATUS,
            Step(ask=outbox.ask_status, handle=outbox.handle_status, choice_only=True),
        ),
    ),
)
