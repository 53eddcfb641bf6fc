"""Insiden: officials' accident reports in their scope, newest first; one incident's detail;
marking it reported to BPJS with the report number, or closing it with its outcome and a
note (stage II).

The whole conversation in the order it asks: the list and the detail (`listing`), then
reporting or closing with its confirmation (`handling`); each ends on a fresh list."""

from __future__ import annotations

from bot.core.dialog import Command, Dialog, MenuEntry, Step, StepTable
from handlers.common.access import OFFICIALS
from handlers.petugas.incidents import handling, listing, texts
from handlers.petugas.incidents.handling import HELP, NAME

DIALOG = Dialog(
    name=NAME,
    steps=StepTable(
        # `batal` while handling a report returns to it, and from there to the list.
        ("list", Step(listing.ask_list, listing.handle_list, max_length=100, help=HELP, hub=True)),
        (
            "detail",
            Step(listing.ask_detail, listing.handle_detail, choice_only=True, help=HELP, hub=True),
        ),
        # Marking it reported to BPJS, or closing it (`handling`).
        (
            "report_number",
            Step(handling.ask_number, handling.handle_number, max_length=100, help=handling.HELP),
        ),
        (
            "report_confirm",
            Step(
                handling.ask_report_confirm,
                handling.handle_report_confirm,
                choice_only=True,
                help=handling.HELP,
            ),
        ),
        (
            "close_reason",
            Step(
                handling.ask_reason,
                handling.handle_reason,
                max_length=handling.REASON_MAX,
                help=handling.HELP,
            ),
        ),
        (
            "close_note",
            Step(
                handling.ask_note,
                handling.handle_note,
                max_length=handling.REASON_MAX,
                help=handling.HELP,
            ),
        ),
        (
            "close_confirm",
            Step(
                handling.ask_close_confirm,
                handling.handle_close_confirm,
                choice_only=True,
                help=handling.HELP,
            ),
        ),
    ),
    texts=texts,
    roles=OFFICIALS,
    command=Command("/insiden", "command_official_incidents"),
    entry=MenuEntry("menu_item_incidents", 110, roles=OFFICIALS),
)
