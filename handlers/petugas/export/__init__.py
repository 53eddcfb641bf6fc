"""Ekspor BPJS: an official's export of a period and an area."""

from __future__ import annotations

# The name conversations are stored under: never changes, or saved ones cannot resume.
NAME = "official_export"
