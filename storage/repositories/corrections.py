"""Correction requests: a person asks officials to fix the data held about them."""

from __future__ import annotations

from storage.repositories._base import Repository


class CorrectionRepository(Repository):
    pass
