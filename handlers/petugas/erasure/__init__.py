"""Hapus data: officials decide residents' erasure requests ("Hapus data saya")."""

from __future__ import annotations

# The name conversations are stored under: never changes, or saved ones cannot resume.
NAME = "official_erasure"
