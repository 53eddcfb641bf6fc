"""Data saya: what the bot stores about the caller (UU 27/2022), and a correction request
that goes to the officials of their RT.

The whole conversation in the order it asks: sharing the phone number when it is not
verified yet, then the data (`shown`); whose data is wrong, what to fix, and sending it
(`correction`)."""

from __future__ import annotations

from bot.core.dialog import Command, Dialog, MenuEntry, Step, StepTable
from handlers.common.access import OFFICIALS
from handlers.warga.my_data import NAME, correction, shown, texts

DIALOG = Dialog(
    name=NAME,
    texts=texts,
    first=shown.AFTER,
    enter=shown.enter,
    command=Command("/datasaya", "command_my_data"),
    entry=MenuEntry("menu_item_my_data", 60, unless=OFFICIALS),
    on_cancel=correction.on_cancel,
    steps=StepTable(
        (shown.SHARE, Step(ask=shown.ask_share, handle=shown.handle_share)),
        (shown.AFTER, Step(ask=shown.ask_after, handle=shown.handle_after)),
        # A correction request (`correction`): whose data, what is wrong, send it.
        (
            correction.WHO,
            Step(ask=correction.ask_who, handle=correction.handle_who, choice_only=True),
        ),
        (
            correction.FIX,
            Step(
                ask=correction.ask_fix,
                handle=correction.handle_fix,
                max_length=correction.MAX_LENGTH,
                help="mydata_help_fix",
            ),
        ),
        (correction.CONFIRM, Step(ask=correction.ask_confirm, handle=correction.handle_confirm)),
    ),
)
