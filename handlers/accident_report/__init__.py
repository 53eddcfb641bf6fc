"""Lapor kecelakaan: anyone reports an accident; officials in scope are alerted at once (DOMAIN.md §4)."""

from __future__ import annotations

# The name conversations are stored under: never changes, or saved ones cannot resume.
NAME = "accident_report"
