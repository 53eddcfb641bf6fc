"""The "Ketua RT could not be identified" alert: someone typed wrong invite codes again and
again, and a refused code belonged to a known RT. Only officials who want it (Peringatan)
and cover that RT's kelurahan hear of it. When the place is unknown (a phone not on the
RT list, codes of no RT) nobody is alerted: the person is told to ask their lurah or
pendamping kelurahan, and no official is disturbed by a claim that names no RT.

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
PHONE_NOT_LISTED = "phone"
WRONG_CODES = "codes"
# Refused codes within the invite attempt window that count as "repeated".
REPEATED_FAILURES = 3


@dataclass(frozen=True)
class Attempt:
    """Who tried and how: `reason` is PHONE_NOT_LISTED or WRONG_CODES; `failures` how many
    codes were refused lately; `rt_label` the RT a refused code was for ("" if unknown)."""

    account_id: int
    name: str
    channel: str
    phone: str | None
    reason: str
    kelurahan_code: str | None = None
    failures: int = 0
    rt_label: str = ""


def _wants(preference: ports.AlertPreference) -> bool:
    return bool(preference.unidentified_chairs)


async def unidentified_chair_alerts(
    uow: UnitOfWork, texts: Texts, attempt: Attempt, now: datetime
) -> list[Notification]:
    """The notifications to queue (through ctx.notify) about this attempt: none when it
    names no RT's area."""
    if attempt.kelurahan_code is None:
        return []
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
        if attempt.reason == PHONE_NOT_LISTED:
            text = texts.text(language, "alert_chair_phone", name=name, contact=contact)
        else:
            rt = texts.text(language, "alert_chair_code_rt", rt=attempt.rt_label)
            text = texts.text(
                language,
                "alert_chair_codes",
                name=name,
                contact=contact,
                count=attempt.failures,
                rt=rt if attempt.rt_label else "",
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
