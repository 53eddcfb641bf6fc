"""Rows for BPJS exports, streamed in batches so 100,000 rows stay small in memory."""

from __future__ import annotations

from storage.repositories._base import Repository


class ExportRepository(Repository):
    pass
