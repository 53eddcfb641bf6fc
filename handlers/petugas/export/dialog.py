"""Ekspor BPJS: an official picks a format, a period and an area within their scope, and
gets the participants covered in that period as an XLSX or CSV document
(`bot.reports.bpjs_export` writes it, streaming, and audits it).

NIKs: admins and the `bpjs` role get them in full (the file is for BPJS registration);
every other official (petugas) gets them masked. The first question says which, so
nobody is surprised by the file. The dialog keeps only the format and the dates in its
data; the area is re-checked against the caller's scope at the moment of the export.
"""

from __future__ import annotations

from bot.core.dialog import Command, Dialog, MenuEntry, Step, StepTable
from handlers.common.access import OFFICIALS
from handlers.petugas.export import NAME, request, texts

DIALOG = Dialog(
    name=NAME,
    steps=StepTable(
        ("format", Step(request.ask_format, request.handle_format, help="export_help")),
        ("period", Step(request.ask_period, request.handle_period, help="export_help")),
        ("area", Step(request.ask_area, request.handle_area, help="export_help")),
    ),
    texts=texts,
    roles=OFFICIALS,
    command=Command("/ekspor", "command_official_export"),
    entry=MenuEntry("menu_item_export", 100, roles=OFFICIALS),
)
