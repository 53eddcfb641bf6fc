"""Perbaikan data: officials handle residents' correction requests ("Minta perbaikan")."""

from __future__ import annotations

# The name conversations are stored under: never changes, or saved ones cannot resume.
NAME = "official_corrections"
