"""Lapor kecelakaan (DOMAIN.md §4): the accident report dialog.

A Ketua RT: activity → victim from its worker list (or a NIK) → [RT] → when → where →
what → severity → reporter → summary → send. Anyone else (issue 4's resident notice):
victim by NIK and/or name → RT → the same steps. The first step is the activity for a
chair and the victim for everyone else (`card`); the victim (`victim`), the RT (`rt`),
the details (`details`); sending saves the report and alerts every official in scope
(`submit`). `batal` while changing one answer returns to the summary; elsewhere it asks
before the answers are thrown away (and then leaves nothing behind); `menu` keeps them
to continue."""

from __future__ import annotations

from bot.core.dialog import Command, Dialog, MenuEntry, Step, StepTable
from handlers.accident_report import NAME, card, details, flow, texts, victim
from handlers.accident_report import rt as accident_rt

DIALOG = Dialog(
    name=NAME,
    steps=StepTable(
        (flow.START, Step(card.ask_start, card.handle_start, help="accident_help_start")),
        # A chair's report: the victim from the activity's worker list (or a NIK).
        (
            flow.PERSON_STEP,
            Step(victim.ask_person, victim.handle_person, help="accident_help_person"),
        ),
        # Only when a new victim's NIK reads as two believable birth years.
        (flow.CENTURY_STEP, Step(victim.ask_century, victim.handle_century, choice_only=True)),
        # Only when the RT is not known from the victim or the activity.
        (flow.RT_STEP, Step(accident_rt.ask_rt, accident_rt.handle_rt)),
        (flow.WHEN, Step(details.ask_when, details.handle_when)),
        (flow.WHERE, Step(details.ask_where, details.handle_where)),
        (
            flow.WHAT,
            Step(details.ask_what, details.handle_what, max_length=details.DESCRIPTION_MAX),
        ),
        (flow.SEVERITY_STEP, Step(details.ask_severity, details.handle_severity)),
        (flow.REPORTER_STEP, Step(details.ask_reporter, details.handle_reporter)),
        # The card, then send it or change one answer (which returns here).
        (flow.SUMMARY, Step(card.ask_summary, card.handle_summary, hub=True)),
        (flow.CHANGE, Step(card.ask_change, card.handle_change)),
    ),
    texts=texts,
    command=Command("/lapor", "command_accident_report"),
    entry=MenuEntry("menu_item_accident", 50),
    unfinished=flow.unfinished,
    on_cancel=card.on_cancel,
    on_leave=flow.forget_created_person,
)
