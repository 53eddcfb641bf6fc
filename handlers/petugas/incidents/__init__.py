"""Insiden: officials' open accident reports and what they do with one."""

from __future__ import annotations

# The name conversations are stored under: never changes, or saved ones cannot resume.
NAME = "official_incidents"
