"""Kegiatan (officials): the activity list of the caller's scope, its filters, one activity's detail and worker list."""

from __future__ import annotations

# The name conversations are stored under: never changes, or saved ones cannot resume.
NAME = "official_activities"
