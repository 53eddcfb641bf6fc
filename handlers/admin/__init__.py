"""Admin (/admin, admins only): one dialog whose menu opens the admin's commands, each in a module of its own."""

from __future__ import annotations

# The name conversations are stored under: never changes, or saved ones cannot resume.
NAME = "admin"
