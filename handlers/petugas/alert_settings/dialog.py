"""Peringatan: what an official hears from the bot besides accident alerts (which always
reach them). Preferences belong to one official grant (a role row of the caller's phone
or account), so someone who is petugas for the city and admin of a kelurahan sets each
apart: new activities immediately, in the 07:00 digest or not at all; the daily summary;
activities starting tomorrow without participants; a Ketua RT who could not be
identified. Every change is saved at once and audited.

Switch buttons name the target state ("Matikan ringkasan harian"), so a repeated tap is a
stale button, never a toggle back.
"""

from __future__ import annotations

from bot.core.dialog import Command, Dialog, MenuEntry, Step, StepTable
from handlers.common.access import OFFICIALS
from handlers.petugas.alert_settings import NAME, preferences, texts

DIALOG = Dialog(
    name=NAME,
    steps=StepTable(
        ("roles", Step(preferences.ask_roles, preferences.handle_roles, help=preferences.HELP)),
        (
            "settings",
            Step(preferences.ask_settings, preferences.handle_settings, help=preferences.HELP),
        ),
        (
            "new_activities",
            Step(
                preferences.ask_new_activities,
                preferences.handle_new_activities,
                help=preferences.HELP,
            ),
        ),
    ),
    texts=texts,
    enter=preferences.enter,
    roles=OFFICIALS,
    command=Command("/peringatan", "command_alert_settings"),
    entry=MenuEntry("menu_item_alerts", 120, roles=OFFICIALS),
)
