"""Kegiatan saya: a Ketua RT's activities and what can be done with each — continue or
delete a draft; for a confirmed one: its participants, the surat tugas, and the tracked
changes (extend, shorten, postpone, change the value, cancel with a reason).

The whole conversation in the order it asks: the list, one activity, deleting a draft
(`activities`); then each tracked change with its confirmation (`changes`, `reschedule`,
`cancel`), every one returning to the activity.
"""

from __future__ import annotations

from bot.core.dialog import Command, Dialog, MenuEntry, Step, StepTable
from bot.domain.vocabulary import Role
from handlers.ketua_rt import participants, register_activity
from handlers.ketua_rt.my_activities import (
    NAME,
    activities,
    cancel,
    changes,
    reschedule,
    texts,
)
from handlers.ketua_rt.register_activity.period import DATE_MAX_LENGTH

CHAIRS = frozenset({Role.KETUA_RT})

DIALOG = Dialog(
    name=NAME,
    steps=StepTable(
        # `batal` in a change returns to the activity, and from there to the list.
        ("list", Step(activities.ask_list, activities.handle_list, hub=True)),
        (
            "detail",
            Step(activities.ask_detail, activities.handle_detail, choice_only=True, hub=True),
        ),
        (
            "delete_draft",
            Step(activities.ask_delete_draft, activities.handle_delete_draft, choice_only=True),
        ),
        # Tracked changes to a confirmed activity; each ends back at "detail".
        (
            changes.EXTEND,
            Step(changes.ask_extend, changes.handle_extend, max_length=DATE_MAX_LENGTH),
        ),
        (
            "extend_confirm",
            Step(changes.ask_extend_confirm, changes.handle_extend_confirm, choice_only=True),
        ),
        (changes.VALUE, Step(changes.ask_value, changes.handle_value, max_length=DATE_MAX_LENGTH)),
        (
            "value_confirm",
            Step(changes.ask_value_confirm, changes.handle_value_confirm, choice_only=True),
        ),
        (
            reschedule.SHORTEN,
            Step(reschedule.ask_shorten, reschedule.handle_shorten, max_length=DATE_MAX_LENGTH),
        ),
        (
            "shorten_confirm",
            Step(
                reschedule.ask_shorten_confirm,
                reschedule.handle_shorten_confirm,
                choice_only=True,
            ),
        ),
        (
            reschedule.POSTPONE,
            Step(reschedule.ask_postpone, reschedule.handle_postpone, max_length=DATE_MAX_LENGTH),
        ),
        (
            "postpone_confirm",
            Step(
                reschedule.ask_postpone_confirm,
                reschedule.handle_postpone_confirm,
                choice_only=True,
            ),
        ),
        # Cancelling: the reason (a button, or typed), then what it means, then done.
        (
            cancel.CANCEL,
            Step(cancel.ask_cancel, cancel.handle_cancel, max_length=cancel.REASON_MAX_LENGTH),
        ),
        (
            cancel.REASON,
            Step(cancel.ask_reason, cancel.handle_reason, max_length=cancel.REASON_MAX_LENGTH),
        ),
        ("cancel_confirm", Step(cancel.ask_confirm, cancel.handle_confirm, choice_only=True)),
    ),
    texts=texts,
    roles=CHAIRS,
    command=Command("/kegiatan", "command_my_activities"),
    entry=MenuEntry("menu_item_my_activities", 20, roles=CHAIRS),
    hands_off_to=(register_activity.NAME, participants.NAME),
)
