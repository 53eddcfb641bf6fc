"""Peserta: a Ketua RT manages the worker list of one of their RT's activities — add one
person, paste a list, look at it, remove someone, and (for a draft) go on to confirm the
coverage. Entered with `start_participants(activity_id)`.

The whole conversation in the order it asks: the main step (`overview`); adding one
person: NIK, its birth date and sex confirmed, the children's-data confirmation, name
(`add`), role, phone, wage (`details`); pasting a list, the lines it asks back (an unknown
role, a birth year) and confirming the minors in it (`paste`); the list and removing one
person (`listing`); changing one person's role (`roles`). Every change is saved with the
message that made it, so `batal` only leaves the sub-step (back to the main step or the
list) and `menu` keeps a person being entered to continue; the guard re-checks on every
answer that the activity is still the caller's.
"""

from __future__ import annotations

from bot.core.dialog import Dialog, Step, StepTable
from bot.domain.vocabulary import Role
from handlers.ketua_rt import confirm_coverage
from handlers.ketua_rt.participants import (
    NAME,
    add,
    details,
    guardian,
    listing,
    overview,
    paste,
    roles,
    texts,
)
from handlers.ketua_rt.participants.common import (
    OWN_ACTIVITY,
    PENDING_PERSON,
    discard_pending,
    unfinished,
)
from handlers.ketua_rt.participants.paste import PASTE_MAX_LENGTH

DIALOG = Dialog(
    name=NAME,
    steps=StepTable(
        # Unguarded: its prompt already says when the activity is gone (see handle_main).
        (
            "main",
            Step(
                overview.ask_main,
                overview.handle_main,
                help="participants_help_main",
                guarded=False,
                hub=True,
            ),
        ),
        # Adding one person.
        ("nik", Step(add.ask_nik, add.handle_nik, help="participants_help_nik")),
        # From here until the entry is saved: the person whose NIK was checked must still exist.
        # Only for a new NIK whose year reads as two plausible ages (2020 or 1920).
        (
            "nik_century",
            Step(
                add.ask_nik_century,
                add.handle_nik_century,
                guard=PENDING_PERSON,
                choice_only=True,
            ),
        ),
        (
            "nik_confirm",
            Step(
                add.ask_nik_confirm, add.handle_nik_confirm, guard=PENDING_PERSON, choice_only=True
            ),
        ),
        # Only for someone under 18.
        ("minor", Step(add.ask_minor, add.handle_minor, choice_only=True)),
        # After "Ya, tetap tambahkan": who (parent or guardian) consented for the child.
        (
            "guardian",
            Step(
                guardian.ask_guardian,
                guardian.handle_guardian,
                guard=PENDING_PERSON,
                max_length=guardian.MAX_LENGTH,
                help="participants_help_guardian",
            ),
        ),
        ("name", Step(add.ask_name, add.handle_name, guard=PENDING_PERSON)),
        # Only when a known NIK comes with a clearly different name.
        (
            "name_conflict",
            Step(
                add.ask_name_conflict,
                add.handle_name_conflict,
                guard=PENDING_PERSON,
                choice_only=True,
            ),
        ),
        ("role", Step(details.ask_role, details.handle_role)),
        ("phone", Step(details.ask_phone, details.handle_phone)),
        ("wage", Step(details.ask_wage, details.handle_wage)),
        # Pasting a list.
        (
            "paste",
            Step(
                paste.ask_paste,
                paste.handle_paste,
                max_length=PASTE_MAX_LENGTH,
                help="participants_help_paste",
            ),
        ),
        # Only for pasted lines with an unknown role word or a NIK year of two plausible ages.
        (
            "paste_check",
            Step(paste.ask_check, paste.handle_check, help="participants_help_check"),
        ),
        ("paste_minors", Step(paste.ask_minors, paste.handle_minors, choice_only=True)),
        # Looking at the list, removing one person.
        ("list", Step(listing.ask_list, listing.handle_list, hub=True)),
        ("remove", Step(listing.ask_remove, listing.handle_remove)),
        (
            "remove_confirm",
            Step(listing.ask_remove_confirm, listing.handle_remove_confirm, choice_only=True),
        ),
        # Changing one person's role (after confirmation: a tracked change).
        (roles.PICK, Step(roles.ask_pick, roles.handle_pick)),
        (roles.NEW_ROLE, Step(roles.ask_new_role, roles.handle_new_role)),
    ),
    texts=texts,
    roles=frozenset({Role.KETUA_RT}),
    unfinished=unfinished,
    on_cancel=overview.on_cancel,
    on_leave=discard_pending,
    guard=OWN_ACTIVITY,
    hands_off_to=(confirm_coverage.NAME,),
)
