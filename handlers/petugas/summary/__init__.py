"""Ringkasan: an official's summary of their scope with a chart."""

from __future__ import annotations

# The name conversations are stored under: never changes, or saved ones cannot resume.
NAME = "official_summary"
