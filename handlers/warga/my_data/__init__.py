"""Data saya: a person's own data and their correction requests (UU 27/2022)."""

from __future__ import annotations

# The name conversations are stored under: never changes, or saved ones cannot resume.
NAME = "my_data"
