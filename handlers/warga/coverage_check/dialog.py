"""Cek perlindungan: a resident's own coverage, now and in the past, when their verified
phone is on a worker list; otherwise (or for someone else) a check by NIK that answers
only "covered now or not", the period and the RT — masked NIK, no name (knowing a NIK
proves nothing, DOMAIN.md §5). An unknown NIK and a known one without current or coming
coverage get the same answer, so a lookup never tells whether the bot knows someone.

NIK checks are limited per account (settings.program.nik_lookups_per_hour, a rolling
hour counted in the audit log); every lookup, by phone or by NIK, is audited without the
NIK in clear.
"""

from __future__ import annotations

from bot.core.dialog import Command, Dialog, MenuEntry, Step, StepTable
from handlers.common.access import OFFICIALS
from handlers.warga import benefits
from handlers.warga.coverage_check import NAME, check, texts

DIALOG = Dialog(
    name=NAME,
    steps=StepTable(
        (check.OWN, Step(check.ask_own, check.handle_own, help="check_help_nik")),
        ("nik", Step(check.ask_nik, check.handle_nik, help="check_help_nik")),
    ),
    texts=texts,
    # A NIK unless `enter` finds the caller's own coverage by their verified phone.
    first="nik",
    enter=check.enter,
    command=Command("/cek", "command_coverage_check"),
    # Officials reach it by command: their menu stays short enough for a WhatsApp list.
    entry=MenuEntry("menu_item_check", 30, unless=OFFICIALS),
    hands_off_to=(benefits.NAME,),
)
