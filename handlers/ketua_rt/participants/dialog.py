"""Peserta: a Ketua RT manages the worker list of one of their RT's activities — add one
person, paste a list, look at it, remove someone, and (for a draft) go on to confirm the
coverage. Entered with `start_participants(activity_id)`.

The whole conversation in the order it asks: the main step (`overview`); adding one
person: NIK, its birth date and sex confirmed, the children's-data confirmation, name
(`add`), role, phone, wage (`details`); pasting a list and confirming the minors in it
(`paste`); the list and removing one person (`listing`). Every change is saved with the
message that made it; the guard re-checks on every answer that the activity is still the
caller's.
"""

from __future__ import annotations

from bot.core.dialog import Dialog, Step, StepTable
from handlers.ketua_rt import confirm_coverage
from handlers.ketua_rt.participants import NAME, add, details, listing, overview, paste, texts
from handlers.ketua_rt.participants.common import OWN_ACTIVITY, discard_pending
from handlers.ketua_rt.participants.paste import PASTE_MAX_LENGTH

DIALOG = Dialog(
    name=NAME,
    texts=texts,
    first="main",
    roles=frozenset({"ketua_rt"}),
    on_cancel=overview.on_cancel,
    on_leave=discard_pending,
    guard=OWN_ACTIVITY,
    hands_off_to=(confirm_coverage.NAME,),
    steps=StepTable(
        # Unguarded: its prompt already says when the activity is gone (see handle_main).
        (
            "main",
            Step(
                ask=overview.ask_main,
                handle=overview.handle_main,
                help="participants_help_main",
                guarded=False,
            ),
        ),
        # Adding one person.
        ("nik", Step(ask=add.ask_nik, handle=add.handle_nik, help="participants_help_nik")),
        ("nik_confirm", Step(ask=add.ask_nik_confirm, handle=add.handle_nik_confirm)),
        # Only for someone under 18.
        ("minor", Step(ask=add.ask_minor, handle=add.handle_minor, choice_only=True)),
        ("name", Step(ask=add.ask_name, handle=add.handle_name)),
        # Only when a known NIK comes with a clearly different name.
        ("name_conflict", Step(ask=add.ask_name_conflict, handle=add.handle_name_conflict)),
        ("role", Step(ask=details.ask_role, handle=details.handle_role)),
        ("phone", Step(ask=details.ask_phone, handle=details.handle_phone)),
        ("wage", Step(ask=details.ask_wage, handle=details.handle_wage)),
        # Pasting a list.
        (
            "paste",
            Step(
                ask=paste.ask_paste,
                handle=paste.handle_paste,
                max_length=PASTE_MAX_LENGTH,
                help="participants_help_paste",
            ),
        ),
        ("paste_minors", Step(ask=paste.ask_minors, handle=paste.handle_minors, choice_only=True)),
        # Looking at the list, removing one person.
        ("list", Step(ask=listing.ask_list, handle=listing.handle_list)),
        ("remove", Step(ask=listing.ask_remove, handle=listing.handle_remove)),
        (
            "remove_confirm",
            Step(
                ask=listing.ask_remove_confirm,
                handle=listing.handle_remove_confirm,
                choice_only=True,
            ),
        ),
    ),
)
