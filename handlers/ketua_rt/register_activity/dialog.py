"""Daftarkan kegiatan: a Ketua RT registers an activity, one question per message.

The whole conversation in the order it asks: an unfinished draft to continue or which
RT, title, kind, place (`details`); start and end date, value and PPN (`period`); the
summary card, changing one answer from it, and saving (`summary`). Until "Simpan &
tambah peserta" everything is kept in ctx.data only: `batal` while changing one answer
returns to the summary, elsewhere it asks before throwing the answers away, and `menu`
keeps them to continue later (`fields.unfinished`); saving hands over to the
participants of the new draft.
"""

from __future__ import annotations

from bot.core.dialog import Command, Dialog, MenuEntry, Step, StepTable
from bot.domain.vocabulary import Role
from handlers.ketua_rt import participants
from handlers.ketua_rt.register_activity import NAME, details, fields, period, summary, texts
from handlers.ketua_rt.register_activity.details import PLACE_MAX, TITLE_MAX
from handlers.ketua_rt.register_activity.period import DATE_MAX_LENGTH

CHAIRS = frozenset({Role.KETUA_RT})

DIALOG = Dialog(
    name=NAME,
    steps=StepTable(
        # A draft to continue, the RT, or straight to the title (see details.entry_mode).
        ("start", Step(details.ask_start, details.handle_start, max_length=TITLE_MAX)),
        ("rt", Step(details.ask_rt, details.handle_rt)),
        ("title", Step(details.ask_title, details.handle_title, max_length=TITLE_MAX)),
        ("kind", Step(details.ask_kind, details.handle_kind)),
        ("place", Step(details.ask_place, details.handle_place, max_length=PLACE_MAX)),
        # Only after a shared location: what it is, or skip.
        ("place_detail", Step(details.ask_place_detail, details.handle_place_detail)),
        (
            "start_date",
            Step(period.ask_start_date, period.handle_start_date, max_length=DATE_MAX_LENGTH),
        ),
        ("end_date", Step(period.ask_end_date, period.handle_end_date, max_length=DATE_MAX_LENGTH)),
        ("value", Step(period.ask_value, period.handle_value, max_length=DATE_MAX_LENGTH)),
        ("ppn", Step(period.ask_ppn, period.handle_ppn)),
        # `batal` while changing one answer comes back here.
        (
            "summary",
            Step(summary.ask_summary, summary.handle_summary, choice_only=True, hub=True),
        ),
        # "Ubah": which answer to change; that step then returns to the summary.
        ("edit", Step(summary.ask_edit, summary.handle_edit, choice_only=True)),
    ),
    texts=texts,
    unfinished=fields.unfinished,
    roles=CHAIRS,
    command=Command("/daftar", "command_activity_registration"),
    entry=MenuEntry("menu_item_register", 10, roles=CHAIRS),
    hands_off_to=(participants.NAME,),
)
