"""Alerts to city officials: who is in scope for a place, and the urgent accident alert.

An official (roles `petugas`, `admin`, `bpjs`) is in scope of a kelurahan when their role
covers the whole city, the kelurahan's kecamatan, or the kelurahan itself. Roles are
granted to a phone number (every chat verified for it gets the alert: WhatsApp and
Telegram alike) or to one account. Accounts that opted out are skipped. Alert text comes
from the catalogue in the recipient's own language; the NIK appears only masked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.core import ports
from bot.core.messages import Notification, Reply
from bot.core.ports import Texts, UnitOfWork
from bot.domain.dates import format_datetime
from bot.domain.regions import code_key
from bot.domain.vocabulary import OFFICIAL_ROLES, ScopeKind

ACCIDENT_KIND = "accident"
ACCIDENT_TEMPLATE = "accident_alert"


__all__ = ["Texts"]  # moved to bot.core.ports; still importable from here


class Recipient(Protocol):
    # Read-only: an `Account` row (or anything with an id and a language) will do.
    @property
    def id(self) -> int: ...
    @property
    def language(self) -> str: ...


def _code(value: str | None) -> str | None:
    return code_key(value) if value else None


def role_covers(role: ports.Role, kecamatan_code: str | None, kelurahan_code: str | None) -> bool:
    """Whether one official's grant covers a place (a city-wide grant covers everything,
    also a report whose RT is unknown)."""
    if role.scope_kind == ScopeKind.CITY:
        return True
    wanted = kecamatan_code if role.scope_kind == "kecamatan" else None
    if role.scope_kind == "kelurahan":
        wanted = kelurahan_code
    return wanted is not None and _code(role.scope_code) == _code(wanted)


async def officials_in_scope(uow: UnitOfWork, kelurahan_code: str | None) -> list[ports.Account]:
    """The accounts to alert about something in this kelurahan (None: place unknown, so
    only city-wide officials), in a stable order and each account once."""
    kecamatan_code = None
    if kelurahan_code:
        kelurahan = await uow.regions.get_kelurahan(kelurahan_code)
        kecamatan_code = kelurahan.kecamatan_code if kelurahan is not None else None
    found: dict[int, ports.Account] = {}
    for role_name in OFFICIAL_ROLES:
        for role in await uow.roles.list(role_name):
            if not role_covers(role, kecamatan_code, kelurahan_code):
                continue
            holders = []
            if role.account_id is not None:
                holders.append(await uow.accounts.get(role.account_id))
            if role.phone:
                holders.extend(await uow.accounts.by_phone(role.phone))
            for account in holders:
                if account is not None and not account.opted_out:
                    found.setdefault(account.id, account)
    return sorted(found.values(), key=lambda account: account.id)


@dataclass(frozen=True)
class AccidentFacts:
    """What an accident alert says; already free of any NIK in clear."""

    incident_id: int
    reference: str
    rt: str  # "RT 01" or "" when unknown
    kelurahan: str
    kecamatan: str
    activity: str  # title and number, or "" when outside a registered activity
    victim_name: str
    victim_nik_masked: str  # "1571********0001" or "" when no NIK was given
    occurred_at: datetime
    place: str
    description: str
    severity: str  # one of bot.domain.incident.SEVERITIES
    covered: bool
    reporter_name: str
    reporter_phone: str
    deadline: datetime
    # On the worker list, but the cover began only after the accident (the activity was
    # confirmed, or the person added, later): "belum terlindungi saat kejadian".
    covered_from: datetime | None = None
    # The name is only the reporter's word (bot.domain.incident.victim_unverified).
    victim_reported_as: bool = False


def coverage_words(texts: Texts, language: str, facts: AccidentFacts) -> str:
    """Whether the victim was covered at the moment of the accident, in words."""
    if facts.covered:
        return texts.text(language, "accident_covered_yes")
    if facts.covered_from is not None:
        starts = format_datetime(facts.covered_from)
        return texts.text(language, "accident_covered_not_yet", start=starts)
    return texts.text(language, "accident_covered_no")


def victim_label(texts: Texts, language: str, facts: AccidentFacts) -> str:
    if facts.victim_reported_as:
        return texts.text(language, "accident_victim_reported_as", name=facts.victim_name)
    return facts.victim_name


def accident_alert_text(texts: Texts, language: str, facts: AccidentFacts) -> str:
    def t(key: str) -> str:
        return texts.text(language, key)

    return texts.text(
        language,
        "accident_alert",
        reference=facts.reference,
        rt=facts.rt or t("accident_rt_unknown"),
        kelurahan=facts.kelurahan or "-",
        kecamatan=facts.kecamatan or "-",
        activity=facts.activity or t("accident_no_activity"),
        victim=victim_label(texts, language, facts),
        nik=facts.victim_nik_masked or t("accident_nik_unknown"),
        when=format_datetime(facts.occurred_at),
        place=facts.place,
        what=facts.description,
        severity=t(f"accident_severity_{facts.severity}"),
        covered=coverage_words(texts, language, facts),
        reporter=facts.reporter_name,
        phone=facts.reporter_phone,
        deadline=format_datetime(facts.deadline),
    )


def accident_alert(texts: Texts, recipient: Recipient, facts: AccidentFacts) -> Notification:
    """The urgent alert for one official, queued once per incident and account."""
    language = recipient.language or "id"
    place = " · ".join(part for part in (facts.rt, facts.kelurahan) if part)
    return Notification(
        account_id=recipient.id,
        reply=Reply(accident_alert_text(texts, language, facts), urgent=True),
        kind=ACCIDENT_KIND,
        template=ACCIDENT_TEMPLATE,
        template_params=(
            facts.reference,
            texts.text(language, f"accident_severity_{facts.severity}"),
            place or "-",
            format_datetime(facts.deadline),
        ),
        dedup_key=f"accident:{facts.incident_id}:{recipient.id}",
    )
