"""Onboarding: how a Ketua RT becomes known to the bot (DESIGN.md §2 "Identity").

A chair whose verified phone is on the Pemkot RT list needs no dialog at all: every
message resolves them as Ketua RT. This dialog is for whoever says "Saya Ketua RT" and is
not recognised yet: it asks a Telegram user to share their contact (a typed number proves
nothing), says whom to contact when the number is not on the list, and redeems a one-time
invite code, typed or from `/start KODE`. A refused code creates nothing.
"""

from __future__ import annotations

from bot.core.dialog import Command, Dialog, MenuEntry, Step, StepTable
from bot.domain.vocabulary import Role
from handlers.common.access import OFFICIALS
from handlers.ketua_rt.onboarding import NAME, identify, texts

DIALOG = Dialog(
    name=NAME,
    steps=StepTable(
        ("share", Step(identify.ask_share, identify.handle_identify, help=identify.HELP)),
        ("not_listed", Step(identify.ask_not_listed, identify.handle_identify, help=identify.HELP)),
        ("code", Step(identify.ask_code, identify.handle_code, max_length=100, help=identify.HELP)),
    ),
    texts=texts,
    enter=identify.enter,
    # "/start KODE": an invite code; "/start" alone is the engine's way to the menu.
    command=Command("/start"),
    # Only for those not recognised as a chair or an official yet.
    entry=MenuEntry("menu_item_onboarding", 70, unless=frozenset({Role.KETUA_RT}) | OFFICIALS),
)
