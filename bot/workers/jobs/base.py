"""What every job gets for one round: the unit of work, the time, the texts and the
settings, and a way to queue a message exactly once (by its outbox dedup key)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from bot.config import Settings
from bot.core import ports
from bot.core.messages import Notification, reply_to_payload
from bot.core.ports import Texts, UnitOfWork
from bot.domain.dates import program_zone

URGENT_PRIORITY = 1
NORMAL_PRIORITY = 5


@dataclass
class Run:
    uow: UnitOfWork
    now: datetime
    texts: Texts
    settings: Settings
    queued: int = 0

    def text(self, account: ports.Account, key: str, **values: Any) -> str:
        """A catalogue text in the recipient's language."""
        return self.texts.text(account.language or "id", key, **values)

    def translator(self, account: ports.Account) -> Callable[..., str]:
        """`t(key, **values)` in the recipient's language (for shared text builders)."""
        language = account.language or "id"
        return lambda key, **values: self.texts.text(language, key, **values)

    async def already(self, keys: Iterable[str]) -> set[str]:
        """Which of these dedup keys were queued before: checked before building a message
        whose content costs queries (a summary), so later rounds stay cheap."""
        return await self.uow.preferences.queued_keys(keys)

    async def send(self, account: ports.Account, note: Notification) -> bool:
        """Queue one message; False when its key was queued before or the person opted
        out. Every derived message must carry a dedup key."""
        if note.dedup_key is None:
            raise ValueError("a scheduled message needs a dedup key")
        if account.opted_out:
            return False
        message = await self.uow.outbox.enqueue(
            account_id=account.id,
            channel=account.channel,
            chat_id=account.chat_id,
            payload=reply_to_payload(note.reply, note.template, note.template_params),
            kind=note.kind,
            priority=URGENT_PRIORITY if note.reply.urgent else NORMAL_PRIORITY,
            dedup_key=note.dedup_key,
            not_before=self.now,
        )
        if message is None:
            return False
        self.queued += 1
        return True


def start_of_day(day: date) -> datetime:
    """Midnight of `day` in the program's zone, as an aware UTC datetime."""
    return datetime.combine(day, time(0, 0), tzinfo=program_zone()).astimezone(UTC)


async def place_of(run: Run, account: ports.Account, rt: ports.Rt | None) -> str:
    """ "RT 01, Kel. Simpang IV Sipin", or "RT tidak diketahui"."""
    if rt is None:
        return run.text(account, "alert_place_unknown")
    kelurahan = await run.uow.regions.get_kelurahan(rt.kelurahan_code)
    name = kelurahan.name if kelurahan is not None else rt.kelurahan_code
    return run.text(account, "alert_place", rt=f"{rt.number:02d}", kelurahan=name)
