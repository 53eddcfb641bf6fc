"""Hapus data: the open erasure requests of residents in the official's scope, oldest
first; one request with who asked, their RTs and what approving does; approving it
(erased at once what claims do not need, the rest kept for the claims period, audited,
the resident told) or refusing it with a reason (audited, the resident told).

The whole conversation in the order it asks: the list and the detail (`listing`), the
approval's confirmation or the refusal's reason (`decide`)."""

from __future__ import annotations

from bot.core.dialog import Command, Dialog, MenuEntry, Step, StepTable
from handlers.common.access import OFFICIALS
from handlers.petugas.erasure import NAME, decide, listing, texts
from handlers.petugas.erasure.listing import HELP

DIALOG = Dialog(
    name=NAME,
    steps=StepTable(
        ("list", Step(listing.ask_list, listing.handle_list, max_length=100, help=HELP, hub=True)),
        (
            "detail",
            Step(listing.ask_detail, listing.handle_detail, choice_only=True, help=HELP, hub=True),
        ),
        (
            "approve_confirm",
            Step(decide.ask_approve, decide.handle_approve, choice_only=True, help=HELP),
        ),
        (
            "refuse_reason",
            Step(decide.ask_reason, decide.handle_reason, max_length=decide.REASON_MAX, help=HELP),
        ),
    ),
    texts=texts,
    roles=OFFICIALS,
    command=Command("/hapusdata", "command_official_erasure"),
    entry=MenuEntry("menu_item_erasure", 116, roles=OFFICIALS),
)
