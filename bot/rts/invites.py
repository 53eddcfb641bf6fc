"""Invite codes: the one-time way in for a Ketua RT whose phone is not on the RT list.

An official creates a code for one RT (`create_invite`); the chair types it or opens
`/start KODE` (`redeem_invite`), which grants their account the ketua_rt role for that
RT. Codes use an alphabet without look-alikes (no 0/O, 1/I/L), always mix letters and
digits (so an ordinary word is never mistaken for one) and are read case- and
space-insensitively. Every failed attempt is written to the audit log, and an account
with too many recent failures is refused for a while, so codes cannot be guessed.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.core import ports
from bot.core.identity import resolve_caller
from bot.core.ports import UnitOfWork
from bot.domain.vocabulary import Role

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
DIGITS = frozenset("23456789")
CODE_LENGTH = 8
MAX_FAILED_ATTEMPTS = 5
ATTEMPT_WINDOW = timedelta(hours=1)
# 31^8 codes: a collision is rare enough that a few tries always find a free one.
_GENERATION_TRIES = 20
_SEPARATORS = re.compile(r"[\s\-_.]+")

OK = "ok"
UNKNOWN = "unknown"
EXPIRED = "expired"
USED = "used"
ALREADY_CHAIR = "already_chair"
LIMITED = "limited"
MALFORMED = "malformed"


@dataclass(frozen=True)
class RedeemResult:
    """What came of typing a code. `rt_id` is set for OK and ALREADY_CHAIR only (a
    failed code reveals nothing); `retry_at` for LIMITED: when a new try is allowed."""

    outcome: str
    rt_id: int | None = None
    retry_at: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == OK


def generate_code() -> str:
    """A fresh random code of CODE_LENGTH characters with letters and digits mixed."""
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
        if _mixed(code):
            return code


def normalise_code(text: str) -> str | None:
    """`k7q2 mx4p` or `K7Q2-MX4P` → `K7Q2MX4P`; None when the text cannot be a code."""
    compact = _SEPARATORS.sub("", text).upper()
    if len(compact) != CODE_LENGTH or any(ch not in ALPHABET for ch in compact):
        return None
    return compact if _mixed(compact) else None


def _mixed(code: str) -> bool:
    return any(ch in DIGITS for ch in code) and any(ch not in DIGITS for ch in code)


async def create_invite(
    uow: UnitOfWork, rt_id: int, created_by: int | None, now: datetime, valid_days: int
) -> str:
    """Create a one-time code for this RT, valid `valid_days` from `now`; returns it."""
    if valid_days < 1:
        raise ValueError("an invite must be valid for at least one day")
    if await uow.rts.get(rt_id) is None:
        raise LookupError(f"no RT with id {rt_id}")
    for _ in range(_GENERATION_TRIES):
        code = generate_code()
        if await uow.invites.find(code) is None:
            invite = await uow.invites.create(
                rt_id, code, now + timedelta(days=valid_days), created_by
            )
            await _audit(uow, "invite_created", created_by, now, rt_id=rt_id, invite=invite.id)
            return code
    raise RuntimeError("no free invite code found")


async def redeem_invite(
    uow: UnitOfWork, code: str, account: ports.Account, now: datetime
) -> RedeemResult:
    """Redeem a typed code for `account`: on success the account becomes Ketua RT of the
    invite's RT and the invite is used up. Nothing but the audit entry is written when
    the code is refused."""
    failures = await uow.invites.failures_after(account.id, now - ATTEMPT_WINDOW)
    if len(failures) >= MAX_FAILED_ATTEMPTS:
        # Allowed again once enough of the failures in the window have aged out of it.
        oldest_counted = failures[len(failures) - MAX_FAILED_ATTEMPTS]
        return RedeemResult(LIMITED, retry_at=oldest_counted + ATTEMPT_WINDOW)
    normalised = normalise_code(code)
    if normalised is None:
        # Not shaped like a code at all: a typo to explain, not a guess to count.
        return RedeemResult(MALFORMED)
    invite = await uow.invites.find(normalised)
    if invite is None:
        return await _refuse(uow, account, normalised, UNKNOWN, now)
    caller = await resolve_caller(uow, account)
    if str(invite.rt_id) in caller.scopes.get(Role.KETUA_RT, ()):
        return RedeemResult(ALREADY_CHAIR, rt_id=invite.rt_id)
    if invite.used_at is not None:
        return await _refuse(uow, account, normalised, USED, now)
    if invite.expires_at <= now:
        return await _refuse(uow, account, normalised, EXPIRED, now)
    # The claim is conditional, so of two people typing the same code at once one wins.
    if not await uow.invites.claim(invite, account.id, now):
        return await _refuse(uow, account, normalised, USED, now)
    rt = await uow.rts.get(invite.rt_id)
    await uow.roles.grant(
        Role.KETUA_RT,
        account_id=account.id,
        scope_kind="rt",
        scope_code=str(invite.rt_id),
        name=rt.chair_name if rt is not None else "",
        created_by=invite.created_by,
    )
    await _audit(uow, "invite_redeemed", account.id, now, rt_id=invite.rt_id, invite=invite.id)
    return RedeemResult(OK, rt_id=invite.rt_id)


async def _refuse(
    uow: UnitOfWork, account: ports.Account, code: str, outcome: str, now: datetime
) -> RedeemResult:
    await uow.invites.record_failure(account.id, code, outcome, now)
    return RedeemResult(outcome)


async def _audit(
    uow: UnitOfWork, action: str, account_id: int | None, now: datetime, **detail: Any
) -> None:
    event = await uow.audit.record(action, actor_account_id=account_id, detail=detail)
    # The service's clock, not the database's, so the trail agrees with everything else.
    event.at = now
