"""Kegiatan saya: a Ketua RT's activities, and tracked changes to a confirmed one."""

from __future__ import annotations

# The name conversations are stored under: never changes, or saved ones cannot resume.
NAME = "my_activities"
