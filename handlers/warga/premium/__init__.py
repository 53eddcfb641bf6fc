"""Simulasi premi: the premium of any activity value."""

from __future__ import annotations

# The name conversations are stored under: never changes, or saved ones cannot resume.
NAME = "premium"
