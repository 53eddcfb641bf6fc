"""Kegiatan (officials): the activities of the caller's scope, filtered (status, kelurahan,
dates) and paged; open one by its button or its number (KB-2026-00012), then its details,
participants and surat tugas. Every query carries the scope, so an id outside it —
typed, stale, or from before an admin narrowed the scope — finds nothing and shows
nothing.

The whole conversation in the order it asks: the list (`listing`), its filters
(`filters`), one activity (`detail`) and its participants (`people`)."""

from __future__ import annotations

from bot.core.dialog import Command, Dialog, MenuEntry, Step, StepTable
from handlers.common.access import OFFICIALS
from handlers.petugas.activities import NAME, detail, filters, listing, people, texts

DIALOG = Dialog(
    name=NAME,
    steps=StepTable(
        # `batal` in a filter or the people returns to the list or the activity.
        ("list", Step(listing.ask_list, listing.handle_list, help="oa_help", hub=True)),
        # The filters: status, kelurahan, dates.
        ("filters", Step(filters.ask_menu, filters.handle_menu, choice_only=True, help="oaf_help")),
        (
            "filter_status",
            Step(
                filters.ask_status,
                filters.handle_status,
                choice_only=True,
                problem="oaf_status_pick",
                help="oaf_help",
            ),
        ),
        (
            "filter_kelurahan",
            Step(filters.ask_kelurahan, filters.handle_kelurahan, help="oaf_help"),
        ),
        ("filter_dates", Step(filters.ask_dates, filters.handle_dates, help="oaf_help")),
        # One activity: its details, its participants, a full NIK (audited).
        (
            "detail",
            Step(
                detail.ask_detail, detail.handle_detail, choice_only=True, help="oa_help", hub=True
            ),
        ),
        (
            "people",
            Step(people.ask_people, people.handle_people, choice_only=True, help="oa_people_help"),
        ),
        (
            "reveal",
            Step(
                people.ask_reveal,
                people.handle_reveal,
                choice_only=True,
                problem="oa_reveal_pick",
                help="oa_people_help",
            ),
        ),
    ),
    texts=texts,
    roles=OFFICIALS,
    command=Command("/kegiatanrt", "command_official_activities"),
    entry=MenuEntry("menu_item_activities", 90, roles=OFFICIALS),
    enter=listing.enter,
)
