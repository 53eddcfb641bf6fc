"""Peringatan: what an official hears from the bot besides accident alerts."""

from __future__ import annotations

# The name conversations are stored under: never changes, or saved ones cannot resume.
NAME = "alert_settings"
