"""Aggregates for officials' summaries, always limited to a scope."""

from __future__ import annotations

from storage.repositories._base import Repository


class StatisticsRepository(Repository):
    pass
