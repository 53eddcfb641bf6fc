"""Daftarkan kegiatan: the registration questions, one per message, then the summary card."""

from __future__ import annotations

# The name conversations are stored under: never changes, or saved ones cannot resume.
NAME = "activity_registration"
