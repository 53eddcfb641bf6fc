"""Konfirmasi perlindungan: the last check of a draft activity and its confirmation with the surat tugas."""

from __future__ import annotations

from bot.core.dialog import Start

# The name conversations are stored under: never changes, or saved ones cannot resume.
NAME = "coverage_confirmation"
# Where the dialog keeps the activity it works on.
ACTIVITY = "activity_id"


def start_coverage_confirmation(activity_id: int) -> Start:
    """Hand over to the final check and confirmation of a draft activity."""
    return Start(NAME, {ACTIVITY: activity_id})
