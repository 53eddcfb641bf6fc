"""Data saya: what the bot stores about the caller (UU 27/2022), a correction request
that goes to the officials of their RT, a download of everything held, and an erasure
request an official decides.

The whole conversation in the order it asks: sharing the phone number when it is not
verified yet, then the data (`shown`) and what may follow (`rights`); whose data is wrong,
what to fix, and sending it (`correction`); the file (`download`); whose data to erase and
confirming the request (`erasure`)."""

from __future__ import annotations

from bot.core.dialog import Command, Dialog, MenuEntry, Step, StepTable
from handlers.common.access import OFFICIALS
from handlers.warga.my_data import NAME, correction, erasure, rights, shown, texts

DIALOG = Dialog(
    name=NAME,
    steps=StepTable(
        (shown.SHARE, Step(shown.ask_share, shown.handle_share)),
        (shown.AFTER, Step(rights.ask_after, rights.handle_after)),
        # A correction request (`correction`): whose data, which data, what is wrong, send it.
        (correction.WHO, Step(correction.ask_who, correction.handle_who, choice_only=True)),
        (
            correction.FIELD,
            Step(
                correction.ask_field,
                correction.handle_field,
                choice_only=True,
                help="mydata_help_fix",
            ),
        ),
        (
            correction.FIX,
            Step(
                correction.ask_fix,
                correction.handle_fix,
                max_length=correction.MAX_LENGTH,
                help="mydata_help_fix",
            ),
        ),
        (correction.CONFIRM, Step(correction.ask_confirm, correction.handle_confirm)),
        # An erasure request (`erasure`): whose data, what will happen, send it.
        (
            erasure.WHO,
            Step(erasure.ask_who, erasure.handle_who, choice_only=True, help="mydata_help_erase"),
        ),
        (
            erasure.CONFIRM,
            Step(
                erasure.ask_confirm,
                erasure.handle_confirm,
                choice_only=True,
                help="mydata_help_erase",
            ),
        ),
    ),
    texts=texts,
    # The data at once; `enter` asks to share the phone number first when it is unverified.
    first=shown.AFTER,
    enter=shown.enter,
    command=Command("/datasaya", "command_my_data"),
    entry=MenuEntry("menu_item_my_data", 60, unless=OFFICIALS),
    on_cancel=rights.on_cancel,
)
