"""Ringkasan: an official's summary of their scope — RTs active, activities by status,
people covered now, premiums this month and year, open incidents — followed by a bar
chart of confirmed activities per kecamatan (per kelurahan inside a kecamatan, per RT
inside a kelurahan) sent as a PNG image. The figures come from `bot.reports.statistics`."""

from __future__ import annotations

from bot.core.dialog import Command, Dialog, MenuEntry, Step, StepTable
from handlers.common.access import OFFICIALS
from handlers.petugas import activities
from handlers.petugas.summary import NAME, figures, texts

DIALOG = Dialog(
    name=NAME,
    steps=StepTable(
        ("next", Step(figures.ask_next, figures.handle_next, choice_only=True, help="summary_help"))
    ),
    texts=texts,
    roles=OFFICIALS,
    command=Command("/ringkasan", "command_official_summary"),
    entry=MenuEntry("menu_item_summary", 80, roles=OFFICIALS),
    hands_off_to=(activities.NAME,),
    enter=figures.enter,
)
