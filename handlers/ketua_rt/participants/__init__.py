"""Peserta: a Ketua RT adds (one by one or pasted), lists and removes the workers of one activity."""

from __future__ import annotations

from bot.core.dialog import Start

# The name conversations are stored under: never changes, or saved ones cannot resume.
NAME = "participants"
# Where the dialog keeps the activity it works on.
ACTIVITY = "activity_id"


def start_participants(activity_id: int | None) -> Start:
    """Hand over to the participant list of one of the caller's activities."""
    return Start(NAME, {ACTIVITY: activity_id})
