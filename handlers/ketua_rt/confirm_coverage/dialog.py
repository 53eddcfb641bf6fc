"""Konfirmasi perlindungan: the last check of a draft activity and its confirmation.

Entered from the participants dialog with {"activity_id": id}. Every answer re-reads the
activity and re-checks it (own RT, still a draft, at least one participant, start not
passed, within budget) before anything is written. Confirming assigns the activity and
surat tugas numbers, replies with the coverage, the benefits and the accident steps,
sends the surat tugas PDF, and notifies the participants who have an account.
"""

from __future__ import annotations

from bot.core.dialog import Dialog, Step, StepTable
from bot.domain.vocabulary import Role
from handlers.ketua_rt import participants
from handlers.ketua_rt.confirm_coverage import NAME, final_check, texts

DIALOG = Dialog(
    name=NAME,
    steps=StepTable(
        ("final", Step(final_check.ask_final, final_check.handle_final, choice_only=True))
    ),
    texts=texts,
    roles=frozenset({Role.KETUA_RT}),
    hands_off_to=(participants.NAME,),
)
