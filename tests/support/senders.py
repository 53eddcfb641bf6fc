"""An outbox sender for tests: records each parcel it is handed, after failing with the
given errors first (one per send)."""

from __future__ import annotations

from bot.workers.outbox_sender import Parcel


class FakeSender:
    def __init__(self, *failures: Exception) -> None:
        self.failures = list(failures)
        self.sent: list[Parcel] = []

    async def send(self, parcel: Parcel) -> str | None:
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append(parcel)
        return f"provider-{parcel.id}"
