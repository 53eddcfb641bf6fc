"""The "Ketua RT could not be identified" alert: someone typed wrong invite codes again
and again, the last one belonging to a known RT. Officials covering that RT's kelurahan
who want it (Peringatan) hear of it. A phone that is not on the RT list alerts nobody:
anyone may tap "Saya Ketua RT", and that alone is no event (issue 11).

One alert per person per day reaches each official, whatever they try next: the dedup
key holds the account and the WIB date, so a chair retrying all afternoon is not spam.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.core import ports
from bot.core.messages import Notification, Reply
from bot.core.ports import Texts, UnitOfWork
from bot.domain.dates import today_wib
from bot.workers.jobs.recipients import Officials

KIND = "chair_unidentified"
# Refused codes within the invite attempt window that count as "repeated".
REPEATED_FAILURES = 3


@dataclass(frozen=True)
class Attempt:
    """Who tried: `failures` how many codes were refused lately; the RT the last refused
    code was for, with its kelurahan."""

    account_id: int
    name: str
    channel: str
    phone: str | None
    kelurahan_code: str
    failures: int
    rt_label: str


def _wants(preference: ports.AlertPreference) -> bool:
    return bool(preference.unidentified_chairs)


async def unidentified_chair_alerts(
    uow: UnitOfWork, texts: Texts, attempt: Attempt, now: datetime
) -> list[Notification]:
    """The notifications to queue (through ctx.notify) about this attempt."""
    officials = (await Officials.load(uow)).for_place(attempt.kelurahan_code, _wants)
    day = today_wib(now).isoformat()
    notes = []
    for official in officials:
        account = official.account
        if account.id == attempt.account_id:
            continue
        language = account.language or "id"
        contact = attempt.phone or texts.text(
            language, "alert_chair_no_phone", channel=attempt.channel.capitalize()
        )
        name = attempt.name or "-"
        text = texts.text(
            language,
            "alert_chair_codes",
            name=name,
            contact=contact,
            count=attempt.failures,
            rt=texts.text(language, "alert_chair_code_rt", rt=attempt.rt_label),
        )
        notes.append(
            Notification(
                account_id=account.id,
                reply=Reply(text),
                kind=KIND,
                template="chair_unidentified",
                template_params=(name, contact),
                dedup_key=f"chair_unidentified:{attempt.account_id}:{day}:{account.id}",
            )
        )
    return notes
