"""Lapor kecelakaan (DOMAIN.md §4): the accident report dialog.

A Ketua RT: activity → victim from its worker list (or a NIK) → [RT] → when → where →
what → severity → reporter → summary → send. Anyone else (issue 4's resident notice):
victim by NIK and/or name → RT → the same steps. The first step is the activity for a
chair and the victim for everyone else (`card`); the victim (`victim`), the RT (`rt`),
the details (`details`); sending saves the report and alerts every official in scope
(`submit`); `batal` leaves nothing behind."""

from __future__ import annotations

from bot.core.dialog import Command, Dialog, MenuEntry, Step, StepTable
from handlers.accident_report import NAME, card, details, flow, texts, victim
from handlers.accident_report import rt as accident_rt

DIALOG = Dialog(
    name=NAME,
    texts=texts,
    first=flow.START,
    command=Command("/lapor", "command_accident_report"),
    entry=MenuEntry("menu_item_accident", 50),
    on_cancel=card.on_cancel,
    on_leave=flow.forget_created_person,
    steps=StepTable(
        (
            flow.START,
            Step(ask=card.ask_start, handle=card.handle_start, help="accident_help_start"),
        ),
        # A chair's report: the victim from the activity's worker list (or a NIK).
        (
            flow.PERSON_STEP,
            Step(ask=victim.ask_person, handle=victim.handle_person, help="accident_help_person"),
        ),
        # Only when the RT is not known from the victim or the activity.
        (flow.RT_STEP, Step(ask=accident_rt.ask_rt, handle=accident_rt.handle_rt)),
        (flow.WHEN, Step(ask=details.ask_when, handle=details.handle_when)),
        (flow.WHERE, Step(ask=details.ask_where, handle=details.handle_where)),
        (
            flow.WHAT,
            Step(
                ask=details.ask_what, handle=details.handle_what, max_length=details.DESCRIPTION_MAX
            ),
        ),
        (flow.SEVERITY_STEP, Step(ask=details.ask_severity, handle=details.handle_severity)),
        (flow.REPORTER_STEP, Step(ask=details.ask_reporter, handle=details.handle_reporter)),
        # The card, then send it or change one answer (which returns here).
        (flow.SUMMARY, Step(ask=card.ask_summary, handle=card.handle_summary)),
        (flow.CHANGE, Step(ask=card.ask_change, handle=card.handle_change)),
    ),
)
