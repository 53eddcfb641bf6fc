"""Simulasi premi: anyone types an activity value in any everyday format and gets the
BPJS Jakon premium (JKK + JKM) from the full tiered schedule."""

from __future__ import annotations

from bot.core.dialog import Command, Dialog, MenuEntry, Step, StepTable
from handlers.warga.premium import NAME, simulation, texts

DIALOG = Dialog(
    name=NAME,
    steps=StepTable(("value", Step(simulation.ask_value, simulation.handle_value))),
    texts=texts,
    command=Command("/premi", "command_premium"),
    entry=MenuEntry("menu_item_premium", 140),
)
