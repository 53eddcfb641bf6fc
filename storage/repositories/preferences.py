"""Officials' alert preferences (accidents always reach them; the rest is a choice)."""

from __future__ import annotations

from storage.repositories._base import Repository


class AlertPreferenceRepository(Repository):
    pass
