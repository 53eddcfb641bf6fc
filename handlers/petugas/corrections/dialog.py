"""Perbaikan data: the open correction requests of residents in the official's scope,
oldest first; one request with what is held now and the resident's message; approving it
with the corrected values (applied, audited, the resident told) or rejecting it with a
reason (audited, the resident told). Each ends on a fresh list.

The whole conversation in the order it asks: the list and the detail (`listing`), the
corrected values and their confirmation (`approve`), the reason and its confirmation
(`reject`)."""

from __future__ import annotations

from bot.core.dialog import Command, Dialog, MenuEntry, Step, StepTable
from handlers.common.access import OFFICIALS
from handlers.petugas.corrections import NAME, approve, listing, reject, texts
from handlers.petugas.corrections.common import HELP

DIALOG = Dialog(
    name=NAME,
    steps=StepTable(
        ("list", Step(listing.ask_list, listing.handle_list, max_length=100, help=HELP, hub=True)),
        (
            "detail",
            Step(listing.ask_detail, listing.handle_detail, choice_only=True, help=HELP, hub=True),
        ),
        # Approving: the corrected value of each field, then old → new to confirm.
        (
            "fix_field",
            Step(approve.ask_field, approve.handle_field, choice_only=True, help=HELP, hub=True),
        ),
        ("fix_name", Step(approve.ask_name, approve.handle_name, max_length=200, help=HELP)),
        ("fix_birth", Step(approve.ask_birth, approve.handle_birth, max_length=60, help=HELP)),
        ("fix_sex", Step(approve.ask_sex, approve.handle_sex, choice_only=True, help=HELP)),
        ("fix_phone", Step(approve.ask_phone, approve.handle_phone, max_length=60, help=HELP)),
        (
            "approve_confirm",
            Step(approve.ask_confirm, approve.handle_confirm, choice_only=True, help=HELP),
        ),
        # Rejecting: the reason, then confirm.
        (
            "reject_reason",
            Step(reject.ask_reason, reject.handle_reason, max_length=reject.REASON_MAX, help=HELP),
        ),
        (
            "reject_confirm",
            Step(reject.ask_confirm, reject.handle_confirm, choice_only=True, help=HELP),
        ),
    ),
    texts=texts,
    roles=OFFICIALS,
    command=Command("/perbaikan", "command_official_corrections"),
    entry=MenuEntry("menu_item_corrections", 115, roles=OFFICIALS),
)
