"""Cek perlindungan: a resident's own coverage, by verified phone or by NIK."""

from __future__ import annotations

# The name conversations are stored under: never changes, or saved ones cannot resume.
NAME = "coverage_check"
